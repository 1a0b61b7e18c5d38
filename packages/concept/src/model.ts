import { assertNever } from "./assert-never.js";
import type { Period } from "./notation/period.js";
import type { BausteinData } from "./schemas/baustein.js";
import type { ConceptData } from "./schemas/concept.js";
import type { DeckVariantData } from "./schemas/deck-variant.js";
import type { FlyerData } from "./schemas/flyer.js";

/** A Baustein with its number, which comes from the order of the files. */
export interface Baustein extends BausteinData {
  number: number;
}

export interface DeckVariant extends DeckVariantData {
  id: string;
}

export interface Flyer extends FlyerData {
  id: string;
}

/** The whole concept as the apps see it: plain data, safe to serialise into a browser bundle. */
export interface Concept extends Omit<ConceptData, "stand"> {
  stand: Period;
  bausteine: Baustein[];
  decks: DeckVariant[];
  flyers: Flyer[];
}

/** A reference from one part of the content to another, checked after every file is valid. */
export interface Reference {
  path: (string | number)[];
  kind: "baustein" | "measure" | "intro";
  id: string;
  /** Measure references may be restricted to one Baustein. */
  within?: string;
}

export function deckReferences(d: DeckVariantData): Reference[] {
  return [
    ...(d.intro ?? []).map((id, i) => ({ path: ["intro", i], kind: "intro" as const, id })),
    ...(d.blocks ?? []).map((id, i) => ({ path: ["blocks", i], kind: "baustein" as const, id })),
    ...(d.measures ?? []).map((id, i) => ({ path: ["measures", i], kind: "measure" as const, id })),
  ];
}

export function flyerReferences(f: FlyerData): Reference[] {
  return f.sections.flatMap((s, i): Reference[] => {
    switch (s.type) {
      case "intro":
        return [{ path: ["sections", i, "section"], kind: "intro", id: s.section }];
      case "why":
      case "chances":
        return [{ path: ["sections", i, "block"], kind: "baustein", id: s.block }];
      case "measure":
        return [{ path: ["sections", i, "measure"], kind: "measure", id: s.measure }];
      case "measures":
        return [
          { path: ["sections", i, "block"], kind: "baustein", id: s.block },
          ...(s.measures ?? []).map(
            (id, j): Reference => ({ path: ["sections", i, "measures", j], kind: "measure", id, within: s.block }),
          ),
        ];
      case "bausteine":
      case "text":
      case "steps":
      case "portal":
      case "contact":
        return [];
      default:
        return assertNever(s, "Abschnitt");
    }
  });
}
