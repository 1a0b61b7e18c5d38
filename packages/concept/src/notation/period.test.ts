import { describe, expect, it } from "vitest";
import {
  closest,
  editDistance,
  formatPeriod,
  formatPeriodLong,
  normaliseSpace,
  parsePeriod,
  periodEnd,
  periodStart,
  splitNote,
} from "./period.js";

describe("parsePeriod", () => {
  it.each([
    ["2019", { unit: "year", year: 2019 }, "2019", "2019", "2019-01-01", "2019-12-31"],
    ["Q2/2019", { unit: "quarter", year: 2019, quarter: 2 }, "Q2/2019", "2. Quartal 2019", "2019-04-01", "2019-06-30"],
    ["Q4/2019", { unit: "quarter", year: 2019, quarter: 4 }, "Q4/2019", "4. Quartal 2019", "2019-10-01", "2019-12-31"],
    ["09/2017", { unit: "month", year: 2017, month: 9 }, "09/2017", "September 2017", "2017-09-01", "2017-09-30"],
    ["02/2020", { unit: "month", year: 2020, month: 2 }, "02/2020", "Februar 2020", "2020-02-01", "2020-02-29"],
    [
      "6.12.2018",
      { unit: "day", year: 2018, month: 12, day: 6 },
      "06.12.2018",
      "6. Dezember 2018",
      "2018-12-06",
      "2018-12-06",
    ],
  ] as const)("%s", (text, value, canonical, long, start, end) => {
    expect(parsePeriod(text)).toEqual({ ok: true, value });
    expect(formatPeriod(value)).toBe(canonical);
    expect(formatPeriodLong(value)).toBe(long);
    expect(periodStart(value)).toBe(start);
    expect(periodEnd(value)).toBe(end);
  });

  it("returns undefined for text that has no date shape, and says what is wrong with an impossible date", () => {
    expect(parsePeriod("bald")).toBeUndefined();
    expect(parsePeriod("2019-01-01")).toBeUndefined();
    expect(parsePeriod("29.02.2100")).toEqual({
      ok: false,
      error: "Den 29.02.2100 gibt es nicht: der Februar 2100 hat 28 Tage.",
    });
    expect(parsePeriod("29.02.2000")).toEqual({ ok: true, value: { unit: "day", year: 2000, month: 2, day: 29 } });
  });
});

describe("helpers", () => {
  it("splitNote takes the last bracket as the note", () => {
    expect(splitNote("06.12.2018 (Foyer Rathaus)")).toEqual({ main: "06.12.2018", note: "Foyer Rathaus" });
    expect(splitNote("11/2018")).toEqual({ main: "11/2018" });
    expect(splitNote("11/2018 ( )")).toEqual({ main: "11/2018" });
  });

  it("normaliseSpace folds blanks pasted from Word", () => {
    expect(normaliseSpace("  in\u00a0\u202f Arbeit\t")).toBe("in Arbeit");
  });

  it.each([
    ["titel", "title", 1],
    ["erldigt", "erledigt", 1],
    ["k0", "id", 2],
    ["", "abc", 3],
    ["abc", "abc", 0],
  ])("editDistance(%s, %s) = %i", (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
  });

  it.each([
    ["titel", ["id", "title", "summary"], "title"],
    ["k0", ["id", "title"], undefined],
    ["blok", ["type", "block", "title"], "block"],
    ["ERLEDIGT", ["erledigt", "in Arbeit"], "erledigt"],
    ["farbe", ["id", "title", "subtitle"], undefined],
    ["baustein", ["bausteine", "decks", "flyers"], "bausteine"],
  ] as const)("closest(%s) is %s", (input, candidates, hint) => {
    expect(closest(input, candidates)).toBe(hint);
  });
});
