import type { Concept } from "../model.js";
import { termsOf } from "../terms.js";
import { countConcept } from "../views.js";
import { countNumber } from "../wording.js";

/** „Alles in Ordnung: 3 Bausteine, 14 Maßnahmen, …, 2 Flyer“: what a check found, counted (without the full stop). */
export function checkSummary(concept: Concept): string {
  const c = countConcept(concept);
  const t = termsOf(concept);
  const n = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
  return (
    `Alles in Ordnung: ${countNumber(c.bausteine, t.baustein)}, ${countNumber(c.measures, t.measure)}, ` +
    `${countNumber(c.chances, t.chance)}, ${countNumber(c.risks, t.risk)}, ` +
    `${n(concept.decks.length, "Deck-Variante", "Deck-Varianten")}, ${n(concept.flyers.length, "Flyer", "Flyer")}`
  );
}
