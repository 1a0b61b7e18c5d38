/**
 * The fixture concepts in fixtures/concepts/: complete content folders of other shapes and other cities, for the
 * tests of every package. They are test data, so their numbers are pinned here; and together they must keep
 * covering the shapes they stand for (see fixtures/concepts/README.md).
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FLYER_FORMAT_DEFINITIONS, type PlanDate, periodEnd, periodStart } from "../src/index.js";
import { loadConceptSync } from "../src/node.js";
import { conceptWordPattern, conceptWords, findConceptWords } from "./concept-words.js";
import { FIXTURE_CONCEPTS, fixtureConcepts } from "./helpers.js";

const names = fixtureConcepts();
const load = (name: string) =>
  loadConceptSync(join(FIXTURE_CONCEPTS, name), { displayDir: `fixtures/concepts/${name}` });
const concepts = names.map((name) => ({ name, c: load(name) }));

/** Pinned: Bausteine with their number of Maßnahmen, Chancen and Risiken; deck variants; flyers with their format. */
const EXPECTED: Record<string, { bausteine: [string, number, number, number][]; decks: string[]; flyers: string[] }> = {
  "eigene-worte": {
    bausteine: [
      ["transparenz", 6, 2, 1],
      ["mitwirkung", 5, 1, 2],
    ],
    decks: ["gesamt"],
    flyers: ["faltblatt din-lang-wickelfalz", "sprechstunde a5"],
  },
  kleinstadt: {
    bausteine: [["informieren", 12, 2, 0]],
    decks: ["gesamt", "kurz"],
    flyers: ["faltblatt din-lang-wickelfalz", "sprechstunde a5"],
  },
  "lange-namen": {
    bausteine: [
      ["interne-kommunikation", 8, 0, 2],
      ["fortbildung", 3, 2, 0],
      ["beteiligung", 0, 1, 1],
      ["kooperation", 2, 2, 1],
    ],
    decks: ["ausschuss", "fortbildung", "gesamt"],
    flyers: ["faltblatt din-lang-wickelfalz", "informationsblatt a4"],
  },
  "sechs-bausteine": {
    bausteine: [
      ["portal", 3, 1, 1],
      ["schulen", 1, 0, 1],
      ["verwaltung", 5, 2, 1],
      ["presse", 2, 1, 0],
      ["buerger", 4, 2, 1],
      ["hochschule", 2, 1, 1],
    ],
    decks: ["gesamt", "planung"],
    flyers: ["faltblatt din-lang-wickelfalz", "schulen a5"],
  },
};

function yamlFilesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .map((rel) => join(dir, rel))
    .filter((p) => statSync(p).isFile());
}

