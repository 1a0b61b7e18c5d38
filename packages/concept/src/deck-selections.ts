import type { FieldProblem } from "./flyer-selections.js";
import type { BausteinData } from "./schemas/baustein.js";
import type { DeckVariantData } from "./schemas/deck-variant.js";

const list = (ids: readonly string[]) => ids.map((id) => `„${id}“`).join(", ");

/**
 * Selections of a deck variant that select nothing: a Maßnahme of a Baustein the variant does not show (the deck
 * would lose its slide, and with every selected Maßnahme outside `blocks` all of them), or a selection whose slides
 * the variant does not show at all (`measures` without the part `measures`, `parts` or `measures` without the
 * section `bausteine`, `intro` without the section `intro`, `blocks` without a section that shows Bausteine).
 * Unknown ids are reported by the reference check; here they are skipped. Pure: the loader locates the problems.
 */
export function checkDeckSelections(deck: DeckVariantData, bausteine: readonly BausteinData[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const sections = new Set<string>(deck.sections);
  const shows = (section: string) => sections.has(section);
  const unseen = (field: string, what: string, needs: string) =>
    problems.push({
      path: [field],
      message: `${what}, aber ${needs}: die Auswahl hätte keine Wirkung. Bitte die Auswahl entfernen oder die Folien aufnehmen.`,
    });

  if (deck.intro && !shows("intro"))
    unseen("intro", "„intro“ wählt Abschnitte der Einführung", "„sections“ enthält „intro“ nicht");
  if (deck.blocks && !shows("bausteine") && !shows("overview") && !shows("status"))
    unseen("blocks", "„blocks“ wählt Bausteine", "„sections“ enthält weder „bausteine“ noch „overview“ noch „status“");
  if (deck.parts && !shows("bausteine"))
    unseen("parts", "„parts“ wählt Folien je Baustein", "„sections“ enthält „bausteine“ nicht");
  if (deck.measures) {
    if (!shows("bausteine"))
      unseen("measures", "„measures“ wählt Maßnahmen für eigene Folien", "„sections“ enthält „bausteine“ nicht");
    else if (deck.parts && !deck.parts.includes("measures"))
      unseen("measures", "„measures“ wählt Maßnahmen für eigene Folien", "„parts“ enthält „measures“ nicht");
  }

  // Each selected Maßnahme must belong to a Baustein the variant shows.
  if (deck.measures && deck.blocks) {
    const shown = new Set(deck.blocks);
    const owner = new Map(bausteine.flatMap((b) => b.measures.map((m) => [m.id, b] as const)));
    deck.measures.forEach((id, i) => {
      const b = owner.get(id);
      if (!b || shown.has(b.id)) return;
      problems.push({
        path: ["measures", i],
        message: `Die Maßnahme „${id}“ gehört zum Baustein „${b.id}“ („${b.title}“), den diese Variante nicht zeigt: sie zeigt nur ${deck.blocks?.length === 1 ? "den Baustein" : "die Bausteine"} ${list(deck.blocks ?? [])} („blocks“). Bitte „${b.id}“ in „blocks“ aufnehmen oder die Maßnahme aus „measures“ entfernen.`,
      });
    });
  }
  return problems;
}
