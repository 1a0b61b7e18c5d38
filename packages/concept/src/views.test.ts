import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Baustein } from "./model.js";
import { loadConceptSync } from "./node/load-concept.js";
import { bausteinSchema } from "./schemas/baustein.js";
import {
  allMeasures,
  bausteineHeading,
  countConcept,
  findMeasure,
  formatStand,
  isOverdue,
  overdue,
  standDate,
  statusRows,
  summariseStatus,
  timeline,
} from "./views.js";

/** A fixture concept: one Baustein with twelve Maßnahmen in every notation, from 2016 to 2029. */
const concept = loadConceptSync(fileURLToPath(new URL("../../../fixtures/concepts/kleinstadt", import.meta.url)));

const ids = (refs: { measure: { id: string } }[]) => refs.map((r) => r.measure.id);

/** A Baustein from plain data, through the schema, so notations are parsed as in the loader. */
function baustein(number: number, measures: { id: string; status: string; planned: string }[]): Baustein {
  const data = bausteinSchema.parse({
    id: `b${number}`,
    title: `Baustein ${number}`,
    summary: "Zusammenfassung",
    why: { title: "Warum?", text: ["Weil."] },
    measures: measures.map((m) => ({ ...m, title: m.id, summary: ["Text."], published: "noch nicht" })),
    chances: ["Chance"],
    risks: ["Risiko"],
  });
  return { ...data, number };
}

