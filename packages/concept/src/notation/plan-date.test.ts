import { describe, expect, it } from "vitest";
import {
  comparePlanDate,
  formatPlanDate,
  formatPlanDateLong,
  PLAN_DATE_FORMS,
  type PlanDate,
  parsePlanDate,
  planDeadline,
  planSortKey,
  planStart,
} from "./plan-date.js";

const FORMS =
  "Erlaubt sind ein Monat „MM/JJJJ“ (z. B. „09/2017“), ein Tag „TT.MM.JJJJ“, auch mit Ort in Klammern " +
  "(z. B. „06.12.2018 (Foyer Rathaus)“), ein Jahr „JJJJ“, ein Quartal „Qn/JJJJ“, „ab …“ (z. B. „ab 2019“, „ab Q2/2019“), " +
  "„für JJJJ geplant“ (z. B. „für 2019 geplant“), mehrere Termine mit „und“ (z. B. „12/2018 und 02/2019“), " +
  "„laufend“ oder „noch nicht geplant“.";

function parsed(input: string): PlanDate {
  const r = parsePlanDate(input);
  if (!r.ok) throw new Error(`expected ${input} to parse: ${r.error}`);
  return r.value;
}

function error(input: string): string {
  const r = parsePlanDate(input);
  if (r.ok) throw new Error(`expected ${input} to be rejected, got ${JSON.stringify(r.value)}`);
  return r.error;
}

describe("parsePlanDate", () => {
  it("lists the allowed forms", () => {
    expect(PLAN_DATE_FORMS).toBe(FORMS);
  });

  it.each([
    ["09/2017", { kind: "on", period: { unit: "month", year: 2017, month: 9 } }],
    ["12/2018", { kind: "on", period: { unit: "month", year: 2018, month: 12 } }],
    ["ab 2019", { kind: "from", period: { unit: "year", year: 2019 } }],
    ["ab Q2/2019", { kind: "from", period: { unit: "quarter", year: 2019, quarter: 2 } }],
    ["laufend", { kind: "ongoing" }],
    ["noch nicht geplant", { kind: "unscheduled" }],
    ["für 2019 geplant", { kind: "planned-for", period: { unit: "year", year: 2019 } }],
    [
      "12/2018 und 02/2019",
      {
        kind: "several",
        periods: [
          { unit: "month", year: 2018, month: 12 },
          { unit: "month", year: 2019, month: 2 },
        ],
      },
    ],
    [
      "06.12.2018 (Foyer Rathaus)",
      { kind: "on", period: { unit: "day", year: 2018, month: 12, day: 6 }, note: "Foyer Rathaus" },
    ],
  ] as const)("reads %s and writes it back exactly", (text, value) => {
    expect(parsed(text)).toEqual(value);
    expect(formatPlanDate(parsed(text))).toBe(text);
  });

  it.each([
    ["2019", "2019"],
    ["Q3/2019", "Q3/2019"],
    ["29.02.2020", "29.02.2020"],
    ["12/2018, 01/2019 und 02/2019", "12/2018, 01/2019 und 02/2019"],
    ["für Q4/2019 geplant", "für Q4/2019 geplant"],
    ["ab 06.12.2018", "ab 06.12.2018"],
    ["06.12.2018 (Foyer und Saal)", "06.12.2018 (Foyer und Saal)"],
    ["9/2017", "09/2017"],
    ["1.2.2019", "01.02.2019"],
    ["q2/2019", "Q2/2019"],
    ["  12/2018  und\u00a002/2019 ", "12/2018 und 02/2019"],
    ["06.12.2018(Foyer)", "06.12.2018 (Foyer)"],
  ])("also reads %j, written canonically as %j", (input, canonical) => {
    expect(formatPlanDate(parsed(input))).toBe(canonical);
  });

  it.each([
    ["13/2019", `Den Monat 13 gibt es nicht: Monate gehen von 01 bis 12. ${FORMS}`],
    ["00/2019", `Den Monat 00 gibt es nicht: Monate gehen von 01 bis 12. ${FORMS}`],
    ["06.13.2018", `Den Monat 13 gibt es nicht: Monate gehen von 01 bis 12. ${FORMS}`],
    ["31.02.2019", `Den 31.02.2019 gibt es nicht: der Februar 2019 hat 28 Tage. ${FORMS}`],
    ["29.02.2019", `Den 29.02.2019 gibt es nicht: der Februar 2019 hat 28 Tage. ${FORMS}`],
    ["31.04.2019", `Den 31.04.2019 gibt es nicht: der April 2019 hat 30 Tage. ${FORMS}`],
    ["32.12.2018", `Den 32.12.2018 gibt es nicht: der Dezember 2018 hat 31 Tage. ${FORMS}`],
    ["Q5/2019", `Das Quartal Q5 gibt es nicht: Quartale gehen von Q1 bis Q4. ${FORMS}`],
    ["ab Q0/2019", `Das Quartal Q0 gibt es nicht: Quartale gehen von Q1 bis Q4. ${FORMS}`],
    ["2101", `Das Jahr 2101 liegt außerhalb von 1990 bis 2100. ${FORMS}`],
    ["für 1989 geplant", `Das Jahr 1989 liegt außerhalb von 1990 bis 2100. ${FORMS}`],
    ["ab", `„ab“ ist kein gültiges Datum (Plan). ${FORMS}`],
    ["für geplant", `„für geplant“ ist kein gültiges Datum (Plan). ${FORMS}`],
    ["für 2019", `„für 2019“ ist kein gültiges Datum (Plan). ${FORMS}`],
    ["12/2018 und", `„12/2018 und“ ist kein gültiges Datum (Plan). ${FORMS}`],
    ["12/2018 und abc", `„abc“ in „12/2018 und abc“ ist kein gültiges Datum (Plan). ${FORMS}`],
    [
      "02/2019 und 12/2018",
      "Die Termine in „02/2019 und 12/2018“ stehen nicht in zeitlicher Reihenfolge: bitte vom frühesten zum spätesten ordnen und jeden Termin nur einmal nennen, z. B. „12/2018 und 02/2019“.",
    ],
    [
      "12/2018 und 12/2018",
      "Die Termine in „12/2018 und 12/2018“ stehen nicht in zeitlicher Reihenfolge: bitte vom frühesten zum spätesten ordnen und jeden Termin nur einmal nennen, z. B. „12/2018 und 02/2019“.",
    ],
    [
      "12/2018 und 02/2019 (Foyer)",
      `Ein Ort in Klammern ist nur bei einem einzelnen Termin möglich, nicht bei mehreren Terminen wie in „12/2018 und 02/2019 (Foyer)“. ${FORMS}`,
    ],
    ["ab 2019 (Foyer)", `„ab 2019 (Foyer)“ ist kein gültiges Datum (Plan). ${FORMS}`],
    ["2019-12-01", `„2019-12-01“ ist kein gültiges Datum (Plan). ${FORMS}`],
    ["06.12.2018 Foyer", `„06.12.2018 Foyer“ ist kein gültiges Datum (Plan). ${FORMS}`],
    ["demnächst", `„demnächst“ ist kein gültiges Datum (Plan). ${FORMS}`],
    ["Laufend", `„Laufend“ ist kein gültiges Datum (Plan). ${FORMS} Meinten Sie „laufend“?`],
    [
      "noch nicht geplannt",
      `„noch nicht geplannt“ ist kein gültiges Datum (Plan). ${FORMS} Meinten Sie „noch nicht geplant“?`,
    ],
    ["", `Das Datum (Plan) ist leer. ${FORMS}`],
    [" \u00a0", `Das Datum (Plan) ist leer. ${FORMS}`],
  ])("rejects %j with an exact message", (input, message) => {
    expect(error(input)).toBe(message);
  });
});

