import { assertNever } from "../assert-never.js";
import { joinGerman } from "../join-german.js";
import {
  closest,
  fail,
  formatPeriod,
  formatPeriodLong,
  normaliseSpace,
  ok,
  type ParseResult,
  type Period,
  parsePeriod,
  periodEnd,
  periodStart,
  q,
  splitNote,
} from "./period.js";

/** "Datum (Plan)" of a Maßnahme. */
export type PlanDate =
  | { kind: "on"; period: Period; note?: string }
  | { kind: "range"; start: Period; end: Period; note?: string }
  | { kind: "until"; period: Period; note?: string }
  | { kind: "several"; periods: Period[] }
  | { kind: "from"; period: Period }
  | { kind: "planned-for"; period: Period }
  | { kind: "ongoing" }
  | { kind: "unscheduled" };

export const PLAN_DATE_FORMS =
  "Erlaubt sind ein Monat „MM/JJJJ“ (z. B. „09/2017“), ein Tag „TT.MM.JJJJ“, auch mit Ort in Klammern " +
  "(z. B. „06.12.2018 (Foyer Rathaus)“), ein Jahr „JJJJ“, ein Quartal „Qn/JJJJ“, „ab …“ (z. B. „ab 2019“, „ab Q2/2019“), " +
  "„für JJJJ geplant“ (z. B. „für 2019 geplant“), mehrere Termine mit „und“ (z. B. „12/2018 und 02/2019“), " +
  "„laufend“ oder „noch nicht geplant“; dazu ein Zeitraum mit „–“, „-“ oder „bis“ " +
  "(z. B. „30.06.2021 – 30.11.2022“, „01/2021 – 01/2023“, „Q4/2021 – Q4/2022“), „bis …“ (z. B. „bis 30.11.2022“) " +
  "und Monat, Tag und Quartal in Worten (z. B. „Juni 2021“, „30. Juni 2021“, „2. Quartal 2023“).";

/** Between the start and the end of a range: a dash (hyphen, en or em dash) or „bis“. */
const RANGE = /^(.+?)\s*(?:[-\u2013\u2014]|\sbis\s)\s*(.+)$/;

export function parsePlanDate(input: string): ParseResult<PlanDate> {
  const text = normaliseSpace(input);
  if (text === "") return fail(`Das Datum (Plan) ist leer. ${PLAN_DATE_FORMS}`);
  if (text === "laufend") return ok({ kind: "ongoing" });
  if (text === "noch nicht geplant") return ok({ kind: "unscheduled" });
  const invalid = (part?: string) => {
    const hint = part === undefined ? closest(text, ["laufend", "noch nicht geplant"]) : undefined;
    const what = part === undefined ? q(text) : `${q(part)} in ${q(text)}`;
    return fail<never>(
      `${what} ist kein gültiges Datum (Plan). ${PLAN_DATE_FORMS}${hint ? ` Meinten Sie ${q(hint)}?` : ""}`,
    );
  };
  // A period: a text without the shape of a date names the whole value; an impossible date says what is wrong.
  const period = (part: string, whole: boolean): ParseResult<Period> => {
    const r = parsePeriod(part);
    if (r === undefined) return invalid(whole ? undefined : part);
    return r.ok ? r : fail(`${r.error} ${PLAN_DATE_FORMS}`);
  };
  let m = /^ab (.+)$/.exec(text);
  if (m?.[1]) {
    const r = period(m[1], true);
    return r.ok ? ok({ kind: "from", period: r.value }) : r;
  }
  m = /^für (.+) geplant$/.exec(text);
  if (m?.[1]) {
    const r = period(m[1], true);
    return r.ok ? ok({ kind: "planned-for", period: r.value }) : r;
  }
  // The note in brackets first: a place may contain „und“ („06.12.2018 (Foyer und Saal)“).
  const { main, note } = splitNote(text);
  const withNote = <D extends PlanDate>(d: D): D => (note ? { ...d, note } : d);
  m = /^bis (.+)$/.exec(main);
  if (m?.[1]) {
    const r = period(m[1], true);
    return r.ok ? ok(withNote({ kind: "until", period: r.value })) : r;
  }
  if (/ und /.test(main)) {
    if (note)
      return fail(
        `Ein Ort in Klammern ist nur bei einem einzelnen Termin möglich, nicht bei mehreren Terminen wie in ${q(text)}. ${PLAN_DATE_FORMS}`,
      );
    const periods: Period[] = [];
    for (const part of main.split(/, | und /)) {
      const r = period(part, false);
      if (!r.ok) return r;
      periods.push(r.value);
    }
    for (let i = 1; i < periods.length; i++) {
      const prev = periods[i - 1];
      const cur = periods[i];
      if (prev && cur && periodStart(cur) <= periodStart(prev))
        return fail(
          `Die Termine in ${q(text)} stehen nicht in zeitlicher Reihenfolge: bitte vom frühesten zum spätesten ordnen und jeden Termin nur einmal nennen, z. B. „12/2018 und 02/2019“.`,
        );
    }
    return ok({ kind: "several", periods });
  }
  const range = RANGE.exec(main);
  if (range?.[1] && range[2] && parsePeriod(main) === undefined) {
    const start = period(range[1], true);
    if (!start.ok) return start;
    const end = period(range[2], true);
    if (!end.ok) return end;
    if (periodStart(end.value) <= periodStart(start.value) || periodEnd(end.value) <= periodEnd(start.value))
      return fail(
        `Der Zeitraum ${q(main)} endet nicht nach seinem Beginn: bitte zuerst den Beginn, dann das Ende nennen, z. B. „01/2021 – 01/2023“.`,
      );
    return ok(withNote({ kind: "range", start: start.value, end: end.value }));
  }
  const r = period(main, true);
  if (!r.ok) return r;
  return ok(withNote({ kind: "on", period: r.value }));
}

