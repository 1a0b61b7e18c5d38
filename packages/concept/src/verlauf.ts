/**
 * The Verlauf: how many Maßnahmen had each status at every Stand, oldest first; the data of a stacked bar chart and
 * of the table that is its text alternative. Pure: the states come from the history (`readHistoryStates`).
 */
import { changeLabels } from "./change-labels.js";
import type { Concept } from "./model.js";
import { formatPeriod, type Period } from "./notation/period.js";
import { type StatusKind, shownStatusKinds, statusKindLabel, statusScaleOf } from "./notation/status.js";
import { formatStand } from "./views.js";

/** One state: a Stand's last committed version (with its commit), or the current state (without one). */
export interface VerlaufState {
  stand: Period;
  commit?: { oid: string; short: string; date: string };
  concept: Pick<Concept, "bausteine" | "statuses">;
}

export interface VerlaufEntry {
  stand: Period;
  /** The Stand as the concept writes it: „11/2018“, „15.03.2024“. */
  label: string;
  /** In running text: „November 2018“, „15. März 2024“. */
  longLabel: string;
  /** The current state (the working tree, uncommitted edits included). */
  current: boolean;
  commit?: { oid: string; short: string; date: string };
  /**
   * The status kinds in the order of progress, also those with no Maßnahme: every kind of the current scale that is
   * always shown, and every other kind some Stand has; named with the current scale's words.
   */
  counts: { kind: StatusKind; label: string; count: number }[];
  total: number;
}

/** The entries of the Verlauf, in the order of `states` (oldest first, as `readHistoryStates` gives them). */
export function verlaufOf(states: readonly VerlaufState[]): VerlaufEntry[] {
  const scale = statusScaleOf(states[states.length - 1]?.concept.statuses);
  const kinds = shownStatusKinds(
    scale,
    states.flatMap((s) => s.concept.bausteine.flatMap((b) => b.measures.map((m) => m.status.kind))),
  );
  return states.map((s) => {
    const byKind = new Map<StatusKind, number>(kinds.map((k) => [k, 0]));
    let total = 0;
    for (const b of s.concept.bausteine)
      for (const m of b.measures) {
        byKind.set(m.status.kind, (byKind.get(m.status.kind) ?? 0) + 1);
        total++;
      }
    return {
      stand: s.stand,
      label: formatPeriod(s.stand),
      longLabel: formatStand(s.stand),
      current: s.commit === undefined,
      ...(s.commit ? { commit: s.commit } : {}),
      counts: kinds.map((kind) => ({ kind, label: statusKindLabel(scale, kind), count: byKind.get(kind) ?? 0 })),
      total,
    };
  });
}

/** The Verlauf as a table: „Stand“, one column per status, „Gesamt“; the current Stand marked „(aktuell)“. */
export function verlaufTable(entries: readonly VerlaufEntry[]): { head: string[]; rows: string[][] } {
  return {
    head: [changeLabels.stand, ...(entries[0]?.counts ?? []).map((c) => c.label), changeLabels.total],
    rows: entries.map((e) => [
      e.current ? `${e.label} (${changeLabels.current})` : e.label,
      ...e.counts.map((c) => String(c.count)),
      String(e.total),
    ]),
  };
}
