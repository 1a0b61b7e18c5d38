/**
 * Headings and the title break where a word is too long for its column: first after a hyphen the word already has
 * (keeping that hyphen, adding no second one), then at German syllables with at least three letters on either side
 * of the break. Addresses are never broken.
 */
import { join } from "node:path";
import { loadConceptSync } from "@dus-opendata/concept/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  copyWithEdits,
  fixtureDir,
  haveTools,
  problemsOf,
  type Rendered,
  removeDir,
  renderFlyers,
  repoRoot,
  run,
  tempDir,
} from "./helpers.js";

const tools = haveTools("pdftotext");
const temps: string[] = [];
afterAll(() => {
  for (const t of temps) removeDir(t);
});

/** The lines pdftotext reads from a PDF, no-break spaces as blanks. */
const linesOf = (pdf: string) =>
  run("pdftotext", ["-raw", pdf, "-"])
    .replace(/\u00A0/g, " ")
    .split("\n")
    .map((l) => l.trim());

const WORD = "Verwaltungsdaten-Informationsplattform";

/**
 * The lines that set `word`, from the line where it starts: joined again (a hyphen at a line's end dropped unless
 * the word has one there), they give the word back exactly.
 */
function wordLines(lines: string[], word: string): string[] {
  const start = lines.findIndex((l) => l.length > 3 && word.startsWith(l.replace(/-$/, "")));
  const pieces: string[] = [];
  let joined = "";
  for (let i = Math.max(start, 0); start >= 0 && i < lines.length && joined.length < word.length; i++) {
    const line = lines[i] ?? "";
    pieces.push(line);
    joined += word.startsWith(joined + line) ? line : line.replace(/-$/, "");
  }
  expect(joined, lines.join("\n")).toBe(word);
  return pieces;
}

describe.skipIf(!tools)("Überschriften werden getrennt, zuerst am Bindestrich", () => {
  let flyers: Map<string, Rendered>;
  let a5: Map<string, Rendered>;
  beforeAll(async () => {
    const content = copyWithEdits(fixtureDir("beispielstadt"), {
      // The leaflet's title in its narrow cover panel, a heading there with one long compound without a hyphen.
      "flyers/faltblatt.yaml": (y) =>
        y
          .replace(/^title: .*$/m, `title: ${WORD}`)
          .replace("    title: Was haben Sie davon?\n", "    title: Grünflächenunterhaltungsvereinbarungen\n"),
      // A heading beside the text of the A4 flyer, with a hyphen.
      "flyers/handzettel.yaml": (y) =>
        y.replace("    section: merkmale\n", "    section: merkmale\n    title: Datenschutz-Folgenabschätzung\n"),
    });
    // The title of an A5 flyer: wider than its title band, and its part up to the hyphen fits.
    const small = copyWithEdits(join(repoRoot, "fixtures", "concepts", "kleinstadt"), {
      "flyers/sprechstunde.yaml": (y) => y.replace(/^title: .*$/m, `title: ${WORD}`),
    });
    temps.push(content, small);
    const [out, outSmall] = [tempDir("ueberschriften"), tempDir("ueberschriften-a5")];
    temps.push(out, outSmall);
    flyers = await renderFlyers(loadConceptSync(content, { displayDir: "inhalt" }), out);
    a5 = await renderFlyers(loadConceptSync(small, { displayDir: "inhalt" }), outSmall);
  });

  it("der Titel „Verwaltungsdaten-Informationsplattform“ bricht nach dem Bindestrich, ohne zweiten Bindestrich", () => {
    const lines = linesOf(a5.get("sprechstunde")?.screenPath ?? "");
    const at = lines.indexOf("Verwaltungsdaten-");
    expect(at, lines.join("\n")).toBeGreaterThanOrEqual(0);
    expect(lines[at + 1]).toBe("Informationsplattform");
    expect(lines.join("\n")).not.toContain("--");
  });

  it("eine Abschnittsüberschrift mit Bindestrich bricht dort, nicht in einer Silbe", () => {
    const lines = linesOf(flyers.get("handzettel")?.screenPath ?? "");
    const at = lines.indexOf("Datenschutz-");
    expect(at, lines.join("\n")).toBeGreaterThanOrEqual(0);
    expect(lines[at + 1]).toBe("Folgenabschätzung");
  });

  it("wo schon der Teil bis zum Bindestrich zu breit ist, nach Silben: das Wort bleibt, mit einem Bindestrich", () => {
    const lines = linesOf(flyers.get("faltblatt")?.screenPath ?? "");
    const pieces = wordLines(lines, WORD);
    expect(pieces.length, lines.join("\n")).toBeGreaterThan(2);
    expect(pieces.join("\n")).not.toContain("--");
    for (const p of pieces.slice(0, -1)) expect(p).toMatch(/\p{L}{3}-$/u);
  });

  it("ein langes Wort ohne Bindestrich wird nach Silben getrennt, mit mindestens drei Buchstaben je Teil", () => {
    const lines = linesOf(flyers.get("faltblatt")?.screenPath ?? "");
    const pieces = wordLines(lines, "Grünflächenunterhaltungsvereinbarungen");
    expect(pieces.length, lines.join("\n")).toBeGreaterThan(1);
    for (const p of pieces.slice(0, -1)) expect(p).toMatch(/\p{L}{3}-$/u);
    expect(pieces.at(-1)).toMatch(/^\p{L}{3,}$/u);
  });
});

describe("Adressen in Überschriften bleiben ganz", () => {
  it("eine Überschrift mit einer Adresse, breiter als die Spalte, wird nicht getrennt und gemeldet", async () => {
    const dir = copyWithEdits(fixtureDir("beispielstadt"), {
      "flyers/faltblatt.yaml": (y) =>
        y.replace(
          "    title: Was haben Sie davon?\n",
          "    title: www.gruenflaechen-unterhaltung-beispielstadt.example\n",
        ),
    });
    temps.push(dir);
    const problems = await problemsOf(dir);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain("die Zeile „www.gruenflaechen-unterhaltung-beispielstadt.example“ ist");
    expect(problems[0]).toContain("lässt sich nicht trennen");
  });
});
