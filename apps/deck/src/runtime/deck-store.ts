/**
 * The deck variant's data in the browser, as a reactive reference. In the built site the data is a separate
 * asset (deck-data.json, fetched once at start), so a changed status or title needs no new JavaScript; in the
 * live preview it comes from the Vite plugin and is replaced by hot module replacement.
 */
import initial from "virtual:concept-deck";
import { shallowRef } from "vue";
import type { DeckData } from "../deck-data.js";

export const deckRef = shallowRef<DeckData>(initial);

if (import.meta.hot)
  import.meta.hot.accept("virtual:concept-deck", (next) => {
    if (next?.default) deckRef.value = next.default as DeckData;
  });
