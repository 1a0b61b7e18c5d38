/** The headings per slide (the PDF's reading order) and the status timeline in words, from a fixture concept. */
import { labels } from "@dus-opendata/concept";
import { loadConceptSync } from "@dus-opendata/concept/node";
import { describe, expect, it } from "vitest";
import { buildDeckData } from "../src/deck-data.js";
import { readingOrder, slideHeadings } from "../src/slide-headings.js";
import { describeTimeline } from "../src/timeline-description.js";
import { fixtureConcept } from "./support.js";

const concept = loadConceptSync(fixtureConcept());
const all = { ...concept.decks[0]!, id: "alles", blocks: undefined, parts: undefined, measures: undefined };
const deck = buildDeckData(concept, { ...all, intro: undefined, sections: [...concept.decks[0]!.sections] });

describe("slide headings", () => {
  it("gives every slide one H1 first and only H2 below it, except the closing slide, which has none", () => {
    for (const s of deck.outline.slides) {
      const h = slideHeadings(deck, s);
      if (s.kind === "closing") expect(h).toEqual([]);
      else {
        expect(h[0]?.level, s.kind).toBe(1);
        expect(h.slice(1).every((x) => x.level === 2)).toBe(true);
      }
    }
  });

  it("names each Baustein's and Maßnahme's slides by their titles, and the fixed slides by their labels", () => {
    const b = concept.bausteine[0]!;
    const m = b.measures[0]!;
    const of = (kind: string, pred: (s: (typeof deck.outline.slides)[number]) => boolean = () => true) =>
      slideHeadings(deck, deck.outline.slides.find((s) => s.kind === kind && pred(s))!);
    expect(of("title")).toEqual([{ level: 1, text: deck.outline.title }]);
    expect(of("baustein", (s) => s.baustein === b.id)).toEqual([{ level: 1, text: b.title }]);
    expect(of("measure", (s) => s.measure === m.id)[0]).toEqual({ level: 1, text: m.title });
    expect(of("chances-risks").map((h) => h.text)).toEqual([labels.chancesAndRisks, labels.chances, labels.risks]);
    expect(of("overview").slice(1)).toEqual(concept.bausteine.map((x) => ({ level: 2, text: x.title })));
    const status = deck.outline.slides.find((s) => s.kind === "status")!;
    expect(of("status")).toEqual([{ level: 1, text: status.title }]);
    expect(status.title.startsWith(labels.statusOverview)).toBe(true);
  });

  it("lists the headings of all slides in slide order as the reading order", () => {
    const order = readingOrder(deck);
    expect(order).toEqual(deck.outline.slides.flatMap((s) => slideHeadings(deck, s).map((h) => h.text)));
    expect(order.length).toBeGreaterThan(deck.outline.slides.length);
  });
});

describe("status timeline in words", () => {
  it("names every Maßnahme with its status and planned date, grouped by Baustein", () => {
    const text = describeTimeline(deck);
    expect(text.startsWith(`${labels.statusOverview} (${labels.stand}: ${deck.stand}).`)).toBe(true);
    for (const r of deck.timeline)
      expect(text).toContain(`${r.title} – ${r.statusLabel}, ${labels.planned} ${r.planned}`);
    for (const b of concept.bausteine.filter((x) => x.measures.length))
      expect(text).toContain(`${labels.baustein} ${b.number}: ${b.measures[0]!.title}`);
  });

  it("says which Maßnahmen are overdue as of the Stand", () => {
    const late = { ...deck, timeline: deck.timeline.map((r, i) => ({ ...r, overdue: i === 0 })) };
    const first = late.timeline[0]!;
    expect(describeTimeline(late)).toContain(
      `${first.title} – ${first.statusLabel}, ${labels.planned} ${first.planned}, ${labels.overdue}`,
    );
    const onTime = { ...deck, timeline: deck.timeline.map((r) => ({ ...r, overdue: false })) };
    expect(describeTimeline(onTime)).not.toContain(labels.overdue);
  });
});
