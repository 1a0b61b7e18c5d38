import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { formatPlanDate, formatPublished, formatStatus } from "../src/index.js";
import { ContentError, loadConcept, loadConceptSync, readYaml } from "../src/node.js";
import { FIXTURES, fixtureCases } from "./helpers.js";

const valid = (name: string) => join(FIXTURES, "valid", name);
const invalid = (name: string) => join(FIXTURES, "invalid", name);

function problemsOf(dir: string, displayDir = "x"): string[] {
  try {
    loadConceptSync(dir, { displayDir });
  } catch (e) {
    if (e instanceof ContentError) return e.message.split("\n");
    throw e;
  }
  throw new Error(`${dir} loaded without problems`);
}

const temps: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "concept-test-"));
  temps.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

function yamlFilesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .map((rel) => join(dir, rel))
    .filter((path) => /\.ya?ml$/.test(path) && statSync(path).isFile());
}

describe("valid fixtures", () => {
  it.each(fixtureCases("valid"))("%s loads", (name) => {
    expect(() => loadConceptSync(valid(name))).not.toThrow();
  });

  it("loadConcept gives what loadConceptSync gives", async () => {
    await expect(loadConcept(valid("complete"))).resolves.toEqual(loadConceptSync(valid("complete")));
  });

  it("own-scale: statuses read against the concept's own words, an omitted status is „ohne Angabe“, ranges typed", () => {
    const c = loadConceptSync(valid("own-scale"));
    const measures = c.bausteine.flatMap((b) => b.measures);
    expect(measures.map((m) => m.status)).toEqual([
      { kind: "done", label: "abgeschlossen" },
      { kind: "delayed" },
      { kind: "unknown" },
      { kind: "in-progress", label: "begrenzt" },
      { kind: "dropped" },
    ]);
    expect(measures.map((m) => formatStatus(m.status))).toEqual([
      "abgeschlossen",
      "verzögert",
      "ohne Angabe",
      "begrenzt",
      "entfallen",
    ]);
    expect(measures.map((m) => formatPlanDate(m.planned))).toEqual([
      "30.06.2021 – 30.11.2022",
      "Q4/2021 – Q4/2022 (neu: 2. Quartal 2023)",
      "01/2021 – 01/2023",
      "bis 30.11.2022",
      "Q4/2021 – Q4/2022",
    ]);
    expect(measures.map((m) => formatPublished(m.published))).toEqual([
      "im 3. NAP, Seite 28 – 29",
      "noch nicht",
      "30.11.2022",
      "11/2018 (Intranet)",
      "noch nicht",
    ]);
    expect(measures[1]?.planned).toEqual({
      kind: "range",
      start: { unit: "quarter", year: 2021, quarter: 4 },
      end: { unit: "quarter", year: 2022, quarter: 4 },
      note: "neu: 2. Quartal 2023",
    });
  });

  it("a word of the concept's scale is refused where the concept defines none", () => {
    const dir = tempDir();
    cpSync(valid("own-scale"), dir, { recursive: true });
    const concept = join(dir, "concept.yaml");
    writeFileSync(concept, readFileSync(concept, "utf8").replace(/^statuses:\n(?: {2}.*\n| {4}.*\n)*/m, ""));
    expect(problemsOf(dir)).toEqual([
      "x/bausteine/01-a.yaml:13:13  measures[0].status  „umgesetzt“ ist kein gültiger Status. Erlaubt sind „erledigt“, „in Arbeit“, „verzögert“, „noch nicht begonnen“, „<Jahr> stattgefunden“ oder „ohne Angabe“ (z. B. „2018 stattgefunden“).",
      "x/bausteine/01-a.yaml:33:13  measures[3].status  „begrenzt“ ist kein gültiger Status. Erlaubt sind „erledigt“, „in Arbeit“, „verzögert“, „noch nicht begonnen“, „<Jahr> stattgefunden“ oder „ohne Angabe“ (z. B. „2018 stattgefunden“).",
      "x/bausteine/01-a.yaml:40:13  measures[4].status  „entfallen“ ist kein gültiger Status. Erlaubt sind „erledigt“, „in Arbeit“, „verzögert“, „noch nicht begonnen“, „<Jahr> stattgefunden“ oder „ohne Angabe“ (z. B. „2018 stattgefunden“).",
    ]);
  });

  it("a word twice in the scale is refused at its place", () => {
    const dir = tempDir();
    cpSync(valid("own-scale"), dir, { recursive: true });
    const concept = join(dir, "concept.yaml");
    writeFileSync(concept, readFileSync(concept, "utf8").replace("synonyms: [umgesetzt]", "synonyms: [Begrenzt]"));
    expect(problemsOf(dir), problemsOf(dir).join("\n")).toContain(
      "x/concept.yaml:18:16  statuses[4].synonyms[0]  Das Wort „Begrenzt“ steht schon in der Status-Skala (Eintrag 2): jedes Wort darf nur einmal vorkommen.",
    );
  });

  it("minimal: typed values, Bausteine numbered by file order", () => {
    const c = loadConceptSync(valid("minimal"));
    expect(c.title).toBe("Testkonzept");
    expect(c.bausteine.map((b) => [b.number, b.id, b.measures.map((m) => m.id)])).toEqual([
      [1, "a", ["erste", "zweite"]],
      [2, "b", ["dritte"]],
    ]);
    expect(c.bausteine[0]?.measures[1]?.planned).toEqual({
      kind: "several",
      periods: [
        { unit: "month", year: 2018, month: 12 },
        { unit: "month", year: 2019, month: 2 },
      ],
    });
    expect(c.bausteine[1]?.measures[0]?.status).toEqual({ kind: "took-place", year: 2018 });
    expect(c.decks).toEqual([]);
    expect(c.flyers).toEqual([]);
  });

  it("complete: decks, flyers, details, text that YAML reads as a number, a place containing „und“", () => {
    const c = loadConceptSync(valid("complete"));
    const [texte, reden] = c.bausteine;
    const jahresbericht = texte?.measures[1];
    expect(jahresbericht?.title).toBe("2019");
    expect(jahresbericht && formatPlanDate(jahresbericht.planned)).toBe("2019");
    expect(jahresbericht && formatStatus(jahresbericht.status)).toBe("noch nicht begonnen");
    expect(jahresbericht && formatPublished(jahresbericht.published)).toBe("seit 12/2017 (Intranet)");
    expect(reden?.measures.map((m) => formatPlanDate(m.planned))).toEqual([
      "06.12.2018 (Foyer und Saal)",
      "12/2018, 01/2019 und 02/2019",
    ]);
    expect(reden?.measures[1]?.details?.points).toEqual(["Kernpunkt mit {{ Klammern }} und <script>"]);
    expect(texte?.subtitle).toBe("Texte: Steckbrief, Dokumentation");
    expect(texte?.why.text[1]).toBe("Zweiter Absatz über mehrere Zeilen.");
    expect(c.stand).toEqual({ unit: "day", year: 2018, month: 11, day: 30 });
    expect(c.decks.map((d) => [d.id, d.blocks, d.measures])).toEqual([["kurz", ["reden"], ["geburtstag"]]]);
    expect(c.flyers.map((f) => [f.id, f.format, f.title])).toEqual([["sprechstunde", "a4", "Daten im Amt"]]);
  });

  it("a byte-order mark and Windows line endings give exactly the result of clean files", () => {
    expect(readFileSync(join(valid("bom-crlf"), "concept.yaml")).subarray(0, 3)).toEqual(
      Buffer.from([0xef, 0xbb, 0xbf]),
    );
    expect(readFileSync(join(valid("bom-crlf"), "concept.yaml"), "utf8")).toContain("\r\n");
    expect(loadConceptSync(valid("bom-crlf"))).toEqual(loadConceptSync(valid("minimal")));
  });
});

