/**
 * The one place the editor learns the concept's status scale (what the form offers under „Status“) and how a
 * choice is written: the words of concept.yaml's `statuses`, or the default scale where it defines none.
 * Browser-safe.
 */
import { formatStatus, parseStatus, type StatusScale, statusScaleOfData } from "@dus-opendata/concept";

export interface StatusChoice {
  /** Stable key of the choice: the word itself (several words may share a kind). */
  key: string;
  /** What the word means, for the colour of the badge: `done`, `delayed`, … */
  kind: string;
  /** The word as the concept writes it, e.g. „in Arbeit“. */
  label: string;
  /** Other words read as this one. */
  synonyms: string[];
  /** Written with a year before the word („2018 stattgefunden“). */
  withYear: boolean;
}

/** The choices of a concept's scale, from concept.yaml's data as written (`statuses`), in the scale's order. */
export function statusScale(statuses?: unknown): StatusChoice[] {
  return statusScaleOfData(statuses).map((w) => ({
    key: w.label,
    kind: w.kind,
    label: w.label,
    synonyms: [...w.synonyms],
    withYear: w.withYear,
  }));
}

/** The notation for a choice: „erledigt“, or „2018 stattgefunden“ with the year. */
export function writeStatus(choice: StatusChoice, year?: number | string): string {
  return choice.withYear ? `${String(year ?? "").trim()} ${choice.label}`.trim() : choice.label;
}

const scaleOf = (choices: readonly StatusChoice[]): StatusScale =>
  choices.map((c) => ({
    kind: c.kind as StatusScale[number]["kind"],
    label: c.label,
    synonyms: c.synonyms,
    withYear: c.withYear,
    always: true,
  }));

/** Which choice a written status is, with its year; undefined for a text that is no status of the scale. */
export function readStatus(text: string, choices: readonly StatusChoice[]): { key: string; year?: number } | undefined {
  const r = parseStatus(text, scaleOf(choices));
  if (!r.ok) return undefined;
  const word = formatStatus({ ...r.value, year: undefined });
  const choice = choices.find((c) => c.label === word);
  if (!choice) return undefined;
  return r.value.year !== undefined ? { key: choice.key, year: r.value.year } : { key: choice.key };
}

/** The choice for a new Maßnahme: „ohne Angabe“ (the editor never invents a status). */
export function unknownChoice(choices: readonly StatusChoice[]): StatusChoice | undefined {
  return choices.find((c) => c.kind === "unknown");
}
