import {
  closest,
  fail,
  formatPeriod,
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
  | { kind: "since"; period: Period; channel?: string };

export const PUBLISHED_FORMS =
  "Erlaubt sind „noch nicht“, ein Datum „MM/JJJJ“ oder „TT.MM.JJJJ“, auch mit Ort in Klammern " +
  "(z. B. „11/2018 (Intranet)“, „10/2018 (Druck)“), oder „seit MM/JJJJ“ (z. B. „seit 12/2017“).";

export function parsePublished(input: string): ParseResult<Published> {
  const text = normaliseSpace(input);
  if (text === "") return fail(`„Veröffentlicht“ ist leer. ${PUBLISHED_FORMS}`);
  if (text === "noch nicht") return ok({ kind: "not-yet" });
  const since = /^seit (.+)$/.exec(text);
  const { main, note } = splitNote(since?.[1] ?? text);
  const r = parsePeriod(main);
  if (r === undefined) {
    const hint = closest(text, ["noch nicht"]);
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
  const base = `${p.kind === "since" ? "seit " : ""}${formatPeriod(p.period)}`;
  return p.channel ? `${base} (${p.channel})` : base;
}

export function isPublished(p: Published): boolean {
  return p.kind !== "not-yet";
}

export function publishedSortKey(p: Published): string {
  return p.kind === "not-yet" ? "9999-12-31" : periodStart(p.period);
}
