/**
 * No word of this repository's concept in the code: every heading, label, keyword and footer part that names the
 * concept, its topic, the city or the office comes from content/. Scans the source of the folders below (not
 * content/, not test fixtures, not generated or installed files) for the words derived from content/ and fails
 * naming file:line and the word.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConceptSync } from "../src/node.js";
import { conceptWordPattern, conceptWords, FIXED_CONCEPT_WORDS, findConceptWords } from "./concept-words.js";
import { CONTENT_DIR, REPO_ROOT } from "./helpers.js";

/** Every file here must be free of the concept's words: the apps, the packages and the root scripts. */
const SCANNED = ["apps", "packages", "scripts"];

/** The list itself. */
const SKIP_FILES = new Set([join(REPO_ROOT, "packages", "concept", "test", "concept-words.ts")]);
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
const SOURCE = /\.(ts|tsx|mts|cts|js|mjs|cjs|vue|css|json|md|html)$/;

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    if (entry.startsWith(".") || SKIP_DIRS.has(entry)) continue;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (SOURCE.test(entry) && !SKIP_FILES.has(path)) out.push(path);
  }
  return out.sort();
}

const folders = SCANNED;
const words = conceptWords();
const pattern = conceptWordPattern(words);

describe("no word of the concept in the code", () => {
  it("the word list is derived from content/ and names the city, the office and the topic", () => {
    const fromContent = (key: "city" | "organisation") => loadConceptSync(CONTENT_DIR)[key];
    expect(words).toEqual(expect.arrayContaining([fromContent("city"), fromContent("organisation")]));
    expect(words).toEqual(expect.arrayContaining(FIXED_CONCEPT_WORDS));
  });

  it("finds a word as a whole word in any case, and only as one", () => {
    const found = findConceptWords(
      'const v = "abc";\n// Musterstadt\nAbcde, Offene Datenbank\noffene-daten-tag',
      conceptWordPattern(["ABC", "Musterstadt", "Offene Daten", "Offene-Daten"]),
    );
    expect(found).toEqual([
      { line: 1, word: "abc" },
      { line: 2, word: "Musterstadt" },
      { line: 4, word: "offene-daten" },
    ]);
  });

  it.each(folders)("%s/ holds none of them", (folder) => {
    const hits = sourceFiles(join(REPO_ROOT, folder)).flatMap((file) =>
      findConceptWords(readFileSync(file, "utf8"), pattern).map(
        ({ line, word }) => `${relative(REPO_ROOT, file)}:${line}  „${word}“`,
      ),
    );
    expect(hits, `Wörter des Konzepts im Code (gehören nach content/):\n${hits.join("\n")}`).toEqual([]);
  });
});
