/** Everything a deck variant's slides show, as plain data for the browser bundle. */
import { footerText } from "@dus-opendata/brand";
import {
  allMeasures,
  type Concept,
  countConcept,
  countWords,
  type DeckVariant,
  formatPlanDate,
  formatPublished,
  formatStand,
  formatStatus,
  isOverdue,
  labels,
  type PlanDate,
  periodEnd,
  periodStart,
  STATUS_KINDS,
  type StatusKind,
  standDate,
  summariseStatus,
} from "@dus-opendata/concept";
import { buildOutline, type Outline, selectedBausteine } from "./outline.js";

export interface TimelineRow {
  id: string;
  title: string;
  baustein: number;
  status: StatusKind;
  statusLabel: string;
  planned: string;
  published: string;
  overdue: boolean;
  /** Dated spans (ISO first and last day); empty for open plans. */
  spans: { start: string; end: string }[];
  /** From a date on, ongoing, or not yet scheduled. */
  open?: "from" | "ongoing" | "unscheduled";
}

export interface DeckData {
  outline: Outline;
  concept: Concept;
  footer: string;
  stand: string;
  standDate: string;
  bausteinCount: string;
  /** Counts, status summary and timeline are those of the Bausteine the variant shows. */
  counts: ReturnType<typeof countConcept>;
  /** Ids of the Bausteine the variant shows, in its order; and how many the concept has. */
  selection: { bausteine: string[]; of: number };
  statusSummary: ReturnType<typeof summariseStatus>;
  statusKinds: { kind: StatusKind; label: string }[];
  timeline: TimelineRow[];
  /** Year range of the timeline axis. */
  years: number[];
  labels: typeof labels;
  /** Problems of the content, shown over the slides in the live preview. */
  error?: string[];
}

function spansOf(p: PlanDate): Pick<TimelineRow, "spans" | "open"> {
  switch (p.kind) {
    case "on":
    case "planned-for":
      return { spans: [{ start: periodStart(p.period), end: periodEnd(p.period) }] };
    case "several":
      return { spans: p.periods.map((x) => ({ start: periodStart(x), end: periodEnd(x) })) };
    case "from":
      return { spans: [{ start: periodStart(p.period), end: periodEnd(p.period) }], open: "from" };
    case "ongoing":
      return { spans: [], open: "ongoing" };
    case "unscheduled":
      return { spans: [], open: "unscheduled" };
  }
}

export function buildDeckData(c: Concept, v: DeckVariant): DeckData {
  const asOf = standDate(c);
  const shown = { bausteine: selectedBausteine(c, v) };
  const timeline: TimelineRow[] = allMeasures(shown).map(({ baustein, measure }) => ({
    id: measure.id,
    title: measure.title,
    baustein: baustein.number,
    status: measure.status.kind,
    statusLabel: formatStatus(measure.status),
    planned: formatPlanDate(measure.planned),
    published: formatPublished(measure.published),
    overdue: isOverdue(measure, asOf),
    ...spansOf(measure.planned),
  }));
  const dated = timeline.flatMap((r) =>
    r.spans.flatMap((s) => [Number(s.start.slice(0, 4)), Number(s.end.slice(0, 4))]),
  );
  const standYear = c.stand.year;
  const first = Math.min(standYear, ...dated);
  const last = Math.max(standYear, ...dated);
  const years = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  return {
    outline: buildOutline(c, v),
    // Only what the variant shows: an edit elsewhere (another Baustein, a flyer) leaves its data, and so its PDF,
    // unchanged.
    concept: {
      ...c,
      bausteine: shown.bausteine,
      intro: v.intro ? c.intro.filter((s) => v.intro!.includes(s.id)) : c.intro,
      decks: [],
      flyers: [],
    },
    footer: footerText(c),
    stand: formatStand(c.stand),
    standDate: asOf,
    bausteinCount: countWords(shown.bausteine.length, { one: labels.baustein, many: labels.bausteine }),
    counts: countConcept(shown),
    selection: { bausteine: shown.bausteine.map((b) => b.id), of: c.bausteine.length },
    statusSummary: summariseStatus(shown),
    statusKinds: STATUS_KINDS.map((kind) => ({ kind, label: labels.statusKinds[kind] })),
    timeline,
    years,
    labels,
  };
}
