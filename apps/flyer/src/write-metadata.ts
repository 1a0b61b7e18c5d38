import { type DocumentMetadata, xmpPacket } from "@dus-opendata/concept";
import { PDFBool, PDFDict, type PDFDocument, PDFName, PDFRef } from "pdf-lib";

/** What a flyer says about itself: Info dictionary and XMP carry the same values, the concept package's. */
export type PdfMeta = DocumentMetadata;

/** Whether the document is tagged: MarkInfo /Marked true and a structure tree with at least one element. */
export function isTagged(doc: PDFDocument): boolean {
  const markInfo = doc.catalog.lookupMaybe(PDFName.of("MarkInfo"), PDFDict);
  const root = doc.catalog.lookupMaybe(PDFName.of("StructTreeRoot"), PDFDict);
  return markInfo?.get(PDFName.of("Marked")) === PDFBool.True && root?.get(PDFName.of("K")) !== undefined;
}

/**
 * Writes the document's XMP metadata (uncompressed, as PDF/UA and PDF/A readers expect it), in place of the packet
 * pdfkit wrote: pdfkit puts the Info values into its XML unescaped, so a title with „&“ or „<“ broke it.
 */
export function writeMetadata(doc: PDFDocument, meta: PdfMeta): void {
  const packet = xmpPacket(meta, { pdfua: isTagged(doc) });
  const stream = doc.context.stream(new TextEncoder().encode(packet), { Type: "Metadata", Subtype: "XML" });
  const existing = doc.catalog.get(PDFName.of("Metadata"));
  if (existing instanceof PDFRef) doc.context.assign(existing, stream);
  else doc.catalog.set(PDFName.of("Metadata"), doc.context.register(stream));
}
