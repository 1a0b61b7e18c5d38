/**
 * German hyphenation at build time: soft hyphens (U+00AD) from hyphen/de, because Chromium here has no German
 * dictionary and CSS `hyphens: auto` alone does nothing. URLs, e-mail addresses and identifiers stay whole.
 */
import { createRequire } from "node:module";

type Hyphenate = (text: string, options?: { minWordLength?: number }) => string;
let hyphenateSync: Hyphenate | undefined;

/** The German patterns, loaded on first use (compiling them takes a noticeable part of a second). */
function patterns(): Hyphenate {
  hyphenateSync ??= (createRequire(import.meta.url)("hyphen/de") as { hyphenateSync: Hyphenate }).hyphenateSync;
  return hyphenateSync;
}

const KEEP_WHOLE = /[/@]|\.\p{L}|^https?:/u;

export function hyphenateText(text: string): string {
  const hyphenate = patterns();
  return (
    text
      // Abbreviations like „z. B.“ and „u. a.“ never break across lines.
      .replace(/\b([zuda])\. ([BaäAhT])\./g, "$1.\u00A0$2.")
      .split(/(\s+)/)
      .map((token) => (KEEP_WHOLE.test(token) ? token : hyphenate(token, { minWordLength: 7 })))
      .join("")
  );
}

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
