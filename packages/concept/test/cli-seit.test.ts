import { spawnSync } from "node:child_process";
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { FIXTURE_CONCEPTS, REPO_ROOT, runCli } from "./helpers.js";
import { german, git, HistoryRepo, klimaHistory, removeTemps, tempFolder } from "./history-repo.js";

afterAll(removeTemps);
// Every test builds a repository with tens of git processes: on a busy machine that takes longer than vitest's 5 s.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

let h: ReturnType<typeof klimaHistory>;
beforeAll(() => {
  h = klimaHistory();
  git(h.repo.root, ["tag", "bericht-juni", h.first.oid]);
});

const NO_BASELINE = "Kein früherer Stand gefunden: ";

describe("pnpm status --seit", () => {
  it("prints the changes since the previous Stand as a table, then the summary", () => {
    const r = runCli(["status", "--seit"], h.repo.content);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        "Klimadaten für alle · Stand: Januar 2025",
        `Vergleich mit dem vorigen Stand Juni 2024 (Commit ${h.second.short} vom 28.06.2024)`,
        "",
        "Baustein        Art       Titel                           Änderung        vorher                     jetzt",
        "──────────────  ────────  ──────────────────────────────  ──────────────  ─────────────────────────  ─────────────────────────",
        "1 Klimaportal   Risiko    Kosten für den Betrieb          neu             –                          Kosten für den Betrieb",
        "2 Schulen       Risiko    Material veraltet schnell       entfallen       Material veraltet schnell  –",
        "3 Verwaltung    Maßnahme  Rundmail an die Ämter           Veröffentlicht  07/2018                    07/2018 (Intranet)",
        "3 Verwaltung    Maßnahme  Schulung für Kartenprogramme    Status          noch nicht begonnen        in Arbeit",
        "3 Verwaltung    Maßnahme  Leitfaden Klima in der Planung  Datum (Plan)    für Q2/2027 geplant        für Q1/2027 geplant",
        "3 Verwaltung    Maßnahme  Vortrag in der Planungsrunde    entfallen       erledigt                   –",
        "3 Verwaltung    Chance    Schnellere Abstimmung           neu             –                          Schnellere Abstimmung",
        "4 Bürgerschaft  Maßnahme  Klimaspaziergang                Datum (Plan)    21.09.2024 (Marktplatz)    21.09.2024 (Rathausplatz)",
        "4 Bürgerschaft  Maßnahme  Sprechstunde im Stadtteilbüro   Status          in Arbeit                  erledigt",
        "4 Bürgerschaft  Maßnahme  Mitmachtag                      überfällig      –                          10/2024",
        "4 Bürgerschaft  Chance    Mehr Messpunkte                 entfallen       Mehr Messpunkte            –",
        "5 Hochschule    Maßnahme  Abschlussarbeiten               Veröffentlicht  noch nicht                 12/2024 (Hochschulseite)",
        "5 Hochschule    Maßnahme  Klimabericht 2028               Datum (Plan)    12/2028                    06/2029",
        "5 Hochschule    Maßnahme  Klimawerkstatt                  neu             –                          noch nicht begonnen",
        "6 Vereine       Baustein  Vereine                         neu             –                          Vereine",
        "6 Vereine       Maßnahme  Abend der Vereine               neu             –                          noch nicht begonnen",
        "Presse          Baustein  Presse                          entfallen       Presse                     –",
        "Presse          Maßnahme  Hitzewarnungen                  entfallen       in Arbeit                  –",
        "Presse          Maßnahme  Jahresrückblick                 entfallen       in Arbeit                  –",
        "",
        "Seit dem letzten Bericht erledigt: 1, neu: 2, entfallen: 3, Status geändert: 1, verschoben: 1, vorgezogen: 1, " +
          "Datum (Plan) geändert: 1, überfällig geworden: 1, veröffentlicht: 1, Veröffentlicht geändert: 1, " +
          "neuer Baustein: 1, entfallener Baustein: 1, neue Chance: 1, entfallene Chance: 1, neues Risiko: 1, " +
          "entfallenes Risiko: 1.",
        "",
      ].join("\n"),
    );
  });

  it("--json prints only a JSON array: id, title, change, before and after as canonical German labels", () => {
    const r = runCli(["status", "--seit", "--json"], h.repo.content);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const rows = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(r.stdout).toBe(`${JSON.stringify(rows, null, 2)}\n`);
    expect(rows.map((row) => [row.item, row.baustein, row.id, row.title, row.change, row.before, row.after])).toEqual([
      ["risiko", "Klimaportal", "portal", "Kosten für den Betrieb", "neu", null, "Kosten für den Betrieb"],
      ["risiko", "Schulen", "schulen", "Material veraltet schnell", "entfallen", "Material veraltet schnell", null],
      [
        "maßnahme",
        "Verwaltung",
        "rundmail",
        "Rundmail an die Ämter",
        "veröffentlicht",
        "07/2018",
        "07/2018 (Intranet)",
      ],
      [
        "maßnahme",
        "Verwaltung",
        "schulung-gis",
        "Schulung für Kartenprogramme",
        "status",
        "noch nicht begonnen",
        "in Arbeit",
      ],
      [
        "maßnahme",
        "Verwaltung",
        "leitfaden-planung",
        "Leitfaden Klima in der Planung",
        "datum",
        "für Q2/2027 geplant",
        "für Q1/2027 geplant",
      ],
      ["maßnahme", "Verwaltung", "planungsrunde", "Vortrag in der Planungsrunde", "entfallen", "erledigt", null],
      ["chance", "Verwaltung", "verwaltung", "Schnellere Abstimmung", "neu", null, "Schnellere Abstimmung"],
      [
        "maßnahme",
        "Bürgerschaft",
        "klimaspaziergang",
        "Klimaspaziergang",
        "datum",
        "21.09.2024 (Marktplatz)",
        "21.09.2024 (Rathausplatz)",
      ],
      [
        "maßnahme",
        "Bürgerschaft",
        "sprechstunde-klima",
        "Sprechstunde im Stadtteilbüro",
        "status",
        "in Arbeit",
        "erledigt",
      ],
      ["maßnahme", "Bürgerschaft", "mitmachtag", "Mitmachtag", "überfällig", null, "10/2024"],
      ["chance", "Bürgerschaft", "buerger", "Mehr Messpunkte", "entfallen", "Mehr Messpunkte", null],
      [
        "maßnahme",
        "Hochschule",
        "abschlussarbeiten",
        "Abschlussarbeiten",
        "veröffentlicht",
        "noch nicht",
        "12/2024 (Hochschulseite)",
      ],
      ["maßnahme", "Hochschule", "klimabericht", "Klimabericht 2028", "datum", "12/2028", "06/2029"],
      ["maßnahme", "Hochschule", "klimawerkstatt", "Klimawerkstatt", "neu", null, "noch nicht begonnen"],
      ["baustein", "Vereine", "vereine", "Vereine", "neu", null, "Vereine"],
      ["maßnahme", "Vereine", "vereinsabend", "Abend der Vereine", "neu", null, "noch nicht begonnen"],
      ["baustein", "Presse", "presse", "Presse", "entfallen", "Presse", null],
      ["maßnahme", "Presse", "hitzewarnung", "Hitzewarnungen", "entfallen", "in Arbeit", null],
      ["maßnahme", "Presse", "jahresrueckblick", "Jahresrückblick", "entfallen", "in Arbeit", null],
    ]);
    for (const row of rows)
      expect(Object.keys(row)).toEqual(["item", "baustein", "id", "title", "change", "before", "after"]);
  });

  it("a renamed Maßnahme keeps its id and shows its earlier title; an uncommitted edit counts", () => {
    const repo = new HistoryRepo("sechs-bausteine");
    repo.stand("06/2024");
    repo.commit("Juni", "2024-06-01");
    repo
      .stand("09/2024")
      .measure("bausteine/01-portal.yaml", "portal-karte", "title", "Interaktive Karte")
      .measure("bausteine/01-portal.yaml", "portal-karte", "planned", "Q2/2019");
    // Not committed: the current state all the same.
    const r = runCli(["status", "--seit"], repo.content);
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n").slice(3, 6)).toEqual([
      "Baustein       Art       Titel                                                Änderung      vorher   jetzt",
      "─────────────  ────────  ───────────────────────────────────────────────────  ────────────  ───────  ───────",
      "1 Klimaportal  Maßnahme  Interaktive Karte (früher: Karte der Messstationen)  Datum (Plan)  Q1/2019  Q2/2019",
    ]);
    const json = JSON.parse(runCli(["status", "--seit", "--json"], repo.content).stdout);
    expect(json).toEqual([
      {
        item: "maßnahme",
        baustein: "Klimaportal",
        id: "portal-karte",
        title: "Interaktive Karte",
        change: "datum",
        before: "Q1/2019",
        after: "Q2/2019",
      },
    ]);
  });

  it("a named Stand, with a space or with „=“: its last committed version", () => {
    const expected = `Vergleich mit dem Stand Juni 2024 (Commit ${h.second.short} vom ${german(h.second.date)})`;
    for (const argv of [
      ["status", "--seit", "06/2024"],
      ["status", "--seit=06/2024"],
    ]) {
      const r = runCli(argv, h.repo.content);
      expect(r.code).toBe(0);
      expect(r.stdout.split("\n")[1]).toBe(expected);
      expect(
        r.stdout.endsWith(
          "\n\nSeit dem Stand Juni 2024 erledigt: 1, neu: 2, entfallen: 3, Status geändert: 1, verschoben: 1, vorgezogen: 1, Datum (Plan) geändert: 1, überfällig geworden: 1, veröffentlicht: 1, Veröffentlicht geändert: 1, neuer Baustein: 1, entfallener Baustein: 1, neue Chance: 1, entfallene Chance: 1, neues Risiko: 1, entfallenes Risiko: 1.\n",
        ),
      ).toBe(true);
    }
  });

  it("a named revision: the content as it was in that commit", () => {
    const r = runCli(["status", "--seit", "bericht-juni", "--json"], h.repo.content);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as { id: string; change: string; before: string; after: string }[];
    // Only the first commit had „Hitzekarte“ not yet begun.
    expect(rows.filter((row) => row.id === "hitzekarte")).toEqual([
      expect.objectContaining({ change: "status", before: "noch nicht begonnen", after: "in Arbeit" }),
    ]);
    const table = runCli(["status", "--seit", "bericht-juni"], h.repo.content);
    expect(table.stdout.split("\n")[1]).toBe(
      `Vergleich mit der Revision „bericht-juni“: Stand Juni 2024 (Commit ${h.first.short} vom 10.06.2024)`,
    );
  });

  it("no changes: no table, the summary says so; --json prints []", () => {
    const r = runCli(["status", "--seit", "HEAD"], h.repo.content);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      `Klimadaten für alle · Stand: Januar 2025\nVergleich mit der Revision „HEAD“: Stand Januar 2025 (Commit ${h.outside.short} vom 21.01.2025)\n\nSeit dem Stand Januar 2025 keine Änderungen.\n`,
    );
    expect(runCli(["status", "--seit", "HEAD", "--json"], h.repo.content)).toEqual({
      code: 0,
      stdout: "[]\n",
      stderr: "",
    });
  });

  describe("without history: „Kein früherer Stand gefunden“ and the reason on stderr, [] with --json, exit 0", () => {
    it("a folder outside git", () => {
      const dir = join(tempFolder(), "inhalt");
      cpSync(join(FIXTURE_CONCEPTS, "kleinstadt"), dir, { recursive: true });
      const reason = `${NO_BASELINE}Der Inhaltsordner ${dir} liegt in keinem Git-Repository.\n`;
      expect(runCli(["status", "--seit"], dir)).toEqual({ code: 0, stdout: "", stderr: reason });
      expect(runCli(["status", "--seit", "--json"], dir)).toEqual({ code: 0, stdout: "[]\n", stderr: reason });
      expect(runCli(["status", "--seit", "06/2024", "--json"], dir)).toEqual({
        code: 0,
        stdout: "[]\n",
        stderr: reason,
      });
    });

    it("only one Stand so far", () => {
      const repo = new HistoryRepo("kleinstadt");
      repo.commit("erster Stand", "2024-03-15");
      expect(runCli(["status", "--seit", "--json"], repo.content)).toEqual({
        code: 0,
        stdout: "[]\n",
        stderr: `${NO_BASELINE}Bisher gibt es nur den Stand 15. März 2024: jeder Commit von ${repo.content} hat ihn.\n`,
      });
    });

    it("a shallow clone without the previous Stand", () => {
      const dir = join(tempFolder("history-clone-"), "klon");
      git(h.repo.root, ["clone", "--quiet", "--depth=1", `file://${h.repo.root}`, dir]);
      const content = join(dir, "content");
      expect(runCli(["status", "--seit"], content)).toEqual({
        code: 0,
        stdout: "",
        stderr: `${NO_BASELINE}Das Repository enthält nur einen Teil seiner Geschichte (flacher Klon), und darin hat jeder Commit von ${content} den Stand Januar 2025. „git fetch --unshallow“ holt die ganze Geschichte.\n`,
      });
    });

    it("a previous Stand whose content does not load any more", () => {
      const repo = new HistoryRepo("kleinstadt");
      repo.stand("12/2023").measure("bausteine/01-informieren.yaml", "rundbrief", "status", "in Arbeiit");
      const broken = repo.commit("Dezember", "2023-12-20");
      repo.stand("03/2024").measure("bausteine/01-informieren.yaml", "rundbrief", "status", "in Arbeit");
      repo.commit("März", "2024-03-01");
      const r = runCli(["status", "--seit", "--json"], repo.content);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe("[]\n");
      const line = readFileSync(join(repo.content, "bausteine/01-informieren.yaml"), "utf8")
        .split("\n")
        .findIndex((l) => l.includes("status: in Arbeit"));
      expect(r.stderr).toBe(
        `${NO_BASELINE}Der Stand Dezember 2023 (Commit ${broken.short} vom 20.12.2023) lässt sich nicht mehr laden: ` +
          `${broken.short}:content/bausteine/01-informieren.yaml:${line + 1}:13  measures[1].status  „in Arbeiit“ ist kein gültiger Status. ` +
          "Erlaubt sind „erledigt“, „in Arbeit“, „verzögert“, „noch nicht begonnen“, „<Jahr> stattgefunden“ oder „ohne Angabe“ (z. B. „2018 stattgefunden“). Meinten Sie „in Arbeit“?\n",
      );
    });
  });

  describe("exit 2 with the message and the usage on stderr", () => {
    it.each([
      [
        ["status", "--seit", "07/2024"],
        "Den Stand „07/2024“ gibt es in der Geschichte von {dir} nicht, auch keine Revision dieses Namens. Vorhanden sind: 01/2025, 06/2024.",
      ],
      [
        ["status", "--seit", "bericht-juli", "--json"],
        "„bericht-juli“ ist weder ein Stand (wie „11/2018“ oder „30.11.2018“) noch eine Revision, die Git kennt. Stände in der Geschichte von {dir}: 01/2025, 06/2024.",
      ],
      [["status", "--seit="], "Nach „--seit=“ fehlt ein Stand oder eine Revision, z. B. --seit=06/2018."],
      [
        ["status", "--seit", "06/2024", "--as-of", "2025-01-01"],
        "--seit und --as-of gehen nicht zusammen: mit --seit gilt „überfällig“ zum jeweiligen Stand.",
      ],
      [["status", "--seit", "06/2024", "--csv"], "Unbekannte Angabe „--csv“."],
    ])("%j", (argv, message) => {
      const r = runCli(argv, h.repo.content);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr.startsWith(`${message.replace("{dir}", h.repo.content)}\n\nAufruf:\n  pnpm check `)).toBe(true);
      expect(r.stderr).toContain("pnpm status --seit [STAND|REVISION] [--json]");
    });
  });

  it("content errors in the current state: exit 1, nothing on stdout", () => {
    const repo = new HistoryRepo("kleinstadt");
    repo.commit("März", "2024-03-15");
    writeFileSync(join(repo.content, "bausteine", "02-kaputt.yaml"), "id: kaputt\n");
    const r = runCli(["status", "--seit", "--json"], repo.content);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(`${repo.content}/bausteine/02-kaputt.yaml:1:1  title  Pflichtfeld „title“ fehlt.`);
  });

  it("as a real process: pnpm status --seit --json prints only the JSON", () => {
    const r = spawnSync("pnpm", ["status", "--seit", "--json"], {
      cwd: REPO_ROOT,
      env: { ...process.env, CONTENT_DIR: h.repo.content },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(r.error).toBeUndefined();
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("");
    const rows = JSON.parse(r.stdout) as unknown[];
    expect(r.stdout.trimEnd()).toBe(JSON.stringify(rows, null, 2));
    expect(rows).toHaveLength(19);
  }, 60_000);
});
