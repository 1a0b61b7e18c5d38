import data from "virtual:concept-deck";
import type { DeckData } from "./deck-data.js";

/** The deck variant's data; replaced by hot module replacement when the content changes. */
export function useDeck(): DeckData {
  return data as DeckData;
}
