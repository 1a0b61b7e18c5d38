import { labels } from "./labels.js";
import type { Concept } from "./model.js";
import { formatStand, standDate } from "./views.js";

/** What a PDF of the concept is: a presentation (Slidev, printed by Chromium) or a flyer (react-pdf). */
export type DocumentMedium = "deck" | "flyer" | "report";

/** The document properties every PDF carries, the same for the deck and the flyers. */
export interface DocumentMetadata {
  title: string;
  /** Organisation and city: „Amt für Digitales, Stadt Beispielstadt“. */
  author: string;
  subject: string;
  /** The content's keywords, then the titles of the Bausteine; each once. */
  keywords: string[];
  /** The tool that made the document; no word of a concept. */
  creator: string;
  producer: string;
  language: "de-DE";
  /** The day the Stand stands for (ISO `YYYY-MM-DD`): the PDF's dates, never the clock. */
  date: string;
}

const MEDIA: Record<DocumentMedium, { name: string; creator: string; producer: string }> = {
  deck: { name: "Präsentation", creator: "Foliengenerator (Slidev, Chromium)", producer: "pdf-lib" },
  flyer: {
    name: "Flyer",
    creator: "Flyergenerator (@react-pdf/renderer)",
    producer: "@react-pdf/renderer und pdf-lib",
  },
  report: {
    name: "Sachstandsbericht",
    creator: "Berichtsgenerator (@react-pdf/renderer)",
    producer: "@react-pdf/renderer und pdf-lib",
  },
};

/**
 * The PDF metadata of one output: `title` as the output shows it, `occasion` the deck variant's or the flyer's.
 * Pure: the same concept gives the same metadata, so the same bytes.
 */
export function documentMetadata(
  c: Pick<Concept, "title" | "organisation" | "city" | "keywords" | "bausteine" | "stand">,
  options: { title: string; occasion: string; medium: DocumentMedium },
): DocumentMetadata {
  const medium = MEDIA[options.medium];
  return {
    title: options.title,
    author: `${c.organisation}, ${c.city}`,
    subject: `${medium.name} „${options.occasion}“ zum Konzept „${c.title}“ · ${labels.stand}: ${formatStand(c.stand)}`,
    keywords: [...new Set([...c.keywords, ...c.bausteine.map((b) => b.title)])],
    creator: medium.creator,
    producer: medium.producer,
    language: "de-DE",
    date: standDate(c),
  };
}

/** The keywords as one line, the way the Info dictionary and the XMP packet both write them. */
export const keywordsLine = (m: Pick<DocumentMetadata, "keywords">): string => m.keywords.join(", ");

/** The document's date (the Stand's day, 00:00 UTC) for the Info dictionary. */
export const metadataDate = (m: Pick<DocumentMetadata, "date">): Date => new Date(`${m.date}T00:00:00Z`);

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

/**
 * The XMP packet of every PDF (deck and flyers): Dublin Core title, creator, description and language, the dates,
 * tool and keywords, and, only when `pdfua` is set (a tagged document), the PDF/UA-1 identifier. An untagged file
 * never claims PDF/UA. Pure: the same metadata gives the same bytes.
 */
export function xmpPacket(m: DocumentMetadata, options: { pdfua: boolean }): string {
  const li = (s: string) => `<rdf:li xml:lang="x-default">${xml(s)}</rdf:li>`;
  const date = `${m.date}T00:00:00Z`;
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
    `   <dc:title><rdf:Alt>${li(m.title)}</rdf:Alt></dc:title>`,
    `   <dc:creator><rdf:Seq><rdf:li>${xml(m.author)}</rdf:li></rdf:Seq></dc:creator>`,
    `   <dc:description><rdf:Alt>${li(m.subject)}</rdf:Alt></dc:description>`,
    `   <dc:language><rdf:Bag><rdf:li>${xml(m.language)}</rdf:li></rdf:Bag></dc:language>`,
    `   <xmp:CreateDate>${date}</xmp:CreateDate>`,
    `   <xmp:ModifyDate>${date}</xmp:ModifyDate>`,
    `   <xmp:MetadataDate>${date}</xmp:MetadataDate>`,
    `   <xmp:CreatorTool>${xml(m.creator)}</xmp:CreatorTool>`,
    `   <pdf:Producer>${xml(m.producer)}</pdf:Producer>`,
    `   <pdf:Keywords>${xml(keywordsLine(m))}</pdf:Keywords>`,
    ...(options.pdfua ? ["   <pdfuaid:part>1</pdfuaid:part>"] : []),
    "  </rdf:Description>",
    " </rdf:RDF>",
    "</x:xmpmeta>",
    '<?xpacket end="w"?>',
  ].join("\n");
}
