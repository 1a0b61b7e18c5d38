/** Every typed value the model can hold is written in a notation that reads back as the same value. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatPeriod, formatPeriodLong, type Period, parsePeriod, periodEnd, periodStart } from "./period.js";
import {
  comparePlanDate,
  formatPlanDate,
  formatPlanDateLong,
  type PlanDate,
  parsePlanDate,
  planDeadline,
  planSortKey,
} from "./plan-date.js";
import { formatPublished, type Published, parsePublished } from "./published.js";
import { formatStatus, parseStatus, STATUS_LABELS, type Status, statusScaleOf } from "./status.js";

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

const year = fc.integer({ min: 1990, max: 2100 });
const month = fc.integer({ min: 1, max: 12 });

const monthPeriod = fc.record({ unit: fc.constant("month" as const), year, month });
const dayPeriod = fc
  .record({ year, month })
  .chain(({ year, month }) =>
    fc.integer({ min: 1, max: daysIn(year, month) }).map((day) => ({ unit: "day" as const, year, month, day })),
  );
const period: fc.Arbitrary<Period> = fc.oneof(
  fc.record({ unit: fc.constant("year" as const), year }),
  fc.record({ unit: fc.constant("quarter" as const), year, quarter: fc.constantFrom(1, 2, 3, 4 as const) }),
  monthPeriod,
  dayPeriod,
);

/** A place or channel as people write it: words, digits and some punctuation, no brackets, single blanks. */
const note = fc
  .string({
    unit: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyzäöüßABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÜ0123456789 .,:/-"),
    minLength: 1,
    maxLength: 30,
  })
  .map((s) => s.replace(/ +/g, " ").trim())
  .filter((s) => s.length > 0);

const planDate: fc.Arbitrary<PlanDate> = fc.oneof(
  period.map((p) => ({ kind: "on" as const, period: p })),
  fc.record({ kind: fc.constant("on" as const), period, note }),
  fc.uniqueArray(period, { minLength: 2, maxLength: 4, selector: periodStart }).map((ps) => ({
    kind: "several" as const,
    periods: [...ps].sort((a, b) => periodStart(a).localeCompare(periodStart(b))),
  })),
  period.map((p) => ({ kind: "from" as const, period: p })),
  period.map((p) => ({ kind: "planned-for" as const, period: p })),
  fc
    .tuple(period, period)
    .filter(([a, b]) => periodStart(a) < periodStart(b) && periodEnd(a) < periodEnd(b))
    .chain(([start, end]) =>
      fc.oneof(
        fc.constant({ kind: "range" as const, start, end }),
        note.map((n) => ({ kind: "range" as const, start, end, note: n })),
      ),
    ),
  period.map((p) => ({ kind: "until" as const, period: p })),
  fc.record({ kind: fc.constant("until" as const), period, note }),
  fc.constant({ kind: "ongoing" as const }),
  fc.constant({ kind: "unscheduled" as const }),
);

const publishedPeriod = fc.oneof(monthPeriod, dayPeriod);
const published: fc.Arbitrary<Published> = fc.oneof(
  fc.constant({ kind: "not-yet" as const }),
  fc.record({ kind: fc.constantFrom("on" as const, "since" as const), period: publishedPeriod }),
  fc.record({ kind: fc.constantFrom("on" as const, "since" as const), period: publishedPeriod, channel: note }),
  // A Fundstelle: a word, then words and numbers (pages, sections), never a year.
  fc
    .tuple(
      fc.constantFrom("im", "Fundstelle im", "Anhang"),
      fc.integer({ min: 1, max: 999 }),
      fc.integer({ min: 1, max: 99 }),
    )
    .map(([word, page, n]) => ({ kind: "place" as const, place: `${word} ${n}. NAP, Seite ${page}` })),
);

const status: fc.Arbitrary<Status> = fc.oneof(
  fc.constantFrom<Status>(
    { kind: "not-started" },
    { kind: "in-progress" },
    { kind: "delayed" },
    { kind: "done" },
    { kind: "unknown" },
  ),
  year.map((y) => ({ kind: "took-place" as const, year: y })),
);

