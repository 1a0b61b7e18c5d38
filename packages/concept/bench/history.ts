/**
 * History benchmark: a repository of 500 commits and 20 Stände of the fixture concept „sechs-bausteine“, built in a
 * temporary folder with `git fast-import`, then read as `pnpm status --seit` and the Verlauf read it.
 *
 *   npx tsx packages/concept/bench/history.ts
 *
 * Figures are medians of warm runs in one process (after warm-up runs). Target: reading the history, the baseline
 * and every Stand of the Verlauf together under 1 s. `benchHistory()` returns the figures for `pnpm bench`.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { computeChanges } from "../src/changes.js";
import { historyDigest } from "../src/node/build-cache.js";
import { readHistory, readHistoryStates, resolveBaseline } from "../src/node/history.js";
import { isEntry } from "../src/node/is-entry.js";
import { loadConceptSync } from "../src/node/load-concept.js";
import { readProgress } from "../src/node/progress.js";
import { verlaufOf } from "../src/verlauf.js";

export interface HistoryFigure {
  /** What was measured, in German. */
  label: string;
  medianMs: number;
  runs: number;
}

export interface HistoryBench {
  commits: number;
  stands: number;
  figures: HistoryFigure[];
  /** The figure the target applies to: history, baseline and Verlauf together. */
  totalMs: number;
}

export interface HistoryBenchOptions {
  commits?: number;
  stands?: number;
  runs?: number;
  warmup?: number;
}

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const FIXTURE = join(REPO_ROOT, "fixtures", "concepts", "sechs-bausteine");
const STATUSES = ["in Arbeit", "erledigt", "noch nicht begonnen", "2024 stattgefunden"];

