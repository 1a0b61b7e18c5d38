/** Node side: loads the content, picks the variant and resolves its slides for the browser bundle. */
import { type Concept, type DeckVariant, type ResolveOptions, resolveDeck } from "@dus-opendata/concept";
import {
  ContentError,
  contentLocator,
  loadConceptSync,
  type ReadProgress,
  readProgress,
  resolveContentDir,
  seitOf,
} from "@dus-opendata/concept/node";
import { hyphenateText } from "@dus-opendata/typeset";
import type { DeckData } from "./deck-data.js";

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

/**
 * The records of a variant's slides, with German hyphenation (soft hyphens from packages/typeset) in every displayed
 * text: Chromium here has no German dictionary, so CSS `hyphens: auto` alone does nothing.
 */
export function deckDataFor(
  concept: Concept,
  variantId?: string,
  options: { locate?: ResolveOptions["locate"]; history?: ResolveOptions["history"] } = {},
): DeckData {
  return resolveDeck(concept, variantOf(concept, variantId), { hyphenate: hyphenateText, ...options });
}

/**
 * The history of the content folder in use, for the section `changes`: the baseline `SEIT` names (a Stand or a git
 * revision, as `pnpm status --seit` takes it), by default the previous Stand.
 */
export function progressFor(concept: Concept, env: NodeJS.ProcessEnv = process.env): ReadProgress {
  const { abs, display } = resolveContentDir(env);
  const seit = seitOf(env);
  return readProgress(abs, concept, { displayDir: display, ...(seit ? { seit } : {}) });
}

/** Where a part of the content folder in use is written (`file:line:col`), for the build's warnings. */
export function contentLocate(): ResolveOptions["locate"] {
  const { abs, display } = resolveContentDir();
  return contentLocator(abs, display);
}

export function loadDeckData(variantId: string | undefined = process.env.DECK_VARIANT || undefined): DeckData {
  const concept = loadConceptForDeck();
  return deckDataFor(concept, variantId, { history: progressFor(concept).history });
}

export { ContentError };
