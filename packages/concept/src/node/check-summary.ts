import { labels } from "../labels.js";
import type { Concept } from "../model.js";
import { countConcept } from "../views.js";

/** „Alles in Ordnung: 3 Bausteine, 14 Maßnahmen, …, 2 Flyer“: what a check found, counted (without the full stop). */
export function checkSummary(concept: Concept): string {
  const c = countConcept(concept);
  const n = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
  return (
    `Alles in Ordnung: ${n(c.bausteine, labels.baustein, labels.bausteine)}, ${n(c.measures, labels.measure, labels.measures)}, ` +
    `${n(c.chances, "Chance", labels.chances)}, ${n(c.risks, "Risiko", labels.risks)}, ` +
    `${n(concept.decks.length, "Deck-Variante", "Deck-Varianten")}, ${n(concept.flyers.length, "Flyer", "Flyer")}`
  );
}