function git(cwd: string, args: string[], input?: string): string {
  const r = spawnSync("git", args, {
    cwd,
    input,
    encoding: "utf8",
    env: { ...process.env, GIT_CONFIG_GLOBAL: "/dev/null", GIT_CONFIG_NOSYSTEM: "1" },
    maxBuffer: 256 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`git ${args.join(" ")}: ${r.stderr}`);
  return r.stdout;
}

/**
 * The repository: the fixture in `content/`; commit i sets Datum (Plan) and status of one Maßnahme (going round the
 * files and their first two Maßnahmen) and the Stand number ⌊i · stands / commits⌋, a month from 01/2020 on. Every
 * tenth commit also changes a file outside the content folder.
 */
export function buildHistoryRepo(dir: string, commits: number, stands: number): void {
  git(dir, ["init", "--quiet", "--initial-branch=main"]);
  const files = new Map<string, string>([
    ["content/concept.yaml", readFileSync(join(FIXTURE, "concept.yaml"), "utf8")],
  ]);
  for (const folder of ["bausteine", "decks", "flyers"])
    for (const f of readdirSync(join(FIXTURE, folder)))
      files.set(`content/${folder}/${f}`, readFileSync(join(FIXTURE, folder, f), "utf8"));
  const bausteine = [...files.keys()].filter((p) => p.startsWith("content/bausteine/"));
  const data = (text: string) => `data ${Buffer.byteLength(text)}\n${text}\n`;
  const stream: string[] = [];
  const start = Date.UTC(2020, 0, 1) / 1000;
  for (let i = 0; i < commits; i++) {
    const changed = new Map<string, string>(i === 0 ? files : []);
    const s = Math.floor((i * stands) / commits);
    const stand = `${String((s % 12) + 1).padStart(2, "0")}/${2020 + Math.floor(s / 12)}`;
    const concept = (files.get("content/concept.yaml") as string).replace(/^stand: .*$/m, `stand: ${stand}`);
    if (concept !== files.get("content/concept.yaml") || i === 0) {
      files.set("content/concept.yaml", concept);
      changed.set("content/concept.yaml", concept);
    }
    const path = bausteine[i % bausteine.length] as string;
    const text = files.get(path) as string;
    // A Datum (Plan) never written before, so that every commit changes the content; and a status.
    const target = Math.floor(i / bausteine.length);
    const planned = `${String((i % 12) + 1).padStart(2, "0")}/${2030 + Math.floor(i / 12)}`;
    const measures = text.split("\n").filter((line) => /^ {4}planned: /.test(line)).length;
    const which = target % Math.min(2, measures);
    let [p, q] = [0, 0];
    const lines = text.split("\n").map((line) => {
      if (/^ {4}planned: /.test(line)) return p++ === which ? `    planned: ${planned}` : line;
      if (/^ {4}status: /.test(line)) return q++ === which ? `    status: ${STATUSES[i % STATUSES.length]}` : line;
      return line;
    });
    files.set(path, lines.join("\n"));
    changed.set(path, lines.join("\n"));
    if (i % 10 === 9) changed.set("NOTIZEN.md", `Notiz ${i}\n`);
    const when = start + i * 86_400;
    stream.push(
      "commit refs/heads/main\n",
      `mark :${i + 1}\n`,
      `committer Redaktion <redaktion@example.invalid> ${when} +0100\n`,
      data(`Schritt ${i + 1}, Stand ${stand}`),
      i > 0 ? `from :${i}\n` : "",
      ...[...changed].map(([p, t]) => `M 100644 inline ${p}\n${data(t)}`),
      "\n",
    );
  }
  git(dir, ["fast-import", "--quiet"], stream.join(""));
  git(dir, ["reset", "--quiet", "--hard", "main"]);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export function benchHistory(options: HistoryBenchOptions = {}): HistoryBench {
  const { commits = 500, stands = 20, runs = 11, warmup = 3 } = options;
  const tmp = mkdtempSync(join(tmpdir(), "concept-bench-history-"));
  try {
    buildHistoryRepo(tmp, commits, stands);
    const content = join(tmp, "content");
    const current = loadConceptSync(content);
    const times = {
      history: [] as number[],
      baseline: [] as number[],
      states: [] as number[],
      total: [] as number[],
      progress: [] as number[],
      digest: [] as number[],
    };
    for (let i = 0; i < warmup + runs; i++) {
      const t0 = performance.now();
      const history = readHistory(content);
      const t1 = performance.now();
      const baseline = resolveBaseline(content, undefined, { current, history });
      const t2 = performance.now();
      const states = readHistoryStates(content, current, { history });
      const t3 = performance.now();
      if (!history.found || !baseline.found) throw new Error("Die Geschichte der Messung fehlt.");
      computeChanges(baseline.concept, current);
      verlaufOf(states.states);
      const t4 = performance.now();
      if (history.history.commits.length !== commits || states.states.length !== stands)
        throw new Error(`${history.history.commits.length} Commits, ${states.states.length} Stände gelesen`);
      // What the builds do: readProgress (baseline and Verlauf in one), and the root build's HISTORY_HASH.
      const t5 = performance.now();
      readProgress(content, current);
      const t6 = performance.now();
      historyDigest(content, {});
      const t7 = performance.now();
      if (i < warmup) continue;
      times.progress.push(t6 - t5);
      times.digest.push(t7 - t6);
      times.history.push(t1 - t0);
      times.baseline.push(t2 - t1);
      times.states.push(t3 - t2);
      times.total.push(t4 - t0);
    }
    const figures: HistoryFigure[] = [
      { label: "Commits und Stände lesen (git log, git cat-file)", medianMs: median(times.history), runs },
      { label: "Vergleichsstand: vorigen Stand finden und laden", medianMs: median(times.baseline), runs },
      { label: `Verlauf: ${stands - 1} frühere Stände laden`, medianMs: median(times.states), runs },
      { label: "für die Builds: readProgress (Vergleichsstand und Verlauf)", medianMs: median(times.progress), runs },
      { label: "Schlüssel des Builds: historyDigest (HISTORY_HASH)", medianMs: median(times.digest), runs },
      // Last: the figure the target is for.
      { label: "zusammen, mit Änderungen und Verlauf berechnet", medianMs: median(times.total), runs },
    ];
    return { commits, stands, figures, totalMs: median(times.total) };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (isEntry(import.meta.url)) {
  const r = benchHistory();
  const rows = r.figures.map((f) => `  ${f.label.padEnd(52)} ${f.medianMs.toFixed(1).padStart(7)} ms`);
  process.stdout.write(
    [
      `Geschichte der Inhalte: ${r.commits} Commits, ${r.stands} Stände; Median von ${r.figures[0]?.runs} warmen Läufen:`,
      ...rows,
      `Ziel zusammen unter 1 s: ${r.totalMs < 1000 ? "erreicht" : "VERFEHLT"}.`,
      "",
    ].join("\n"),
  );
}
