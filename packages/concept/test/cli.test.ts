import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { CONTENT_DIR, checkLine, countYaml, FIXTURES, fixture, PACKAGE_DIR, REPO_ROOT, runCli } from "./helpers.js";

/**
 * Line and column (1-based) of the first occurrence of `needle` in a fixture file, plus `skip` characters: found
 * in the text, independently of the YAML parser.
 */
function whereIs(caseName: string, file: string, needle: string, skip = 0): string {
  const lines = readFileSync(join(FIXTURES, "invalid", caseName, file), "utf8").split("\n");
  const line = lines.findIndex((l) => l.includes(needle));
  if (line < 0) throw new Error(`${needle} not in ${file}`);
  return `${line + 1}:${(lines[line] ?? "").indexOf(needle) + 1 + skip}`;
}

function check(caseName: string) {
  const r = runCli(["check"], fixture("invalid", caseName));
  const lines = r.stderr.split("\n\n")[0]?.split("\n") ?? [];
  return { ...r, lines };
}

describe("pnpm check", () => {
  it("passes on content/ and counts exactly what its YAML files hold", () => {
    expect(runCli(["check"])).toEqual({ code: 0, stdout: checkLine(countYaml(CONTENT_DIR)), stderr: "" });
  });

  it("passes on a minimal valid content folder", () => {
    expect(runCli(["check"], fixture("valid", "minimal"))).toEqual({
      code: 0,
      stdout: "Alles in Ordnung: 2 Bausteine, 3 Maßnahmen, 2 Chancen, 2 Risiken, 0 Deck-Varianten, 0 Flyer.\n",
      stderr: "",
    });
  });

  const at = (caseName: string, file: string) => `${fixture("invalid", caseName)}/${file}`;

  it("a wrong status: exit 1, file, line and column of the value, field, allowed forms and a hint", () => {
    const r = check("status-typo");
    expect(r.code).toBe(1);
    expect(r.lines).toEqual([
      `${at("status-typo", "bausteine/01-a.yaml")}:${whereIs("status-typo", "bausteine/01-a.yaml", "erldigt")}  measures[0].status  ` +
        "„erldigt“ ist kein gültiger Status. Erlaubt sind „erledigt“, „in Arbeit“, „verzögert“, „noch nicht begonnen“, „<Jahr> stattgefunden“ oder „ohne Angabe“ (z. B. „2018 stattgefunden“). Meinten Sie „erledigt“?",
    ]);
    expect(r.stderr.endsWith("\n\n1 Fehler in 1 Datei. Bitte korrigieren und erneut prüfen.\n")).toBe(true);
  });

  it("an impossible date: exit 1, the day that does not exist", () => {
    const r = check("plan-impossible-day");
    expect(r.code).toBe(1);
    expect(r.lines).toHaveLength(1);
    expect(r.lines[0]).toMatch(
      new RegExp(
        `^${at("plan-impossible-day", "bausteine/01-a.yaml")}:${whereIs("plan-impossible-day", "bausteine/01-a.yaml", "31.02.2019")}  measures\\[0\\]\\.planned  Den 31\\.02\\.2019 gibt es nicht: der Februar 2019 hat 28 Tage\\. Erlaubt sind ein Monat „MM/JJJJ“`,
      ),
    );
  });

  it("a duplicate id: exit 1, at the second one, naming where the first one is", () => {
    const r = check("duplicate-measure-id");
    expect(r.code).toBe(1);
    const first = whereIs("duplicate-measure-id", "bausteine/01-a.yaml", "id: erste", 4);
    const second = whereIs("duplicate-measure-id", "bausteine/02-b.yaml", "id: erste", 4);
    expect(r.lines).toEqual([
      `${at("duplicate-measure-id", "bausteine/02-b.yaml")}:${second}  measures[0].id  Die Kennung „erste“ hat schon eine andere Maßnahme in ${at("duplicate-measure-id", "bausteine/01-a.yaml")}:${first}. Jede Kennung darf im ganzen Konzept nur einmal vorkommen.`,
    ]);
  });

  it("a missing title: exit 1, at the Maßnahme that lacks it", () => {
    const r = check("missing-title");
    expect(r.code).toBe(1);
    // The first Maßnahme starts with its id on the line after „measures:“; the title is missing there.
    expect(r.lines).toEqual([
      `${at("missing-title", "bausteine/01-a.yaml")}:${whereIs("missing-title", "bausteine/01-a.yaml", "id: erste")}  measures[0].title  Pflichtfeld „title“ fehlt.`,
    ]);
  });

  it("a misspelt key (titel): exit 1, at the key, with the hint „title“, and no second problem for the missing title", () => {
    const r = check("unknown-key-typo");
    expect(r.code).toBe(1);
    expect(r.lines).toEqual([
      `${at("unknown-key-typo", "bausteine/01-a.yaml")}:${whereIs("unknown-key-typo", "bausteine/01-a.yaml", "titel:")}  measures[1].titel  Unbekanntes Feld „titel“. Meinten Sie „title“? Erlaubt sind: id, title, summary, status, planned, published, details, notes.`,
    ]);
  });

  it("a YAML syntax error: exit 1, at the quote that is never closed", () => {
    const r = check("yaml-unclosed-quote");
    expect(r.code).toBe(1);
    expect(r.lines).toEqual([
      `${at("yaml-unclosed-quote", "bausteine/01-a.yaml")}:${whereIs("yaml-unclosed-quote", "bausteine/01-a.yaml", '"Baustein A')}  (YAML)  Das Anführungszeichen „"“, das hier beginnt, wird nie geschlossen: am Ende des Textes fehlt „"“.`,
    ]);
  });

  it("two broken files: both problems, each once", () => {
    const r = check("two-broken-files");
    expect(r.code).toBe(1);
    expect(r.lines.map((l) => l.split("  ").slice(0, 2).join("  "))).toEqual([
      `${at("two-broken-files", "bausteine/01-a.yaml")}:${whereIs("two-broken-files", "bausteine/01-a.yaml", "erldigt")}  measures[0].status`,
      `${at("two-broken-files", "bausteine/02-b.yaml")}:${whereIs("two-broken-files", "bausteine/02-b.yaml", "13/2019")}  measures[0].planned`,
    ]);
    expect(r.stderr.endsWith("\n\n2 Fehler in 2 Dateien. Bitte korrigieren und erneut prüfen.\n")).toBe(true);
  });

  it("an absolute CONTENT_DIR is shown as given", () => {
    const abs = join(FIXTURES, "invalid", "status-typo");
    const r = runCli(["check"], abs);
    expect(r.code).toBe(1);
    expect(r.stderr.startsWith(`${abs}/bausteine/01-a.yaml:13:13  measures[0].status  `)).toBe(true);
  });
});

