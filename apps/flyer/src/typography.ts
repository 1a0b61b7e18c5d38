import { createRequire } from "node:module";

// `import "hyphen/de"` fails in plain ESM (a directory import).
const require = createRequire(import.meta.url);
const { hyphenateSync } = require("hyphen/de") as {
  hyphenateSync: (text: string, options?: { hyphenChar?: string; minWordLength?: number }) => string;
};

export const NBSP = "\u00A0";
const SOFT_HYPHEN = "\u00AD";

/** Words that must stay whole: addresses, e-mail, paths, and pairs bound with a no-break space. */
const KEEP_WHOLE = /[@/\u00A0]|:\/\/|\w\.\w/;

const cache = new Map<string, string[]>();
/** Shorter words are never hyphenated, and no line starts or ends with a shorter fragment. */
const MIN_WORD = 7;
const MIN_PART = 3;

/**
 * The hyphenation callback for react-pdf: German syllables from `hyphen/de`. URLs, e-mail addresses and
 * words bound with a no-break space come back whole, so they are never split at the end of a line.
 */
export function hyphenateWord(word: string): string[] {
  if (word.length < MIN_WORD || KEEP_WHOLE.test(word)) return [word];
  let parts = cache.get(word);
  if (!parts) {
    parts = hyphenateSync(word, { hyphenChar: SOFT_HYPHEN }).split(SOFT_HYPHEN);
    // No fragment of fewer than three letters at either end of a line („kei-ne“, „Ver-öffentli-chung“ stays whole there).
    const letters = (p: string) => p.replace(/[^\p{L}]/gu, "").length;
    while (parts.length > 1 && letters(parts[0] ?? "") < MIN_PART) parts.splice(0, 2, `${parts[0]}${parts[1]}`);
    while (parts.length > 1 && letters(parts.at(-1) ?? "") < MIN_PART)
      parts.splice(-2, 2, `${parts.at(-2)}${parts.at(-1)}`);
    cache.set(word, parts);
  }
  return parts;
}

/** For headings and titles: never hyphenated. */
export const keepWhole = (word: string): string[] => [word];

/**
 * Longest pair of last words that is bound, in characters, per kind of text: a bound pair must stay narrower
 * than the narrowest column that text is set in (body text in a panel, a heading beside the text, the title).
 */
export const BIND = { body: 24, heading: 14, display: 10 } as const;

/**
 * Text as it is set: the last two words of a paragraph are bound with a no-break space, so no paragraph
 * ends in a line with a single word (or a single syllable), and abbreviations and numbers stay with what
 * belongs to them („z. B.“, „Amt 12“, „6. Dezember“).
 */
export function setText(text: string, maxPair: number = BIND.body): string {
  let s = text.replace(/\s+/g, " ").trim();
  s = s
    .replace(/\b(z|d|u|o)\. (B|h|a|ä)\./g, `$1.${NBSP}$2.`)
    .replace(/\b(Amt|Dezernat|Nr\.|S\.) (\d+)/g, `$1${NBSP}$2`)
    .replace(
      /\b(\d{1,2}\.) (Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)\b/g,
      `$1${NBSP}$2`,
    );
  const last = s.lastIndexOf(" ");
  if (last > 0) {
    const before = s.lastIndexOf(" ", last - 1);
    const pair = s.slice(before + 1);
    if (pair.length <= maxPair) s = `${s.slice(0, last)}${NBSP}${s.slice(last + 1)}`;
  }
  return s;
}

/** The address as printed: without scheme and trailing slash. */
export function displayUrl(url: string): string {
  return url.replace(/^https?:\/\//, "").replace(/\/$/, "");
}
