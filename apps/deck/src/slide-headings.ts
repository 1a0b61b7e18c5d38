/**
 * The headings each slide shows, with their levels, as a pure function of the data: the reading order the
 * tagged PDF must present (written into the build manifest for the accessibility check) and what the slides
 * render (a browser test compares the two on every slide, so they cannot drift apart).
 */
import { assertNever } from "@dus-opendata/concept";
import type { DeckData } from "./deck-data.js";
import type { SlideSpec } from "./outline.js";

export interface Heading {
  level: 1 | 2 | 3;
  text: string;
}

export function slideHeadings(deck: DeckData, spec: SlideSpec): Heading[] {
  const c = deck.concept;
  const L = deck.labels;
  const b = c.bausteine.find((x) => x.id === spec.baustein);
  const m = b?.measures.find((x) => x.id === spec.measure);
  const h1 = (text: string): Heading => ({ level: 1, text });
  const h2 = (text: string): Heading => ({ level: 2, text });
  switch (spec.kind) {
    case "title":
      return [h1(deck.outline.title)];
    case "intro": {
      const intro = c.intro.find((s) => s.id === spec.intro);
      return intro ? [h1(intro.title)] : [];
    }
    case "overview":
      return [
        h1(spec.title),
        ...deck.selection.bausteine.flatMap((id) => c.bausteine.filter((x) => x.id === id).map((x) => h2(x.title))),
      ];
    case "baustein":
      return b ? [h1(b.title)] : [];
    case "why":
      return b ? [h1(b.why.title)] : [];
    case "plan":
      return b ? [h1(L.whatIsPlanned)] : [];
    case "measure": {
      if (!m) return [];
      const d = m.details;
      const block = d?.points && !d.facts && !d.outline && d.title ? [h2(d.title)] : [];
      return [h1(m.title), ...block];
    }
    case "details":
      return m?.details ? [h1(m.details.title ?? m.title)] : [];
    case "chances-risks":
      return b ? [h1(L.chancesAndRisks), h2(L.chances), h2(L.risks)] : [];
    case "status":
      return [h1(spec.title)];
    case "closing":
      return [];
    default:
      return assertNever(spec.kind);
  }
}

/** The heading texts of every slide in order: what a reader of the PDF's structure meets. */
export function readingOrder(deck: DeckData): string[] {
  return deck.outline.slides.flatMap((s) => slideHeadings(deck, s).map((h) => h.text));
}
