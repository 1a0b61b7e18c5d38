/**
 * The headings a slide shows, with their levels, read off its record: the reading order the tagged PDF must present
 * (written into the build manifest for the accessibility check) and what the components render from the same
 * fields (a browser test compares the two on every slide).
 */
import { assertNever } from "../assert-never.js";
import { plainText } from "../wording.js";
import type { Heading, ResolvedDeck, SlideRecord } from "./records.js";

const h = (level: Heading["level"], text: string): Heading => ({ level, text: plainText(text) });

export function headingsOf(s: SlideRecord): Heading[] {
  switch (s.kind) {
    case "title":
    case "intro":
    case "baustein":
    case "why":
    case "plan":
    case "details":
    case "status":
    case "changes":
    case "verlauf":
      return [h(1, s.heading)];
    case "overview":
      return [h(1, s.heading), ...s.cards.map((c) => h(2, c.title))];
    case "measure":
      return [h(1, s.heading), ...(s.points?.heading ? [h(2, s.points.heading)] : [])];
    case "chances-risks":
      return [h(1, s.heading), ...s.columns.map((c) => h(2, c.heading))];
    case "closing":
      return [];
    default:
      return assertNever(s, "Folie");
  }
}

/** The heading texts of every slide in order: what a reader of the PDF's structure meets. */
export function readingOrder(deck: Pick<ResolvedDeck, "slides">): string[] {
  return deck.slides.flatMap((s) => headingsOf(s).map((x) => x.text));
}
