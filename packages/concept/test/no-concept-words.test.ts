/**
 * No word of this repository's concept in the code: the city, the office and the portal come from content/. Scans
 * the source of apps/, packages/ and scripts/ (not content/, not test fixtures, not generated or installed files)
 * for the words of content/'s identity fields (concept-words.ts) and fails naming file:line and the word. What else
 * content/ says is never among them, so that no edit of a title, an occasion or a text turns this test red.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { isMap, isScalar, isSeq, parseDocument, visit } from "yaml";
import { loadConceptSync } from "../src/node.js";
import {
  codeWords,
  conceptWordPattern,
  conceptWords,
  FIXED_CONCEPT_WORDS,
  findConceptWords,
  identityWords,
  SCANNED,
  scanCode,
  yamlFilesUnder,
} from "./concept-words.js";
import { CONTENT_DIR, FIXTURE_CONCEPTS, REPO_ROOT } from "./helpers.js";

const words = codeWords();
const temps: string[] = [];
afterAll(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

describe("no word of the concept in the code", () => {
  it("the words are content/'s city, the city's name, its organisation and its portal host, and the fixed ones", () => {
    const c = loadConceptSync(CONTENT_DIR);
    expect(conceptWords()).toEqual(
      expect.arrayContaining([c.city, c.organisation, new URL(c.portal).hostname, ...FIXED_CONCEPT_WORDS]),
    );
    expect(words).toEqual(expect.arrayContaining(FIXED_CONCEPT_WORDS));
  });

  it("are derived from identity fields only: for a fixture concept, its city, city name, full office name and host", () => {
    // „Hauptamt“ (one word) is every town's office.
    expect(identityWords(join(FIXTURE_CONCEPTS, "kleinstadt"))).toEqual([
      "Stadt Wiesenfeld",
      "Wiesenfeld",
      "rathaus.wiesenfeld.example",
    ]);
    expect(identityWords(join(FIXTURE_CONCEPTS, "lange-namen"))).toEqual([
      "Fachbereich Organisation, Personal, Informationstechnik und Digitalisierung",
      "Große Kreisstadt Hohenbrück",
      "Hohenbrück",
      "daten.hohenbrueck.example",
    ]);
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

  it.each(SCANNED)("%s/ holds none of them", (folder) => {
    const hits = scanCode(REPO_ROOT, folder, words);
    expect(hits, `Wörter des Konzepts im Code (gehören nach content/):\n${hits.join("\n")}`).toEqual([]);
  });
});

/**
 * A copy of content/ in which every text but the identity fields says what the fixture concepts and the code say:
 * the words of the fixtures' titles, occasions and texts, and a new flyer for a „Fortbildung“.
 */
function editedContent(): string {
  const dir = join(tmpdir(), `inhalt-bearbeitet-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  temps.push(dir);
  cpSync(CONTENT_DIR, dir, { recursive: true });
  // Texts borrowed from the fixtures: every plain text value they hold.
  const borrowed: string[] = [];
  for (const file of yamlFilesUnder(FIXTURE_CONCEPTS))
    visit(parseDocument(readFileSync(file, "utf8")), {
      Scalar(_, node) {
        if (typeof node.value === "string" && node.value.length > 3) borrowed.push(node.value);
      },
    });
  const identity = new Set(["city", "organisation", "portal", "id", "stand", "status", "planned", "published"]);
  let n = 0;
  for (const file of yamlFilesUnder(dir)) {
    const doc = parseDocument(readFileSync(file, "utf8"));
    visit(doc, {
      Pair(_, pair) {
        const key = isScalar(pair.key) ? String(pair.key.value) : "";
        if (identity.has(key)) return visit.SKIP;
        const swap = (node: unknown) => {
          if (isScalar(node) && typeof node.value === "string") node.value = borrowed[n++ % borrowed.length];
          else if (isSeq(node)) for (const item of node.items) swap(item);
        };
        if (!isMap(pair.value)) swap(pair.value);
        return undefined;
      },
    });
    writeFileSync(file, doc.toString({ lineWidth: 0 }));
  }
  mkdirSync(join(dir, "flyers"), { recursive: true });
  writeFileSync(
    join(dir, "flyers", "fortbildung.yaml"),
    "format: a5\noccasion: Fortbildung\ntitle: Fortbildung für die Verwaltung\nsections:\n  - type: bausteine\n",
  );
  return dir;
}

describe("a maintainer's edit of content/ never fails the scans", () => {
  it("with every text but city, organisation and portal taken from the fixtures, and a flyer for a „Fortbildung“", () => {
    const dir = editedContent();
    expect(readdirSync(join(dir, "flyers"))).toContain("fortbildung.yaml");
    // The edited copy says what the fixtures say …
    const text = yamlFilesUnder(dir)
      .map((f) => readFileSync(f, "utf8"))
      .join("\n");
    expect(text).toContain("occasion: Fortbildung");
    // … and neither the scan of the code nor that of the fixtures finds a word of it.
    const edited = codeWords(dir);
    expect(edited).toEqual(codeWords());
    for (const folder of SCANNED) expect(scanCode(REPO_ROOT, folder, edited)).toEqual([]);
    const pattern = conceptWordPattern(conceptWords(dir));
    for (const file of yamlFilesUnder(FIXTURE_CONCEPTS))
      expect(findConceptWords(readFileSync(file, "utf8"), pattern), file).toEqual([]);
  });

  it("still finds the concept's city, office and portal in code that names them", () => {
    const c = loadConceptSync(CONTENT_DIR);
    const code = join(tmpdir(), `code-mit-namen-${process.pid}`);
    rmSync(code, { recursive: true, force: true });
    temps.push(code);
    mkdirSync(join(code, "apps", "x", "src"), { recursive: true });
    writeFileSync(
      join(code, "apps", "x", "src", "footer.ts"),
      `export const a = "${c.city}";\nexport const b = "${c.organisation}";\nexport const u = "https://${new URL(c.portal).hostname}/";\n`,
    );
    const hits = scanCode(code, "apps", codeWords());
    expect(hits).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^apps\/x\/src\/footer\.ts:1 {2}„/),
        expect.stringMatching(/^apps\/x\/src\/footer\.ts:2 {2}„/),
        expect.stringMatching(/^apps\/x\/src\/footer\.ts:3 {2}„/),
      ]),
    );
  });
});
