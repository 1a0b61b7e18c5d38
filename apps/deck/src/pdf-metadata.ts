/**
 * The document-level parts of PDF/UA-1 (ISO 14289-1, 5 and 7.1) that Chromium does not write: the PDF 1.7
 * header, XMP metadata with the title and the PDF/UA identifier (the concept package's packet, the same as the
 * flyers'), and alternative descriptions of link annotations. Everything is derived from the given metadata, never
 * from the clock.
 */
import { type DocumentMetadata, xmpPacket } from "@dus-opendata/concept";
import { PDFArray, PDFDict, type PDFDocument, PDFHeader, PDFHexString, PDFName, PDFString } from "pdf-lib";

/** Header 1.7, the XMP stream (uncompressed, as readers expect) and the marked-content flag. */
export function writeDocumentMetadata(pdf: PDFDocument, m: DocumentMetadata): void {
  pdf.context.header = PDFHeader.forVersion(1, 7);
  const packet = xmpPacket(m, { pdfua: true });
  const stream = pdf.context.stream(new TextEncoder().encode(packet), { Type: "Metadata", Subtype: "XML" });
  pdf.catalog.set(PDFName.of("Metadata"), pdf.context.register(stream));
  pdf.catalog.set(PDFName.of("MarkInfo"), pdf.context.obj({ Marked: true }));
  pdf.setLanguage(m.language);
}

/**
 * Every link annotation gets a description (its /Contents), which PDF/UA requires of annotations; it names
 * where the link leads.
 */
export function describeLinks(pdf: PDFDocument, describe: (uri: string) => string): number {
  let n = 0;
  for (const page of pdf.getPages()) {
    const annots = page.node.lookupMaybe(PDFName.of("Annots"), PDFArray);
    if (!annots) continue;
    for (let i = 0; i < annots.size(); i++) {
      const annot = annots.lookup(i, PDFDict);
      if (annot.lookupMaybe(PDFName.of("Subtype"), PDFName)?.decodeText() !== "Link") continue;
      const uri = annot.lookupMaybe(PDFName.of("A"), PDFDict)?.lookup(PDFName.of("URI"));
      const text = uri instanceof PDFString || uri instanceof PDFHexString ? uri.decodeText() : "";
      if (!text) continue;
      annot.set(PDFName.of("Contents"), PDFHexString.fromText(describe(text)));
      n++;
    }
  }
  return n;
}
