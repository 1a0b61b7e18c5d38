/**
 * The Sachstandsbericht as one resolved record: every word and number the report prints (A4, for the committee's
 * table), from the concept and its history. The flyer app renders it and derives nothing. Pure.
 */
import { changeLabels, historyLabels } from "./change-labels.js";
import type { StatusToken } from "./deck/records.js";
import { statusToken } from "./deck/timeline.js";
import { type DocumentMetadata, documentMetadata } from "./document-metadata.js";
import { labels } from "./labels.js";
import type { Concept } from "./model.js";
import { formatPlanDate } from "./notation/plan-date.js";
import { formatPublished } from "./notation/published.js";
import { STATUS_KINDS } from "./notation/status.js";
import {
  type ChangeEntry,
  changeEntryLine,
  type ProgressHistory,
  type ResolvedVerlauf,
  resolveChanges,
  resolveVerlauf,
} from "./progress.js";
import { DEFAULT_TERMS, noneOf } from "./terms.js";
import { formatStand, isOverdue, standDate } from "./views.js";
import { countDative, countNumber, footerLine, joinGerman } from "./wording.js";

export const reportLabels = {
  title: "Sachstandsbericht",
  occasion: "Sachstand für den Ausschuss",
  summary: "Zusammenfassung",
  changes: "Änderungen seit dem letzten Stand",
  measures: "Alle Maßnahmen nach Baustein",
  overdue: "Überfällige Maßnahmen",
  verlauf: changeLabels.verlauf,
  noBaseline: historyLabels.noBaseline,
  /** „Seite 1 von 3“. */
  page: (n: number, total: number) => `${labels.page} ${n} ${labels.of} ${total}`,
} as const;

export interface ReportTable {
  head: string[];
  rows: { id: string; cells: string[]; status?: StatusToken; overdue?: boolean }[];
}

export interface ResolvedReport {
  /** The document's title: „Sachstandsbericht: Klimadaten für alle“. */
  title: string;
  letterhead: { city: string; organisation: string; line: string };
  /** „Sachstandsbericht“. */
  kicker: string;
  /** The concept's title. */
  heading: string;
  subtitle?: string;
  /** „Stand: Juni 2025“. */
  standLine: string;
  /** The running footer: sender and claim. */
  footer: string;
  summary: { heading: string; paragraphs: string[] };
  changes: {
    heading: string;
    /** What the current state is compared with, or why no earlier Stand was found. */
    lead: string;
    entries: ChangeEntry[];
    /** The entries as the report prints them: „Titel: in Arbeit → erledigt“, grouped by Baustein. */
    groups: { heading: string; lines: string[] }[];
    /** „Kein früherer Stand gefunden: …“ (then there are no entries). */
    none?: string;
  };
  measures: { heading: string; bausteine: { heading: string; table: ReportTable; empty?: string }[] };
  overdue: { heading: string; table?: ReportTable; empty?: string; lead: string };
  verlauf: { heading: string; chart?: ResolvedVerlauf; none?: string };
  meta: DocumentMetadata;
}