/** A concept's own scale and a status of it: every word reads back as itself, every synonym as its word. */
const OWN_SCALE = statusScaleOf([
  { label: "nicht begonnen", kind: "offen" },
  { label: "begrenzt", kind: "in-arbeit" },
  { label: "verzögert", kind: "verzögert" },
  { label: "abgeschlossen", kind: "erledigt", synonyms: ["umgesetzt"] },
  { label: "durchgeführt", kind: "stattgefunden", year: true },
  { label: "entfallen", kind: "entfallen" },
]);
const ownStatus: fc.Arbitrary<Status> = fc
  .constantFrom(...OWN_SCALE)
  .chain((w) =>
    w.withYear
      ? year.map((y) => ({ kind: w.kind, year: y, label: w.label }))
      : fc.constant(w.label === STATUS_LABELS[w.kind] ? { kind: w.kind } : { kind: w.kind, label: w.label }),
  );

/** format(parse(format(x))) is format(x), and parse(format(x)) is x itself. */
function roundTrips<T>(
  arbitrary: fc.Arbitrary<T>,
  format: (x: T) => string,
  parse: (s: string) => { ok: true; value: T } | { ok: false; error: string },
) {
  fc.assert(
    fc.property(arbitrary, (x) => {
      const text = format(x);
      const r = parse(text);
      if (!r.ok) throw new Error(`${text}: ${r.error}`);
      expect(r.value).toEqual(x);
      expect(format(r.value)).toBe(text);
    }),
    { numRuns: 500 },
  );
}

describe("round trip of generated values", () => {
  it("periods", () => {
    roundTrips(period, formatPeriod, (s) => parsePeriod(s) ?? { ok: false, error: "keine Form" });
  });
  it("periods in words", () => {
    roundTrips(period, formatPeriodLong, (s) => parsePeriod(s) ?? { ok: false, error: "keine Form" });
  });
  it("Datum (Plan)", () => roundTrips(planDate, formatPlanDate, parsePlanDate));
  it("Datum (Plan) in words reads back as the same value", () => {
    fc.assert(
      fc.property(planDate, (d) => {
        const r = parsePlanDate(formatPlanDateLong(d));
        if (!r.ok) throw new Error(`${formatPlanDateLong(d)}: ${r.error}`);
        expect(r.value).toEqual(d);
      }),
      { numRuns: 500 },
    );
  });
  it("Veröffentlicht", () => roundTrips(published, formatPublished, parsePublished));
  it("Status", () => roundTrips(status, formatStatus, parseStatus));
  it("Status in a concept's own scale", () => roundTrips(ownStatus, formatStatus, (t) => parseStatus(t, OWN_SCALE)));
});

describe("order of generated values", () => {
  it("a period starts no later than it ends", () => {
    fc.assert(fc.property(period, (p) => periodStart(p) <= periodEnd(p)));
  });

  it("a range sorts by its end and is due on its last day", () => {
    fc.assert(
      fc.property(planDate, (d) => {
        if (d.kind !== "range") return;
        expect(planSortKey(d)).toBe(periodEnd(d.end));
        expect(planDeadline(d)).toBe(periodEnd(d.end));
      }),
    );
  });

  it("comparePlanDate is a total order consistent with the first day of the plan", () => {
    fc.assert(
      fc.property(planDate, planDate, (a, b) => {
        const ab = Math.sign(comparePlanDate(a, b));
        expect(Math.sign(comparePlanDate(b, a))).toBe(-ab || 0);
        const dated = (d: PlanDate) => d.kind !== "ongoing" && d.kind !== "unscheduled";
        if (dated(a) && !dated(b)) expect(ab).toBe(-1);
        if (a.kind === "unscheduled" && b.kind !== "unscheduled") expect(ab).toBe(1);
      }),
    );
  });
});
