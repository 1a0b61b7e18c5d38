export { hyphenateText } from "./hyphenate-text.js";
export {
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
