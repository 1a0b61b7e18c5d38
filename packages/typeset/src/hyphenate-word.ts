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

/** A hyphen between letters („Daten-Portal“, „E-Mail-Adresse“): a line may end after it, keeping it. */
const WORD_HYPHEN = /(?<=\p{L}[-\u2010])(?=\p{L})/u;

/** Joins fragments with fewer than three letters at either end into their neighbour. */
function keepMinimum(parts: string[]): string[] {
  const out = parts.filter((p) => p.length > 0);
  while (out.length > 1 && letters(out[0] ?? "") < MIN_FRAGMENT) out.splice(0, 2, `${out[0]}${out[1]}`);
  while (out.length > 1 && letters(out.at(-1) ?? "") < MIN_FRAGMENT) out.splice(-2, 2, `${out.at(-2)}${out.at(-1)}`);
  return out;
}

/** The syllables of a word without hyphens, with the minimum fragments; short words stay whole. */
function syllables(plain: string): string[] {
  if (plain.replace(/[-\u2010]$/u, "").length < MIN_WORD) return [plain];
  return keepMinimum(de.hyphenateSync(plain, { hyphenChar: SOFT_HYPHEN }).split(SOFT_HYPHEN));
}

/**
 * Where a word may break at the end of a line, as its parts: first after a hyphen the word already has
 * („Verwaltungsdaten-“ + „Informationsplattform“), then at German syllables from `hyphen/de` within each piece,
 * joined again where a fragment at a line's start or end would have fewer than three letters. Soft hyphens already
 * in the word are the author's break points. Short words and words that must stay whole come back as one part.
 */
export function hyphenateWord(word: string): string[] {
  if (KEEP_WHOLE.test(word)) return [word];
  const cached = cache.get(word);
  if (cached) return [...cached];
  const plain = word.replaceAll(SOFT_HYPHEN, "");
  const pieces = word.split(WORD_HYPHEN);
  const parts = keepMinimum(
    pieces.flatMap((piece) => (piece.includes(SOFT_HYPHEN) ? keepMinimum(piece.split(SOFT_HYPHEN)) : syllables(piece))),
  );
  const result = parts.length === 0 ? [plain] : parts;
  cache.set(word, result);
  return [...result];
}

/**
 * For headings and titles: the same break points as running text, for every word of the heading (a heading of one
 * long word must break too). react-pdf prefers a break after a hyphen of the word to one inside it, and adds no
 * second hyphen there (the patch of @react-pdf/textkit). Addresses stay whole.
 */
export const hyphenateHeading = (word: string): string[] => hyphenateWord(word);

/**
 * How react-pdf sets a heading (`<Text {...HEADING_BREAKS}>`): the break points of `hyphenateHeading`, and a cost
 * of breaking inside a word just short of „never“ (react-pdf's infinity is 10 000), so that a heading breaks at its
 * spaces wherever its words fit, after a hyphen of a word where one does not (that costs little, see the patch of
 * @react-pdf/textkit), and inside a word only where nothing else fits.
 */
export const HEADING_BREAKS = { hyphenationCallback: hyphenateHeading, hyphenationPenalty: 9999 } as const;

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
