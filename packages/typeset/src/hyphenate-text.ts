import { hyphenateWord, SOFT_HYPHEN } from "./hyphenate-word.js";
import { bindPairs } from "./set-text.js";

/** White space at which a line may break: any but the no-break space. */
const BREAKING_SPACE = /([^\S\u00A0]+)/;

/**
 * The same rules as soft hyphens in a string, for outputs whose renderer breaks lines itself (HTML and CSS in the
 * deck): pairs bound with a no-break space, every word hyphenated as `hyphenateWord` allows, except the last word
 * of the text, which stays whole. White space is kept as it is; a no-break space binds like a letter.
 */
export function hyphenateText(text: string): string {
  const tokens = bindPairs(text.replaceAll(SOFT_HYPHEN, "")).split(BREAKING_SPACE);
  const isWord = (t: string) => t.length > 0 && !BREAKING_SPACE.test(t);
  const last = tokens.findLastIndex(isWord);
  return tokens.map((t, i) => (i !== last && isWord(t) ? joinParts(hyphenateWord(t)) : t)).join("");
}

/** Parts joined by soft hyphens; after a hyphen of the word the browser breaks by itself and needs none. */
function joinParts(parts: string[]): string {
  return parts.reduce((text, part) => (/[-\u2010]$/u.test(text) ? text + part : `${text}${SOFT_HYPHEN}${part}`));
}
