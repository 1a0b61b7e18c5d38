/**
 * The words that name a concept's owner: its city (also without a title such as „Stadt“), its organisation and its
 * portal's host. Code in apps/ and packages/ must not contain those of this repository's concept (content/); the
 * fixture concepts must not contain them either, and content/'s outputs must not contain the fixtures'.
 *
 * Only these identity fields count, never the rest of the content: the team edits titles, occasions and texts every
 * month, and a new flyer for a „Fortbildung“ must not turn a test red because a fixture or the code uses the word.
 * A word that a fixture concept also uses names no one in particular and is left out of the scan of the code.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { parse } from "yaml";
import { CONTENT_DIR, FIXTURE_CONCEPTS } from "./helpers.js";

/** Always this concept's, whatever content/ says today. */
export const FIXED_CONCEPT_WORDS = [
  "Düsseldorf",
  "Duesseldorf",
  "Landeshauptstadt",
  "Open Data",
  "Open-Data",
  "POA",
  "Ämtergespräch",
];

/**
 * Single words shorter than this are too common to name anyone („Stadt“, „Markt“): only longer words and
 * phrases of two or more words count.
 */
const MIN_SINGLE_WORD = 6;

const distinctive = (w: string) => w.includes(" ") || w.length >= MIN_SINGLE_WORD;

/** City, the city's name without its title, organisation and portal host of the concept in `dir`. */
export function identityWords(dir: string): string[] {
  const c = parse(readFileSync(join(dir, "concept.yaml"), "utf8")) as Record<string, unknown>;
  const text = (k: string) => (typeof c[k] === "string" ? [(c[k] as string).trim()] : []);
  const city = text("city");
  const host = typeof c.portal === "string" ? [new URL(c.portal).hostname] : [];
  // A one-word office („Hauptamt“, „Umweltamt“) is every town's: only an organisation's full name identifies.
  const organisation = text("organisation").filter((o) => o.includes(" "));
  return [...new Set([...city, ...city.map((x) => x.split(" ").at(-1) ?? ""), ...organisation, ...host])]
    .filter(distinctive)
    .sort();
}

/** The words of this repository's concept: the fixed ones and content/'s identity. */
export function conceptWords(dir = CONTENT_DIR): string[] {
  return [...new Set([...FIXED_CONCEPT_WORDS, ...identityWords(dir)])].sort();
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Whole words or phrases, ignoring case: „ABC“ matches „abc“ but not „abcde“. */
export function conceptWordPattern(words: readonly string[]): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.map(escapeRegExp).join("|")})(?![\\p{L}\\p{N}])`, "giu");
}

/** Every occurrence in a text, as `line: word`. */
export function findConceptWords(text: string, pattern: RegExp): { line: number; word: string }[] {
  const found: { line: number; word: string }[] = [];
  text.split("\n").forEach((l, i) => {
    for (const m of l.matchAll(pattern)) found.push({ line: i + 1, word: m[0] });
  });
  return found;
}

/** Every YAML file below a folder. */
export function yamlFilesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => join(dir, f))
    .sort();
}

/**
 * The words the code must not contain: this concept's (`conceptWords`), except those a fixture concept uses too
 * (tests of the code quote the fixtures; a word they share names neither). The fixed words always count.
 */
export function codeWords(contentDir = CONTENT_DIR, fixtures = FIXTURE_CONCEPTS): string[] {
  const fixtureText = yamlFilesUnder(fixtures)
    .map((f) => readFileSync(f, "utf8"))
    .join("\n");
  return conceptWords(contentDir).filter(
    (w) => FIXED_CONCEPT_WORDS.includes(w) || findConceptWords(fixtureText, conceptWordPattern([w])).length === 0,
  );
}

/** Every file here must be free of the concept's words: the apps, the packages and the root scripts. */
export const SCANNED = ["apps", "packages", "scripts"];
/** Not code: installed, built or generated files, test fixtures, and this list itself. */
const SKIP_DIRS = new Set([
  "node_modules",
  "dist",
  "fixtures",
  "test-results",
  ".turbo",
  ".generated",
  ".build",
  "out",
]);
const SKIP_FILES = new Set(["concept-words.ts"]);
const SOURCE = /\.(ts|tsx|mts|cts|js|mjs|cjs|vue|css|json|md|html)$/;

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    if (entry.startsWith(".") || SKIP_DIRS.has(entry)) continue;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (SOURCE.test(entry) && !SKIP_FILES.has(entry)) out.push(path);
  }
  return out.sort();
}

/** The scan of the code: every occurrence of `words` in the source files of `folder` below `root`, as `path:line  „word“`. */
export function scanCode(root: string, folder: string, words: readonly string[]): string[] {
  const pattern = conceptWordPattern(words);
  return sourceFiles(join(root, folder)).flatMap((file) =>
    findConceptWords(readFileSync(file, "utf8"), pattern).map(
      ({ line, word }) => `${relative(root, file)}:${line}  „${word}“`,
    ),
  );
}
