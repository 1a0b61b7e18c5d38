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
  "„laufend“ oder „noch nicht geplant“; dazu ein Zeitraum mit „–“, „-“ oder „bis“ " +
  "(z. B. „30.06.2021 – 30.11.2022“, „01/2021 – 01/2023“, „Q4/2021 – Q4/2022“), „bis …“ (z. B. „bis 30.11.2022“) " +
  "und Monat, Tag und Quartal in Worten (z. B. „Juni 2021“, „30. Juni 2021“, „2. Quartal 2023“).";

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

describe("ranges, „bis …“ and dates in words", () => {
  const q4 = (year: number) => ({ unit: "quarter", year, quarter: 4 }) as const;
  it.each([
    [
      "30. Juni 2021 – 30. November 2022",
      "30.06.2021 – 30.11.2022",
      {
        kind: "range",
        start: { unit: "day", year: 2021, month: 6, day: 30 },
        end: { unit: "day", year: 2022, month: 11, day: 30 },
      },
    ],
    [
      "Januar 2021 – Januar 2023",
      "01/2021 – 01/2023",
      { kind: "range", start: { unit: "month", year: 2021, month: 1 }, end: { unit: "month", year: 2023, month: 1 } },
    ],
    ["4. Quartal 2021 – 4. Quartal 2022", "Q4/2021 – Q4/2022", { kind: "range", start: q4(2021), end: q4(2022) }],
    [
      "30.06.2021 – 30.11.2022",
      "30.06.2021 – 30.11.2022",
      {
        kind: "range",
        start: { unit: "day", year: 2021, month: 6, day: 30 },
        end: { unit: "day", year: 2022, month: 11, day: 30 },
      },
    ],
    ["Q4/2021 – Q4/2022", "Q4/2021 – Q4/2022", { kind: "range", start: q4(2021), end: q4(2022) }],
    ["Q4/2021-Q4/2022", "Q4/2021 – Q4/2022", { kind: "range", start: q4(2021), end: q4(2022) }],
    ["Q4/2021 - Q4/2022", "Q4/2021 – Q4/2022", { kind: "range", start: q4(2021), end: q4(2022) }],
    ["Q4/2021 — Q4/2022", "Q4/2021 – Q4/2022", { kind: "range", start: q4(2021), end: q4(2022) }],
    ["Q4/2021 bis Q4/2022", "Q4/2021 – Q4/2022", { kind: "range", start: q4(2021), end: q4(2022) }],
    [
      "06/2021 – 11/2022",
      "06/2021 – 11/2022",
      { kind: "range", start: { unit: "month", year: 2021, month: 6 }, end: { unit: "month", year: 2022, month: 11 } },
    ],
    [
      "4. Quartal 2021 – 4. Quartal 2022 (neu: 2. Quartal 2023)",
      "Q4/2021 – Q4/2022 (neu: 2. Quartal 2023)",
      { kind: "range", start: q4(2021), end: q4(2022), note: "neu: 2. Quartal 2023" },
    ],
    ["bis 30.11.2022", "bis 30.11.2022", { kind: "until", period: { unit: "day", year: 2022, month: 11, day: 30 } }],
    [
      "bis 30. November 2022 (Abschluss)",
      "bis 30.11.2022 (Abschluss)",
      { kind: "until", period: { unit: "day", year: 2022, month: 11, day: 30 }, note: "Abschluss" },
    ],
    ["2. Quartal 2023", "Q2/2023", { kind: "on", period: { unit: "quarter", year: 2023, quarter: 2 } }],
    ["Januar 2023", "01/2023", { kind: "on", period: { unit: "month", year: 2023, month: 1 } }],
    ["30. November 2022", "30.11.2022", { kind: "on", period: { unit: "day", year: 2022, month: 11, day: 30 } }],
    ["ab Juni 2021", "ab 06/2021", { kind: "from", period: { unit: "month", year: 2021, month: 6 } }],
    [
      "für 2. Quartal 2023 geplant",
      "für Q2/2023 geplant",
      { kind: "planned-for", period: { unit: "quarter", year: 2023, quarter: 2 } },
    ],
  ] as const)("reads %j as %j", (input, canonical, value) => {
    expect(parsed(input)).toEqual(value);
    expect(formatPlanDate(parsed(input))).toBe(canonical);
    expect(parsed(canonical)).toEqual(value);
  });

  it.each([
    ["30.06.2021 – 30.11.2022", "30. Juni 2021 – 30. November 2022"],
    ["Q4/2021 – Q4/2022 (neu: 2. Quartal 2023)", "4. Quartal 2021 – 4. Quartal 2022 (neu: 2. Quartal 2023)"],
    ["bis 30.11.2022", "bis 30. November 2022"],
  ])("%s in running text: %s", (text, long) => {
    expect(formatPlanDateLong(parsed(text))).toBe(long);
    expect(formatPlanDate(parsed(long))).toBe(text);
  });

  it.each([
    ["30.06.2021 – 30.11.2022", "2022-11-30", "2022-11-30", "2021-06-30"],
    ["01/2021 – 01/2023", "2023-01-31", "2023-01-31", "2021-01-01"],
    ["Q4/2021 – Q4/2022 (neu: 2. Quartal 2023)", "2022-12-31", "2022-12-31", "2021-10-01"],
    ["bis 30.11.2022", "2022-11-30", "2022-11-30", "2022-11-30"],
  ])("%s: sort key %s (its end), deadline %s, start %s", (text, key, deadline, start) => {
    expect(planSortKey(parsed(text))).toBe(key);
    expect(planDeadline(parsed(text))).toBe(deadline);
    expect(planStart(parsed(text))).toBe(start);
  });

  it("a range sorts by its end", () => {
    const sorted = ["01/2020 – 12/2022", "06/2022", "Q1/2021 – Q2/2021", "bis 03/2022"]
      .map(parsed)
      .sort(comparePlanDate);
    expect(sorted.map(formatPlanDate)).toEqual(["Q1/2021 – Q2/2021", "bis 03/2022", "06/2022", "01/2020 – 12/2022"]);
  });

  it.each([
    [
      "11/2022 – 06/2021",
      "Der Zeitraum „11/2022 – 06/2021“ endet nicht nach seinem Beginn: bitte zuerst den Beginn, dann das Ende nennen, z. B. „01/2021 – 01/2023“.",
    ],
    [
      "2021 – 2021",
      "Der Zeitraum „2021 – 2021“ endet nicht nach seinem Beginn: bitte zuerst den Beginn, dann das Ende nennen, z. B. „01/2021 – 01/2023“.",
    ],
    [
      "2021 – 06/2021",
      "Der Zeitraum „2021 – 06/2021“ endet nicht nach seinem Beginn: bitte zuerst den Beginn, dann das Ende nennen, z. B. „01/2021 – 01/2023“.",
    ],
    ["06/2021 – 13/2022", `Den Monat 13 gibt es nicht: Monate gehen von 01 bis 12. ${FORMS}`],
    ["06/2021 – bald", `„06/2021 – bald“ ist kein gültiges Datum (Plan). ${FORMS}`],
    ["bis", `„bis“ ist kein gültiges Datum (Plan). ${FORMS}`],
    ["bis bald", `„bis bald“ ist kein gültiges Datum (Plan). ${FORMS}`],
    ["Juno 2021", `Den Monat „Juno“ gibt es nicht: Meinten Sie „Juni“? ${FORMS}`],
    ["31. Februar 2021", `Den 31.02.2021 gibt es nicht: der Februar 2021 hat 28 Tage. ${FORMS}`],
    ["5. Quartal 2021", `Das Quartal Q5 gibt es nicht: Quartale gehen von Q1 bis Q4. ${FORMS}`],
  ])("rejects %j with an exact message", (input, message) => {
    expect(error(input)).toBe(message);
  });
});
