/**
 * Which slide shows a Maßnahme (or a Baustein, a variant), from the deck's slide records (packages/concept's
 * resolveDeck, the same the deck renders), and where the deck app lives (its live preview is started there as a
 * process of its own; nothing of the app is imported).
 */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Concept, resolveDeck, type SlideRecord } from "@dus-opendata/concept";
import type { PreviewTarget } from "../../shared/preview-target.js";

export const DECK_APP_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "..", "deck");

export interface SlideRef {
  /** The variant whose live preview shows the slide. */
  variant: string;
  /** Slide number, 1-based, as in the address `#/<n>`. */
  number: number;
  title: string;
}

/** The first slide, in the variants' order, that shows the target; undefined where no variant shows it. */
export function slideFor(concept: Concept, target: PreviewTarget): SlideRef | undefined {
  const variants = target.kind === "deck" ? concept.decks.filter((d) => d.id === target.id) : concept.decks;
  for (const variant of variants) {
    const slides = resolveDeck(concept, variant).slides;
    const find = (ok: (s: SlideRecord) => boolean) => {
      const i = slides.findIndex(ok);
      return i < 0 ? undefined : { variant: variant.id, number: i + 1, title: slides[i]?.title ?? "" };
    };
    let found: SlideRef | undefined;
    switch (target.kind) {
      case "measure":
        found = find((s) => s.kind === "measure" && s.ref?.measure === target.id);
        break;
      case "baustein":
        found =
          (target.part && find((s) => s.kind === target.part && s.ref?.baustein === target.id)) ||
          find((s) => s.kind === "baustein" && s.ref?.baustein === target.id) ||
          find((s) => s.ref?.baustein === target.id);
        break;
      case "deck":
      case "concept":
        found = find(() => true);
        break;
      case "flyer":
        return undefined;
    }
    if (found) return found;
  }
  return undefined;
}
