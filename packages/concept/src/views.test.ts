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

const concept = loadConceptSync(fileURLToPath(new URL("../../../content", import.meta.url)), {
  displayDir: "content",
});

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

describe("views of the real concept", () => {
  it("counts 3 Bausteine, 14 Maßnahmen, 10 Chancen and 10 Risiken, per Baustein", () => {
    expect(countConcept(concept)).toEqual({
      bausteine: 3,
      measures: 14,
      chances: 10,
      risks: 10,
      perBaustein: [
        { id: "texte", title: "Texte", measures: 6, chances: 3, risks: 3 },
        { id: "miteinander-reden", title: "Miteinander reden", measures: 5, chances: 5, risks: 4 },
        { id: "aus-und-fortbildung", title: "Aus- und Fortbildung", measures: 3, chances: 2, risks: 3 },
      ],
    });
  });

  it("summarises the status per Baustein", () => {
    expect(summariseStatus(concept)).toEqual([
      {
        id: "texte",
        number: 1,
        title: "Texte",
        total: 6,
        byStatus: { "not-started": 0, "in-progress": 4, "took-place": 0, done: 2 },
      },
      {
        id: "miteinander-reden",
        number: 2,
        title: "Miteinander reden",
        total: 5,
        byStatus: { "not-started": 0, "in-progress": 5, "took-place": 0, done: 0 },
      },
      {
        id: "aus-und-fortbildung",
        number: 3,
        title: "Aus- und Fortbildung",
        total: 3,
        byStatus: { "not-started": 0, "in-progress": 2, "took-place": 1, done: 0 },
      },
    ]);
  });

  it("orders the timeline by planned date, ties in concept order, ongoing then unscheduled last", () => {
    expect(ids(timeline(concept))).toEqual([
      "projektsteckbrief", // 09/2017
      "projektdokumentation", // 12/2018
      "doppelpunkt-artikel", // 12/2018
      "seminarangebot", // 12/2018 und 02/2019
      "open-data-geburtstag", // 06.12.2018
      "flyer-basis-informationen", // ab 2019
      "einfuehrungstage-nachwuchskraefte", // für 2019 geplant
      "aemtergespraeche", // ab Q2/2019
      "informationen-im-intranet", // laufend
      "vortragsfolien", // laufend
      "kartenworkshop", // laufend
      "it-forum", // noch nicht geplant
      "impulse-fuer-entscheider",
      "offene-arbeitsgruppe",
    ]);
  });

  it("has nothing overdue as of the Stand (30.11.2018)", () => {
    expect(standDate(concept)).toBe("2018-11-30");
    expect(formatStand(concept.stand)).toBe("November 2018");
    expect(overdue(concept, "2018-11-30")).toEqual([]);
    expect(overdue(concept, "2018-12-06")).toEqual([]);
  });

  it("finds what is overdue as it gets later", () => {
    // 06.12.2018 has passed; 12/2018 runs to 31.12.2018.
    expect(ids(overdue(concept, "2018-12-07"))).toEqual(["open-data-geburtstag"]);
    expect(ids(overdue(concept, "2019-01-01"))).toEqual(["projektdokumentation", "open-data-geburtstag"]);
    // 12/2018 und 02/2019: due by the end of February. The :Doppelpunkt-Artikel (12/2018) is done, the
    // Einführungstage (für 2019 geplant) took place; „ab …“, „laufend“ and „noch nicht geplant“ name no deadline.
    expect(ids(overdue(concept, "2019-02-28"))).toEqual(["projektdokumentation", "open-data-geburtstag"]);
    expect(ids(overdue(concept, "2019-03-01"))).toEqual([
      "projektdokumentation",
      "open-data-geburtstag",
      "seminarangebot",
    ]);
    expect(ids(overdue(concept, "2030-01-01"))).toEqual([
      "projektdokumentation",
      "open-data-geburtstag",
      "seminarangebot",
    ]);
  });

  it("gives one status row per Maßnahme with canonical German notations", () => {
    const rows = statusRows(concept, "2019-03-01");
    expect(rows.map((r) => [r.bausteinNumber, r.id, r.status, r.planned, r.published, r.overdue])).toEqual([
      [1, "projektsteckbrief", "erledigt", "09/2017", "11/2018 (Intranet)", false],
      [1, "projektdokumentation", "in Arbeit", "12/2018", "noch nicht", true],
      [1, "doppelpunkt-artikel", "erledigt", "12/2018", "10/2018 (Druck)", false],
      [1, "flyer-basis-informationen", "in Arbeit", "ab 2019", "noch nicht", false],
      [1, "informationen-im-intranet", "in Arbeit", "laufend", "seit 12/2017", false],
      [1, "vortragsfolien", "in Arbeit", "laufend", "noch nicht", false],
      [2, "it-forum", "in Arbeit", "noch nicht geplant", "noch nicht", false],
      [2, "impulse-fuer-entscheider", "in Arbeit", "noch nicht geplant", "noch nicht", false],
      [2, "aemtergespraeche", "in Arbeit", "ab Q2/2019", "noch nicht", false],
      [2, "offene-arbeitsgruppe", "in Arbeit", "noch nicht geplant", "noch nicht", false],
      [2, "open-data-geburtstag", "in Arbeit", "06.12.2018 (Foyer TVG II)", "noch nicht", true],
      [3, "einfuehrungstage-nachwuchskraefte", "2018 stattgefunden", "für 2019 geplant", "noch nicht", false],
      [3, "seminarangebot", "in Arbeit", "12/2018 und 02/2019", "noch nicht", true],
      [3, "kartenworkshop", "in Arbeit", "laufend", "noch nicht", false],
    ]);
    expect(rows[0]).toEqual({
      baustein: "Texte",
      bausteinNumber: 1,
      id: "projektsteckbrief",
      title: "Projektsteckbrief",
      status: "erledigt",
      planned: "09/2017",
      published: "11/2018 (Intranet)",
      overdue: false,
    });
  });

  it("finds a Maßnahme with its Baustein", () => {
    const found = findMeasure(concept, "seminarangebot");
    expect(found?.baustein.id).toBe("aus-und-fortbildung");
    expect(found?.measure.title).toBe("Seminarangebot „Was ist Open Data?“");
    expect(findMeasure(concept, "gibt-es-nicht")).toBeUndefined();
    expect(allMeasures(concept)).toHaveLength(14);
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
    const none = { "not-started": 0, "in-progress": 0, "took-place": 0, done: 0 };
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
