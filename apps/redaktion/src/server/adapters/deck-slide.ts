/**
 * The one place the editor knows the deck app: which slide shows a Maßnahme (or a Baustein, a variant), from the
 * deck's own outline, and where the deck app lives (its live preview is started there). When the outline moves
 * into the concept package, only this file changes.
 */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Concept } from "@dus-opendata/concept";
import { buildOutline } from "../../../../deck/src/outline.js";
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
    const slides = buildOutline(concept, variant).slides;
    const find = (ok: (s: (typeof slides)[number]) => boolean) => {
      const i = slides.findIndex(ok);
      return i < 0 ? undefined : { variant: variant.id, number: i + 1, title: slides[i]?.title ?? "" };
    };
    let found: SlideRef | undefined;
    switch (target.kind) {
      case "measure":
        found = find((s) => s.kind === "measure" && s.measure === target.id);
        break;
      case "baustein":
        found =
          (target.part && find((s) => s.kind === target.part && s.baustein === target.id)) ||
          find((s) => s.kind === "baustein" && s.baustein === target.id) ||
          find((s) => s.baustein === target.id);
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
