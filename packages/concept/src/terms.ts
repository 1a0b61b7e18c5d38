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

/** The terms of a concept: today's words unless the concept names its own (`terms:` in concept.yaml). */
export function termsOf(c: { terms?: Terms | undefined }): Terms {
  return c.terms ?? DEFAULT_TERMS;
}

/** „diesen Baustein“, „diese Maßnahme“, „dieses Kapitel“ (accusative, after „für“). */
export const thisAccusative = (noun: Noun): string =>
  `${noun.gender === "m" ? "diesen" : noun.gender === "f" ? "diese" : "dieses"} ${noun.one}`;

/** „Der Baustein“, „Die Maßnahme“, „Das Kapitel“: the subject at the start of a message. */
export const theNominative = (noun: Noun): string =>
  `${noun.gender === "m" ? "Der" : noun.gender === "f" ? "Die" : "Das"} ${noun.one}`;

/** „der Baustein“ (nominative) or „den Baustein“ (accusative), „die Maßnahme“, „das Kapitel“. */
export const definite = (noun: Noun, kase: "nominative" | "accusative"): string =>
  `${noun.gender === "f" ? "die" : noun.gender === "n" ? "das" : kase === "nominative" ? "der" : "den"} ${noun.one}`;

/** „einen anderen Baustein“, „eine andere Maßnahme“, „ein anderes Kapitel“ (accusative). */
export const anotherAccusative = (noun: Noun): string =>
  `${noun.gender === "m" ? "einen anderen" : noun.gender === "f" ? "eine andere" : "ein anderes"} ${noun.one}`;

/** „einen Baustein“, „eine Chance“, „ein Risiko“ (accusative). */
export const aAccusative = (noun: Noun): string =>
  `${noun.gender === "m" ? "einen" : noun.gender === "f" ? "eine" : "ein"} ${noun.one}`;

/** „im Baustein“, „in der Maßnahme“, „im Kapitel“ (dative, after „in“). */
export const inThe = (noun: Noun): string => `${noun.gender === "f" ? "in der" : "im"} ${noun.one}`;

/** „zum Baustein“, „zur Maßnahme“, „zum Kapitel“. */
export const toThe = (noun: Noun): string => `${noun.gender === "f" ? "zur" : "zum"} ${noun.one}`;

/** The heading of the status slides, „Stand der Maßnahmen“ (genitive plural: the plural's form). */
export const statusOverview = (t: Terms): string => `Stand der ${t.measure.many}`;

/** „Chancen und Risiken“ as the concept names them. */
export const chancesAndRisks = (t: Terms): string => `${t.chance.many} und ${t.risk.many}`;

/** „Keine Maßnahme“, „Kein Baustein“, „Kein Kapitel“ (nominative singular, after the negation). */
export const noneOf = (noun: Noun): string => `${noun.gender === "f" ? "Keine" : "Kein"} ${noun.one}`;
