/** Node side: loads the content, picks the variant and prepares the data for the browser bundle. */
import type { Concept, DeckVariant } from "@dus-opendata/concept";
import { ContentError, loadConceptSync, resolveContentDir } from "@dus-opendata/concept/node";
import { buildDeckData, type DeckData } from "./deck-data.js";
import { hyphenateDeep } from "./hyphenate.js";
import { buildOutline, type Outline } from "./outline.js";

/** Keys whose values are never hyphenated: identifiers, URLs, dates, the outline's kinds. */
const NOT_TEXT = new Set([
  "id",
  "kind",
  "layout",
  "portal",
  "variant",
  "intro",
  "baustein",
  "measure",
  "blocks",
  "measures",
  "sections",
  "parts",
  "status",
  "standDate",
  "spans",
  "open",
  "years",
  "labels",
  "notes",
  "error",
  "decks",
  "flyers",
  "planned",
  "published",
  "stand",
]);

export class UnknownVariantError extends Error {}

export function loadConceptForDeck(): Concept {
  const { abs, display } = resolveContentDir();
  return loadConceptSync(abs, { displayDir: display });
}

/**
 * The variant of the content folder in use (without an id: its first variant), or an error that names the
 * folder and lists the variants there are.
 */
export function variantOf(concept: Concept, variantId?: string): DeckVariant {
  const variant = variantId ? concept.decks.find((d) => d.id === variantId) : concept.decks[0];
  if (!variant) {
    const folder = `${resolveContentDir().display}/decks/`;
    throw new UnknownVariantError(
      variantId
        ? `Die Deck-Variante „${variantId}“ gibt es nicht in ${folder}. Vorhanden: ${concept.decks.map((d) => d.id).join(", ") || "keine"}.`
        : `In ${folder} ist keine Deck-Variante: legen Sie dort eine Datei an, z. B. ${folder}vortrag.yaml mit „occasion“ und „sections“.`,
    );
  }
  return variant;
}

export function deckDataFor(concept: Concept, variantId?: string): DeckData {
  const data = buildDeckData(concept, variantOf(concept, variantId));
  // Titles on the slides are hyphenated; the outline's plain titles (slide list, document title) are not.
  return { ...data, concept: hyphenateDeep(data.concept, NOT_TEXT), outline: data.outline };
}

export function loadDeckData(variantId: string | undefined = process.env.DECK_VARIANT || undefined): DeckData {
  return deckDataFor(loadConceptForDeck(), variantId);
}

/** Only the outline (which slides, their plain titles and notes): what the preparser needs, without hyphenation. */
export function loadOutline(variantId: string | undefined = process.env.DECK_VARIANT || undefined): Outline {
  const concept = loadConceptForDeck();
  return buildOutline(concept, variantOf(concept, variantId));
}

export { ContentError };