describe("problems", () => {
  it("are collected from every file and reported once, sorted by file and line", () => {
    let error: unknown;
    try {
      loadConceptSync(invalid("two-broken-files"), { displayDir: "inhalt" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ContentError);
    const problems = (error as ContentError).problems;
    expect(problems.map((p) => [p.file, p.line, p.column, p.field])).toEqual([
      ["inhalt/bausteine/01-a.yaml", 13, 13, "measures[0].status"],
      ["inhalt/bausteine/02-b.yaml", 14, 14, "measures[0].planned"],
    ]);
    expect(problems[0]?.message.startsWith("„erldigt“ ist kein gültiger Status.")).toBe(true);
    expect(problems[1]?.message.startsWith("Den Monat 13 gibt es nicht")).toBe(true);
    expect((error as ContentError).summary).toBe("2 Fehler in 2 Dateien. Bitte korrigieren und erneut prüfen.");
  });

  it("name the folder when CONTENT_DIR does not exist", () => {
    expect(problemsOf(join(FIXTURES, "gibt-es-nicht"), "nirgends")).toEqual([
      "nirgends:1:1  (Ordner)  Den Inhaltsordner gibt es nicht. Bitte CONTENT_DIR prüfen.",
    ]);
  });

  it("in a file with a byte-order mark and Windows line endings are exactly those of the clean file", () => {
    for (const name of [
      "status-typo",
      "unknown-key-typo",
      "missing-title",
      "duplicate-measure-id",
      "duplicate-key",
      "tab-indent",
      "yaml-unclosed-quote",
      "yaml-bad-indent",
      "invalid-utf8",
      "deep-nesting",
    ]) {
      const dir = tempDir();
      cpSync(invalid(name), dir, { recursive: true });
      for (const file of yamlFilesUnder(dir)) {
        const bytes = readFileSync(file);
        const crlf = Buffer.from(bytes.toString("latin1").replace(/\n/g, "\r\n"), "latin1");
        writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), crlf]));
      }
      expect(problemsOf(dir), name).toEqual(problemsOf(invalid(name)));
    }
  });

  it("of a Baustein do not also turn up as unknown references in decks", () => {
    expect(problemsOf(invalid("deck-refers-to-broken-baustein"))).toEqual([
      expect.stringMatching(/^x\/bausteine\/02-b\.yaml:13:13 {2}measures\[0\]\.status {2}„2018 stattgefundn“/),
    ]);
  });
});

