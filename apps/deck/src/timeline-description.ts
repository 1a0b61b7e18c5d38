/**
 * The status timeline in words, for those who cannot see the picture (its text alternative on the site and the
 * Figure's /Alt in the PDF): every Maßnahme with its status and planned date, grouped by Baustein, and which
 * are overdue as of the Stand.
 */
import type { DeckData } from "./deck-data.js";

export function describeTimeline(deck: DeckData, rows?: readonly string[]): string {
  const L = deck.labels;
  const groups = new Map<number, DeckData["timeline"]>();
  for (const r of deck.timeline.filter((x) => !rows || rows.includes(x.id)))
    groups.set(r.baustein, [...(groups.get(r.baustein) ?? []), r]);
  const parts = [...groups].map(
    ([n, rows]) =>
      `${L.baustein} ${n}: ${rows
        .map((r) => `${r.title} – ${r.statusLabel}, ${L.planned} ${r.planned}${r.overdue ? `, ${L.overdue}` : ""}`)
        .join("; ")}.`,
  );
  return [`${L.statusOverview} (${L.stand}: ${deck.stand}).`, ...parts].join(" ");
}
