import { assertNever } from "../assert-never.js";
import { joinGerman } from "../join-german.js";
import { closest, fail, normaliseSpace, ok, type ParseResult, q } from "./period.js";

/**
 * The kinds of status the code understands, in the order of progress (used to sort, to count and to colour).
 * A concept's own status words each stand for one kind (concept.yaml, `statuses`); everything that follows from a
 * status (colour, legend, counts, overdue, order) follows from its kind. The brand's status colours are keyed by
 * these kinds (a new kind fails to compile there until it has a colour).
 * - `key`: how concept.yaml names the kind (`kind: verzögert`);
 * - `label`: the word of the kind where the concept's scale gives none (the default scale's word);
 * - `completed`: done or took place, nothing is open any more;
 * - `overdue`: whether a Maßnahme of this kind can be overdue once its planned date has passed. Not for completed
 *   and dropped ones, and not for „ohne Angabe“: nobody said it is still open, so the tool does not claim it is late.
 */
export const STATUS_KIND_DEFINITIONS = [
  { kind: "not-started", key: "offen", label: "noch nicht begonnen", completed: false, overdue: true },
  { kind: "in-progress", key: "in-arbeit", label: "in Arbeit", completed: false, overdue: true },
  { kind: "delayed", key: "verzögert", label: "verzögert", completed: false, overdue: true },
  { kind: "took-place", key: "stattgefunden", label: "stattgefunden", completed: true, overdue: false },
  { kind: "done", key: "erledigt", label: "erledigt", completed: true, overdue: false },
  { kind: "dropped", key: "entfallen", label: "entfallen", completed: false, overdue: false },
  { kind: "unknown", key: "unbekannt", label: "ohne Angabe", completed: false, overdue: false },
] as const;

type KindDefinition = (typeof STATUS_KIND_DEFINITIONS)[number];

export type StatusKind = KindDefinition["kind"];

/** How concept.yaml names a kind: `offen`, `in-arbeit`, `verzögert`, `erledigt`, `stattgefunden`, `entfallen`, `unbekannt`. */
export type StatusKindKey = KindDefinition["key"];

export const STATUS_KIND_KEYS = STATUS_KIND_DEFINITIONS.map((d) => d.key) as [StatusKindKey, ...StatusKindKey[]];

/** Order of progress; used to sort and to colour badges. */
export const STATUS_KINDS: readonly StatusKind[] = STATUS_KIND_DEFINITIONS.map((d) => d.kind);

/** The default word of each kind, e.g. „stattgefunden“ for `took-place`. */
export const STATUS_LABELS = Object.fromEntries(STATUS_KIND_DEFINITIONS.map((d) => [d.kind, d.label])) as Record<
  StatusKind,
  string
>;

const kindOf = (kind: StatusKind): KindDefinition =>
  STATUS_KIND_DEFINITIONS.find((d) => d.kind === kind) as KindDefinition;

export const kindOfKey = (key: StatusKindKey): StatusKind =>
  (STATUS_KIND_DEFINITIONS.find((d) => d.key === key) as KindDefinition).kind;

/**
 * Status of a Maßnahme: its kind, the year for words written with one („2018 stattgefunden“), and the concept's
 * own word where it differs from the kind's default word („abgeschlossen“ for `done`).
 */
export type Status = { kind: StatusKind; year?: number; label?: string };

/** One word of a concept's status scale. */
export interface StatusWord {
  kind: StatusKind;
  /** The word as the concept writes it, e.g. „abgeschlossen“. */
  label: string;
  /** Other words for the same status, read as it and written as `label` („umgesetzt“). */
  synonyms: readonly string[];
  /** Written with the year before the word („2018 stattgefunden“). */
  withYear: boolean;
  /** Shown in legends and tables also when no Maßnahme has it. */
  always: boolean;
}

/** A concept's status scale: its words in the order a maintainer sees them listed. */
export type StatusScale = readonly StatusWord[];