describe("readYaml", () => {
  it("accepts a file of exactly 1 MB and rejects one byte more", () => {
    const dir = tempDir();
    const file = join(dir, "gross.yaml");
    const head = "id: gross\nchances:\n";
    const size = 1024 * 1024;
    writeFileSync(file, `${head}${"#".repeat(size - head.length - 1)}\n`);
    expect(statSync(file).size).toBe(size);
    expect(readYaml(file, "gross.yaml").problems).toEqual([]);
    writeFileSync(file, `${head}${"#".repeat(size - head.length)}\n`);
    expect(readYaml(file, "gross.yaml").problems).toEqual([
      {
        file: "gross.yaml",
        line: 1,
        column: 1,
        field: "(Datei)",
        message:
          "Die Datei ist etwas mehr als 1 MB groß; Inhaltsdateien dürfen höchstens 1 MB groß sein. Bitte prüfen, ob die richtige Datei hier liegt.",
      },
    ]);
  });

  it("accepts 24 levels of nesting and rejects 25", () => {
    const dir = tempDir();
    const file = join(dir, "tief.yaml");
    // The file itself is level 1; each bracket adds one.
    writeFileSync(file, `a: ${"[".repeat(23)}x${"]".repeat(23)}\n`);
    expect(readYaml(file, "tief.yaml").problems).toEqual([]);
    writeFileSync(file, `a: ${"[".repeat(24)}x${"]".repeat(24)}\n`);
    expect(readYaml(file, "tief.yaml").problems.map((p) => [p.line, p.column, p.field])).toEqual([[1, 27, "(Datei)"]]);
  });

  it("reports an invalid UTF-8 byte on the first line after a byte-order mark at its column", () => {
    const dir = tempDir();
    const file = join(dir, "latin1.yaml");
    writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("id: Ma\xdfnahme\n", "latin1")]));
    expect(readYaml(file, "latin1.yaml").problems.map((p) => [p.line, p.column])).toEqual([[1, 7]]);
  });
});