const withNoteText = (text: string, note: string | undefined) => (note ? `${text} (${note})` : text);

export function formatPlanDate(d: PlanDate): string {
  switch (d.kind) {
    case "on":
      return withNoteText(formatPeriod(d.period), d.note);
    case "range":
      return withNoteText(`${formatPeriod(d.start)} – ${formatPeriod(d.end)}`, d.note);
    case "until":
      return withNoteText(`bis ${formatPeriod(d.period)}`, d.note);
    case "several":
      return joinGerman(d.periods.map(formatPeriod));
    case "from":
      return `ab ${formatPeriod(d.period)}`;
    case "planned-for":
      return `für ${formatPeriod(d.period)} geplant`;
    case "ongoing":
      return "laufend";
    case "unscheduled":
      return "noch nicht geplant";
    default:
      return assertNever(d, "Datum (Plan)");
  }
}

/** Running-text form: „6. Dezember 2018 (Foyer Rathaus)“, „ab 2. Quartal 2019“. */
export function formatPlanDateLong(d: PlanDate): string {
  switch (d.kind) {
    case "on":
      return withNoteText(formatPeriodLong(d.period), d.note);
    case "range":
      return withNoteText(`${formatPeriodLong(d.start)} – ${formatPeriodLong(d.end)}`, d.note);
    case "until":
      return withNoteText(`bis ${formatPeriodLong(d.period)}`, d.note);
    case "several":
      return joinGerman(d.periods.map(formatPeriodLong));
    case "from":
      return `ab ${formatPeriodLong(d.period)}`;
    case "planned-for":
      return `für ${formatPeriodLong(d.period)} geplant`;
    case "ongoing":
    case "unscheduled":
      return formatPlanDate(d);
    default:
      return assertNever(d, "Datum (Plan)");
  }
}

/**
 * Sort key: dated plans by their first day, a range and „bis …“ by their last day (what a committee asks is when it
 * will be done); ongoing after every date, unscheduled last.
 */
export function planSortKey(d: PlanDate): string {
  switch (d.kind) {
    case "range":
      return periodEnd(d.end);
    case "until":
      return periodEnd(d.period);
    case "on":
    case "from":
    case "planned-for":
      return periodStart(d.period);
    case "several":
      return d.periods[0] ? periodStart(d.periods[0]) : "9998-12-31";
    case "ongoing":
      return "9999-01-01";
    case "unscheduled":
      return "9999-12-31";
    default:
      return assertNever(d, "Datum (Plan)");
  }
}

export function comparePlanDate(a: PlanDate, b: PlanDate): number {
  const ka = planSortKey(a);
  const kb = planSortKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** Last day by which the plan says the Maßnahme is due; undefined for open-ended plans. */
export function planDeadline(d: PlanDate): string | undefined {
  switch (d.kind) {
    case "on":
    case "planned-for":
    case "until":
      return periodEnd(d.period);
    case "range":
      return periodEnd(d.end);
    case "several": {
      const last = d.periods[d.periods.length - 1];
      return last ? periodEnd(last) : undefined;
    }
    case "from":
    case "ongoing":
    case "unscheduled":
      return undefined;
    default:
      return assertNever(d, "Datum (Plan)");
  }
}

/** First day of the plan, or undefined where the plan names no date (for „bis …“: the first day of its period). */
export function planStart(d: PlanDate): string | undefined {
  switch (d.kind) {
    case "range":
      return periodStart(d.start);
    case "until":
      return periodStart(d.period);
    default:
      return d.kind === "ongoing" || d.kind === "unscheduled" ? undefined : planSortKey(d);
  }
}
