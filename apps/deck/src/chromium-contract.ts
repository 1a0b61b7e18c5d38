/**
 * What the deck's PDF rewriter (src/pdf-*.ts) relies on in Chromium's tagged PDFs, none of it documented by
 * Chromium: a structure tree written from the accessibility tree; PDF 2.0 role names such as `Strong` and `Em`
 * without a RoleMap (pdf-structure.ts maps them); element IDs named after DOM nodes, `node00000182`, renumbered by
 * pdf-ids.ts; every soft hyphen written as a glyph in a span whose ActualText holds U+00AD (pdf-artifacts.ts empties
 * it); at most one empty page after the last slide (export-pdf.ts removes it). `observeChromiumPdf` reads these off
 * a PDF, `contractProblems` names in German what no longer holds and which file to adapt. Small PDFs printed by a
 * known Chromium are checked in (test/fixtures/chromium/), so a changed Chromium fails a fast test with that
 * message; apps/deck/README.md says what to do on an upgrade.
 */
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, type PDFObject, PDFRef, PDFString } from "pdf-lib";
import { readContent } from "./pdf-artifacts.js";
import { decodeTextString, parseContent } from "./pdf-content.js";
import { ROLE_MAP, STANDARD_ROLES } from "./pdf-structure.js";

export interface ChromiumPdfShape {
  /** The header's version, e.g. `1.4`. */
  version: string;
  tagged: boolean;
  /** Every structure type used. */
  roles: string[];
  /** Element IDs that are not of the form `node<digits>`. */
  otherIds: string[];
  /** Spans whose ActualText holds a soft hyphen. */
  softHyphenSpans: number;
  pages: number;
  /** Pages after `expectedPages` that have no content of the structure tree. */
  emptyTrailingPages: number;
}

const text = (o: PDFObject | undefined): string | undefined =>
  o instanceof PDFString || o instanceof PDFHexString ? o.decodeText() : undefined;

export async function observeChromiumPdf(bytes: Uint8Array, expectedPages: number): Promise<ChromiumPdfShape> {
  const version = /^%PDF-(\d\.\d)/.exec(Buffer.from(bytes.subarray(0, 16)).toString("latin1"))?.[1] ?? "?";
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  const root = pdf.catalog.lookupMaybe(PDFName.of("StructTreeRoot"), PDFDict);
  const roles = new Set<string>();
  const otherIds: string[] = [];
  const seen = new Set<PDFDict>();
  const visit = (o: PDFObject | undefined) => {
    const value = o instanceof PDFRef ? pdf.context.lookup(o) : o;
    if (value instanceof PDFArray) for (const k of value.asArray()) visit(k);
    else if (value instanceof PDFDict && !seen.has(value)) {
      const type = value.lookupMaybe(PDFName.of("Type"), PDFName)?.decodeText();
      if (type && type !== "StructElem") return;
      seen.add(value);
      const s = value.lookupMaybe(PDFName.of("S"), PDFName)?.decodeText();
      if (s) roles.add(s);
      const id = text(value.get(PDFName.of("ID")));
      if (id !== undefined && !/^node\d+$/.test(id)) otherIds.push(id);
      visit(value.get(PDFName.of("K")));
    }
  };
  if (root) visit(root.get(PDFName.of("K")));
  let softHyphenSpans = 0;
  for (const page of pdf.getPages()) {
    const { text: stream } = readContent(pdf, page);
    for (const op of parseContent(stream)) {
      if (op.op !== "BDC" || !op.raw.includes("ActualText")) continue;
      const dict = op.operands[1];
      const actual = dict?.kind === "dict" ? dict.entries.get("ActualText") : undefined;
      if (actual?.kind === "string" && decodeTextString(actual.bytes).includes("\u00AD")) softHyphenSpans++;
    }
  }
  const pages = pdf.getPages();
  const emptyTrailingPages = pages.slice(expectedPages).filter((p) => !p.node.has(PDFName.of("StructParents"))).length;
  return {
    version,
    tagged: !!root,
    roles: [...roles].sort(),
    otherIds,
    softHyphenSpans,
    pages: pages.length,
    emptyTrailingPages,
  };
}

/** What no longer holds of the rewriter's assumptions, each with the file to adapt; empty when all hold. */
export function contractProblems(shape: ChromiumPdfShape, expectedPages: number): string[] {
  const problems: string[] = [];
  if (!shape.tagged)
    problems.push("Die PDF hat keinen Strukturbaum mehr: Chromiums Option „tagged“ prüfen (src/export-pdf.ts).");
  const unknown = shape.roles.filter((r) => !STANDARD_ROLES.has(r) && !(r in ROLE_MAP));
  if (unknown.length)
    problems.push(
      `Neue Strukturtypen, die weder Standard sind noch in der RoleMap stehen: ${unknown.join(", ")} — ROLE_MAP in src/pdf-structure.ts ergänzen.`,
    );
  if (shape.otherIds.length)
    problems.push(
      `Element-IDs in neuer Form (${shape.otherIds.slice(0, 3).join(", ")}) statt „node<Nummer>“: src/pdf-ids.ts prüfen (gleiche Inhalte müssen gleiche Bytes geben).`,
    );
  if (shape.softHyphenSpans === 0)
    problems.push(
      "Weiche Trennstriche stehen nicht mehr als Span mit ActualText U+00AD im Inhalt: src/pdf-artifacts.ts anpassen, sonst kommen getrennte Wörter nicht ganz beim Kopieren und Vorlesen an.",
    );
  if (shape.pages < expectedPages)
    problems.push(`Die PDF hat ${shape.pages} Seiten statt ${expectedPages}: das Drucken in src/export-pdf.ts prüfen.`);
  const extra = shape.pages - expectedPages;
  if (extra > 1 || (extra > 0 && shape.emptyTrailingPages !== extra))
    problems.push(
      `Nach der letzten Folie folgen ${extra} Seiten (davon ${shape.emptyTrailingPages} leer); src/export-pdf.ts entfernt höchstens eine leere.`,
    );
  return problems;
}