describe("fixture concepts", () => {
  it("there are at least three, each pinned below", () => {
    expect(names.length).toBeGreaterThanOrEqual(3);
    expect(names).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(names)("%s is a complete content folder: concept.yaml, bausteine/, decks/, flyers/", (name) => {
    const dir = join(FIXTURE_CONCEPTS, name);
    expect(existsSync(join(dir, "concept.yaml"))).toBe(true);
    for (const folder of ["bausteine", "decks", "flyers"])
      expect(readdirSync(join(dir, folder)).filter((f) => f.endsWith(".yaml")).length, folder).toBeGreaterThan(0);
  });

  it.each(concepts)("$name loads with the pinned Bausteine, deck variants and flyers", ({ name, c }) => {
    const expected = EXPECTED[name];
    expect(c.bausteine.map((b) => [b.id, b.measures.length, b.chances.length, b.risks.length])).toEqual(
      expected?.bausteine,
    );
    expect(c.decks.map((d) => d.id)).toEqual(expected?.decks);
    expect(c.flyers.map((f) => `${f.id} ${f.format}`)).toEqual(expected?.flyers);
  });

  it("the README names every fixture", () => {
    const readme = readFileSync(join(FIXTURE_CONCEPTS, "README.md"), "utf8");
    for (const name of names) expect(readme).toContain(`\`${name}/\``);
  });

  it.each(names)("%s holds no word of the concept in content/", (name) => {
    const pattern = conceptWordPattern(conceptWords());
    const hits = yamlFilesUnder(join(FIXTURE_CONCEPTS, name)).flatMap((file) =>
      findConceptWords(readFileSync(file, "utf8"), pattern).map(({ line, word }) => `${file}:${line}  „${word}“`),
    );
    expect(hits).toEqual([]);
  });
});

describe("together the fixtures cover", () => {
  const all = concepts.map(({ c }) => c);
  const bausteine = all.flatMap((c) => c.bausteine);
  const measures = bausteine.flatMap((b) => b.measures);

  it("1 to 6 Bausteine, and 0 to 12 Maßnahmen in a Baustein", () => {
    const counts = all.map((c) => c.bausteine.length);
    expect(Math.min(...counts)).toBe(1);
    expect(Math.max(...counts)).toBe(6);
    const perBaustein = bausteine.map((b) => b.measures.length);
    expect(Math.min(...perBaustein)).toBe(0);
    expect(Math.max(...perBaustein)).toBe(12);
  });

  it("Bausteine without Chancen and without Risiken", () => {
    expect(bausteine.some((b) => b.chances.length === 0)).toBe(true);
    expect(bausteine.some((b) => b.risks.length === 0)).toBe(true);
  });

  it("long names and titles: an office name of 60 characters or more, Maßnahme titles up to 90 characters", () => {
    expect(Math.max(...all.map((c) => c.organisation.length))).toBeGreaterThanOrEqual(60);
    expect(Math.max(...measures.map((m) => m.title.length))).toBe(90);
  });

  // That none of them uses a word of content/ (its city's title, its office) is checked per fixture above.
  it("other cities, each with its own team, claim, portal, office and footer", () => {
    for (const key of ["city", "team", "claim", "portal", "organisation", "sender"] as const)
      expect(new Set(all.map((c) => c[key])).size, key).toBe(all.length);
    expect(new Set(all.map((c) => new URL(c.portal).hostname)).size).toBe(all.length);
  });

  it("dates from 2016 to 2029 in every notation of Datum (Plan)", () => {
    const years = measures.flatMap((m) => {
      const p: PlanDate = m.planned;
      if (p.kind === "several") return p.periods.flatMap((x) => [periodStart(x), periodEnd(x)]);
      if (p.kind === "ongoing" || p.kind === "unscheduled") return [];
      if (p.kind === "range") return [periodStart(p.start), periodEnd(p.end)];
      return [periodStart(p.period), periodEnd(p.period)];
    });
    expect(years.sort()[0]?.slice(0, 4)).toBe("2016");
    expect(years.sort().at(-1)?.slice(0, 4)).toBe("2029");
    const kinds = new Set(measures.map((m) => m.planned.kind));
    expect([...kinds].sort()).toEqual([
      "from",
      "on",
      "ongoing",
      "planned-for",
      "range",
      "several",
      "unscheduled",
      "until",
    ]);
    const units = new Set(
      measures.flatMap((m) =>
        m.planned.kind === "several"
          ? m.planned.periods.map((p) => p.unit)
          : m.planned.kind === "range"
            ? [m.planned.start.unit, m.planned.end.unit]
            : "period" in m.planned
              ? [m.planned.period.unit]
              : [],
      ),
    );
    expect([...units].sort()).toEqual(["day", "month", "quarter", "year"]);
    expect(measures.some((m) => m.planned.kind === "on" && m.planned.note)).toBe(true);
    expect(measures.some((m) => m.planned.kind === "several" && m.planned.periods.length > 2)).toBe(true);
    expect(new Set(measures.map((m) => m.status.kind))).toEqual(
      new Set(["done", "in-progress", "delayed", "not-started", "took-place", "unknown"]),
    );
    expect(new Set(measures.map((m) => m.published.kind))).toEqual(new Set(["not-yet", "on", "since", "place"]));
  });

  it("every written form of a range, of „bis …“ and of a date in words, and a range with a note", () => {
    const written = new Set(
      names.flatMap((name) =>
        yamlFilesUnder(join(FIXTURE_CONCEPTS, name, "bausteine")).flatMap((file) =>
          [...readFileSync(file, "utf8").matchAll(/^ {4}planned: "?(.+?)"?$/gmu)].map((m) => m[1]),
        ),
      ),
    );
    for (const form of [
      "30. Juni 2021 – 30. November 2022",
      "Januar 2021 – Januar 2023",
      "4. Quartal 2021 – 4. Quartal 2022",
      "30.06.2021 – 30.11.2022",
      "01/2021 – 01/2023",
      "Q4/2021 – Q4/2022",
      "bis 30.11.2022",
      "2. Quartal 2023",
      "Januar 2023",
      "30. November 2022",
      "4. Quartal 2021 – 4. Quartal 2022 (neu: 2. Quartal 2023)",
    ])
      expect(written.has(form), form).toBe(true);
    const ranges = measures.flatMap((m) => (m.planned.kind === "range" ? [m.planned] : []));
    expect(new Set(ranges.map((r) => r.start.unit))).toEqual(new Set(["day", "month", "quarter"]));
    expect(ranges.some((r) => r.note === "neu: 2. Quartal 2023")).toBe(true);
  });

  it("a concept with its own status scale: several words of one kind, a synonym, a word with a year", () => {
    const own = all.filter((c) => c.statuses?.length);
    expect(own.length).toBeGreaterThanOrEqual(1);
    const scale = own.flatMap((c) => c.statuses ?? []);
    expect(scale.filter((w) => w.kind === "in-arbeit").length).toBeGreaterThan(1);
    expect(scale.some((w) => w.synonyms?.length)).toBe(true);
    expect(scale.some((w) => w.year)).toBe(true);
    // Its Maßnahmen use its own words: „verzögert“, one omitted (ohne Angabe), one written as a synonym.
    const ownMeasures = own.flatMap((c) => c.bausteine.flatMap((b) => b.measures));
    expect(ownMeasures.some((m) => m.status.kind === "delayed")).toBe(true);
    expect(ownMeasures.some((m) => m.status.kind === "unknown")).toBe(true);
    expect(ownMeasures.some((m) => m.status.label === "abgeschlossen")).toBe(true);
  });

  it("deck variants that select and reorder Bausteine and select Maßnahmen", () => {
    const reordering = all.filter((c) =>
      c.decks.some((d) => {
        const order = (d.blocks ?? []).map((id) => c.bausteine.findIndex((b) => b.id === id));
        return order.some((n, i) => i > 0 && n < (order[i - 1] ?? 0)) && (d.measures?.length ?? 0) > 0;
      }),
    );
    expect(reordering.length).toBeGreaterThanOrEqual(2);
  });

  it("a concept with its own terms, a contact with every field, and speaker notes in every place they may stand", () => {
    const own = all.filter((c) => c.terms.baustein.one !== "Baustein" && c.terms.measure.one !== "Maßnahme");
    expect(own.length).toBeGreaterThanOrEqual(1);
    const contacts = all.flatMap((c) => (c.contact ? [c.contact] : []));
    for (const key of ["person", "role", "email", "phone", "address", "hours"] as const)
      expect(
        contacts.some((x) => x[key] !== undefined),
        key,
      ).toBe(true);
    expect(all.some((c) => c.contact === undefined)).toBe(true);
    expect(measures.some((m) => m.notes?.length)).toBe(true);
    expect(bausteine.some((b) => b.notes?.length)).toBe(true);
    expect(all.some((c) => c.intro.some((s) => s.notes?.length))).toBe(true);
    expect(all.some((c) => c.decks.some((d) => (d.notes?.length ?? 0) > 1))).toBe(true);
  });

  it("flyers in both kinds of format: flat pages and the folded leaflet", () => {
    const kinds = new Set(all.flatMap((c) => c.flyers.map((f) => FLYER_FORMAT_DEFINITIONS[f.format].kind)));
    expect([...kinds].sort()).toEqual(["pages", "panels"]);
    expect(new Set(all.flatMap((c) => c.flyers.map((f) => f.format)))).toEqual(
      new Set(["a4", "a5", "din-lang-wickelfalz"]),
    );
  });
});
