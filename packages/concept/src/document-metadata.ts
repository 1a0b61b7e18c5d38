import { labels } from "./labels.js";
import type { Concept } from "./model.js";
import { formatStand, standDate } from "./views.js";

/** What a PDF of the concept is: a presentation (Slidev, printed by Chromium) or a flyer (react-pdf). */
export type DocumentMedium = "deck" | "flyer";

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
