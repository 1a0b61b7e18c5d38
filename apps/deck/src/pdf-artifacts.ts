/**
 * What Chromium's tagged PDF leaves to do in the page content (ISO 14289-1, 7.1; Matterhorn 01-005):
 * - content painted outside any marked content (page backgrounds, elements hidden from assistive technology
 *   such as the slide footer) becomes an artifact;
 * - marked content that paints only vector graphics (backgrounds, borders, rules, bullets) belongs to a
 *   decoration, not to text: it becomes an artifact and leaves the structure tree; a Figure keeps its graphics;
 * - the soft hyphens Chromium writes as text are taken out of the text, so copy, search and screen readers get
 *   whole words while the visible hyphenation stays as it is. Chromium shows every soft hyphen as a glyph in a
 *   span whose ActualText is U+00AD (or a ligature's letters with U+00AD between them): an invisible glyph (one
 *   that stands for white space) goes with its span; elsewhere U+00AD is removed from the ActualText, so the
 *   hyphen drawn at a line break reads as nothing and the word as one.
 */
import { Buffer } from "node:buffer";
import { deflateSync, inflateSync } from "node:zlib";
import { decodePDFRawStream, PDFArray, type PDFDocument, PDFName, type PDFPage, PDFRawStream, PDFRef } from "pdf-lib";
import {
  applyEdits,
  decodeTextString,
  type Edit,
  type Operand,
  type Operation,
  PATH_PAINT,
  paints,
  parseContent,
  TEXT_SHOW,
} from "./pdf-content.js";
import type { StructTree } from "./pdf-structure.js";
import { type GlyphText, glyphsToText, pageFonts } from "./pdf-unicode.js";

/** Elements whose vector graphics are their content, not decoration. */
const GRAPHIC_ROLES = new Set(["Figure", "Formula", "Form"]);
const SHY = "\u00AD";

export interface ArtifactCounts {
  /** Runs of painting outside marked content, now artifacts. */
  wrapped: number;
  /** Marked-content sequences of decorations taken out of the structure. */
  detached: number;
  /** Soft hyphens whose ActualText was emptied. */
  softHyphens: number;
}

export function readContent(pdf: PDFDocument, page: PDFPage): { text: string; refs: PDFRef[] } {
  const contents = page.node.get(PDFName.of("Contents"));
  const refs =
    contents instanceof PDFArray
      ? contents.asArray().filter((x): x is PDFRef => x instanceof PDFRef)
      : contents instanceof PDFRef
        ? [contents]
        : [];
  const parts = refs.map((ref) => {
    const stream = pdf.context.lookup(ref);
    if (!(stream instanceof PDFRawStream)) throw new Error(`Inhaltsstrom ${ref} ist kein Datenstrom`);
    // Flate without predictor (what Chromium writes) through Node's zlib, which is many times faster.
    const plainFlate =
      stream.dict.lookupMaybe(PDFName.of("Filter"), PDFName)?.decodeText() === "FlateDecode" &&
      !stream.dict.has(PDFName.of("DecodeParms"));
    const bytes = plainFlate ? inflateSync(stream.contents) : decodePDFRawStream(stream).decode();
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
  });
  // Content streams of a page form one stream; a line break between them keeps tokens apart.
  return { text: parts.join("\n"), refs };
}