describe("views of a concept (fixture kleinstadt)", () => {
  it("counts Bausteine, Maßnahmen, Chancen and Risiken, per Baustein", () => {
    expect(countConcept(concept)).toEqual({
      bausteine: 1,
      measures: 12,
      chances: 2,
      risks: 0,
      perBaustein: [{ id: "informieren", title: "Informieren und beteiligen", measures: 12, chances: 2, risks: 0 }],
    });
  });

  it("summarises the status per Baustein", () => {
    expect(summariseStatus(concept)).toEqual([
      {
        id: "informieren",
        number: 1,
        title: "Informieren und beteiligen",
        total: 12,
        byStatus: { "not-started": 4, "in-progress": 5, delayed: 0, "took-place": 1, done: 2, dropped: 0, unknown: 0 },
      },
    ]);
  });

  it("orders the timeline by planned date, ongoing then unscheduled last", () => {
    expect(ids(timeline(concept))).toEqual([
      "auftaktveranstaltung", // 05/2016
      "sprechstunde", // ab 03/2017
      "schulung-e-akte", // 2019
      "lotsen", // Q2/2020
      "befragung", // 11/2023, 05/2024 und 11/2024
      "austausch-nachbarn", // 04/2024 und 10/2024
      "handbuch", // für 2025 geplant
      "erklaerfilme", // ab Q3/2025
      "tag-der-verwaltung", // 12.09.2026 (Foyer des Rathauses)
      "abschlussbericht", // 12/2029
      "rundbrief", // laufend
      "jubilaeum", // noch nicht geplant
    ]);
  });

  it("keeps the concept order for Maßnahmen planned alike", () => {
    const c = {
      bausteine: [
        baustein(1, [
          { id: "dezember-zuerst", status: "in Arbeit", planned: "12/2018" },
          { id: "laufend-1", status: "in Arbeit", planned: "laufend" },
        ]),
        baustein(2, [
          { id: "offen", status: "in Arbeit", planned: "noch nicht geplant" },
          { id: "dezember-danach", status: "erledigt", planned: "12/2018" },
          { id: "laufend-2", status: "in Arbeit", planned: "laufend" },
          { id: "nikolaus", status: "in Arbeit", planned: "06.12.2018 (Foyer Rathaus)" },
        ]),
      ],
    };
    expect(ids(timeline(c))).toEqual([
      "dezember-zuerst",
      "dezember-danach",
      "nikolaus",
      "laufend-1",
      "laufend-2",
      "offen",
    ]);
  });

  it("has nothing overdue as of the Stand", () => {
    expect(standDate(concept)).toBe("2024-03-15");
    expect(formatStand(concept.stand)).toBe("15. März 2024");
    expect(overdue(concept, standDate(concept))).toEqual([]);
  });

  it("finds what is overdue as it gets later, in concept order", () => {
    // 10/2024 runs to 31.10.2024, the last of „11/2023, 05/2024 und 11/2024“ to 30.11.2024.
    expect(ids(overdue(concept, "2024-11-30"))).toEqual(["austausch-nachbarn"]);
    expect(ids(overdue(concept, "2024-12-01"))).toEqual(["befragung", "austausch-nachbarn"]);
    // „für 2025 geplant“ is due by the end of 2025; „ab …“, „laufend“ and „noch nicht geplant“ name no deadline.
    expect(ids(overdue(concept, "2026-01-01"))).toEqual(["handbuch", "befragung", "austausch-nachbarn"]);
    expect(ids(overdue(concept, "2026-09-13"))).toEqual([
      "handbuch",
      "befragung",
      "tag-der-verwaltung",
      "austausch-nachbarn",
    ]);
    // Done and took place are never overdue, however old their plan.
    expect(ids(overdue(concept, "2099-01-01"))).toEqual([
      "handbuch",
      "befragung",
      "tag-der-verwaltung",
      "austausch-nachbarn",
      "abschlussbericht",
    ]);
  });

  it("gives one status row per Maßnahme with canonical German notations", () => {
    const rows = statusRows(concept, "2025-01-01");
    expect(rows.map((r) => [r.bausteinNumber, r.id, r.status, r.planned, r.published, r.overdue])).toEqual([
      [1, "auftaktveranstaltung", "erledigt", "05/2016", "06/2016 (Mitarbeiterzeitung)", false],
      [1, "rundbrief", "in Arbeit", "laufend", "seit 09/2016 (Intranet)", false],
      [1, "sprechstunde", "in Arbeit", "ab 03/2017", "seit 03/2017", false],
      [1, "schulung-e-akte", "2019 stattgefunden", "2019", "noch nicht", false],
      [1, "lotsen", "erledigt", "Q2/2020", "01.07.2020 (Aushang)", false],
      [1, "handbuch", "in Arbeit", "für 2025 geplant", "noch nicht", false],
      [1, "erklaerfilme", "noch nicht begonnen", "ab Q3/2025", "noch nicht", false],
      [1, "befragung", "in Arbeit", "11/2023, 05/2024 und 11/2024", "12/2023", true],
      [1, "tag-der-verwaltung", "noch nicht begonnen", "12.09.2026 (Foyer des Rathauses)", "noch nicht", false],
      [1, "austausch-nachbarn", "in Arbeit", "04/2024 und 10/2024", "noch nicht", true],
      [1, "abschlussbericht", "noch nicht begonnen", "12/2029", "noch nicht", false],
      [1, "jubilaeum", "noch nicht begonnen", "noch nicht geplant", "noch nicht", false],
    ]);
    expect(rows[0]).toEqual({
      baustein: "Informieren und beteiligen",
      bausteinNumber: 1,
      id: "auftaktveranstaltung",
      title: "Auftaktveranstaltung im Ratssaal",
      status: "erledigt",
      planned: "05/2016",
      published: "06/2016 (Mitarbeiterzeitung)",
      overdue: false,
    });
  });

  it("finds a Maßnahme with its Baustein", () => {
    const found = findMeasure(concept, "handbuch");
    expect(found?.baustein.id).toBe("informieren");
    expect(found?.measure.title).toBe("Handbuch „Digital arbeiten“");
    expect(findMeasure(concept, "gibt-es-nicht")).toBeUndefined();
    expect(allMeasures(concept)).toHaveLength(12);
  });
});

