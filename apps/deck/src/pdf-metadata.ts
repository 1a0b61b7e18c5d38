/**
 * The document-level parts of PDF/UA-1 (ISO 14289-1, 5 and 7.1) that Chromium does not write: the PDF 1.7
 * header, XMP metadata with the title and the PDF/UA identifier, and alternative descriptions of link
 * annotations. Everything is derived from the given metadata, never from the clock.
 */
import { PDFArray, PDFDict, type PDFDocument, PDFHeader, PDFHexString, PDFName, PDFString } from "pdf-lib";

export interface XmpFields {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  creator: string;
  producer: string;
  /** ISO date (YYYY-MM-DD) for creation and modification. */
  date: string;
  language: string;
}

const xml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The XMP packet: Dublin Core, XMP basic, Adobe PDF and the PDF/UA identification schema. */
export function xmpPacket(f: XmpFields): string {
  const date = `${f.date}T00:00:00Z`;
  return [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    ' <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '  <rdf:Description rdf:about=""',
    '    xmlns:dc="http://purl.org/dc/elements/1.1/"',
    '    xmlns:xmp="http://ns.adobe.com/xap/1.0/"',
    '    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"',
    '    xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">',
    "   <pdfuaid:part>1</pdfuaid:part>",
    "   <dc:format>application/pdf</dc:format>",
    `   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">${xml(f.title)}</rdf:li></rdf:Alt></dc:title>`,
    `   <dc:creator><rdf:Seq><rdf:li>${xml(f.author)}</rdf:li></rdf:Seq></dc:creator>`,
    `   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">${xml(f.subject)}</rdf:li></rdf:Alt></dc:description>`,
    `   <dc:language><rdf:Bag><rdf:li>${xml(f.language)}</rdf:li></rdf:Bag></dc:language>`,
    `   <pdf:Keywords>${xml(f.keywords.join(" "))}</pdf:Keywords>`,
    `   <pdf:Producer>${xml(f.producer)}</pdf:Producer>`,
    `   <xmp:CreatorTool>${xml(f.creator)}</xmp:CreatorTool>`,
    `   <xmp:CreateDate>${date}</xmp:CreateDate>`,
    `   <xmp:ModifyDate>${date}</xmp:ModifyDate>`,
    `   <xmp:MetadataDate>${date}</xmp:MetadataDate>`,
    "  </rdf:Description>",
    " </rdf:RDF>",
    "</x:xmpmeta>",
    '<?xpacket end="w"?>',
  ].join("\n");
}

/** Header 1.7, the XMP stream (uncompressed, as readers expect) and the marked-content flag. */
export function writeDocumentMetadata(pdf: PDFDocument, f: XmpFields): void {
  pdf.context.header = PDFHeader.forVersion(1, 7);
  const stream = pdf.context.stream(new TextEncoder().encode(xmpPacket(f)), { Type: "Metadata", Subtype: "XML" });
  pdf.catalog.set(PDFName.of("Metadata"), pdf.context.register(stream));
  pdf.catalog.set(PDFName.of("MarkInfo"), pdf.context.obj({ Marked: true }));
  pdf.setLanguage(f.language);
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
