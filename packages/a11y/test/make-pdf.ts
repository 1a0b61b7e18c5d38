/**
 * Small PDFs for the tests, written with pdfkit (the writer react-pdf uses) and, for what pdfkit cannot write,
 * edited with pdf-lib. `goodPdf` passes every check; each test changes one thing.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { type PDFDocument as LibDocument, PDFArray, PDFDict, PDFName, PDFString, PDFDocument as PdfLib } from "pdf-lib";
import PDFDocument from "pdfkit";
import { afterAll } from "vitest";

const require = createRequire(import.meta.url);
const FONT = join(
  dirname(require.resolve("@expo-google-fonts/source-sans-3/package.json")),
  "400Regular",
  "SourceSans3_400Regular.ttf",
);

export type Doc = InstanceType<typeof PDFDocument>;
export type Struct = ReturnType<Doc["struct"]>;

export interface PdfOptions {
  tagged?: boolean;
  lang?: string;
  displayTitle?: boolean;
  title?: string;
  /** Writes the PDF/UA identifier (pdfuaid:part 1) into the XMP. */
  pdfua?: boolean;
}

/** Places text and shapes one below the other, so the content of a test reads like its code. */
export class Writer {
  y = 60;
  constructor(
    readonly doc: Doc,
    readonly root: Struct | undefined,
  ) {}

  private next(height: number): number {
    const y = this.y;
    this.y += height;
    return y;
  }

  /** A tagged element holding one line of text; `actual` replaces the text for extraction (ActualText). */
  text(type: string, text: string, options: { actual?: string } = {}): void {
    const y = this.next(24);
    const el = this.doc.struct(type, () => {
      if (options.actual !== undefined) this.doc.markContent("Span", { actual: options.actual });
      this.doc.fontSize(type.startsWith("H") ? 16 : 11).text(text, 60, y, { lineBreak: false });
      if (options.actual !== undefined) this.doc.endMarkedContent();
    });
    this.root!.add(el);
  }

  /** A tagged Figure (a filled square), with /Alt when given. */
  figure(alt?: string): void {
    const y = this.next(50);
    this.root!.add(this.doc.struct("Figure", alt === undefined ? {} : { alt }, () => this.square(y)));
  }

  /** A table with one header row and one data row; `scope` sets /Scope on the header cells. */
  table(headers: string[], cells: string[], scope?: "Column" | "Row"): void {
    const table = this.doc.struct("Table");
    this.root!.add(table);
    for (const [row, kind] of [
      [headers, "TH"],
      [cells, "TD"],
    ] as const) {
      const tr = this.doc.struct("TR");
      table.add(tr);
      const y = this.next(20);
      row.forEach((t, i) => {
        tr.add(
          this.doc.struct(kind, kind === "TH" && scope ? { scope } : {}, () => {
            this.doc.fontSize(11).text(t, 60 + i * 150, y, { lineBreak: false });
          }),
        );
      });
      tr.end();
    }
    table.end();
  }

  /** A decoration marked as an Artifact. */
  artifact(): void {
    const y = this.next(50);
    this.doc.markContent("Artifact", { type: "Layout" });
    this.square(y);
    this.doc.endMarkedContent();
  }

  /** A square painted outside any marked content. */
  untagged(): void {
    this.square(this.next(50));
  }

  /** Text inside a marked-content sequence that has neither an MCID nor the Artifact tag. */
  untaggedSpan(text: string): void {
    const y = this.next(24);
    this.doc.markContent("Span");
    this.doc.fontSize(11).text(text, 60, y, { lineBreak: false });
    this.doc.endMarkedContent();
  }

  private square(y: number): void {
    this.doc.rect(60, y, 40, 40).fill("#336699");
  }
}