describe("pnpm status", () => {
  const kleinstadt = "fixtures/concepts/kleinstadt";

  it("--json prints only JSON: every Maßnahme with canonical German labels", () => {
    const r = runCli(["status", "--json", "--as-of", "2025-01-01"], kleinstadt);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const rows = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(r.stdout).toBe(`${JSON.stringify(rows, null, 2)}\n`);
    const b = "Informieren und beteiligen";
    expect(rows.map((row) => [row.baustein, row.id, row.status, row.planned, row.published, row.overdue])).toEqual([
      [b, "auftaktveranstaltung", "erledigt", "05/2016", "06/2016 (Mitarbeiterzeitung)", false],
      [b, "rundbrief", "in Arbeit", "laufend", "seit 09/2016 (Intranet)", false],
      [b, "sprechstunde", "in Arbeit", "ab 03/2017", "seit 03/2017", false],
      [b, "schulung-e-akte", "2019 stattgefunden", "2019", "noch nicht", false],
      [b, "lotsen", "erledigt", "Q2/2020", "01.07.2020 (Aushang)", false],
      [b, "handbuch", "in Arbeit", "für 2025 geplant", "noch nicht", false],
      [b, "erklaerfilme", "noch nicht begonnen", "ab Q3/2025", "noch nicht", false],
      [b, "befragung", "in Arbeit", "11/2023, 05/2024 und 11/2024", "12/2023", true],
      [b, "tag-der-verwaltung", "noch nicht begonnen", "12.09.2026 (Foyer des Rathauses)", "noch nicht", false],
      [b, "austausch-nachbarn", "in Arbeit", "04/2024 und 10/2024", "noch nicht", true],
      [b, "abschlussbericht", "noch nicht begonnen", "12/2029", "noch nicht", false],
      [b, "jubilaeum", "noch nicht begonnen", "noch nicht geplant", "noch nicht", false],
    ]);
    for (const row of rows) expect(typeof row.title).toBe("string");
  });

  it("--json gives ranges, „bis …“ and a Fundstelle canonically, the concept's own status words and „ohne Angabe“", () => {
    const r = runCli(["status", "--json", "--as-of", "2023-01-15"], "packages/concept/test/fixtures/valid/own-scale");
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const rows = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(rows.map((row) => [row.id, row.status, row.planned, row.published, row.overdue])).toEqual([
      ["erste", "abgeschlossen", "30.06.2021 – 30.11.2022", "im 3. NAP, Seite 28 – 29", false],
      ["zweite", "verzögert", "Q4/2021 – Q4/2022 (neu: 2. Quartal 2023)", "noch nicht", true],
      ["dritte", "ohne Angabe", "01/2021 – 01/2023", "30.11.2022", false],
      ["vierte", "begrenzt", "bis 30.11.2022", "11/2018 (Intranet)", true],
      ["fuenfte", "entfallen", "Q4/2021 – Q4/2022", "noch nicht", false],
    ]);
  });

  it("--json on content/ lists every Maßnahme of its YAML files, in file order", () => {
    const r = runCli(["status", "--json"]);
    expect(r.code).toBe(0);
    const yaml = countYaml(CONTENT_DIR);
    const rows = JSON.parse(r.stdout) as { baustein: string; id: string }[];
    expect(rows.map((row) => [row.baustein, row.id])).toEqual(
      yaml.bausteine.flatMap((b) => b.measures.map((id) => [b.title, id])),
    );
  });

  it("prints a table with overdue Maßnahmen marked and a summary line", () => {
    const r = runCli(["status", "--as-of", "2025-01-01"], kleinstadt);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const lines = r.stdout.split("\n");
    expect(lines[0]).toBe("Gemeinsam digital · Stand: 15. März 2024");
    expect(lines[2]).toMatch(/^Baustein +Maßnahme +Status +Datum \(Plan\) +Veröffentlicht$/);
    expect(lines.filter((l) => l.endsWith("⚠ überfällig")).map((l) => l.split(/ {2,}/)[1])).toEqual([
      "Befragung der Beschäftigten",
      "Austausch mit den Nachbargemeinden",
    ]);
    expect(r.stdout.endsWith("\n12 Maßnahmen in 1 Baustein; 2 überfällig zum 01.01.2025.\n")).toBe(true);
  });

  it("--as-of=… works like --as-of …", () => {
    expect(runCli(["status", "--json", "--as-of=2018-11-30"]).stdout).toBe(
      runCli(["status", "--json", "--as-of", "2018-11-30"]).stdout,
    );
  });

  it("content errors go to stderr with exit 1 and nothing on stdout", () => {
    const r = runCli(["status", "--json"], fixture("invalid", "status-typo"));
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/measures\[0\]\.status {2}„erldigt“ ist kein gültiger Status\./);
  });
});

