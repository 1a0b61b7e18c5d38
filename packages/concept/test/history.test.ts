import { spawnSync } from "node:child_process";
import { chmodSync, cpSync, mkdirSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { computeChanges, summariseStatus, verlaufOf, verlaufTable } from "../src/index.js";
import {
  type Baseline,
  ContentError,
  type ContentHistory,
  formatProblem,
  loadConceptAt,
  loadConceptSync,
  loadConceptsAt,
  type NoBaseline,
  readHistory,
  readHistoryStates,
  resolveBaseline,
} from "../src/node.js";
import { FIXTURE_CONCEPTS } from "./helpers.js";
import { german, git, HistoryRepo, klimaHistory, removeTemps, tempFolder } from "./history-repo.js";

afterAll(removeTemps);
// Every test builds a repository with tens of git processes: on a busy machine that takes longer than vitest's 5 s.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const month = (year: number, m: number) => ({ unit: "month", year, month: m });

function historyOf(dir: string): ContentHistory {
  const r = readHistory(dir);
  if (!r.found) throw new Error(r.reason);
  return r.history;
}

function found(b: Baseline | NoBaseline): Baseline {
  if (!b.found) throw new Error(`kein Vergleichsstand: ${b.reason}`);
  return b;
}

function notFound(b: Baseline | NoBaseline): NoBaseline {
  if (b.found) throw new Error(`unerwartet gefunden: ${b.commit.oid}`);
  return b;
}

/** A working tree of `oid` in a new folder: what loading at that commit must give. */
function checkout(repo: HistoryRepo, oid: string): string {
  const dir = join(tempFolder("history-checkout-"), "wt");
  git(repo.root, ["worktree", "add", "--quiet", "--detach", dir, oid]);
  return dir;
}

function problemsAt(history: ContentHistory, commit: ContentHistory["commits"][number]): string[] {
  try {
    loadConceptAt(history, commit);
  } catch (e) {
    if (e instanceof ContentError) return e.problems.map(formatProblem);
    throw e;
  }
  return [];
}

/** The repository's top folder as git names it (the temporary folder may lie behind a symbolic link). */
const top = (repo: HistoryRepo) => realpathSync(repo.root);

describe("readHistory", () => {
  it("lists the commits that touched the content folder, newest first, each with its Stand", () => {
    const h = klimaHistory();
    const history = historyOf(h.repo.content);
    expect(history.repository).toBe(top(h.repo));
    expect(history.prefix).toBe("content/");
    expect(history.shallow).toBe(false);
    // The commit that touched only README.md is not one of them.
    expect(history.commits).toEqual([
      { ...h.third, stand: month(2025, 1) },
      { ...h.second, stand: month(2024, 6) },
      { ...h.first, stand: month(2024, 6) },
    ]);
  });

  it("finds the repository of a content folder in a sub-folder of it", () => {
    const repo = new HistoryRepo("kleinstadt", "docs/konzept");
    repo.stand("12/2023");
    const a = repo.commit("Dezember", "2023-12-15");
    repo.stand("15.03.2024").measure("bausteine/01-informieren.yaml", "handbuch", "status", "erledigt");
    const b = repo.commit("März", "2024-03-15");
    const history = historyOf(repo.content);
    expect(history.prefix).toBe("docs/konzept/");
    expect(history.commits.map((c) => [c.oid, c.stand])).toEqual([
      [b.oid, { unit: "day", year: 2024, month: 3, day: 15 }],
      [a.oid, month(2023, 12)],
    ]);
    const baseline = found(resolveBaseline(repo.content));
    expect(baseline.commit.oid).toBe(a.oid);
    expect(
      computeChanges(baseline.concept, loadConceptSync(repo.content)).changes.map((c) => [c.id, c.change]),
    ).toEqual([["handbuch", "status"]]);
  });

  it("a folder outside any repository: no history, and the reason", () => {
    const dir = join(tempFolder(), "inhalt");
    cpSync(join(FIXTURE_CONCEPTS, "kleinstadt"), dir, { recursive: true });
    expect(readHistory(dir, { displayDir: "inhalt" })).toEqual({
      found: false,
      kind: "no-repository",
      reason: "Der Inhaltsordner inhalt liegt in keinem Git-Repository.",
    });
  });

  it("a repository without a commit of the content folder: no history, and the reason", () => {
    const repo = new HistoryRepo("kleinstadt");
    expect(readHistory(repo.content, { displayDir: "content" })).toEqual({
      found: false,
      kind: "not-committed",
      reason: `Der Inhaltsordner content ist im Git-Repository ${top(repo)} noch in keinem Commit enthalten.`,
    });
    writeFileSync(join(repo.root, "README.md"), "anderes\n");
    git(repo.root, ["add", "README.md"]);
    git(repo.root, ["commit", "--quiet", "-m", "nur README"]);
    expect(readHistory(repo.content)).toMatchObject({ found: false, kind: "not-committed" });
  });

  describe("with GIT_DIR and GIT_WORK_TREE set to another repository (as inside a git hook)", () => {
    const saved = { dir: process.env.GIT_DIR, tree: process.env.GIT_WORK_TREE };
    afterEach(() => {
      for (const [k, v] of [
        ["GIT_DIR", saved.dir],
        ["GIT_WORK_TREE", saved.tree],
      ] as const)
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
    });

    it("still reads the repository that holds the content folder", () => {
      const h = klimaHistory();
      const other = new HistoryRepo("kleinstadt");
      other.commit("anderes Repository", "2020-01-01");
      process.env.GIT_DIR = join(other.root, ".git");
      process.env.GIT_WORK_TREE = other.root;
      expect(historyOf(h.repo.content).commits.map((c) => c.oid)).toEqual([h.third.oid, h.second.oid, h.first.oid]);
    });
  });

  describe("git processes", () => {
    const saved = process.env.PATH;
    afterEach(() => {
      process.env.PATH = saved;
    });

    /** Puts a `git` on PATH that records each call and then runs the real git. */
    function countGit(): () => string[] {
      const real = spawnSync("sh", ["-c", "command -v git"], { encoding: "utf8" }).stdout.trim();
      const bin = tempFolder("git-shim-");
      const log = join(bin, "calls.log");
      writeFileSync(log, "");
      writeFileSync(join(bin, "git"), `#!/bin/sh\nprintf '%s\\n' "$*" >> '${log}'\nexec '${real}' "$@"\n`);
      chmodSync(join(bin, "git"), 0o755);
      process.env.PATH = `${bin}:${saved}`;
      return () => readFileSync(log, "utf8").split("\n").filter(Boolean);
    }

    it("reading the history takes four, and loading any number of commits three more, however long the history", () => {
      const repo = new HistoryRepo("kleinstadt");
      const file = "bausteine/01-informieren.yaml";
      const stati = ["in Arbeit", "erledigt", "noch nicht begonnen"];
      for (let i = 0; i < 30; i++) {
        repo.stand(`${String((i % 12) + 1).padStart(2, "0")}/${2020 + Math.floor(i / 12)}`);
        repo.measure(file, "handbuch", "status", stati[i % 3] as string);
        repo.commit(`Schritt ${i}`, `2020-01-${String(i + 1).padStart(2, "0")}`);
      }
      const calls = countGit();
      const history = historyOf(repo.content);
      expect(history.commits).toHaveLength(30);
      expect(calls().map((c) => c.split(" ").find((w) => !w.startsWith("-") && !w.includes("=")))).toEqual([
        "rev-parse",
        "log",
        "cat-file",
        "cat-file",
      ]);
      const loaded = loadConceptsAt(history, history.commits);
      expect(calls()).toHaveLength(4 + 3);
      expect([...loaded.values()].every((c) => !(c instanceof ContentError))).toBe(true);
    });
  });
});

describe("loading the concept at a commit", () => {
  it("gives exactly what loading a checkout of that commit gives", () => {
    const h = klimaHistory();
    const history = historyOf(h.repo.content);
    for (const commit of history.commits) {
      const fromCheckout = loadConceptSync(join(checkout(h.repo, commit.oid), "content"));
      expect(loadConceptAt(history, commit)).toEqual(fromCheckout);
    }
  });

  it("names `<commit>:<path>` of a file that does not load there", () => {
    const repo = new HistoryRepo("kleinstadt");
    repo.measure("bausteine/01-informieren.yaml", "rundbrief", "status", "in Arbeiit");
    const broken = repo.commit("Tippfehler", "2024-01-10");
    const history = historyOf(repo.content);
    let error: unknown;
    try {
      loadConceptAt(history, history.commits[0]!);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ContentError);
    const line = readFileSync(join(repo.content, "bausteine/01-informieren.yaml"), "utf8")
      .split("\n")
      .findIndex((l) => l.includes("in Arbeiit"));
    expect((error as ContentError).problems.map(formatProblem)).toEqual([
      `${broken.short}:content/bausteine/01-informieren.yaml:${line + 1}:13  measures[1].status  „in Arbeiit“ ist kein gültiger Status. Erlaubt sind „erledigt“, „in Arbeit“, „verzögert“, „noch nicht begonnen“, „<Jahr> stattgefunden“ oder „ohne Angabe“ (z. B. „2018 stattgefunden“). Meinten Sie „in Arbeit“?`,
    ]);
  });
});

describe("loading the concept at a commit: what git keeps differently from a working tree", () => {
  it("a symbolic link is named as a file that cannot be read, not left out", () => {
    const repo = new HistoryRepo("kleinstadt");
    symlinkSync("01-informieren.yaml", join(repo.content, "bausteine", "02-verweis.yaml"));
    const made = repo.commit("Verweis", "2024-03-15");
    const history = historyOf(repo.content);
    expect(problemsAt(history, history.commits[0]!)).toEqual([
      `${made.short}:content/bausteine/02-verweis.yaml:1:1  (Datei)  Die Datei fehlt oder kann nicht gelesen werden.`,
    ]);
  });
});

describe("resolveBaseline", () => {
  it("by default: the last committed version of the previous Stand", () => {
    const h = klimaHistory();
    const b = found(resolveBaseline(h.repo.content));
    expect(b.chosen).toEqual({ by: "previous" });
    expect(b.commit.oid).toBe(h.second.oid);
    expect(b.stand).toEqual(month(2024, 6));
    expect(b.concept).toEqual(loadConceptSync(join(checkout(h.repo, h.second.oid), "content")));
  });

  it("uncommitted edits are the current state: also a Stand set but not yet committed", () => {
    const repo = new HistoryRepo("kleinstadt");
    const only = repo.commit("Stand März", "2024-03-15");
    expect(notFound(resolveBaseline(repo.content, undefined, { displayDir: "content" }))).toEqual({
      found: false,
      kind: "no-earlier-stand",
      reason: "Bisher gibt es nur den Stand 15. März 2024: jeder Commit von content hat ihn.",
    });
    repo.stand("06/2024").measure("bausteine/01-informieren.yaml", "handbuch", "status", "erledigt");
    const b = found(resolveBaseline(repo.content));
    expect(b.commit.oid).toBe(only.oid);
    const changes = computeChanges(b.concept, loadConceptSync(repo.content)).changes;
    expect(changes.map((c) => [c.id, c.change, c.before, c.after])).toEqual([
      ["handbuch", "status", "in Arbeit", "erledigt"],
    ]);
  });

  it("a named Stand: its last committed version; a month also finds a Stand given as a day of it", () => {
    const h = klimaHistory();
    expect(found(resolveBaseline(h.repo.content, "06/2024"))).toMatchObject({
      chosen: { by: "stand", spec: "06/2024" },
      commit: { oid: h.second.oid },
    });
    // The current Stand itself: its last commit.
    expect(found(resolveBaseline(h.repo.content, "01/2025")).commit.oid).toBe(h.third.oid);
    const repo = new HistoryRepo("kleinstadt");
    repo.stand("30.06.2024");
    const day = repo.commit("Stand 30. Juni", "2024-06-30");
    repo.stand("12/2024");
    repo.commit("Stand Dezember", "2024-12-20");
    expect(found(resolveBaseline(repo.content, "06/2024")).commit.oid).toBe(day.oid);
    expect(found(resolveBaseline(repo.content, "30.06.2024")).commit.oid).toBe(day.oid);
  });

  it("a named revision: anything git rev-parse takes, also a commit that did not touch the content folder", () => {
    const h = klimaHistory();
    git(h.repo.root, ["tag", "bericht-juni", h.first.oid]);
    for (const spec of ["bericht-juni", h.first.oid, h.first.short, "HEAD~3"])
      expect(found(resolveBaseline(h.repo.content, spec))).toMatchObject({
        chosen: { by: "revision", spec },
        commit: h.first,
        stand: month(2024, 6),
      });
    const outside = found(resolveBaseline(h.repo.content, "HEAD"));
    expect(outside.commit).toEqual(h.outside);
    expect(outside.stand).toEqual(month(2025, 1));
  });

  it("an unknown Stand or revision: kind „unknown“, naming the Stände there are", () => {
    const h = klimaHistory();
    const opts = { displayDir: "content" };
    expect(notFound(resolveBaseline(h.repo.content, "07/2024", opts))).toEqual({
      found: false,
      kind: "unknown",
      reason:
        "Den Stand „07/2024“ gibt es in der Geschichte von content nicht, auch keine Revision dieses Namens. Vorhanden sind: 01/2025, 06/2024.",
    });
    expect(notFound(resolveBaseline(h.repo.content, "bericht-juli", opts))).toEqual({
      found: false,
      kind: "unknown",
      reason:
        "„bericht-juli“ ist weder ein Stand (wie „11/2018“ oder „30.11.2018“) noch eine Revision, die Git kennt. Stände in der Geschichte von content: 01/2025, 06/2024.",
    });
    // Not taken as an option of git.
    expect(notFound(resolveBaseline(h.repo.content, "--all", opts)).kind).toBe("unknown");
  });

  it("a folder outside git: no baseline, whatever is named", () => {
    const dir = join(tempFolder(), "inhalt");
    cpSync(join(FIXTURE_CONCEPTS, "kleinstadt"), dir, { recursive: true });
    for (const spec of [undefined, "06/2024", "HEAD"])
      expect(notFound(resolveBaseline(dir, spec, { displayDir: "inhalt" }))).toEqual({
        found: false,
        kind: "no-repository",
        reason: "Der Inhaltsordner inhalt liegt in keinem Git-Repository.",
      });
  });

  it("a shallow clone without the previous Stand: kind „shallow“; with it, the baseline", () => {
    const h = klimaHistory();
    const clone = (depth: number) => {
      const dir = join(tempFolder("history-clone-"), "klon");
      git(h.repo.root, ["clone", "--quiet", `--depth=${depth}`, `file://${h.repo.root}`, dir]);
      return join(dir, "content");
    };
    const one = clone(1);
    expect(notFound(resolveBaseline(one, undefined, { displayDir: "content" }))).toEqual({
      found: false,
      kind: "shallow",
      reason:
        "Das Repository enthält nur einen Teil seiner Geschichte (flacher Klon), und darin hat jeder Commit von content den Stand Januar 2025. „git fetch --unshallow“ holt die ganze Geschichte.",
    });
    expect(notFound(resolveBaseline(one, "06/2024", { displayDir: "content" }))).toEqual({
      found: false,
      kind: "shallow",
      reason:
        "Das Repository enthält nur einen Teil seiner Geschichte (flacher Klon), und darin hat kein Commit von content den Stand 06/2024. „git fetch --unshallow“ holt die ganze Geschichte.",
    });
    // outside, third, second: the previous Stand is there.
    const three = found(resolveBaseline(clone(3)));
    expect(three.history.shallow).toBe(true);
    expect(three.commit.oid).toBe(h.second.oid);
  });

  it("a baseline whose content does not load any more: kind „unloadable“, naming the file and the problem", () => {
    const repo = new HistoryRepo("kleinstadt");
    const file = "bausteine/01-informieren.yaml";
    repo.stand("12/2023");
    repo.commit("Dezember", "2023-12-01");
    repo.measure(file, "rundbrief", "status", "in Arbeiit").measure(file, "handbuch", "planned", "13/2025");
    const broken = repo.commit("Dezember, mit Fehlern", "2023-12-20");
    repo
      .stand("03/2024")
      .measure(file, "rundbrief", "status", "in Arbeit")
      .measure(file, "handbuch", "planned", "2025");
    repo.commit("März", "2024-03-01");
    const b = notFound(resolveBaseline(repo.content, undefined, { displayDir: "content" }));
    expect(b.kind).toBe("unloadable");
    expect(b.problems?.map((p) => [p.file, p.field])).toEqual([
      [`${broken.short}:content/${file}`, "measures[1].status"],
      [`${broken.short}:content/${file}`, "measures[5].planned"],
    ]);
    expect(b.reason).toBe(
      `Der Stand Dezember 2023 (Commit ${broken.short} vom 20.12.2023) lässt sich nicht mehr laden: ${formatProblem(b.problems![0]!)} (und 1 weiterer Fehler)`,
    );
  });

  it("a revision without the content folder: kind „unloadable“", () => {
    const repo = new HistoryRepo("kleinstadt", "inhalt");
    writeFileSync(join(repo.root, "README.md"), "vorher\n");
    git(repo.root, ["add", "README.md"]);
    git(repo.root, ["commit", "--quiet", "-m", "vorher"], "2023-01-05T12:00:00+01:00");
    const before = git(repo.root, ["log", "-1", "--format=%h"]);
    repo.commit("Inhalte", "2023-02-01");
    const b = notFound(resolveBaseline(repo.content, "HEAD~1", { displayDir: "inhalt" }));
    expect(b.kind).toBe("unloadable");
    expect(b.reason).toBe(
      `Die Revision „HEAD~1“ (Commit ${before} vom 05.01.2023) lässt sich nicht mehr laden: ${before}:inhalt:1:1  (Ordner)  Den Inhaltsordner inhalt gibt es in diesem Commit nicht.`,
    );
  });
});

describe("readHistoryStates: the data of the Verlauf", () => {
  it("every Stand's last committed version, oldest first, and the current state for the current Stand", () => {
    const h = klimaHistory();
    h.repo.stand("04/2025").measure(h.files.hochschule, "klimawerkstatt", "status", "in Arbeit");
    const april = h.repo.commit("Stand April 2025", "2025-04-10");
    // Uncommitted: one more Maßnahme done.
    h.repo.measure(h.files.verwaltung, "hitzekarte", "status", "erledigt");
    const current = loadConceptSync(h.repo.content);
    const r = readHistoryStates(h.repo.content, current);
    expect(r.skipped).toEqual([]);
    expect(r.shallow).toBe(false);
    expect(r.states.map((s) => [s.stand, s.commit?.oid])).toEqual([
      [month(2024, 6), h.second.oid],
      [month(2025, 1), h.third.oid],
      [month(2025, 4), undefined],
    ]);
    expect(r.states[2]?.concept).toBe(current);
    expect(april.oid).not.toBe(undefined);
    const table = verlaufTable(verlaufOf(r.states));
    expect(table).toEqual({
      head: ["Stand", "noch nicht begonnen", "in Arbeit", "stattgefunden", "erledigt", "Gesamt"],
      rows: [
        ["06/2024", "5", "6", "2", "4", "17"],
        ["01/2025", "6", "4", "2", "4", "16"],
        ["04/2025 (aktuell)", "5", "4", "2", "5", "16"],
      ],
    });
    // The same counts as the status summary of each state.
    for (const [i, s] of r.states.entries()) {
      const sums = summariseStatus(s.concept).reduce((n, b) => n + b.total, 0);
      expect(table.rows[i]?.at(-1)).toBe(String(sums));
    }
  });

  it("skips a Stand whose last version does not load, saying why; without git only the current state", () => {
    const repo = new HistoryRepo("kleinstadt");
    const file = "bausteine/01-informieren.yaml";
    repo.stand("12/2023").measure(file, "rundbrief", "status", "in Arbeiit");
    const broken = repo.commit("Dezember, mit Fehler", "2023-12-20");
    repo.stand("03/2024").measure(file, "rundbrief", "status", "in Arbeit");
    repo.commit("März", "2024-03-01");
    const current = loadConceptSync(repo.content);
    const r = readHistoryStates(repo.content, current, { displayDir: "content" });
    expect(r.states.map((s) => s.stand)).toEqual([month(2024, 3)]);
    expect(r.skipped.map((s) => [s.stand, s.commit.oid])).toEqual([[month(2023, 12), broken.oid]]);
    expect(r.skipped[0]?.reason).toMatch(
      new RegExp(
        `^Der Stand Dezember 2023 \\(Commit ${broken.short} vom ${german(broken.date).replace(/\./g, "\\.")}\\) lässt sich nicht mehr laden: ${broken.short}:content/bausteine/01-informieren\\.yaml:\\d+:13  measures\\[1\\]\\.status  „in Arbeiit“`,
      ),
    );

    const outside = join(tempFolder(), "inhalt");
    mkdirSync(outside);
    cpSync(join(FIXTURE_CONCEPTS, "kleinstadt"), outside, { recursive: true });
    const alone = readHistoryStates(outside, loadConceptSync(outside));
    expect(alone.states).toHaveLength(1);
    expect(alone.unavailable?.kind).toBe("no-repository");
  });
});
