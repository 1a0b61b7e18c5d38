/**
 * Property tests on the pure code that turns the model into slides: whatever text the content holds (arbitrary
 * Unicode, template syntax, HTML, slide separators, Slidev slots, backticks, pipes, formulas, Markdown links,
 * emoji, right-to-left text, long German compounds), the slide count and order stay as the model says, and the
 * data the browser reads (deck-data.json) carries every title and note exactly, the speaker's own notes too. That the browser then shows them
 * as text in every place is tested in title.e2e.test.ts and inert.e2e.test.ts.
 */
import { type Concept, countConcept, linkParts, resolveDeck, selectedBausteine } from "@dus-opendata/concept";
import { loadConceptSync } from "@dus-opendata/concept/node";
import { hyphenateText } from "@dus-opendata/typeset";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { deckDataFor } from "../src/load-deck.js";
import { fixtureConcept } from "./support.js";

const RUNS = Number(process.env.PROPERTY_RUNS ?? 2000);
const concept = loadConceptSync(fixtureConcept());

const FRAGMENTS = [
  "{{ x }}",
  "{{ $slidev.nav.next() }}",
  "<script>window.__pwned=1</script>",
  '<img src=x onerror="window.__pwned=2">',
  "---",
  "\n---\nlayout: cover\n---\n",
  "::right::",
  "::left::",
  "`code`",
  "```js\nalert(1)\n```",
  "| a | b |",
  "$$ x^2 $$",
  "$x$",
  "[Verweis](https://example.org)",
  "<!-- Kommentar -->",
  "-->",
  "<v-click>",
  "&amp; &lt;",
  "\\",
  "😀🇩🇪",
  "مرحبا بالعالم",
  "שלום",
  "\u202Eumgekehrt\u202C",
  "Donaudampfschifffahrtselektrizitätenhauptbetriebswerkbauunterbeamtengesellschaft",
  "Straße „Zitat“ – Maß",
];

/** Hostile text: arbitrary Unicode mixed with the fragments above. */
const hostile = fc
  .array(fc.oneof(fc.string({ unit: "grapheme", minLength: 1, maxLength: 12 }), fc.constantFrom(...FRAGMENTS)), {
    minLength: 1,
    maxLength: 6,
  })
  .map((parts) => parts.join(" ").trim())
  .filter((s) => s.length > 0);

function withText(
  c: Concept,
  t: { title: string; summary: string; chance: string; risk: string; baustein: string; notes: string },
): Concept {
  const copy = structuredClone(c);
  copy.title = t.title;
  for (const s of copy.intro) s.notes = [t.notes];
  for (const v of copy.decks) v.notes = [t.notes, t.title];
  for (const b of copy.bausteine) {
    b.title = t.baustein;
    b.notes = [t.notes];
    b.chances = [t.chance, ...b.chances.slice(1)];
    b.risks = [...b.risks.slice(0, -1), t.risk];
    for (const m of b.measures) {
      m.title = t.title;
      m.summary = [t.summary];
      m.notes = [t.notes, t.summary];
    }
  }
  return copy;
}

const texts = fc.record({
  title: hostile,
  summary: hostile,
  chance: hostile,
  risk: hostile,
  baustein: hostile,
  notes: hostile,
});
const shape = (c: Concept, id: string) =>
  resolveDeck(c, c.decks.find((d) => d.id === id)!).slides.map((s) => [
    s.kind,
    s.ref?.baustein,
    s.ref?.measure,
    s.ref?.intro,
  ]);

describe("hostile text never changes the slides", () => {
  it.each(concept.decks.map((d) => d.id))("keeps the slide count and order of the fixture's variant %s", (id) => {
    const expected = shape(concept, id);
    fc.assert(
      fc.property(texts, (t) => {
        expect(shape(withText(concept, t), id)).toEqual(expected);
      }),
      { numRuns: RUNS },
    );
  });

  it("carries every title and note into deck-data.json exactly, whatever they hold", () => {
    fc.assert(
      fc.property(texts, (t) => {
        const c = withText(concept, t);
        for (const v of c.decks) {
          const data = deckDataFor(c, v.id);
          const read = JSON.parse(JSON.stringify(data)) as typeof data;
          expect(read.slides.map((x) => [x.title, x.notes])).toEqual(
            resolveDeck(c, v).slides.map((x) => [x.title, x.notes]),
          );
          expect(read.title).toBe(v.title ?? t.title);
          // The speaker's notes travel as they are written, first on their slides.
          expect(read.slides[0]?.notes.slice(0, 2)).toEqual([t.notes, t.title]);
          for (const s of read.slides)
            if (s.kind === "measure") expect(s.notes.slice(0, 2)).toEqual([t.notes, t.summary]);
        }
      }),
      { numRuns: Math.ceil(RUNS / 4) },
    );
  });

  it("hyphenates without changing the text a reader sees", () => {
    fc.assert(
      fc.property(hostile, (s) => {
        expect(
          hyphenateText(s)
            .replace(/\u00AD/g, "")
            .replace(/\u00A0/g, " "),
        ).toBe(s.replace(/\u00A0/g, " "));
      }),
      { numRuns: RUNS },
    );
  });

  it("keeps every character when it finds links, and links only web addresses", () => {
    fc.assert(
      fc.property(hostile, (s) => {
        const parts = linkParts(s, { url: concept.portal, name: concept.portalName });
        expect(parts.map((p) => p.text).join("")).toBe(s);
        for (const p of parts) if (p.href) expect(p.href).toMatch(/^https:\/\//);
      }),
      { numRuns: RUNS },
    );
  });

  it("builds the deck data for hostile content with counts from the model", () => {
    fc.assert(
      fc.property(texts, (t) => {
        const c = withText(concept, t);
        for (const v of c.decks) {
          const data = deckDataFor(c, v.id);
          const shown = selectedBausteine(c, v);
          const n = countConcept({ bausteine: shown }).measures;
          const rows = data.slides.flatMap((x) => (x.kind === "status" ? x.timeline.rows : []));
          if (v.sections.includes("status")) expect(rows.map((r) => r.title)).toEqual(Array(n).fill(t.title));
        }
      }),
      { numRuns: Math.ceil(RUNS / 4) },
    );
  });
});
