import { assertNever } from "../assert-never.js";

/**
 * A point or span in time as the concept writes it: a year (`2019`), a quarter (`Q2/2019`),
 * a month (`09/2017`) or a day (`06.12.2018`). Every notation below is built from periods.
 */
export type Period =
  | { unit: "year"; year: number }
  | { unit: "quarter"; year: number; quarter: 1 | 2 | 3 | 4 }
  | { unit: "month"; year: number; month: number }
  | { unit: "day"; year: number; month: number; day: number };

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string };

export const ok = <T>(value: T): ParseResult<T> => ({ ok: true, value });
export const fail = <T>(error: string): ParseResult<T> => ({ ok: false, error });

const YEAR = /^(\d{4})$/;
const QUARTER = /^Q(\d+)\/(\d{4})$/i;
const MONTH = /^(\d{1,2})\/(\d{4})$/;
const DAY = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;

export const MONTH_NAMES = [
  "Januar",
  "Februar",
  "März",
  "April",
  "Mai",
  "Juni",
  "Juli",
  "August",
  "September",
  "Oktober",
  "November",
  "Dezember",
] as const;

function checkYear(year: number): string | undefined {
  if (year < 1990 || year > 2100) return `Das Jahr ${year} liegt außerhalb von 1990 bis 2100.`;
  return undefined;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Parses one period; returns undefined when the text has no period shape at all. */
export function parsePeriod(text: string): ParseResult<Period> | undefined {
  const t = text.trim();
  let m = YEAR.exec(t);
  if (m) {
    const year = Number(m[1]);
    const e = checkYear(year);
    return e ? fail(e) : ok({ unit: "year", year });
  }
  m = QUARTER.exec(t);
  if (m) {
    const quarter = Number(m[1]);
    const year = Number(m[2]);
    if (quarter < 1 || quarter > 4) return fail(`Das Quartal Q${quarter} gibt es nicht: Quartale gehen von Q1 bis Q4.`);
    const e = checkYear(year);
    return e ? fail(e) : ok({ unit: "quarter", year, quarter: quarter as 1 | 2 | 3 | 4 });
  }
  m = MONTH.exec(t);
  if (m) {
    const month = Number(m[1]);
    const year = Number(m[2]);
    if (month < 1 || month > 12) return fail(`Den Monat ${m[1]} gibt es nicht: Monate gehen von 01 bis 12.`);
    const e = checkYear(year);
    return e ? fail(e) : ok({ unit: "month", year, month });
  }
  m = DAY.exec(t);
  if (m) {
    const day = Number(m[1]);
    const month = Number(m[2]);
    const year = Number(m[3]);
    if (month < 1 || month > 12) return fail(`Den Monat ${m[2]} gibt es nicht: Monate gehen von 01 bis 12.`);
    const e = checkYear(year);
    if (e) return fail(e);
    if (day < 1 || day > daysInMonth(year, month))
      return fail(
        `Den ${t} gibt es nicht: der ${MONTH_NAMES[month - 1]} ${year} hat ${daysInMonth(year, month)} Tage.`,
      );
    return ok({ unit: "day", year, month, day });
  }
  return parseWrittenPeriod(t);
}

const MONTH_WORD = "(\\p{L}+)";
const WRITTEN_DAY = new RegExp(`^(\\d{1,2})\\.\\s*${MONTH_WORD}\\s+(\\d{4})$`, "u");
const WRITTEN_MONTH = new RegExp(`^${MONTH_WORD}\\s+(\\d{4})$`, "u");
const WRITTEN_QUARTER = /^(\d+)\.\s*Quartal\s+(\d{4})$/i;

/** The number of a month written as a word („Juni“, „juni“, „Maerz“), or undefined. */
function monthOfWord(word: string): number | undefined {
  const w = word.toLowerCase().replace("ae", "ä");
  const i = MONTH_NAMES.findIndex((n) => n.toLowerCase() === w);
  return i < 0 ? undefined : i + 1;
}

/**
 * A period written out as in running text: „30. Juni 2021“, „Juni 2021“, „2. Quartal 2023“ (the long forms the
 * outputs print, see formatPeriodLong). Undefined when the text has no such shape; a misspelt month is an error.
 */
function parseWrittenPeriod(t: string): ParseResult<Period> | undefined {
  let m = WRITTEN_QUARTER.exec(t);
  if (m) return parsePeriod(`Q${m[1]}/${m[2]}`);
  m = WRITTEN_DAY.exec(t) ?? WRITTEN_MONTH.exec(t);
  if (!m) return undefined;
  const [day, word, year] = m.length === 4 ? [m[1], m[2], m[3]] : [undefined, m[1], m[2]];
  const month = monthOfWord(word ?? "");
  if (month === undefined) {
    // „Juno 2021“ is a misspelt month; „Fundstelle 2021“ is no date at all.
    const hint = closest(word ?? "", MONTH_NAMES);
    return hint ? fail(`Den Monat ${q(word ?? "")} gibt es nicht: Meinten Sie ${q(hint)}?`) : undefined;
  }
  return parsePeriod(day === undefined ? `${two(month)}/${year}` : `${day}.${two(month)}.${year}`);
}

const two = (n: number) => String(n).padStart(2, "0");

/** Canonical German notation: `2019`, `Q2/2019`, `09/2017`, `06.12.2018`. */
export function formatPeriod(p: Period): string {
  switch (p.unit) {
    case "year":
      return String(p.year);
    case "quarter":
      return `Q${p.quarter}/${p.year}`;
    case "month":
      return `${two(p.month)}/${p.year}`;
    case "day":
      return `${two(p.day)}.${two(p.month)}.${p.year}`;
    default:
      return assertNever(p, "Zeitraum");
  }
}

/** Long German form for running text: `September 2017`, `2. Quartal 2019`, `6. Dezember 2018`. */
export function formatPeriodLong(p: Period): string {
  switch (p.unit) {
    case "year":
      return String(p.year);
    case "quarter":
      return `${p.quarter}. Quartal ${p.year}`;
    case "month":
      return `${MONTH_NAMES[p.month - 1]} ${p.year}`;
    case "day":
      return `${p.day}. ${MONTH_NAMES[p.month - 1]} ${p.year}`;
    default:
      return assertNever(p, "Zeitraum");
  }
}

/** First day of the period, as an ISO date (`2019-04-01`). */
export function periodStart(p: Period): string {
  switch (p.unit) {
    case "year":
      return `${p.year}-01-01`;
    case "quarter":
      return `${p.year}-${two((p.quarter - 1) * 3 + 1)}-01`;
    case "month":
      return `${p.year}-${two(p.month)}-01`;
    case "day":
      return `${p.year}-${two(p.month)}-${two(p.day)}`;
    default:
      return assertNever(p, "Zeitraum");
  }
}

/** Last day of the period, as an ISO date (`2019-06-30`). */
export function periodEnd(p: Period): string {
  switch (p.unit) {
    case "year":
      return `${p.year}-12-31`;
    case "quarter": {
      const month = p.quarter * 3;
      return `${p.year}-${two(month)}-${two(daysInMonth(p.year, month))}`;
    }
    case "month":
      return `${p.year}-${two(p.month)}-${two(daysInMonth(p.year, p.month))}`;
    case "day":
      return periodStart(p);
    default:
      return assertNever(p, "Zeitraum");
  }
}

/** Splits `text (note)` into the text and the note in brackets. */
export function splitNote(text: string): { main: string; note?: string } {
  const m = /^(.*?)\s*\(([^()]*)\)$/.exec(text.trim());
  if (!m) return { main: text.trim() };
  const note = m[2]?.trim();
  return note ? { main: (m[1] ?? "").trim(), note } : { main: (m[1] ?? "").trim() };
}

/** Normalises whitespace (non-breaking spaces pasted from Word, double blanks). */
export function normaliseSpace(text: string): string {
  return text.replace(/[\s\u00A0\u202F]+/g, " ").trim();
}

/** Edit distance counting a swap of two neighbouring letters as one edit („titel“ → „title“), for hints. */
export function editDistance(a: string, b: string): number {
  // Three rolling rows of the dynamic programme: the one before the previous is needed for swaps.
  let before = new Array<number>(b.length + 1).fill(0);
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  let cur = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, (before[j - 2] ?? 0) + 1);
      cur[j] = d;
    }
    [before, prev, cur] = [prev, cur, before];
  }
  return prev[b.length] ?? 0;
}

/**
 * The closest candidate, if it is close enough to be a typo: one edit for short words, one per four letters for
 * longer ones. Case does not count.
 */
export function closest(input: string, candidates: readonly string[]): string | undefined {
  const limit = Math.max(1, Math.floor(input.length / 4));
  let best: string | undefined;
  let bestDistance = limit + 1;
  const lower = input.toLowerCase();
  for (const c of candidates) {
    // Words whose lengths differ by more than the limit cannot be close enough.
    if (Math.abs(c.length - input.length) > limit) continue;
    const d = editDistance(lower, c.toLowerCase());
    if (d < bestDistance) {
      bestDistance = d;
      best = c;
    }
  }
  return best;
}

/** Quotes a value the German way: „wert“. */
export const q = (s: string) => `„${s}“`;