describe("wrong usage exits 2 with a message and the usage on stderr", () => {
  it.each([
    [[], "Es fehlt ein Befehl."],
    [["pruefen"], "Unbekannter Befehl „pruefen“."],
    [["check", "--json"], "Unbekannte Angabe „--json“."],
    [["status", "--csv"], "Unbekannte Angabe „--csv“."],
    [["status", "--as-of"], "--as-of braucht ein Datum als JJJJ-MM-TT, z. B. 2018-11-30."],
    [["status", "--as-of", "30.11.2018"], "--as-of braucht ein Datum als JJJJ-MM-TT, z. B. 2018-11-30."],
    [["status", "--as-of", "2019-02-29"], "Das Datum 2019-02-29 gibt es nicht."],
    [["schema", "--force"], "Unbekannte Angabe „--force“."],
    [["schema", "--check", "--force"], "Unbekannte Angabe „--force“."],
  ])("%j", (argv, message) => {
    const r = runCli(argv);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.startsWith(`${message}\n\nAufruf:\n  pnpm check `)).toBe(true);
    expect(r.stderr).toContain("Der Inhaltsordner kommt aus CONTENT_DIR (Standard: content).");
  });

  it("--help prints the usage on stdout with exit 0", () => {
    const r = runCli(["--help"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout.startsWith("Aufruf:\n")).toBe(true);
  });
});

describe("as a real process", () => {
  const tsx = pathToFileURL(createRequire(join(PACKAGE_DIR, "package.json")).resolve("tsx")).href;
  const cli = join(PACKAGE_DIR, "src", "cli.ts");
  const run = (args: string[], env: Record<string, string> = {}) =>
    spawnSync(process.execPath, ["--import", tsx, cli, ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, NODE_OPTIONS: "", ...env },
      encoding: "utf8",
      timeout: 30_000,
    });

  it("check: exit 1 for a broken content folder, exit 2 for wrong usage, no stack trace", () => {
    const broken = run(["check"], { CONTENT_DIR: fixture("invalid", "duplicate-key") });
    expect(broken.status).toBe(1);
    expect(broken.stderr).toBe(
      `${fixture("invalid", "duplicate-key")}/bausteine/01-a.yaml:3:1  (YAML)  Das Feld „title“ steht zweimal im selben Abschnitt (zuerst in Zeile 2): jedes Feld darf nur einmal vorkommen.\n\n1 Fehler in 1 Datei. Bitte korrigieren und erneut prüfen.\n`,
    );
    const usage = run(["chek"]);
    expect(usage.status).toBe(2);
    expect(usage.stderr).not.toMatch(/^ {4}at /m);
  }, 30_000);

  it("pnpm status --json: stdout is only the JSON", () => {
    const r = spawnSync("pnpm", ["status", "--json"], {
      cwd: REPO_ROOT,
      env: { ...process.env, CONTENT_DIR: "fixtures/concepts/kleinstadt" },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(r.error).toBeUndefined();
    expect(r.status).toBe(0);
    const rows = JSON.parse(r.stdout) as { id: string }[];
    expect(r.stdout.trimEnd()).toBe(JSON.stringify(rows, null, 2));
    expect(rows).toHaveLength(12);
  }, 60_000);
});
