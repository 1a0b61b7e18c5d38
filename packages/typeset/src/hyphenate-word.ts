// A file path, not the directory: `import "hyphen/de"` is a directory import, which plain ESM refuses.
import de from "hyphen/de/index.js";

export const NBSP = "\u00A0";
export const SOFT_HYPHEN = "\u00AD";

/** Shorter words are never hyphenated. */
export const MIN_WORD = 7;
/** No line starts or ends with a fragment of fewer letters than this („kei-ne“, „Dezerna-ten“ stay whole there). */
export const MIN_FRAGMENT = 3;

/**
 * Words that stay whole: web addresses, e-mail addresses, paths, file names and domains, and pairs bound with a
 * no-break space (abbreviations, numbers with their noun, a paragraph's last two words).
 */
const KEEP_WHOLE = /[@/\\\u00A0]|:\/\/|^www\.|\p{L}\.\p{L}/u;

const letters = (part: string) => part.replace(/[^\p{L}]/gu, "").length;

const cache = new Map<string, readonly string[]>();

/**
 * Where a word may break at the end of a line, as its parts: German syllables from `hyphen/de`, joined again
 * where a fragment at the start or end would have fewer than three letters. Soft hyphens already in the word
 * are the author's break points. Short words and words that must stay whole come back as one part.
 */
export function hyphenateWord(word: string): string[] {
  if (KEEP_WHOLE.test(word)) return [word];
  const cached = cache.get(word);
  if (cached) return [...cached];
  const authored = word.includes(SOFT_HYPHEN);
  const plain = word.replaceAll(SOFT_HYPHEN, "");
  let parts =
    plain.length < MIN_WORD && !authored
      ? [plain]
      : authored
        ? word.split(SOFT_HYPHEN)
        : de.hyphenateSync(plain, { hyphenChar: SOFT_HYPHEN }).split(SOFT_HYPHEN);
  parts = parts.filter((p) => p.length > 0);
  while (parts.length > 1 && letters(parts[0] ?? "") < MIN_FRAGMENT) parts.splice(0, 2, `${parts[0]}${parts[1]}`);
  while (parts.length > 1 && letters(parts.at(-1) ?? "") < MIN_FRAGMENT)
    parts.splice(-2, 2, `${parts.at(-2)}${parts.at(-1)}`);
  if (parts.length === 0) parts = [plain];
  cache.set(word, parts);
  return [...parts];
}

/** For headings and titles: never hyphenated. */
export const keepWhole = (word: string): string[] => [word.replaceAll(SOFT_HYPHEN, "")];

/** The last word of a text, as react-pdf splits words (at spaces; a no-break space binds). */
export function lastWord(text: string): string {
  const words = text.trim().split(/ +/);
  return words.at(-1) ?? "";
}

/**
 * The hyphenation callback for react-pdf's `hyphenationCallback`, for one paragraph: like `hyphenateWord`, but the
 * paragraph's last word stays whole, so no paragraph ends in a lone syllable.
 */
export function hyphenationFor(text: string): (word: string) => string[] {
  const last = lastWord(text);
  return (word) => (word === last ? keepWhole(word) : hyphenateWord(word));
}
