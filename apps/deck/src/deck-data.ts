/** What the browser receives for a deck variant: the resolved records (packages/concept), and nothing else. */
import type { ResolvedDeck } from "@dus-opendata/concept";

export interface DeckData extends ResolvedDeck {
  /** Problems of the content, shown over the slides in the live preview. */
  error?: string[];
}
