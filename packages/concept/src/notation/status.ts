import { joinGerman } from "../join-german.js";
import { closest, fail, normaliseSpace, ok, type ParseResult, q } from "./period.js";

/**
 * The one definition of the statuses a Maßnahme can have, in the order of progress (used to sort, to count and to
 * colour). Everything else derives from it: the parser, the canonical form, the labels, the allowed forms in messages
 * and in the JSON Schema, and the keys of the brand's status colours (a new kind fails to compile there until it
 * has a colour).
 * - `label`: the word as the concept writes it;
 * - `withYear`: written with the year before the word („2018 stattgefunden“);
 * - `completed`: nothing is open any more, so the Maßnahme can never be overdue.
 */
export const STATUS_DEFINITIONS = [
  { kind: "not-started", label: "noch nicht begonnen", withYear: false, completed: false },
  { kind: "in-progress", label: "in Arbeit", withYear: false, completed: false },
  { kind: "took-place", label: "stattgefunden", withYear: true, completed: true },
  { kind: "done", label: "erledigt", withYear: false, completed: true },
] as const;

type Definition = (typeof STATUS_DEFINITIONS)[number];

export type StatusKind = Definition["kind"];

/** Status of a Maßnahme, as the concept writes it: a kind, with the year for the kinds written with one. */
export type Status = {
  [D in Definition as D["kind"]]: D["withYear"] extends true ? { kind: D["kind"]; year: number } : { kind: D["kind"] };
}[StatusKind];

/** Order of progress; used to sort and to colour badges. */
export const STATUS_KINDS: readonly StatusKind[] = STATUS_DEFINITIONS.map((d) => d.kind);

/** The word of each kind, e.g. „stattgefunden“ for `took-place`. */
export const STATUS_LABELS = Object.fromEntries(STATUS_DEFINITIONS.map((d) => [d.kind, d.label])) as Record<
  StatusKind,
  string
>;

const definitionOf = (kind: StatusKind): Definition => STATUS_DEFINITIONS.find((d) => d.kind === kind) as Definition;
const YEAR_EXAMPLE = 2018;
const FIXED = STATUS_DEFINITIONS.filter((d) => !d.withYear);
const DATED = STATUS_DEFINITIONS.filter((d) => d.withYear);

/**
 * Every form a maintainer may write, the furthest progress first: „erledigt“, „in Arbeit“, „noch nicht begonnen“,
 * „<Jahr> stattgefunden“. Also the examples of the JSON Schema.
 */
export const STATUS_NOTATIONS: readonly string[] = [
  ...[...FIXED].reverse().map((d) => d.label),
  ...DATED.map((d) => `<Jahr> ${d.label}`),
];

/** The notations with a year filled in, for examples. */
export const STATUS_EXAMPLES: readonly string[] = STATUS_NOTATIONS.map((n) =>
  n.replace("<Jahr>", String(YEAR_EXAMPLE)),
);

/** „„erledigt“, „in Arbeit“, „noch nicht begonnen“ oder „<Jahr> stattgefunden““. */
export const STATUS_NOTATION_LIST = joinGerman(STATUS_NOTATIONS.map(q), "oder");

export const STATUS_FORMS = `Erlaubt sind ${STATUS_NOTATION_LIST}${
  DATED.length
    ? ` (z. B. ${joinGerman(
        DATED.map((d) => q(`${YEAR_EXAMPLE} ${d.label}`)),
        "oder",
      )})`
    : ""
}.`;

export function parseStatus(input: string): ParseResult<Status> {
  const text = normaliseSpace(input);
  if (text === "") return fail(`Der Status ist leer. ${STATUS_FORMS}`);
  for (const d of FIXED) {
    if (text === d.label) return ok({ kind: d.kind });
  }
  for (const d of DATED) {
    const m = new RegExp(`^(\\d{4}) ${d.label}$`).exec(text);
    if (m) {
      const year = Number(m[1]);
      if (year < 1990 || year > 2100)
        return fail(`Das Jahr ${year} liegt außerhalb von 1990 bis 2100. ${STATUS_FORMS}`);
      return ok({ kind: d.kind, year });
    }
    if (text.toLowerCase() === d.label.toLowerCase())
      return fail(`Beim Status ${q(text)} fehlt das Jahr, z. B. ${q(`${YEAR_EXAMPLE} ${d.label}`)}. ${STATUS_FORMS}`);
  }
  // „2018 stattgefundn“: suggest the whole status, with the year that was written.
  const year = /^(\d{4}) /.exec(text)?.[1];
  const rest = year ? text.slice(5) : text;
  const words = STATUS_DEFINITIONS.map((d) => d.label);
  const lower = words.find((f) => f.toLowerCase() === rest.toLowerCase());
  const hint = lower ?? closest(rest, words);
  const dated = DATED.some((d) => d.label === hint);
  const suggestion = dated ? (year ? `${year} ${hint}` : undefined) : hint;
  return fail(
    `${q(text)} ist kein gültiger Status. ${STATUS_FORMS}${suggestion ? ` Meinten Sie ${q(suggestion)}?` : ""}`,
  );
}

export function formatStatus(s: Status): string {
  const d = definitionOf(s.kind);
  return "year" in s ? `${s.year} ${d.label}` : d.label;
}

/** Done or took place: nothing open for now. */
export function isCompleted(s: Status): boolean {
  return definitionOf(s.kind).completed;
}

export function compareStatus(a: Status, b: Status): number {
  const d = STATUS_KINDS.indexOf(a.kind) - STATUS_KINDS.indexOf(b.kind);
  if (d !== 0) return d;
  return "year" in a && "year" in b ? a.year - b.year : 0;
}
