import { PDFBool, PDFDict, type PDFDocument, PDFHexString, PDFName, PDFRef, PDFString } from "pdf-lib";

/** What a flyer says about itself: Info dictionary and XMP carry the same values. */
export interface PdfMeta {
  title: string;
  author: string;
  subject: string;
  keywords: string;
  creator: string;
  producer: string;
  /** From the Stand, never the clock. */
  date: Date;
}

/** Whether the document is tagged: MarkInfo /Marked true and a structure tree with at least one element. */
export function isTagged(doc: PDFDocument): boolean {
  const markInfo = doc.catalog.lookupMaybe(PDFName.of("MarkInfo"), PDFDict);
  const root = doc.catalog.lookupMaybe(PDFName.of("StructTreeRoot"), PDFDict);
  return markInfo?.get(PDFName.of("Marked")) === PDFBool.True && root?.get(PDFName.of("K")) !== undefined;
}

/** Text for XML: the five reserved characters escaped, characters XML 1.0 cannot hold dropped. */
const xml = (s: string) =>
  s
    // biome-ignore lint/suspicious/noControlCharactersInRegex: exactly these are not allowed in XML 1.0
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");

const xmpDate = (d: Date) => `${d.toISOString().slice(0, 19)}Z`;

/**
 * The XMP packet: Dublin Core title, creator, description and language, the dates, tool and keywords, and, for a
 * tagged document only, the PDF/UA-1 identifier. An untagged file never claims PDF/UA.
 */
export function xmpPacket(meta: PdfMeta, options: { lang: string; pdfua: boolean }): string {
  const li = (s: string) => `<rdf:li xml:lang="x-default">${xml(s)}</rdf:li>`;
  return [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    ' <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '  <rdf:Description rdf:about=""',
    '    xmlns:dc="http://purl.org/dc/elements/1.1/"',
    '    xmlns:xmp="http://ns.adobe.com/xap/1.0/"',
    '    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"',
    ...(options.pdfua ? ['    xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"'] : []),
    "  >",
    "   <dc:format>application/pdf</dc:format>",
    `   <dc:title><rdf:Alt>${li(meta.title)}</rdf:Alt></dc:title>`,
    `   <dc:creator><rdf:Seq><rdf:li>${xml(meta.author)}</rdf:li></rdf:Seq></dc:creator>`,
    `   <dc:description><rdf:Alt>${li(meta.subject)}</rdf:Alt></dc:description>`,
    `   <dc:language><rdf:Bag><rdf:li>${xml(options.lang)}</rdf:li></rdf:Bag></dc:language>`,
    `   <xmp:CreateDate>${xmpDate(meta.date)}</xmp:CreateDate>`,
    `   <xmp:ModifyDate>${xmpDate(meta.date)}</xmp:ModifyDate>`,
    `   <xmp:MetadataDate>${xmpDate(meta.date)}</xmp:MetadataDate>`,
    `   <xmp:CreatorTool>${xml(meta.creator)}</xmp:CreatorTool>`,
    `   <pdf:Producer>${xml(meta.producer)}</pdf:Producer>`,
    `   <pdf:Keywords>${xml(meta.keywords)}</pdf:Keywords>`,
    ...(options.pdfua ? ["   <pdfuaid:part>1</pdfuaid:part>"] : []),
    "  </rdf:Description>",
    " </rdf:RDF>",
    "</x:xmpmeta>",
    '<?xpacket end="w"?>',
  ].join("\n");
}

/**
 * Writes the document's XMP metadata (uncompressed, as PDF/UA and PDF/A readers expect it), in place of the packet
 * pdfkit wrote: pdfkit puts the Info values into its XML unescaped, so a title with „&“ or „<“ broke it.
 */
export function writeMetadata(doc: PDFDocument, meta: PdfMeta): void {
  const lang = doc.catalog.lookupMaybe(PDFName.of("Lang"), PDFString, PDFHexString)?.decodeText() ?? "";
  const packet = xmpPacket(meta, { lang, pdfua: isTagged(doc) });
  const stream = doc.context.stream(new TextEncoder().encode(packet), { Type: "Metadata", Subtype: "XML" });
  const existing = doc.catalog.get(PDFName.of("Metadata"));
  if (existing instanceof PDFRef) doc.context.assign(existing, stream);
  else doc.catalog.set(PDFName.of("Metadata"), doc.context.register(stream));
}