const props = (op: Operation): Map<string, Operand> | undefined => {
  const last = op.operands[op.operands.length - 1];
  return last?.kind === "dict" ? last.entries : undefined;
};
/** The first operand when it is a name (a marked-content tag, a font), read from the source text. */
const tagOf = (op: Operation) =>
  (/^\/([^\s/<[(]+)/.exec(op.raw)?.[1] ?? "").replace(/#([0-9a-fA-F]{2})/g, (_, h: string) =>
    String.fromCharCode(Number.parseInt(h, 16)),
  );
const mcidOf = (op: Operation) => {
  // Most operations are looked at only for this: read the operands only when an MCID is there at all.
  if (!op.raw.includes("MCID")) return undefined;
  const v = props(op)?.get("MCID");
  return v?.kind === "number" ? v.value : undefined;
};

/** The ActualText of a marked-content sequence when it contains a soft hyphen. */
function softHyphenText(op: Operation): string | undefined {
  if (!op.raw.includes("ActualText")) return undefined;
  const actual = props(op)?.get("ActualText");
  if (actual?.kind !== "string") return undefined;
  const text = decodeTextString(actual.bytes);
  return text.includes(SHY) ? text : undefined;
}

const hexText = (text: string) =>
  `<FEFF${[...text].map((c) => c.charCodeAt(0).toString(16).padStart(4, "0").toUpperCase()).join("")}>`;

/** The same marked-content operator with another ActualText; every other property stays. */
function withActualText(op: Operation, text: string): string {
  const entries = [...(props(op) ?? new Map<string, Operand>())]
    .filter(([k]) => k !== "ActualText")
    .map(([k, v]) => ` /${k} ${v.raw}`);
  return `${op.operands[0]?.raw ?? "/Span"} <</ActualText ${hexText(text)}${entries.join("")}>> BDC`;
}

const strings = (op: Operation): string[] =>
  op.operands.flatMap((o) =>
    o.kind === "string"
      ? [o.bytes]
      : o.kind === "array"
        ? o.items.flatMap((x) => (x.kind === "string" ? [x.bytes] : []))
        : [],
  );

const POSITIONING = new Set(["Td", "TD", "Tm", "T*", "ET", "BT", "'", '"']);

/** True when the glyphs after operation `i` are placed anew, so a glyph shown before may go without moving them. */
function nextGlyphPlaced(ops: Operation[], i: number): boolean {
  for (let j = i + 1; j < ops.length; j++) {
    if (POSITIONING.has(ops[j]!.op)) return true;
    if (TEXT_SHOW.has(ops[j]!.op)) return false;
  }
  return true;
}

interface Sequence {
  at: number;
  tag: string;
  mcid: number | undefined;
  text: boolean;
  paths: boolean;
  nestedTagged: boolean;
  /** For a span around a soft hyphen: its ActualText, the text its glyphs stand for, their operations. */
  shy?: { actual: string; glyphs: string | undefined; shows: number[] };
}

export interface PageContext {
  /** The structure type of the element that owns a marked-content sequence. */
  owner: (mcid: number) => string | undefined;
  fonts: Map<string, GlyphText>;
}

/** Rewrites one page's content; returns the MCIDs whose sequences became artifacts. */
export function markPageArtifacts(text: string, { owner: owners, fonts }: PageContext) {
  const ops = parseContent(text);
  const edits: Edit[] = [];
  const counts: ArtifactCounts = { wrapped: 0, detached: 0, softHyphens: 0 };
  const detached: number[] = [];
  const stack: Sequence[] = [];
  // The current run of operations outside marked content: where it starts and its last painting operation.
  let runStart = 0;
  let lastPaint = -1;
  // The text state's font is part of the graphics state: q saves it, Q restores it.
  let font: GlyphText | undefined;
  const saved: (GlyphText | undefined)[] = [];
  let shyOpen = 0;

  const closeRun = (end: number) => {
    if (lastPaint >= runStart) {
      edits.push({ from: runStart, to: runStart, text: "/Artifact BMC" });
      edits.push({ from: lastPaint + 1, to: lastPaint + 1, text: "EMC" });
      counts.wrapped++;
    }
    runStart = end;
    lastPaint = -1;
  };

  ops.forEach((op, i) => {
    switch (op.op) {
      case "BDC":
      case "BMC": {
        if (stack.length === 0) closeRun(i);
        const mcid = op.op === "BDC" ? mcidOf(op) : undefined;
        if (mcid !== undefined) for (const s of stack) s.nestedTagged = true;
        const actual = op.op === "BDC" ? softHyphenText(op) : undefined;
        stack.push({
          at: i,
          tag: tagOf(op),
          mcid,
          text: false,
          paths: false,
          nestedTagged: false,
          ...(actual === undefined ? {} : { shy: { actual, glyphs: "", shows: [] } }),
        });
        if (actual !== undefined) shyOpen++;
        return;
      }
      case "EMC": {
        const seq = stack.pop();
        if (!seq) throw new Error("EMC ohne BMC/BDC im Inhaltsstrom");
        if (seq.shy) {
          shyOpen--;
          const rest = seq.shy.actual.replaceAll(SHY, "");
          const invisible = rest === "" && seq.shy.glyphs !== undefined && seq.shy.glyphs.trim() === "";
          if (invisible && nextGlyphPlaced(ops, i))
            for (const at of [seq.at, ...seq.shy.shows, i]) edits.push({ from: at, to: at + 1, text: "" });
          else edits.push({ from: seq.at, to: seq.at + 1, text: withActualText(ops[seq.at]!, rest) });
          counts.softHyphens++;
        }
        if (stack.length === 0) {
          runStart = i + 1;
          lastPaint = -1;
          // Marked content that is neither structure nor artifact (a span around a glyph outside the
          // structure, say): the whole sequence becomes an artifact.
          if (seq.mcid === undefined && seq.tag !== "Artifact" && (seq.paths || seq.text)) {
            if (seq.nestedTagged) throw new Error(`Strukturinhalt innerhalb von /${seq.tag} ohne Struktur`);
            edits.push({ from: seq.at, to: seq.at, text: "/Artifact BMC" });
            edits.push({ from: i + 1, to: i + 1, text: "EMC" });
            counts.wrapped++;
          }
          // Only vector graphics, not part of a figure: a decoration.
          if (seq.mcid !== undefined && seq.paths && !seq.text && !seq.nestedTagged) {
            const role = owners(seq.mcid);
            if (!role || !GRAPHIC_ROLES.has(role)) {
              edits.push({ from: seq.at, to: seq.at + 1, text: "/Artifact BMC" });
              detached.push(seq.mcid);
              counts.detached++;
            }
          }
        }
        return;
      }
      case "BT":
      case "ET":
        // A marked-content sequence begun inside a text object ends inside it.
        if (stack.length === 0) closeRun(op.op === "BT" ? i + 1 : i);
        if (stack.length === 0 && op.op === "ET") runStart = i + 1;
        return;
    }
    if (op.op === "q") saved.push(font);
    else if (op.op === "Q") font = saved.pop();
    else if (op.op === "Tf") font = fonts.get(tagOf(op));
    const span = shyOpen > 0 ? stack.findLast((s) => s.shy) : undefined;
    if (span?.shy && TEXT_SHOW.has(op.op)) {
      span.shy.shows.push(i);
      for (const bytes of strings(op)) {
        const t = font && glyphsToText(font, bytes);
        span.shy.glyphs = t === undefined || span.shy.glyphs === undefined ? undefined : span.shy.glyphs + t;
      }
    }
    if (!paints(op.op)) return;
    if (stack.length === 0) lastPaint = i;
    else {
      const outer = stack[0]!;
      if (PATH_PAINT.has(op.op) || op.op === "sh") outer.paths = true;
      else outer.text = true;
    }
  });
  if (stack.length) throw new Error("BMC/BDC ohne EMC im Inhaltsstrom");
  closeRun(ops.length);
  return { text: applyEdits(text, ops, edits), counts, detached };
}

/** Marks the artifacts of every page and takes decorations out of the structure tree. */
export function markArtifacts(pdf: PDFDocument, tree: StructTree): ArtifactCounts {
  const total: ArtifactCounts = { wrapped: 0, detached: 0, softHyphens: 0 };
  const fontCache = new Map();
  for (const page of pdf.getPages()) {
    const { text, refs } = readContent(pdf, page);
    if (!refs.length) continue;
    const result = markPageArtifacts(text, {
      owner: (mcid) => {
        const owner = tree.owner(page, mcid);
        return owner ? tree.role(owner) : undefined;
      },
      fonts: pageFonts(pdf, page, fontCache),
    });
    tree.detachMcids(
      page,
      result.detached.filter((mcid) => tree.owner(page, mcid)),
    );
    const stream = pdf.context.stream(deflateSync(Buffer.from(result.text, "latin1")), { Filter: "FlateDecode" });
    page.node.set(PDFName.of("Contents"), pdf.context.register(stream));
    for (const ref of refs) pdf.context.delete(ref);
    total.wrapped += result.counts.wrapped;
    total.detached += result.counts.detached;
    total.softHyphens += result.counts.softHyphens;
  }
  return total;
}
