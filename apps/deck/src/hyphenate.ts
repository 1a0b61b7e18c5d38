/**
 * German hyphenation for the slides at build time: soft hyphens (U+00AD) from the brand's one typesetting module
 * (@dus-opendata/typeset: minimum fragments, the last word of a paragraph whole, addresses whole), because
 * Chromium here has no German dictionary and CSS `hyphens: auto` alone does nothing.
 */
import { hyphenateText } from "@dus-opendata/typeset";

export { hyphenateText };

/** Hyphenates every string in a value, except under the given keys (ids, URLs, labels the code compares). */
export function hyphenateDeep<T>(value: T, skipKeys: ReadonlySet<string>): T {
  if (typeof value === "string") return hyphenateText(value) as T;
  if (Array.isArray(value)) return value.map((v) => hyphenateDeep(v, skipKeys)) as T;
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = skipKeys.has(k) ? v : hyphenateDeep(v, skipKeys);
    return out as T;
  }
  return value;
}
