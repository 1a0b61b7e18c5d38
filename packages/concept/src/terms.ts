/**
 * What the concept calls its parts: a Baustein, a Maßnahme, a Chance, a Risiko — or „Kapitel“, „Verpflichtung“,
 * „Handlungsfeld“ in another concept. Every generated word of the outputs takes its nouns from here.
 */

/** A German noun with what the generated sentences need: singular, plural, dative plural and gender. */
export interface Noun {
  /** „Baustein“. */
  one: string;
  /** „Bausteine“. */
  many: string;
  /** Dative plural, after „in“ and „von“: „Bausteinen“. */
  dative: string;
  /** Grammatical gender: „ein Baustein“ (m), „eine Maßnahme“ (f), „ein Kapitel“ (n). */
  gender: "m" | "f" | "n";
}

export interface Terms {
  baustein: Noun;
  measure: Noun;
  chance: Noun;
  risk: Noun;
}

/** Today's words, used when a concept names none of its own. */
export const DEFAULT_TERMS: Terms = {
  baustein: { one: "Baustein", many: "Bausteine", dative: "Bausteinen", gender: "m" },
  measure: { one: "Maßnahme", many: "Maßnahmen", dative: "Maßnahmen", gender: "f" },
  chance: { one: "Chance", many: "Chancen", dative: "Chancen", gender: "f" },
  risk: { one: "Risiko", many: "Risiken", dative: "Risiken", gender: "n" },
};

/** The terms of a concept: today's words unless the concept names its own. */
export function termsOf(_c: object): Terms {
  return DEFAULT_TERMS;
}

/** „diesen Baustein“, „diese Maßnahme“, „dieses Kapitel“ (accusative, after „für“). */
export const thisAccusative = (noun: Noun): string =>
  `${noun.gender === "m" ? "diesen" : noun.gender === "f" ? "diese" : "dieses"} ${noun.one}`;

/** „zum Baustein“, „zur Maßnahme“, „zum Kapitel“. */
export const toThe = (noun: Noun): string => `${noun.gender === "f" ? "zur" : "zum"} ${noun.one}`;

/** „Chancen und Risiken“ as the concept names them. */
export const chancesAndRisks = (t: Terms): string => `${t.chance.many} und ${t.risk.many}`;
