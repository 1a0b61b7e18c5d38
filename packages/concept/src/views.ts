import type { Baustein, Concept } from "./model.js";
import { MONTH_NAMES, type Period, periodEnd } from "./notation/period.js";
import { comparePlanDate, formatPlanDate, planDeadline } from "./notation/plan-date.js";
import { formatPublished } from "./notation/published.js";
import { canBeOverdue, formatStatus, STATUS_KINDS, type StatusKind } from "./notation/status.js";
import type { Measure } from "./schemas/measure.js";
import { termsOf } from "./terms.js";
import { countWords } from "./wording.js";

export interface Counts {
  bausteine: number;
  measures: number;
  chances: number;
  risks: number;
  perBaustein: { id: string; title: string; measures: number; chances: number; risks: number }[];
}

export function countConcept(c: Pick<Concept, "bausteine">): Counts {
  const perBaustein = c.bausteine.map((b) => ({
    id: b.id,
    title: b.title,
    measures: b.measures.length,
    chances: b.chances.length,
    risks: b.risks.length,
  }));
  const sum = (k: "measures" | "chances" | "risks") => perBaustein.reduce((n, b) => n + b[k], 0);
  return {
    bausteine: c.bausteine.length,
    measures: sum("measures"),
    chances: sum("chances"),
    risks: sum("risks"),
    perBaustein,
  };
}

export interface StatusSummary {
  id: string;
  number: number;
  title: string;
  total: number;
  byStatus: Record<StatusKind, number>;
}

export function summariseStatus(c: Pick<Concept, "bausteine">): StatusSummary[] {
  return c.bausteine.map((b) => {
    const byStatus = Object.fromEntries(STATUS_KINDS.map((k) => [k, 0])) as Record<StatusKind, number>;
    for (const m of b.measures) byStatus[m.status.kind] += 1;
    return { id: b.id, number: b.number, title: b.title, total: b.measures.length, byStatus };
  });
}

export interface MeasureRef {
  baustein: Baustein;
  measure: Measure;
}

export function allMeasures(c: Pick<Concept, "bausteine">): MeasureRef[] {
  return c.bausteine.flatMap((baustein) => baustein.measures.map((measure) => ({ baustein, measure })));
}

/** Maßnahmen by planned date; ongoing after every dated one, unscheduled last; ties keep concept order. */
export function timeline(c: Pick<Concept, "bausteine">): MeasureRef[] {
  return allMeasures(c)
    .map((r, i) => ({ r, i }))
    .sort((a, b) => comparePlanDate(a.r.measure.planned, b.r.measure.planned) || a.i - b.i)
    .map(({ r }) => r);
}

/**
 * The planned date has passed as of `asOf` (ISO date `YYYY-MM-DD`) and the status is still open: not started, in
 * progress or delayed. Done, took place and dropped are never overdue; nor is „ohne Angabe“ (nobody said it is
 * still open). A range and „bis …“ are due on their last day.
 */
export function isOverdue(m: Measure, asOf: string): boolean {
  if (!canBeOverdue(m.status)) return false;
  const deadline = planDeadline(m.planned);
  return deadline !== undefined && deadline < asOf;
}

export function overdue(c: Pick<Concept, "bausteine">, asOf: string): MeasureRef[] {
  return allMeasures(c).filter((r) => isOverdue(r.measure, asOf));
}

/** The day the Stand stands for: the last day of its month, or the day itself. */
export function standDate(c: Pick<Concept, "stand">): string {
  return periodEnd(c.stand);
}

/** „November 2018“ or „30. November 2018“. */
export function formatStand(p: Period): string {
  if (p.unit === "day") return `${p.day}. ${MONTH_NAMES[p.month - 1]} ${p.year}`;
  if (p.unit === "month") return `${MONTH_NAMES[p.month - 1]} ${p.year}`;
  return String(p.year);
}

export interface StatusRow {
  baustein: string;
  bausteinNumber: number;
  id: string;
  title: string;
  status: string;
  planned: string;
  published: string;
  overdue: boolean;
}

/** One row per Maßnahme, with its notations in canonical German. */
export function statusRows(c: Pick<Concept, "bausteine">, asOf: string): StatusRow[] {
  return allMeasures(c).map(({ baustein, measure }) => ({
    baustein: baustein.title,
    bausteinNumber: baustein.number,
    id: measure.id,
    title: measure.title,
    status: formatStatus(measure.status),
    planned: formatPlanDate(measure.planned),
    published: formatPublished(measure.published),
    overdue: isOverdue(measure, asOf),
  }));
}

export function findMeasure(c: Pick<Concept, "bausteine">, id: string): MeasureRef | undefined {
  return allMeasures(c).find((r) => r.measure.id === id);
}

/**
 * The heading of the overview of the Bausteine: the counted Bausteine, followed by the concept's `purpose` where it
 * has one („Drei Bausteine zur Information der Verwaltung“). `count` for a selection of the Bausteine.
 */
export function bausteineHeading(
  c: Pick<Concept, "bausteine" | "purpose"> & Partial<Pick<Concept, "terms">>,
  count = c.bausteine.length,
): string {
  const counted = countWords(count, termsOf(c).baustein);
  return c.purpose ? `${counted} ${c.purpose}` : counted;
}
