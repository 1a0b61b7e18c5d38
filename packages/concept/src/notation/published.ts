import {
  closest,
  fail,
  formatPeriod,
  MONTH_NAMES,
  normaliseSpace,
  ok,
  type ParseResult,
  type Period,
  parsePeriod,
  periodStart,
  q,
  splitNote,
} from "./period.js";

/** "Veröffentlicht" of a Maßnahme: not yet, on a date, or since a date; optionally where. */
export type Published =
  | { kind: "not-yet" }
  | { kind: "on"; period: Period; channel?: string }
  | { kind: "since"; period: Period; channel?: string }
  /** A place without a date, kept as written („im 3. NAP, Seite 28 – 29“). */
  | { kind: "place"; place: string };

export const PUBLISHED_FORMS =
  "Erlaubt sind „noch nicht“, ein Datum „MM/JJJJ“ oder „TT.MM.JJJJ“, auch in Worten (z. B. „November 2022“, " +
  "„30. November 2022“) und mit Ort in Klammern (z. B. „11/2018 (Intranet)“, „10/2018 (Druck)“), „seit MM/JJJJ“ " +
  "(z. B. „seit 12/2017“) oder eine Fundstelle ohne Datum, die mit einem Wort beginnt und eine Seite oder Nummer nennt (z. B. „im 3. NAP, Seite 28 – 29“).";

/** Words that begin a date notation: a text starting with one of them is a date, never a place. */
const DATE_WORDS = ["noch", "seit", "ab", "bis", "für", "laufend", "Quartal", ...MONTH_NAMES];

/**
 * A place without a date: begins with a word that is not the start of a date notation, names a page or a number
 * where it can be found („Seite 28“, „3. NAP“), and names no year (a year means a date was meant, so a misspelt
 * date is an error, not a place). „im Intranet“ says where, but not when: it stays an error.
 */
function isPlace(text: string): boolean {
  const first = /^(\p{L}+)(?:\s|,|$)/u.exec(text)?.[1];
  if (!first) return false;
  if (DATE_WORDS.some((w) => w.toLowerCase() === first.toLowerCase())) return false;
  // „Novmber 2022“ is a misspelt month, not a place.
  if (first.length >= 4 && closest(first, MONTH_NAMES) !== undefined) return false;
  return /\d/.test(text) && !/\b(?:19|20)\d\d\b/.test(text);
}

export function parsePublished(input: string): ParseResult<Published> {
  const text = normaliseSpace(input);
  if (text === "") return fail(`„Veröffentlicht“ ist leer. ${PUBLISHED_FORMS}`);
  if (text === "noch nicht") return ok({ kind: "not-yet" });
  const since = /^seit (.+)$/.exec(text);
  const { main, note } = splitNote(since?.[1] ?? text);
  const r = parsePeriod(main);
  if (r === undefined) {
    const hint = closest(text, ["noch nicht"]);
    if (!hint && !since && isPlace(text)) return ok({ kind: "place", place: text });
    return fail(
      `${q(text)} ist keine gültige Angabe für „Veröffentlicht“. ${PUBLISHED_FORMS}${hint ? ` Meinten Sie ${q(hint)}?` : ""}`,
    );
  }
  if (!r.ok) return fail(`${r.error} ${PUBLISHED_FORMS}`);
  // Something was published in a month or on a day; a year or a quarter is too vague to date it.
  if (r.value.unit !== "month" && r.value.unit !== "day")
    return fail(`${q(text)} ist für „Veröffentlicht“ zu ungenau: bitte den Monat angeben. ${PUBLISHED_FORMS}`);
  const kind = since ? "since" : "on";
  return ok(note ? { kind, period: r.value, channel: note } : { kind, period: r.value });
}

export function formatPublished(p: Published): string {
  if (p.kind === "not-yet") return "noch nicht";
  if (p.kind === "place") return p.place;
  const base = `${p.kind === "since" ? "seit " : ""}${formatPeriod(p.period)}`;
  return p.channel ? `${base} (${p.channel})` : base;
}

export function isPublished(p: Published): boolean {
  return p.kind !== "not-yet";
}

/** Dated publications by their first day; a place without a date after them, not yet published last. */
export function publishedSortKey(p: Published): string {
  return p.kind === "not-yet" ? "9999-12-31" : p.kind === "place" ? "9999-01-01" : periodStart(p.period);
}
