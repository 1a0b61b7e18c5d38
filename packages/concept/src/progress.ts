/**
 * What the outputs show of the history (the deck's section `changes`, the Sachstandsbericht): the earlier state the
 * current one is compared with, or why there is none, and the Verlauf. The Node side reads it from git
 * (`readProgress` in node/progress.ts); everything here is pure, so the deck's records and the report's are resolved
 * from the same data.
 */
import { changeLabels, describeCommit, historyLabels } from "./change-labels.js";
import {
  type Change,
  type Changes,
  changeSubject,
  changeSummaryLine,
  changeSummarySentence,
  computeChanges,
  describeChange,
} from "./changes.js";
import { labels } from "./labels.js";
import type { Concept } from "./model.js";
import type { Period } from "./notation/period.js";
import type { StatusKind } from "./notation/status.js";
import { DEFAULT_TERMS, type Terms } from "./terms.js";
import { type VerlaufEntry, type VerlaufState, verlaufOf, verlaufTable } from "./verlauf.js";
import { formatStand } from "./views.js";

/** The history an output is resolved with. */
export type ProgressHistory =
  | {
      found: true;
      baseline: {
        stand: Period;
        /** How it was chosen: the previous Stand, a named Stand, a git revision (`spec`). */
        chosen: "previous" | "stand" | "revision";
        spec?: string;
        commit: { short: string; date: string };
        concept: Pick<Concept, "bausteine" | "stand">;
      };
      /** Every Stand's last committed version and the current state, oldest first. */
      states: VerlaufState[];
    }
  | {
      found: false;
      /** Why there is none, in German (historyLabels' sentences). */
      reason: string;
      /** The Verlauf that could still be read (usually only the current state). */
      states?: VerlaufState[];
    };

/** One change as the outputs list it: „<Maßnahme>: in Arbeit → erledigt“. */
export interface ChangeEntry {
  /** The Maßnahme's or Baustein's id. */
  id: string;
  item: Change["item"];
  change: Change["change"];
  /** What changed: the Maßnahme's title, „Baustein „…““, „Chance „…““. */
  subject: string;
  /** The earlier title of a renamed Maßnahme. */
  formerTitle?: string;
  /** The change in words: „in Arbeit → erledigt“, „Datum (Plan): 12/2018 → 02/2019“, „neu“, „entfallen“. */
  detail: string;
  /** The Baustein it belongs to: „Baustein 2 · Titel“ (a removed one without number). */
  baustein: string;
}

/** The changes since the earlier Stand, resolved for display. */
export interface ResolvedChanges {
  /** „Seit dem letzten Stand (Juni 2018)“ or „Seit dem Stand Juni 2018“. */
  heading: string;
  /** The earlier Stand in words: „Juni 2018“. */
  stand: string;
  /** „Vergleich mit dem vorigen Stand Juni 2018 (Commit 3f2a9c1 vom 30.06.2018)“. */
  compared: string;
  /** „Seit dem letzten Bericht erledigt: 2, neu: 1, verschoben: 1“. */
  summary: string;
  /** The same as a sentence, for notes and running text. */
  sentence: string;
  entries: ChangeEntry[];
  raw: Changes;
}

export interface ResolvedVerlauf {
  entries: VerlaufEntry[];
  /** Every status kind with its label, in the order of progress (the legend, the stacking order). */
  legend: { kind: StatusKind; label: string }[];
  /** The largest total: the scale of the bars. */
  max: number;
  table: { head: string[]; rows: string[][] };
  /** The chart in words: its alternative text. */
  description: string;
}

/** The entry's full text: „Titel (früher: Alter Titel): in Arbeit → erledigt“. */
export const changeEntryLine = (e: ChangeEntry): string =>
  `${e.subject}${e.formerTitle ? ` (${changeLabels.formerly}: ${e.formerTitle})` : ""}: ${e.detail}`;

/** The changes from the baseline to `current`; undefined without a baseline. */
export function resolveChanges(
  current: Pick<Concept, "bausteine" | "stand">,
  history: ProgressHistory,
  terms: Terms = DEFAULT_TERMS,
): ResolvedChanges | undefined {
  if (!history.found) return undefined;
  const b = history.baseline;
  const raw = computeChanges(b.concept, current);
  const stand = formatStand(b.stand);
  const previous = b.chosen === "previous";
  const since = previous ? changeLabels.sinceLastReport : changeLabels.sinceStand(stand);
  return {
    heading: previous ? changeLabels.heading(stand) : changeLabels.sinceStand(stand),
    stand,
    compared: historyLabels.comparedWith(b.chosen, stand, describeCommit(b.commit), b.spec ?? ""),
    summary: changeSummaryLine(raw.summary, { since, terms }),
    sentence: changeSummarySentence(raw.summary, { since, terms }),
    entries: raw.changes.map((c) => ({
      id: c.id,
      item: c.item,
      change: c.change,
      subject: changeSubject(c, terms),
      ...("formerTitle" in c && c.formerTitle ? { formerTitle: c.formerTitle } : {}),
      detail: describeChange(c),
      baustein: c.baustein.removed
        ? `${terms.baustein.one} ${c.baustein.title}`
        : `${terms.baustein.one} ${c.baustein.number} · ${c.baustein.title}`,
    })),
    raw,
  };
}

/** The Verlauf when there are at least two states to compare; undefined otherwise. */
export function resolveVerlauf(history: ProgressHistory, terms: Terms = DEFAULT_TERMS): ResolvedVerlauf | undefined {
  const states = history.states ?? [];
  if (states.length < 2) return undefined;
  const entries = verlaufOf(states);
  const legend = entries[0]?.counts.map((c) => ({ kind: c.kind, label: c.label })) ?? [];
  const max = Math.max(1, ...entries.map((e) => e.total));
  const described = entries.map((e) => {
    const parts = e.counts.filter((c) => c.count > 0).map((c) => `${c.count} ${c.label}`);
    return `${e.longLabel}${e.current ? ` (${changeLabels.current})` : ""}: ${parts.length ? parts.join(", ") : `keine ${terms.measure.many}`}`;
  });
  return {
    entries,
    legend,
    max,
    table: verlaufTable(entries),
    description: `${changeLabels.verlauf}: ${terms.measure.many} nach ${labels.status} an ${entries.length} Ständen. ${described.join("; ")}.`,
  };
}

/** Why the outputs show no changes: „Kein früherer Stand gefunden: …“. */
export function noChangesReason(history: ProgressHistory): string | undefined {
  return history.found ? undefined : `${historyLabels.noBaseline}: ${history.reason}`;
}
