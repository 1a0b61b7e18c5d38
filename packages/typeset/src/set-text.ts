import { NBSP } from "./hyphenate-word.js";

const MONTHS = "Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember";

/**
 * Pairs that never break across lines, bound with a no-break space: abbreviations („z. B.“, „d. h.“, „u. a.“),
 * a number with its noun („Amt 12“, „Nr. 3“, „S. 4“) and a day with its month („6. Dezember“).
 */
export function bindPairs(text: string): string {
  return text
    .replace(/\b([zduo])\. ([BhaäAT])\./g, `$1.${NBSP}$2.`)
    .replace(/\b(Amt|Dezernat|Nr\.|S\.|Nummer|Seite|Kapitel) (\d+)/g, `$1${NBSP}$2`)
    .replace(new RegExp(`\\b(\\d{1,2}\\.) (${MONTHS})\\b`, "g"), `$1${NBSP}$2`);
}

/**
 * Longest pair of last words that is bound, in characters, per kind of text: a bound pair must stay narrower than
 * the narrowest column that text is set in (body text in a panel, a heading beside the text, a display title).
 */
export const BIND = { body: 24, heading: 14, display: 10 } as const;

/**
 * Text as it is set: white space collapsed, pairs bound (`bindPairs`), and the last two words bound when together
 * they are no longer than `maxPair` characters, so a paragraph does not end in a line with a single short word.
 */
export function setText(text: string, maxPair: number = BIND.body): string {
  const s = bindPairs(text.replace(/\s+/g, " ").trim());
  const last = s.lastIndexOf(" ");
  if (last <= 0) return s;
  const before = s.lastIndexOf(" ", last - 1);
  const pair = s.slice(before + 1);
  return pair.length <= maxPair ? `${s.slice(0, last)}${NBSP}${s.slice(last + 1)}` : s;
}
