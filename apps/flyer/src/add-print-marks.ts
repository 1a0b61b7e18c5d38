import { metadataDate } from "@dus-opendata/concept";
import {
  endMarkedContent,
  ParseSpeeds,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFOperator,
  PDFOperatorNames,
  rgb,
} from "pdf-lib";
import { BLEED, type Geometry, MARK_LENGTH, MARK_OFFSET, SLUG } from "./formats.js";
import { type PdfMeta, writeMetadata } from "./write-metadata.js";

/** Hairline for crop and fold marks, as printers expect them. */
const MARK_WIDTH = 0.25;

function hexToRgb(hex: string) {
  const n = Number.parseInt(hex.slice(1), 16);
  return rgb(((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255);
}

/**
 * react-pdf writes the modification date under a key PDF does not know (`ModificationDate`); the date goes to
 * `ModDate`, the same day as the creation date: the Stand, never the clock. pdf-lib's load and save keep the
 * structure tree (only copying pages into another document would drop it).
 */
export function savePdf(doc: PDFDocument, meta: PdfMeta) {
  const info = doc.context.lookup(doc.context.trailerInfo.Info, PDFDict);
  info.delete(PDFName.of("ModificationDate"));
  doc.setModificationDate(metadataDate(meta));
  writeMetadata(doc, meta);
  // pdf-lib waits a timer tick every 50 objects by default (to keep a browser responsive); here that only adds up.
  return doc.save({ useObjectStreams: false, objectsPerTick: Number.POSITIVE_INFINITY });
}

/** The screen file: every page cut to the trim size (the rendered page carries the slug around it). */
export function cropToTrim(doc: PDFDocument, geometry: Geometry): void {
  for (const page of doc.getPages()) page.setMediaBox(SLUG, SLUG, geometry.width, geometry.height);
}

/**
 * The print file: TrimBox = trim size, BleedBox = trim + 3 mm on every side, crop marks at the corners and
 * dashed fold marks at the folds, both outside the bleed, in a MediaBox of trim + 10 mm on every side.
 * `markColor` is the brand's darkest ink.
 */
export function addPrintMarks(doc: PDFDocument, geometry: Geometry, markColor: string): void {
  const { width: W, height: H } = geometry;
  const color = hexToRgb(markColor);
  const line = (x1: number, y1: number, x2: number, y2: number, dashed = false) => ({
    start: { x: x1, y: y1 },
    end: { x: x2, y: y2 },
    thickness: MARK_WIDTH,
    color,
    ...(dashed ? { dashArray: [2, 2] } : {}),
  });
  const near = MARK_OFFSET;
  const far = MARK_OFFSET + MARK_LENGTH;
  // Trim edges in PDF coordinates (origin bottom left).
  const left = SLUG;
  const right = SLUG + W;
  const bottom = SLUG;
  const top = SLUG + H;
  // Marks are production aids, not content: artifacts of type Page (ISO 32000-1, 14.8.2.2.2).
  // pdf-lib takes no dictionary as an operand: the property list is written as it appears in the stream.
  const beginArtifact = PDFOperator.of(PDFOperatorNames.BeginMarkedContentSequence, [
    PDFName.of("Artifact"),
    "<< /Type /Page >>",
  ]);
  doc.getPages().forEach((page, i) => {
    page.setMediaBox(0, 0, W + 2 * SLUG, H + 2 * SLUG);
    page.setBleedBox(SLUG - BLEED, SLUG - BLEED, W + 2 * BLEED, H + 2 * BLEED);
    page.setTrimBox(SLUG, SLUG, W, H);
    page.pushOperators(beginArtifact);
    for (const x of [left, right]) {
      page.drawLine(line(x, top + near, x, top + far));
      page.drawLine(line(x, bottom - near, x, bottom - far));
    }
    for (const y of [bottom, top]) {
      page.drawLine(line(left - near, y, left - far, y));
      page.drawLine(line(right + near, y, right + far, y));
    }
    for (const fold of geometry.sheets[i]?.folds ?? []) {
      page.drawLine(line(left + fold, top + near, left + fold, top + far, true));
      page.drawLine(line(left + fold, bottom - near, left + fold, bottom - far, true));
    }
    page.pushOperators(endMarkedContent());
  });
}

export interface FinishOptions {
  geometry: Geometry;
  /** Title, author, … and the date of the content's Stand, for the Info dictionary and the XMP packet. */
  meta: PdfMeta;
  markColor: string;
}

/**
 * From react-pdf's output (trim area in the middle of a page with the slug around it) to the two files: parsed
 * once, saved cut to the trim (screen), then with boxes and marks (print). `updateMetadata: false` keeps
 * react-pdf's Info dictionary (dates from the Stand, Producer) as it is.
 */
export async function finishPdfs(rendered: Uint8Array, { geometry, meta, markColor }: FinishOptions) {
  const doc = await PDFDocument.load(rendered, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  cropToTrim(doc, geometry);
  const screen = await savePdf(doc, meta);
  addPrintMarks(doc, geometry, markColor);
  const print = await savePdf(doc, meta);
  return { screen, print };
}
