/**
 * The one place the editor learns the concept's status scale (what the form offers under „Status“) and how a
 * choice is written. Today it comes from the concept package's fixed definitions; when the scale becomes part of a
 * concept, only this file changes. Browser-safe.
 */
import { parseStatus, STATUS_DEFINITIONS } from "@dus-opendata/concept";

export interface StatusChoice {
  /** Stable key of the choice. */
  kind: string;
  /** The word as the concept writes it, e.g. „in Arbeit“. */
  label: string;
  /** Written with a year before the word („2018 stattgefunden“). */
  withYear: boolean;
}

/** The choices in the order of progress. */
export function statusScale(): StatusChoice[] {
  return STATUS_DEFINITIONS.map((d) => ({ kind: d.kind, label: d.label, withYear: d.withYear }));
}

/** The notation for a choice: „erledigt“, or „2018 stattgefunden“ with the year. */
export function writeStatus(choice: StatusChoice, year?: number | string): string {
  return choice.withYear ? `${String(year ?? "").trim()} ${choice.label}`.trim() : choice.label;
}

/** Which choice a written status is, with its year; undefined for a text that is no status. */
export function readStatus(text: string): { kind: string; year?: number } | undefined {
  const r = parseStatus(text);
  if (!r.ok) return undefined;
  return "year" in r.value ? { kind: r.value.kind, year: r.value.year } : { kind: r.value.kind };
}
