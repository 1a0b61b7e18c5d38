import type { DeckData } from "./deck-data.js";
import { deckRef } from "./runtime/deck-store.js";

/** The deck variant's data; reactive: read it inside computed() or a template. */
export function useDeck(): DeckData {
  return deckRef.value;
}
