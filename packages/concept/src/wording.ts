/**
 * How the outputs word what they derive from the data, defined once for the deck, the flyers and `pnpm status`:
 * counts with the right German noun, lists joined the German way, addresses as people write them, what a link says
 * it does (every link of the outputs opens in a new window on the web, and says so), the order of an intro section's
 * parts. Pure; the nouns come from the concept's terms (terms.ts).
 */
export { joinGerman } from "./join-german.js";

import { labels } from "./labels.js";
import type { Noun } from "./terms.js";

const NUMBER_WORDS = [
  "Kein",
  "Ein",
  "Zwei",
  "Drei",
  "Vier",
  "Fünf",
  "Sechs",
  "Sieben",
  "Acht",
  "Neun",
  "Zehn",
  "Elf",
  "Zwölf",
];

/** The noun that goes with a count: singular for one, plural otherwise („0 Maßnahmen“, „1 Maßnahme“). */
export const nounFor = (n: number, noun: Noun): string => (n === 1 ? noun.one : noun.many);

/**
 * A count in words, for headings and lead lines: „Drei Bausteine“, „Eine Maßnahme“, „Ein Kapitel“, „Keine Risiken“,
 * „14 Maßnahmen“ (words up to twelve).
 */
export function countWords(n: number, noun: Noun): string {
  if (n === 0) return `Keine ${noun.many}`;
  if (n === 1) return `${noun.gender === "f" ? "Eine" : "Ein"} ${noun.one}`;
  return `${n < NUMBER_WORDS.length ? NUMBER_WORDS[n] : String(n)} ${noun.many}`;
}

/** A count in digits, for running text and tables: „1 Maßnahme“, „12 Maßnahmen“. */
export const countNumber = (n: number, noun: Noun): string => `${n} ${nounFor(n, noun)}`;

/** A count in digits after „in“ or „von“ (dative plural): „in 1 Baustein“, „von 3 Bausteinen“. */
export const countDative = (n: number, noun: Noun): string => `${n} ${n === 1 ? noun.one : noun.dative}`;

/**
 * How many more there are, for a list that shows only some of its entries: „1 weitere Maßnahme“, „1 weiterer
 * Baustein“, „1 weiteres Risiko“, „3 weitere Chancen“ (the adjective after a number: strong inflection).
 */
export function countMore(n: number, noun: Noun): string {
  if (n !== 1) return `${n} weitere ${noun.many}`;
  return `1 ${noun.gender === "m" ? "weiterer" : noun.gender === "n" ? "weiteres" : "weitere"} ${noun.one}`;
}

/** An address as people write it: without the scheme and a trailing slash („daten.beispielstadt.de“). */
export function displayAddress(url: string): string {
  return url.replace(/^[a-z]+:(\/\/)?/i, "").replace(/\/$/, "");
}

/**
 * What a link says it does, in a PDF's link annotation and structure tree: „Link zu daten.beispielstadt.de“,
 * „E-Mail an team@beispielstadt.de“, „Anrufen: +4942136112345“.
 */
export function linkDescription(url: string): string {
  if (url.startsWith("mailto:")) return `E-Mail an ${url.slice("mailto:".length)}`;
  if (url.startsWith("tel:")) return `Anrufen: ${url.slice("tel:".length)}`;
  return `Link zu ${displayAddress(url)}`;
}

/** The alternative text of a QR code that leads to an address. */
export const qrAlt = (url: string): string => `QR-Code: ${linkDescription(url)}`;

/**
 * A link's accessible name on a web page: its visible text (WCAG 2.5.3), preceded by the portal's name when it leads
 * to the portal, and that it opens a new window. Without soft hyphens, which a screen reader need not hear.
 */
export function webLinkName(href: string, text: string, portal: { url: string; name: string }): string {
  const toPortal = displayAddress(href) === displayAddress(portal.url);
  return `${toPortal ? `${portal.name} ` : ""}${text} (${labels.opensNewWindow})`.replace(/\u00AD/g, "");
}

/**
 * The lines a team's name is printed in: a comma followed by a blank starts a new line („Team X, Sachgebiet im Amt Y“
 * → two lines), so that the name of the unit and the place it belongs to stand apart.
 */
export function teamLines(team: string): string[] {
  const comma = team.indexOf(", ");
  return comma > 0 ? [team.slice(0, comma), team.slice(comma + 2)] : [team];
}

/** The footer line of every slide and flyer: the sender and the claim as the content writes them. */
export const footerLine = (c: { sender: string; claim: string }): string => `${c.sender} · ${c.claim}`;

/** The parts an intro section may have, in the order every output shows them. */
export const INTRO_PART_ORDER = ["text", "quote", "points", "note"] as const;
export type IntroPartKind = (typeof INTRO_PART_ORDER)[number];

/** Text without the typesetting characters (soft hyphens, no-break spaces), as it is read aloud and listed. */
export const plainText = (s: string): string => s.replace(/\u00AD/g, "").replace(/\u00A0/g, " ");
