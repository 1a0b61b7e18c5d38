/**
 * Hostile text in the content never changes a flyer's structure and always arrives as text: property tests on
 * the pure step that turns the model into flyer sections, then one real render whose PDF text holds it.
 */
import type { Concept } from "@dus-opendata/concept";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FlyerError, prepareFlyer, renderFlyer } from "../src/index.js";
import { haveTools, loadFixture, removeDir, run, tempDir } from "./helpers.js";

const RUNS = Number(process.env.PROPERTY_RUNS ?? 1000);
const concept = loadFixture("beispielstadt");

const FRAGMENTS = [
  "{{ x }}",
  "<script>alert(1)</script>",
  '<img src=x onerror="alert(2)">',
  "---",
  "::right::",
  "`code`",
  "| a | b |",
  "$$ x^2 $$",
  "[Verweis](https://example.org)",
  "😀🇩🇪",
  "مرحبا",
  "\u202Eumgekehrt\u202C",
  "Donaudampfschifffahrtselektrizitätenhauptbetriebswerkbauunterbeamtengesellschaft",
  "Straße „Zitat“ – Maß",
];
const hostile = fc
  .array(fc.oneof(fc.string({ unit: "grapheme", minLength: 1, maxLength: 10 }), fc.constantFrom(...FRAGMENTS)), {
    minLength: 1,
    maxLength: 4,
  })
  .map((p) => p.join(" ").trim())
  .filter((s) => s.length > 0);

/** The text a reader sees: soft hyphens gone, runs of blanks (which the typesetting folds) as one. */
const seen = (s: string) =>
  s
    .replace(/\u00AD/g, "")
    .replace(/[\s\u00A0\u202F]+/g, " ")
    .trim();

function withText(c: Concept, title: string, chance: string): Concept {
  const copy = structuredClone(c);
  for (const b of copy.bausteine) {
    for (const m of b.measures) m.title = title;
    b.chances = [chance, ...b.chances.slice(1)];
  }
  return copy;
}

const shape = (c: Concept, id: string) =>
  prepareFlyer(c, c.flyers.find((f) => f.id === id)!).places.map((place) => place.map((s) => [s.field, s.data.kind]));

const strings = (v: unknown): string[] =>
  typeof v === "string"
    ? [v]
    : Array.isArray(v)
      ? v.flatMap(strings)
      : v && typeof v === "object"
        ? Object.values(v).flatMap(strings)
        : [];

describe("hostile text in flyers", () => {
  it.each(concept.flyers.map((f) => f.id))("keeps the sections of %s and shows the text literally", (id) => {
    const expected = shape(concept, id);
    fc.assert(
      fc.property(hostile, hostile, (title, chance) => {
        const c = withText(concept, title, chance);
        expect(shape(c, id)).toEqual(expected);
        const prepared = prepareFlyer(c, c.flyers.find((f) => f.id === id)!);
        const measures = prepared.places.flat().filter((s) => s.data.kind === "measures");
        for (const s of measures) {
          if (s.data.kind !== "measures") continue;
          for (const item of s.data.items) expect(seen(item.title)).toBe(seen(title));
        }
        // Nothing else invented: every string still comes from the model or the flyer file.
        expect(strings(prepared).length).toBeGreaterThan(0);
      }),
      { numRuns: RUNS },
    );
  });

  const tools = haveTools("pdftotext");
  it.runIf(tools || !!process.env.CI)(
    "renders a leaflet with hostile titles: the text is in the PDF, or a clear overflow message",
    async () => {
      const title = "{{ x }} <script>alert(1)</script> | `Code` ::right:: ---";
      const c = withText(concept, title, "<b>fett</b> $$ x $$");
      const flyer = c.flyers.find((f) => f.id === "faltblatt")!;
      try {
        const rendered = await renderFlyer(c, flyer);
        const dir = tempDir("flyer-hostile-");
        const file = `${dir}/a.pdf`;
        const { writeFileSync } = await import("node:fs");
        writeFileSync(file, rendered.screen);
        const text = run("pdftotext", ["-enc", "UTF-8", file, "-"]).replace(/[\s\u00AD-]/g, "");
        removeDir(dir);
        expect(text).toContain(title.replace(/[\s-]/g, ""));
      } catch (e) {
        expect(e).toBeInstanceOf(FlyerError);
        expect((e as Error).message).toMatch(/^Flyer „faltblatt“: .*(passt nicht|zu lang|mm)/m);
      }
    },
  );
});