describe("plan dates in time", () => {
  it("sort chronologically, ongoing after every date and unscheduled last", () => {
    const texts = [
      "noch nicht geplant",
      "ab Q2/2019",
      "laufend",
      "06.12.2018 (Foyer Rathaus)",
      "für 2020 geplant",
      "09/2017",
      "12/2018 und 02/2019",
      "ab 2019",
      "11/2018",
    ];
    const sorted = texts.map(parsed).sort(comparePlanDate).map(formatPlanDate);
    expect(sorted).toEqual([
      "09/2017",
      "11/2018",
      "12/2018 und 02/2019",
      "06.12.2018 (Foyer Rathaus)",
      "ab 2019",
      "ab Q2/2019",
      "für 2020 geplant",
      "laufend",
      "noch nicht geplant",
    ]);
  });

  it("compare equal when they start on the same day", () => {
    expect(comparePlanDate(parsed("ab 2019"), parsed("für 2019 geplant"))).toBe(0);
    expect(comparePlanDate(parsed("12/2018"), parsed("12/2018 und 02/2019"))).toBe(0);
    expect(comparePlanDate(parsed("laufend"), parsed("noch nicht geplant"))).toBeLessThan(0);
    expect(comparePlanDate(parsed("noch nicht geplant"), parsed("laufend"))).toBeGreaterThan(0);
  });

  it.each([
    ["09/2017", "2017-09-01", "2017-09-30", "2017-09-01"],
    ["12/2018 und 02/2019", "2018-12-01", "2019-02-28", "2018-12-01"],
    ["06.12.2018 (Foyer Rathaus)", "2018-12-06", "2018-12-06", "2018-12-06"],
    ["für 2019 geplant", "2019-01-01", "2019-12-31", "2019-01-01"],
    ["Q2/2019", "2019-04-01", "2019-06-30", "2019-04-01"],
    ["02/2020", "2020-02-01", "2020-02-29", "2020-02-01"],
    ["ab Q2/2019", "2019-04-01", undefined, "2019-04-01"],
    ["laufend", "9999-01-01", undefined, undefined],
    ["noch nicht geplant", "9999-12-31", undefined, undefined],
  ])("%s: sort key %s, deadline %s, start %s", (text, key, deadline, start) => {
    expect(planSortKey(parsed(text))).toBe(key);
    expect(planDeadline(parsed(text))).toBe(deadline);
    expect(planStart(parsed(text))).toBe(start);
  });

  it.each([
    ["09/2017", "September 2017"],
    ["06.12.2018 (Foyer Rathaus)", "6. Dezember 2018 (Foyer Rathaus)"],
    ["ab Q2/2019", "ab 2. Quartal 2019"],
    ["für 2019 geplant", "für 2019 geplant"],
    ["12/2018 und 02/2019", "Dezember 2018 und Februar 2019"],
    ["laufend", "laufend"],
    ["noch nicht geplant", "noch nicht geplant"],
  ])("%s in running text: %s", (text, long) => {
    expect(formatPlanDateLong(parsed(text))).toBe(long);
  });
});
