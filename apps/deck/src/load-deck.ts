/** Node side: loads the content, picks the variant and prepares the data for the browser bundle. */
import type { Concept, DeckVariant } from "@dus-opendata/concept";
import { ContentError, loadConceptSync, resolveContentDir } from "@dus-opendata/concept/node";
import { buildDeckData, type DeckData } from "./deck-data.js";
import { hyphenateDeep } from "./hyphenate.js";
import { buildOutline, type Outline } from "./outline.js";

export const DEFAULT_VARIANT = "poa";

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

/** The variant from content/decks/, or an error that lists the variants there are. */
function variantOf(concept: Concept, variantId: string): DeckVariant {
  const variant = concept.decks.find((d) => d.id === variantId);
  if (!variant)
    throw new UnknownVariantError(
      `Die Deck-Variante „${variantId}“ gibt es nicht. Vorhanden: ${concept.decks.map((d) => d.id).join(", ") || "keine"} (content/decks/).`,
    );
  return variant;
}

export function deckDataFor(concept: Concept, variantId: string): DeckData {
  const data = buildDeckData(concept, variantOf(concept, variantId));
  // Titles on the slides are hyphenated; the outline's plain titles (slide list, document title) are not.
  return { ...data, concept: hyphenateDeep(data.concept, NOT_TEXT), outline: data.outline };
}

export function loadDeckData(variantId: string = process.env.DECK_VARIANT || DEFAULT_VARIANT): DeckData {
  return deckDataFor(loadConceptForDeck(), variantId);
}

/** Only the outline (which slides, their plain titles and notes): what the preparser needs, without hyphenation. */
export function loadOutline(variantId: string = process.env.DECK_VARIANT || DEFAULT_VARIANT): Outline {
  const concept = loadConceptForDeck();
  return buildOutline(concept, variantOf(concept, variantId));
}

export { ContentError };