/** The Sachstandsbericht of a concept at its Stand, with the changes since the baseline of `history`. */
export function resolveReport(c: Concept, history: ProgressHistory): ResolvedReport {
  const terms = DEFAULT_TERMS;
  const stand = formatStand(c.stand);
  const standLine = `${labels.stand}: ${stand}`;
  const asOf = standDate(c);
  const all = c.bausteine.flatMap((b) => b.measures.map((m) => ({ b, m })));
  const late = all.filter(({ m }) => isOverdue(m, asOf));
  const changes = resolveChanges(c, history, terms);
  const verlauf = resolveVerlauf(history, terms);
  const none = history.found ? undefined : `${historyLabels.noBaseline}: ${history.reason}`;

  const byKind = STATUS_KINDS.map((kind) => ({
    label: labels.statusKinds[kind],
    n: all.filter(({ m }) => m.status.kind === kind).length,
  })).filter((x) => x.n > 0);
  const paragraphs = [
    `Dieser Bericht zeigt den Sachstand von ${countDative(all.length, terms.measure)} in ${countDative(c.bausteine.length, terms.baustein)} zum ${labels.stand} ${stand}.`,
    byKind.length
      ? `${labels.status} der ${terms.measure.many}: ${joinGerman(byKind.map((x) => `${x.n} ${x.label}`))}.`
      : `Es sind noch keine ${terms.measure.many} benannt.`,
    late.length
      ? `${capitalise(labels.overdue)} zum ${labels.stand} ${stand}: ${countNumber(late.length, terms.measure)}.`
      : `${noneOf(terms.measure)} ist zum ${labels.stand} ${stand} ${labels.overdue}.`,
    changes ? changes.sentence : (none ?? ""),
  ];

  const groups: { heading: string; lines: string[] }[] = [];
  for (const e of changes?.entries ?? []) {
    const last = groups.at(-1);
    if (last && last.heading === e.baustein) last.lines.push(changeEntryLine(e));
    else groups.push({ heading: e.baustein, lines: [changeEntryLine(e)] });
  }

  const head = [terms.measure.one, labels.status, labels.planned, labels.published];
  const row = (m: (typeof all)[number]["m"]) => ({
    id: m.id,
    cells: [
      m.title,
      statusToken(m.status).label,
      `${formatPlanDate(m.planned)}${isOverdue(m, asOf) ? ` (${labels.overdue})` : ""}`,
      formatPublished(m.published),
    ],
    status: statusToken(m.status),
    ...(isOverdue(m, asOf) ? { overdue: true } : {}),
  });

  return {
    title: `${reportLabels.title}: ${c.title}`,
    letterhead: { city: c.city, organisation: c.organisation, line: `${reportLabels.title} · ${standLine}` },
    kicker: reportLabels.title,
    heading: c.title,
    ...(c.subtitle ? { subtitle: c.subtitle } : {}),
    standLine,
    footer: footerLine(c),
    summary: { heading: reportLabels.summary, paragraphs: paragraphs.filter(Boolean) },
    changes: {
      heading: changes?.heading ?? reportLabels.changes,
      lead: changes ? `${changes.compared}. ${changes.summary}.` : (none ?? ""),
      entries: changes?.entries ?? [],
      groups,
      ...(none ? { none } : {}),
    },
    measures: {
      heading: reportLabels.measures,
      bausteine: c.bausteine.map((b) => ({
        heading: `${terms.baustein.one} ${b.number} · ${b.title}`,
        table: { head, rows: b.measures.map(row) },
        ...(b.measures.length === 0 ? { empty: `Noch keine ${terms.measure.many} benannt.` } : {}),
      })),
    },
    overdue: {
      heading: reportLabels.overdue,
      lead: `${capitalise(labels.overdue)} ist eine ${terms.measure.one}, deren ${labels.planned} zum ${labels.stand} ${stand} verstrichen ist und die nicht erledigt ist.`,
      ...(late.length
        ? {
            table: {
              head: [terms.measure.one, terms.baustein.one, labels.planned, labels.status],
              rows: late.map(({ b, m }) => ({
                id: m.id,
                cells: [m.title, `${b.number} ${b.title}`, formatPlanDate(m.planned), statusToken(m.status).label],
                status: statusToken(m.status),
                overdue: true,
              })),
            },
          }
        : { empty: `${noneOf(terms.measure)} ist zum ${labels.stand} ${stand} ${labels.overdue}.` }),
    },
    verlauf: {
      heading: reportLabels.verlauf,
      ...(verlauf ? { chart: verlauf } : { none: none ?? changeLabels.noVerlaufSlide.replace(/^[^:]*: /, "") }),
    },
    meta: documentMetadata(c, {
      title: `${reportLabels.title}: ${c.title}`,
      occasion: reportLabels.occasion,
      medium: "report",
    }),
  };
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The headings of the report in reading order (H1, H2, H3), as its structure tree presents them. */
export function reportHeadings(r: ResolvedReport): string[] {
  return [
    r.heading,
    r.summary.heading,
    r.changes.heading,
    ...r.changes.groups.map((g) => g.heading),
    r.measures.heading,
    ...r.measures.bausteine.map((b) => b.heading),
    r.overdue.heading,
    r.verlauf.heading,
  ];
}
