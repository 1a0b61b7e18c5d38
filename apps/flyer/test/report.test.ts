/**
 * The Sachstandsbericht built from a real git history (a temporary repository with three Stände, every kind of
 * change, a renamed Maßnahme, a removed Baustein and an uncommitted edit), read back from the PDF: its text
 * (pdftotext), page size, structure tree (tables with TH/TD and Scope, the Verlauf as a Figure with /Alt, the
 * headings in the manifest's order, nothing painted outside marked content), that it is rebuilt only when what it
 * shows changes and then gives the bytes of a build from scratch; without history it says why.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadConceptSync } from "@dus-opendata/concept/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { git, klimaHistory, removeTemps, tempFolder } from "../../../packages/concept/test/history-repo.js";
import { digestCode } from "../src/key-flyer.js";
import { buildReport, REPORT_FILE } from "../src/report/build-report.js";
import { haveTools, run } from "./helpers.js";
import { elements, readTaggedPdf, type StructElement } from "./read-tagged-pdf.js";

const tools = haveTools("pdfinfo", "pdftotext");
afterAll(removeTemps);

let h: ReturnType<typeof klimaHistory>;
let out: string;
const code = digestCode();
const build = (outDir: string, env: NodeJS.ProcessEnv = {}) =>
  buildReport(loadConceptSync(h.repo.content), code, { env: { CONTENT_DIR: h.repo.content, ...env }, outDir });
const text = (pdf: string) => run("pdftotext", ["-layout", pdf, "-"]);
const flat = (pdf: string) => run("pdftotext", [pdf, "-"]).replace(/\s+/g, " ");

beforeAll(async () => {
  h = klimaHistory();
  h.repo
    .stand("06/2025")
    .measure(h.files.verwaltung, "hitzekarte", "title", "Neue Hitzekarte")
    .measure(h.files.verwaltung, "hitzekarte", "status", "erledigt");
  out = tempFolder("bericht-");
  const r = await build(out);
  expect(r.status).toBe("rendered");
}, 120_000);

describe.skipIf(!tools)("Sachstandsbericht", () => {
  it("A4, a letterhead and „Seite n von N“ on every page, title and Stand first", () => {
    const pdf = join(out, REPORT_FILE);
    const info = run("pdfinfo", [pdf]);
    expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    expect(pages).toBeGreaterThan(1);
    const perPage = text(pdf)
      .split("\f")
      .filter((p) => p.trim());
    expect(perPage.length).toBe(pages);
    perPage.forEach((p, i) => {
      expect(p).toContain("Universitätsstadt Auental");
      expect(p).toContain("Sachstandsbericht · Stand: Juni 2025");
      expect(p).toContain(`Seite ${i + 1} von ${pages}`);
    });
    expect(info).toMatch(/Title:\s+Sachstandsbericht: Klimadaten für alle/);
    const all = flat(pdf);
    expect(all.indexOf("Klimadaten für alle")).toBeLessThan(all.indexOf("Zusammenfassung"));
  });

  it("the summary, the changes since the previous Stand by Baustein, the uncommitted edit and the rename included", () => {
    const all = flat(join(out, REPORT_FILE));
    expect(all).toContain("Dieser Bericht zeigt den Sachstand von 16 Maßnahmen in 6 Bausteinen zum Stand Juni 2025.");
    expect(all).toContain("Seit dem letzten Bericht wurde 1 Maßnahme erledigt.");
    expect(all).toContain("Seit dem letzten Stand (Januar 2025)");
    expect(all).toContain(
      `Vergleich mit dem vorigen Stand Januar 2025 (Commit ${h.third.short} vom 20.01.2025). Seit dem letzten Bericht erledigt: 1.`,
    );
    expect(all).toContain(
      "Baustein 3 · Verwaltung Neue Hitzekarte (früher: Hitzekarte für die Stadtplanung): in Arbeit → erledigt",
    );
  });

  it("all Maßnahmen by Baustein with Status, Datum (Plan) and Veröffentlicht; the overdue ones; the Verlauf", () => {
    const t = text(join(out, REPORT_FILE));
    expect(t).toMatch(/Neue Hitzekarte\s+erledigt\s+05\/2024 und 07\/2025\s+noch nicht/);
    expect(t).toMatch(/Mitmachtag\s+noch nicht begon-?\s*\n?.*10\/2024 \(überfällig\)/);
    expect(t).toContain("Überfällige Maßnahmen");
    expect(t).toMatch(/06\/2024\s+5\s+6\s+2\s+4\s+17/);
    expect(t).toMatch(/06\/2025 \(aktuell\)\s+6\s+3\s+2\s+5\s+16/);
  });

  it("SEIT names another baseline: every kind of change since then", async () => {
    const dir = tempFolder("bericht-seit-");
    expect((await build(dir, { SEIT: "06/2024" })).status).toBe("rendered");
    const all = flat(join(dir, REPORT_FILE));
    expect(all).toContain("Seit dem Stand Juni 2024");
    for (const line of [
      "Klimabericht 2028: Datum (Plan): 12/2028 → 06/2029",
      "Abschlussarbeiten: Veröffentlicht: noch nicht → 12/2024 (Hochschulseite)",
      "Mitmachtag: überfällig (Datum (Plan): 10/2024)",
      "Klimawerkstatt: neu",
      "Vortrag in der Planungsrunde: entfallen",
      "Baustein Presse Baustein „Presse“: entfallen Hitzewarnungen: entfallen",
      "Risiko „Kosten für den Betrieb“: neu",
      "Chance „Mehr Messpunkte“: entfallen",
    ])
      expect(all).toContain(line);
  });

  it("tagged: tables with TH (Scope) and TD, the chart a Figure with its description, headings as in the manifest", async () => {
    const pdf = await readTaggedPdf(join(out, REPORT_FILE));
    expect(pdf.marked).toBe(true);
    expect(pdf.lang).toBe("de-DE");
    expect(pdf.xmp.pdfuaPart).toBe("1");
    for (const p of pdf.pages) expect(p.unmarkedPainting).toBe(0);
    const all = [...elements(pdf.root)];
    const tables = all.filter((e) => e.role === "Table");
    // Six Bausteine, the overdue ones, the Verlauf.
    expect(tables.length).toBe(8);
    for (const t of tables) {
      const rows = t.children;
      expect(rows.every((r) => r.role === "TR")).toBe(true);
      expect(rows[0]?.children.every((c) => c.role === "TH" && c.attributes?.Scope === "Column")).toBe(true);
      for (const r of rows.slice(1)) {
        expect(r.children[0]?.role).toBe("TH");
        expect(r.children[0]?.attributes?.Scope).toBe("Row");
        expect(r.children.slice(1).every((c) => c.role === "TD")).toBe(true);
      }
    }
    const verlauf = tables.at(-1) as StructElement;
    expect(verlauf.children.map((r) => r.children.map((c) => c.text).join(" | "))).toEqual([
      "Stand | noch nicht begonnen | in Arbeit | stattgefunden | erledigt | Gesamt",
      "06/2024 | 5 | 6 | 2 | 4 | 17",
      "01/2025 | 6 | 4 | 2 | 4 | 16",
      "06/2025 (aktuell) | 6 | 3 | 2 | 5 | 16",
    ]);
    const [figure, ...more] = all.filter((e) => e.role === "Figure");
    expect(more).toEqual([]);
    expect(figure?.alt).toMatch(/^Verlauf: Maßnahmen nach Status an 3 Ständen\. Juni 2024: 5 noch nicht begonnen/);
    const manifest = JSON.parse(readFileSync(join(out, ".manifest", "bericht.json"), "utf8"));
    const headings = all.filter((e) => /^H\d$/.test(e.role)).map((e) => e.text);
    expect(headings).toEqual(manifest.files[0].readingOrder);
    expect(headings.slice(0, 3)).toEqual([
      "Klimadaten für alle",
      "Zusammenfassung",
      "Seit dem letzten Stand (Januar 2025)",
    ]);
  });

  it("rebuilt only when what it shows changes; then the bytes of a build from scratch", async () => {
    const first = readFileSync(join(out, REPORT_FILE));
    writeFileSync(join(h.repo.root, "NOTIZEN.md"), "außerhalb der Inhalte\n");
    // Only the file outside the content folder: the edits in it stay uncommitted.
    git(h.repo.root, ["add", "NOTIZEN.md"]);
    git(h.repo.root, ["commit", "--quiet", "-m", "Notizen"], "2025-06-02T12:00:00+01:00");
    expect(git(h.repo.root, ["status", "--porcelain"])).not.toBe("");
    expect((await build(out)).status).toBe("unchanged");
    // The current state committed: the same Stand, the same baseline.
    h.repo.commit("Stand Juni 2025", "2025-06-10");
    expect((await build(out)).status).toBe("unchanged");
    expect(readFileSync(join(out, REPORT_FILE)).equals(first)).toBe(true);
    // Three statuses changed at the current Stand: the report shows them.
    h.repo
      .measure(h.files.buerger, "mitmachtag", "status", "erledigt")
      .measure(h.files.verwaltung, "schulung-gis", "status", "erledigt")
      .measure(h.files.hochschule, "klimawerkstatt", "status", "in Arbeit");
    expect((await build(out)).status).toBe("rendered");
    expect(flat(join(out, REPORT_FILE))).toContain("Mitmachtag: noch nicht begonnen → erledigt");
    const scratch = tempFolder("bericht-neu-");
    expect((await build(scratch)).status).toBe("rendered");
    expect(readFileSync(join(scratch, REPORT_FILE)).equals(readFileSync(join(out, REPORT_FILE)))).toBe(true);
  });

  it("without history: „Kein früherer Stand gefunden“ and the reason, no chart", async () => {
    const plain = join(tempFolder("ohne-git-"), "inhalt");
    run("cp", ["-r", h.repo.content, plain]);
    const dir = tempFolder("bericht-ohne-");
    const r = await buildReport(loadConceptSync(plain), code, { env: { CONTENT_DIR: plain }, outDir: dir });
    const why = `Kein früherer Stand gefunden: Der Inhaltsordner ${plain} liegt in keinem Git-Repository.`;
    expect(r.notice).toBe(why);
    // A line may end after a hyphen of the path: read without white space.
    const all = flat(join(dir, REPORT_FILE)).replace(/\s/g, "");
    expect(all).toContain(`Änderungen seit dem letzten Stand ${why}`.replace(/\s/g, ""));
    expect(all).toContain(`Verlauf ${why}`.replace(/\s/g, ""));
    const pdf = await readTaggedPdf(join(dir, REPORT_FILE));
    expect([...elements(pdf.root)].filter((e) => e.role === "Figure")).toEqual([]);
    const manifest = JSON.parse(readFileSync(join(dir, ".manifest", "bericht.json"), "utf8"));
    expect(manifest.notices).toEqual([`Sachstandsbericht: ${why}`]);
  });
});