/** Writes a PDF: `draw` fills the pages through a Writer (tagged documents get a Document element as root). */
export async function writePdf(options: PdfOptions, draw: (w: Writer) => void): Promise<Uint8Array> {
  const { tagged = true, lang = "de-DE", displayTitle = true, title = "Probedokument", pdfua = true } = options;
  const doc = new PDFDocument({
    pdfVersion: "1.7",
    tagged,
    ...(lang ? { lang } : {}),
    displayTitle,
    ...(pdfua ? { subset: "PDF/UA" } : {}),
    info: title ? { Title: title } : {},
    font: FONT,
  });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((ok) => doc.on("end", () => ok()));
  let root: Struct | undefined;
  if (tagged) {
    root = doc.struct("Document");
    doc.addStructure(root);
  }
  draw(new Writer(doc, root));
  root?.end();
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}

/** The content every good test document has: title, section, paragraph, figure, table, decoration. */
export function drawGood(w: Writer): void {
  w.text("H1", "Probedokument");
  w.text("H2", "Erster Abschnitt");
  w.text("P", "Ein Absatz mit Text.");
  w.figure("Ein blaues Quadrat");
  w.table(["Name", "Wert"], ["Länge", "3"], "Column");
  w.text("H2", "Zweiter Abschnitt");
  w.text("H3", "Unterabschnitt");
  w.artifact();
}

export function goodPdf(options: PdfOptions = {}): Promise<Uint8Array> {
  return writePdf(options, drawGood);
}

/** Loads, changes and saves a PDF with pdf-lib, keeping everything else as written. */
export async function editPdf(bytes: Uint8Array, edit: (pdf: LibDocument) => void): Promise<Uint8Array> {
  const pdf = await PdfLib.load(bytes, { updateMetadata: false });
  edit(pdf);
  return pdf.save({ useObjectStreams: false });
}

/** Every structure element (as a raw dictionary) whose /S is `type`. */
export function structElements(pdf: LibDocument, type: string): PDFDict[] {
  const found: PDFDict[] = [];
  for (const [, obj] of pdf.context.enumerateIndirectObjects())
    if (obj instanceof PDFDict && obj.get(PDFName.of("S")) === PDFName.of(type)) found.push(obj);
  return found;
}

/** Adds /RoleMap entries to the StructTreeRoot. */
export function addRoleMap(pdf: LibDocument, map: Record<string, string>): void {
  const root = pdf.catalog.lookup(PDFName.of("StructTreeRoot"), PDFDict);
  const roleMap = pdf.context.obj(Object.fromEntries(Object.entries(map).map(([k, v]) => [k, PDFName.of(v)])));
  root.set(PDFName.of("RoleMap"), roleMap);
}

/** Gives every TD of the document a /Headers attribute naming the header cells by ID. */
export function addHeadersAttributes(pdf: LibDocument): void {
  const ids = structElements(pdf, "TH").map((th, i) => {
    th.set(PDFName.of("ID"), PDFString.of(`kopf-${i + 1}`));
    return PDFString.of(`kopf-${i + 1}`);
  });
  for (const td of structElements(pdf, "TD")) {
    const headers = PDFArray.withContext(pdf.context);
    for (const id of ids) headers.push(id);
    td.set(PDFName.of("A"), pdf.context.obj({ O: "Table", Headers: headers }));
  }
}

/** Replaces the XMP metadata by `rdf` (the content of rdf:RDF). */
export function setXmp(pdf: LibDocument, rdf: string): void {
  const xmp = `<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">${rdf}</rdf:RDF></x:xmpmeta><?xpacket end="w"?>`;
  const stream = pdf.context.stream(xmp, { Type: "Metadata", Subtype: "XML" });
  pdf.catalog.set(PDFName.of("Metadata"), pdf.context.register(stream));
}

/** Empties the structure tree: the StructTreeRoot stays, without elements. */
export function emptyStructTree(pdf: LibDocument): void {
  const root = pdf.catalog.lookup(PDFName.of("StructTreeRoot"), PDFDict);
  root.set(PDFName.of("K"), PDFArray.withContext(pdf.context));
}

const scratch: string[] = [];
// The folders go when the test file that made them is done.
afterAll(() => {
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Writes bytes to a fresh temporary folder and returns the file's path. */
export function saveTemp(bytes: Uint8Array, name = "probe.pdf"): string {
  const dir = mkdtempSync(join(tmpdir(), "a11y-test-"));
  scratch.push(dir);
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return file;
}