const word = (kind: StatusKind, withYear = false, always = true): StatusWord => ({
  kind,
  label: STATUS_LABELS[kind],
  synonyms: [],
  withYear,
  always,
});

/**
 * The scale of a concept that defines none: today's four words, extended by „verzögert“ and „ohne Angabe“ (these
 * two appear in legends only where a Maßnahme has them, so existing outputs stay as they were).
 */
export const DEFAULT_STATUS_SCALE: StatusScale = [
  word("done"),
  word("in-progress"),
  word("delayed", false, false),
  word("not-started"),
  word("took-place", true),
  word("unknown", false, false),
];

/** The scale's entries as concept.yaml writes them (`statuses`). */
export interface StatusWordData {
  label: string;
  kind: StatusKindKey;
  synonyms?: string[] | undefined;
  year?: boolean | undefined;
}

/**
 * The scale of a concept: its own words where concept.yaml defines them (an omitted status is still „ohne Angabe“,
 * added where the concept has no word of kind `unbekannt`), the default scale otherwise.
 */
export function statusScaleOf(statuses: readonly StatusWordData[] | undefined): StatusScale {
  if (!statuses?.length) return DEFAULT_STATUS_SCALE;
  const own: StatusWord[] = statuses.map((s) => ({
    kind: kindOfKey(s.kind),
    label: s.label,
    synonyms: s.synonyms ?? [],
    withYear: s.year ?? false,
    always: true,
  }));
  return own.some((w) => w.kind === "unknown") ? own : [...own, word("unknown", false, false)];
}

/** The status of a Maßnahme whose `status` is omitted: „ohne Angabe“ in the concept's own word for it. */
export function unknownStatus(scale: StatusScale = DEFAULT_STATUS_SCALE): Status {
  const w = scale.find((x) => x.kind === "unknown");
  return w && w.label !== STATUS_LABELS.unknown ? { kind: "unknown", label: w.label } : { kind: "unknown" };
}

/** The default scale's words, for the editor and the JSON Schema. */
export const STATUS_DEFINITIONS = DEFAULT_STATUS_SCALE;

const YEAR_EXAMPLE = 2018;

/** Every form a maintainer may write, in the scale's order: „erledigt“, …, „<Jahr> stattgefunden“. */
export function statusNotations(scale: StatusScale): string[] {
  return scale.map((w) => (w.withYear ? `<Jahr> ${w.label}` : w.label));
}

export function statusForms(scale: StatusScale): string {
  const dated = scale.filter((w) => w.withYear);
  const synonyms = scale.flatMap((w) => w.synonyms.map((s) => `${q(s)} für ${q(w.label)}`));
  return `Erlaubt sind ${joinGerman(statusNotations(scale).map(q), "oder")}${
    dated.length
      ? ` (z. B. ${joinGerman(
          dated.map((w) => q(`${YEAR_EXAMPLE} ${w.label}`)),
          "oder",
        )})`
      : ""
  }${synonyms.length ? `; gleichbedeutend: ${joinGerman(synonyms)}` : ""}.`;
}

/** The default scale's notations: „erledigt“, „in Arbeit“, …; also the examples of the JSON Schema. */
export const STATUS_NOTATIONS: readonly string[] = statusNotations(DEFAULT_STATUS_SCALE);

/** The notations with a year filled in, for examples. */
export const STATUS_EXAMPLES: readonly string[] = STATUS_NOTATIONS.map((n) =>
  n.replace("<Jahr>", String(YEAR_EXAMPLE)),
);

/** „„erledigt“, „in Arbeit“, … oder „ohne Angabe““. */
export const STATUS_NOTATION_LIST = joinGerman(STATUS_NOTATIONS.map(q), "oder");

export const STATUS_FORMS = statusForms(DEFAULT_STATUS_SCALE);

/** The parsed value of one of the scale's words (its own word kept only where it is not the kind's default). */
function statusOf(w: StatusWord, year?: number): Status {
  const s: Status = { kind: w.kind };
  if (year !== undefined) s.year = year;
  if (w.label !== STATUS_LABELS[w.kind]) s.label = w.label;
  return s;
}

