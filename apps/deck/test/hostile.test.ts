/**
 * Property tests on the pure code that turns the model into slides: whatever text the content holds (arbitrary
 * Unicode, template syntax, HTML, slide separators, Slidev slots, backticks, pipes, formulas, Markdown links,
 * emoji, right-to-left text, long German compounds), the slide count and order stay as the model says, the
 * generated Markdown parses into exactly those slides, and the notes come back literally.
 */
import type { Concept } from "@dus-opendata/concept";
import { parser } from "@slidev/cli";
import fc from "fast-check";
import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import { buildDeckData } from "../src/deck-data.js";
import { hyphenateText } from "../src/hyphenate.js";
import { linkParts } from "../src/links.js";
import { buildOutline, escapeMarkdown, outlineMarkdown } from "../src/outline.js";
import { realConcept } from "./support.js";

const RUNS = Number(process.env.PROPERTY_RUNS ?? 2000);
const concept = realConcept();
const md = new MarkdownIt({ html: true });

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
  t: { title: string; summary: string; chance: string; risk: string; baustein: string },
): Concept {
  const copy = structuredClone(c);
  copy.title = t.title;
  for (const b of copy.bausteine) {
    b.title = t.baustein;
    b.chances = [t.chance, ...b.chances.slice(1)];
    b.risks = [...b.risks.slice(0, -1), t.risk];
    for (const m of b.measures) {
      m.title = t.title;
      m.summary = [t.summary];
    }
  }
  return copy;
}

const texts = fc.record({ title: hostile, summary: hostile, chance: hostile, risk: hostile, baustein: hostile });
const shape = (c: Concept, id: string) =>
  buildOutline(c, c.decks.find((d) => d.id === id)!).slides.map((s) => [s.kind, s.baustein, s.measure, s.intro]);

describe("hostile text never changes the slides", () => {
  it.each(concept.decks.map((d) => d.id))("keeps the slide count and order of the variant %s", (id) => {
    const expected = shape(concept, id);
    fc.assert(
      fc.property(texts, (t) => {
        expect(shape(withText(concept, t), id)).toEqual(expected);
      }),
      { numRuns: RUNS },
    );
  });

  it("generates Markdown that Slidev parses into exactly the outline's slides, notes intact", () => {
    const variant = concept.decks.find((d) => d.id === "poa")!;
    fc.assert(
      fc.property(texts, (t) => {
        const outline = buildOutline(withText(concept, t), variant);
        const markdown = ["---", "title: x", "---", "", ...outlineMarkdown(outline)].join("\n");
        const parsed = parser.parseSync(markdown, "slides.md");
        expect(parsed.slides).toHaveLength(outline.slides.length);
        parsed.slides.forEach((slide, i) => {
          expect(slide.content.trim()).toBe(`<ConceptSlide :n="${i}" />`);
          const note = outline.slides[i]!.notes;
          if (note.length === 0) expect(slide.note ?? "").toBe("");
          else {
            const html = md.render(slide.note ?? "");
            const text = html
              .replace(/<\/p>\s*<p>/g, "\n")
              .replace(/<\/?p>\n?/g, "")
              .replace(/&lt;/g, "<")
              .replace(/&gt;/g, ">")
              .replace(/&quot;/g, '"')
              .replace(/&amp;/g, "&")
              .trim();
            expect(text).toBe(note.map((n) => n.replace(/\r?\n/g, " ")).join("\n"));
          }
        });
      }),
      { numRuns: Math.ceil(RUNS / 4) },
    );
  });

  it("escapes notes so that no tag, comment end or slide separator survives", () => {
    fc.assert(
      fc.property(hostile, (s) => {
        const e = escapeMarkdown(s);
        expect(e).not.toMatch(/[<>]/);
        expect(e).not.toContain("--");
        expect(e).not.toMatch(/(^|\n)---/);
        expect(e).not.toContain("\n");
      }),
      { numRuns: RUNS },
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
        const parts = linkParts(s, concept.portal);
        expect(parts.map((p) => p.text).join("")).toBe(s);
        for (const p of parts) if (p.href) expect(p.href).toMatch(/^https?:\/\//);
      }),
      { numRuns: RUNS },
    );
  });

  it("builds the deck data for hostile content with counts from the model", () => {
    fc.assert(
      fc.property(texts, (t) => {
        const c = withText(concept, t);
        const data = buildDeckData(c, c.decks.find((d) => d.id === "poa")!);
        expect(data.counts.measures).toBe(14);
        expect(data.timeline.map((r) => r.title)).toEqual(Array(14).fill(t.title));
      }),
      { numRuns: Math.ceil(RUNS / 4) },
    );
  });
});