describe("overdue, case by case", () => {
  const [b] = [
    baustein(1, [
      { id: "monat", status: "in Arbeit", planned: "12/2018" },
      { id: "tag", status: "noch nicht begonnen", planned: "06.12.2018" },
      { id: "quartal", status: "in Arbeit", planned: "Q1/2019" },
      { id: "jahr", status: "in Arbeit", planned: "für 2019 geplant" },
      { id: "mehrere", status: "in Arbeit", planned: "11/2018, 12/2018 und 02/2019" },
      { id: "ab", status: "in Arbeit", planned: "ab 2018" },
      { id: "laufend", status: "in Arbeit", planned: "laufend" },
      { id: "offen", status: "in Arbeit", planned: "noch nicht geplant" },
      { id: "erledigt", status: "erledigt", planned: "09/2017" },
      { id: "stattgefunden", status: "2018 stattgefunden", planned: "12/2018" },
    ]),
  ];
  const measure = (id: string) => b!.measures.find((m) => m.id === id)!;

  it.each([
    ["monat", "2018-12-31", false],
    ["monat", "2019-01-01", true],
    ["tag", "2018-12-06", false],
    ["tag", "2018-12-07", true],
    ["quartal", "2019-03-31", false],
    ["quartal", "2019-04-01", true],
    ["jahr", "2019-12-31", false],
    ["jahr", "2020-01-01", true],
    ["mehrere", "2019-01-15", false],
    ["mehrere", "2019-03-01", true],
    ["ab", "2099-01-01", false],
    ["laufend", "2099-01-01", false],
    ["offen", "2099-01-01", false],
    ["erledigt", "2099-01-01", false],
    ["stattgefunden", "2099-01-01", false],
  ])("%s as of %s: %s", (id, asOf, expected) => {
    expect(isOverdue(measure(id), asOf)).toBe(expected);
  });

  it("lists overdue Maßnahmen in concept order across Bausteine", () => {
    const c = {
      bausteine: [
        baustein(1, [{ id: "spaet", status: "in Arbeit", planned: "02/2019" }]),
        baustein(2, [
          { id: "frueh", status: "in Arbeit", planned: "10/2018" },
          { id: "fertig", status: "erledigt", planned: "10/2018" },
        ]),
      ],
    };
    expect(ids(overdue(c, "2019-06-01"))).toEqual(["spaet", "frueh"]);
    expect(ids(timeline(c))).toEqual(["frueh", "fertig", "spaet"]);
    expect(countConcept(c).measures).toBe(3);
  });
});

describe("Bausteine without Maßnahmen, Chancen or Risiken", () => {
  const empty = loadConceptSync(fileURLToPath(new URL("../test/fixtures/valid/empty-lists", import.meta.url)));

  it("count zero where nothing is named, whether the list is empty or the key left out", () => {
    expect(countConcept(empty)).toEqual({
      bausteine: 3,
      measures: 2,
      chances: 1,
      risks: 1,
      perBaustein: [
        { id: "a", title: "Baustein A", measures: 2, chances: 1, risks: 1 },
        { id: "b", title: "Baustein B", measures: 0, chances: 0, risks: 0 },
        { id: "c", title: "Baustein C", measures: 0, chances: 0, risks: 0 },
      ],
    });
  });

  it("keep their row in the status summary, with every count zero", () => {
    const none = { "not-started": 0, "in-progress": 0, delayed: 0, "took-place": 0, done: 0, dropped: 0, unknown: 0 };
    expect(summariseStatus(empty).map((s) => [s.id, s.number, s.total, s.byStatus])).toEqual([
      ["a", 1, 2, { ...none, "in-progress": 1, done: 1 }],
      ["b", 2, 0, none],
      ["c", 3, 0, none],
    ]);
  });

  it("add nothing to the timeline, the overdue list or the status rows", () => {
    expect(ids(timeline(empty))).toEqual(["erste", "zweite"]);
    expect(ids(overdue(empty, "2030-01-01"))).toEqual(["zweite"]);
    expect(statusRows(empty, "2030-01-01").map((r) => r.bausteinNumber)).toEqual([1, 1]);
  });

  it("a concept whose Bausteine have no Maßnahmen at all has an empty timeline and nothing overdue", () => {
    const c = { bausteine: [baustein(1, []), baustein(2, [])] };
    expect(countConcept(c)).toMatchObject({ bausteine: 2, measures: 0 });
    expect(summariseStatus(c).map((s) => s.total)).toEqual([0, 0]);
    expect(timeline(c)).toEqual([]);
    expect(overdue(c, "2030-01-01")).toEqual([]);
  });
});

describe("bausteineHeading", () => {
  it("counts the Bausteine and adds the purpose the content gives, or stands alone", () => {
    const three = { bausteine: [baustein(1, []), baustein(2, []), baustein(3, [])] };
    expect(bausteineHeading({ ...three, purpose: "für eine offene Verwaltung" })).toBe(
      "Drei Bausteine für eine offene Verwaltung",
    );
    expect(bausteineHeading(three)).toBe("Drei Bausteine");
    expect(bausteineHeading({ ...three, purpose: "im Überblick" }, 1)).toBe("Ein Baustein im Überblick");
  });
});
