import { assertNever } from "../assert-never.js";
import { labels } from "../labels.js";
import type { Baustein } from "../model.js";
import { periodEnd, periodStart } from "../notation/period.js";
import { formatPlanDate, type PlanDate } from "../notation/plan-date.js";
import { formatStatus, type StatusScale, shownStatusKinds, statusKindLabel } from "../notation/status.js";
import { statusOverview, type Terms } from "../terms.js";
import { isOverdue } from "../views.js";
import type { StatusToken, Timeline, TimelineRow } from "./records.js";

export const statusToken = (s: Parameters<typeof formatStatus>[0]): StatusToken => ({
  kind: s.kind,
  label: formatStatus(s),
});

function spansOf(p: PlanDate): Pick<TimelineRow, "spans" | "open"> {
  switch (p.kind) {
    case "on":
    case "planned-for":
      return { spans: [{ start: periodStart(p.period), end: periodEnd(p.period) }] };
    case "range":
      return { spans: [{ start: periodStart(p.start), end: periodEnd(p.end) }] };
    case "until":
      return { spans: [{ start: periodStart(p.period), end: periodEnd(p.period) }], open: "until" };
    case "several":
      return { spans: p.periods.map((x) => ({ start: periodStart(x), end: periodEnd(x) })) };
    case "from":
      return { spans: [{ start: periodStart(p.period), end: periodEnd(p.period) }], open: "from" };
    case "ongoing":
      return { spans: [], open: "ongoing" };
    case "unscheduled":
      return { spans: [], open: "unscheduled" };
    default:
      return assertNever(p, "Datum (Plan)");
  }
}

/** One row per Maßnahme of the given Bausteine, in their order. */
export function timelineRows(bausteine: readonly Baustein[], asOf: string, showOverdue: boolean): TimelineRow[] {
  return bausteine.flatMap((b) =>
    b.measures.map((m) => ({
      id: m.id,
      title: m.title,
      baustein: b.number,
      status: statusToken(m.status),
      planned: formatPlanDate(m.planned),
      overdue: showOverdue && isOverdue(m, asOf),
      ...spansOf(m.planned),
    })),
  );
}

/**
 * The legend of the status colours: one entry per kind of the concept's scale (in the order of progress), named with
 * the concept's words, with the count of all rows; kinds of the default scale added later („verzögert“, „ohne
 * Angabe“) only where a Maßnahme has them.
 */
export function timelineLegend(rows: readonly TimelineRow[], scale: StatusScale): Timeline["legend"] {
  return shownStatusKinds(
    scale,
    rows.map((r) => r.status.kind),
  ).map((kind) => ({
    kind,
    label: statusKindLabel(scale, kind),
    count: rows.filter((r) => r.status.kind === kind).length,
  }));
}

/**
 * The chart of one status slide: its rows (a page of all of them), an axis spanning every dated plan of the
 * variant and the Stand, the legend with the counts of all rows, the marks it draws, and its text alternative.
 */
export function timelineOf(
  all: readonly TimelineRow[],
  page: readonly TimelineRow[],
  o: { standDate: string; standYear: number; stand: string; terms: Terms; scale: StatusScale },
): Timeline {
  const dated = all.flatMap((r) => r.spans.flatMap((s) => [Number(s.start.slice(0, 4)), Number(s.end.slice(0, 4))]));
  const first = Math.min(o.standYear, ...dated);
  const last = Math.max(o.standYear, ...dated);
  const legend = timelineLegend(all, o.scale);
  // Only the marks this page draws, each explained once.
  const marks: Timeline["marks"] = [
    ...(page.some((r) => r.spans.length) ? [{ kind: "span" as const, label: "geplanter Zeitraum" }] : []),
    ...(page.some((r) => r.open === "from") ? [{ kind: "open" as const, label: "ab diesem Termin, ohne Ende" }] : []),
    ...(page.some((r) => r.open === "until")
      ? [{ kind: "until" as const, label: "bis zu diesem Termin, ohne Beginn" }]
      : []),
    ...(page.some((r) => r.overdue) ? [{ kind: "overdue" as const, label: labels.overdue }] : []),
    { kind: "stand", label: `${labels.stand} ${o.stand}` },
  ];
  return {
    rows: [...page],
    years: Array.from({ length: last - first + 1 }, (_, i) => first + i),
    standDate: o.standDate,
    standLabel: labels.stand,
    undatedLabel: labels.undated,
    legend,
    marks,
    description: describeTimeline(page, o.stand, o.terms),
  };
}

/**
 * The status timeline in words, for those who cannot see the picture: every Maßnahme with its status and planned
 * date, grouped by Baustein, and which are overdue as of the Stand.
 */
export function describeTimeline(rows: readonly TimelineRow[], stand: string, terms: Terms): string {
  const groups = new Map<number, TimelineRow[]>();
  for (const r of rows) groups.set(r.baustein, [...(groups.get(r.baustein) ?? []), r]);
  const parts = [...groups].map(
    ([n, group]) =>
      `${terms.baustein.one} ${n}: ${group
        .map(
          (r) =>
            `${r.title} – ${r.status.label}, ${labels.planned} ${r.planned}${r.overdue ? `, ${labels.overdue}` : ""}`,
        )
        .join("; ")}.`,
  );
  return [`${statusOverview(terms)} (${labels.stand}: ${stand}).`, ...parts].join(" ");
}