export function parseStatus(input: string, scale: StatusScale = DEFAULT_STATUS_SCALE): ParseResult<Status> {
  const forms = scale === DEFAULT_STATUS_SCALE ? STATUS_FORMS : statusForms(scale);
  const text = normaliseSpace(input);
  if (text === "") return fail(`Der Status ist leer. ${forms}`);
  const wordsOf = (w: StatusWord) => [w.label, ...w.synonyms];
  for (const w of scale) {
    if (!w.withYear && wordsOf(w).includes(text)) return ok(statusOf(w));
  }
  for (const w of scale.filter((x) => x.withYear)) {
    for (const written of wordsOf(w)) {
      if (!text.endsWith(` ${written}`)) continue;
      const m = /^(\d{4}) /.exec(text);
      if (!m || text.length !== 5 + written.length) continue;
      const year = Number(m[1]);
      if (year < 1990 || year > 2100) return fail(`Das Jahr ${year} liegt außerhalb von 1990 bis 2100. ${forms}`);
      return ok(statusOf(w, year));
    }
    if (wordsOf(w).some((x) => x.toLowerCase() === text.toLowerCase()))
      return fail(`Beim Status ${q(text)} fehlt das Jahr, z. B. ${q(`${YEAR_EXAMPLE} ${w.label}`)}. ${forms}`);
  }
  // „2018 stattgefundn“: suggest the whole status, with the year that was written.
  const year = /^(\d{4}) /.exec(text)?.[1];
  const rest = year ? text.slice(5) : text;
  const all = scale.flatMap((w) => wordsOf(w).map((x) => ({ x, w })));
  const words = all.map((a) => a.x);
  const lower = words.find((f) => f.toLowerCase() === rest.toLowerCase());
  const hint = lower ?? closest(rest, words);
  const meant = all.find((a) => a.x === hint)?.w;
  const suggestion = meant?.withYear ? (year ? `${year} ${hint}` : undefined) : hint;
  return fail(`${q(text)} ist kein gültiger Status. ${forms}${suggestion ? ` Meinten Sie ${q(suggestion)}?` : ""}`);
}

/** The canonical form: the concept's word, with the year before it where it has one. */
export function formatStatus(s: Status): string {
  const label = s.label ?? STATUS_LABELS[s.kind];
  if (label === undefined) return assertNever(s as never, "Status");
  return s.year !== undefined ? `${s.year} ${label}` : label;
}

/** Done or took place: nothing open for now. */
export function isCompleted(s: Status): boolean {
  return kindOf(s.kind).completed;
}

/** Whether a Maßnahme with this status can be overdue (see STATUS_KIND_DEFINITIONS). */
export function canBeOverdue(s: Status): boolean {
  return kindOf(s.kind).overdue;
}

/**
 * The word of a kind in a concept's scale, for legends and counts: its own word, several joined („begrenzt oder
 * substanziell“), or the kind's default word.
 */
export function statusKindLabel(scale: StatusScale, kind: StatusKind): string {
  const own = scale.filter((w) => w.kind === kind).map((w) => w.label);
  return own.length ? joinGerman(own, "oder") : STATUS_LABELS[kind];
}

/**
 * The kinds a legend or a table of counts shows, in the order of progress: those of the scale that are always
 * shown, and every other kind that at least one Maßnahme has.
 */
export function shownStatusKinds(scale: StatusScale, used: Iterable<StatusKind>): StatusKind[] {
  const shown = new Set<StatusKind>(used);
  for (const w of scale) if (w.always) shown.add(w.kind);
  return STATUS_KINDS.filter((k) => shown.has(k));
}

export function compareStatus(a: Status, b: Status): number {
  const d = STATUS_KINDS.indexOf(a.kind) - STATUS_KINDS.indexOf(b.kind);
  if (d !== 0) return d;
  return a.year !== undefined && b.year !== undefined ? a.year - b.year : 0;
}
