export { hyphenateText } from "./hyphenate-text.js";
export {
  HEADING_BREAKS,
  hyphenateHeading,
  hyphenateWord,
  hyphenationFor,
  keepWhole,
  lastWord,
  MIN_FRAGMENT,
  MIN_WORD,
  NBSP,
  SOFT_HYPHEN,
} from "./hyphenate-word.js";
export { BIND, bindPairs, setText } from "./set-text.js";
