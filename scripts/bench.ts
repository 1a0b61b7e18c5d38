/**
 * `pnpm bench`: medians over repeated runs, measured side by side in one run, printed as a table and written to
 * docs/benchmarks.md with the machine and the versions. Targets (issue: regenerate everything with one
 * command) are shown next to each figure; the benchmark checks them, the tests do not.
 *
 *   pnpm bench                 everything (about 15 minutes on 2 cores)
 *   pnpm bench --quick         fewer repetitions
 *   pnpm bench --only export   one section (load, check, history, deck, export, flyer, build, preview; several with commas)
 */
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { cpus, tmpdir, totalmem } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Browser } from "playwright-core";
import { parseDocument } from "yaml";
import type { FlyerFigures } from "../apps/flyer/bench/render.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const quick = process.argv.includes("--quick");
const bin = (name: string, dir = root) => join(dir, "node_modules", ".bin", name);
const deckDir = join(root, "apps", "deck");
const rows: { group: string; what: string; value: string; target?: string; ok?: boolean }[] = [];
const notes: string[] = [];

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const de = (n: number, digits = 1) =>
  n.toLocaleString("de-DE", { maximumFractionDigits: digits, minimumFractionDigits: digits });
const sec = (ms: number) => `${de(ms / 1000, 2)} s`;
const log = (s: string) => process.stderr.write(`${s}\n`);

function add(group: string, what: string, value: string, target?: string, ok?: boolean) {
  rows.push({ group, what, value, ...(target ? { target } : {}), ...(ok === undefined ? {} : { ok }) });
  log(`  ${what}: ${value}${target ? ` (Ziel ${target}: ${ok ? "erreicht" : "verfehlt"})` : ""}`);
}

/** Runs a command; returns wall time and the peak resident memory of the whole process tree (GNU time, KB). */
function timed(cmd: string, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  const t = performance.now();
  const r = spawnSync("/usr/bin/time", ["-f", "%M", cmd, ...args], {
    cwd: opts.cwd ?? root,
    env: { ...process.env, ...opts.env },
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} ist fehlgeschlagen:\n${r.stdout}\n${r.stderr}`);
  const lines = r.stderr.trim().split("\n");
  return { ms, peakKb: Number(lines[lines.length - 1]), stdout: r.stdout };
}

// ---------------------------------------------------------------------------------------------------------------
async function benchLoadSection() {
  log("Laden und Prüfen …");
  const { benchLoad } = await import("../packages/concept/bench/load.js");
  for (const f of benchLoad(quick ? { sizes: [100, 1000] } : {})) {
    const target = f.label === "content" ? "< 50 ms" : f.measures === 1000 ? "< 1 s" : undefined;
    const ok = f.label === "content" ? f.medianMs < 50 : f.measures === 1000 ? f.medianMs < 1000 : undefined;
    add(
      "Laden und Prüfen",
      `${f.label} (${f.measures} Maßnahmen${f.files ? `, ${f.files} Dateien` : ""})`,
      `${de(f.medianMs)} ms · ${de(f.perMeasureUs, 0)} µs je Maßnahme`,
      target,
      ok,
    );
  }
}

// ---------------------------------------------------------------------------------------------------------------
/**
 * `pnpm check` as a maintainer runs it on content/ (pnpm, node, the check of the content beside the flyers'
 * layout): once with no current build of the flyers (every flyer laid out, as after an edit that each shows), once
 * right after a build (no flyer to lay out).
 */
async function benchCheck() {
  log("pnpm check …");
  const runs = quick ? 3 : 5;
  const pnpm = process.env.npm_execpath?.endsWith("pnpm.cjs") ? process.execPath : "pnpm";
  const pnpmArgs = pnpm === "pnpm" ? ["check"] : [process.env.npm_execpath ?? "", "check"];
  const time = (out: string) => {
    timed(pnpm, pnpmArgs, { env: { FLYER_OUT_DIR: out } }); // warm-up: compiled CLI, built packages
    return median(Array.from({ length: runs }, () => timed(pnpm, pnpmArgs, { env: { FLYER_OUT_DIR: out } }).ms));
  };
  const empty = mkdtempSync(join(tmpdir(), "bench-check-"));
  const built = mkdtempSync(join(tmpdir(), "bench-check-built-"));
  try {
    const cold = time(empty);
    add(
      "pnpm check",
      `content/, jeder Flyer gesetzt (kein aktueller Build), Median aus ${runs}`,
      sec(cold),
      "< 3 s",
      cold < 3000,
    );
    timed(process.execPath, [join(root, "apps", "flyer", "scripts", "flyer.mjs"), "build"], {
      cwd: join(root, "apps", "flyer"),
      env: { FLYER_OUT_DIR: built },
    });
    const warm = time(built);
    add(
      "pnpm check",
      `content/, Flyer seit dem letzten Build unverändert, Median aus ${runs}`,
      sec(warm),
      "< 3 s",
      warm < 3000,
    );
  } finally {
    rmSync(empty, { recursive: true, force: true });
    rmSync(built, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------------------------
async function benchHistorySection() {
  log("Geschichte der Inhalte (pnpm status --seit, Verlauf) …");
  const { benchHistory } = await import("../packages/concept/bench/history.js");
  const r = benchHistory(quick ? { runs: 5, warmup: 1 } : {});
  const group = `Geschichte der Inhalte (${r.commits} Commits, ${r.stands} Stände, Median von ${r.figures[0]?.runs} Läufen)`;
  // The target is for the last figure: everything together.
  for (const f of r.figures) {
    const total = f === r.figures.at(-1);
    add(group, f.label, `${de(f.medianMs)} ms`, total ? "< 1 s" : undefined, total ? f.medianMs < 1000 : undefined);
  }
}

// ---------------------------------------------------------------------------------------------------------------
/** The same slides written out by hand as static Markdown: what a plain Slidev deck of this content would be. */
async function writeStaticDeck(dir: string) {
  const { deckDataFor, loadConceptForDeck } = await import("../apps/deck/src/load-deck.js");
  const concept = loadConceptForDeck();
  // The variant with the most slides.
  const data = concept.decks
    .map((v) => deckDataFor(concept, v.id))
    .reduce((a, b) => (b.slides.length > a.slides.length ? b : a));
  const esc = (s: string) => s.replace(/[<>{}]/g, (x) => `&#${x.charCodeAt(0)};`).replace(/\u00AD/g, "");
  const rich = (parts: { text: string }[]) => esc(parts.map((p) => p.text).join(""));
  const out: string[] = [
    "---",
    "theme: none",
    `title: ${JSON.stringify(data.title)}`,
    "htmlAttrs:\n  lang: de",
    "fonts:\n  sans: Source Sans 3\n  provider: none",
    "favicon: ./favicon.svg",
    "routerMode: hash",
    "canvasWidth: 1280",
    "download: false",
    "drawings:\n  enabled: false",
    "---",
    "",
  ];
  data.slides.forEach((s, i) => {
    if (i > 0) out.push("---", "");
    out.push(`# ${esc(s.title)}`, "");
    if (s.kind === "intro")
      for (const p of s.parts) {
        if (p.kind === "text") out.push(...p.paragraphs.map(rich));
        if (p.kind === "points") out.push(...p.items.map((x) => `- ${rich(x)}`));
      }
    if (s.kind === "why") out.push(...s.paragraphs.map(rich));
    if (s.kind === "plan")
      out.push("| Maßnahme | Status |", "|---|---|", ...s.rows.map((x) => `| ${esc(x.title)} | ${x.status.label} |`));
    if (s.kind === "measure") out.push(...s.paragraphs.map(rich));
    if (s.kind === "chances-risks")
      for (const [k, col] of s.columns.entries())
        out.push(k === 0 ? "::left::" : "::right::", ...col.items.map((x) => `- ${esc(x)}`));
    out.push("");
  });
  mkdirSync(join(dir, "public"), { recursive: true });
  cpSync(join(deckDir, "public", "favicon.svg"), join(dir, "public", "favicon.svg"));
  writeFileSync(join(dir, "slides.md"), out.join("\n"));
  writeFileSync(join(dir, "package.json"), '{ "name": "static-deck", "private": true, "type": "module" }\n');
  return data.slides.length;
}

async function benchDeckSection() {
  log("Präsentation: die App (eine für alle Varianten) gegen einfaches „slidev build“ …");
  const runs = quick ? 2 : 3;
  const tmp = mkdtempSync(join(tmpdir(), "bench-deck-"));
  const staticDir = join(deckDir, ".bench-static");
  rmSync(staticDir, { recursive: true, force: true });
  mkdirSync(staticDir, { recursive: true });
  const slides = await writeStaticDeck(staticDir);
  const ours: { ms: number; peakKb: number }[] = [];
  const plain: { ms: number; peakKb: number }[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      ours.push(
        timed(bin("slidev", deckDir), ["build", "slides.md", "--base", "./", "--out", join(tmp, "ours")], {
          cwd: deckDir,
          env: { NODE_ENV: "production" },
        }),
      );
      plain.push(
        timed(
          bin("slidev", deckDir),
          ["build", join(staticDir, "slides.md"), "--base", "./", "--out", join(tmp, "plain")],
          { cwd: staticDir },
        ),
      );
    }
  } finally {
    rmSync(staticDir, { recursive: true, force: true });
    rmSync(tmp, { recursive: true, force: true });
  }
  const o = median(ours.map((r) => r.ms));
  const p = median(plain.map((r) => r.ms));
  const group = "Präsentation: die App";
  add(
    group,
    "unsere App, einmal für alle Varianten und Inhalte",
    `${sec(o)} · ${de(median(ours.map((r) => r.peakKb)) / 1024, 0)} MB Spitze`,
  );
  add(
    group,
    `einfaches „slidev build“ einer Variante als Markdown (${slides} Folien)`,
    `${sec(p)} · ${de(median(plain.map((r) => r.peakKb)) / 1024, 0)} MB Spitze`,
  );
  add(group, "Verhältnis unsere App / einfaches Deck", de(o / p, 2));
}

// ---------------------------------------------------------------------------------------------------------------
/**
 * What tagging (PDF/UA-1) costs on the deck PDF export: every variant of the content exported with one browser,
 * tagged and untagged in alternating order within one run, after one untagged warm-up export.
 */
async function benchExportSection() {
  log("Präsentation: PDF-Export getaggt gegen ungetaggt …");
  const { exportPdfs, findChromium } = await import("../apps/deck/src/export-pdf.js");
  const chromium = findChromium();
  if (!chromium) {
    notes.push("Kein Chromium: PDF-Export (getaggt/ungetaggt) nicht gemessen.");
    return;
  }
  const { ensureApp } = await import("../apps/deck/src/app-build.js");
  const { loadConceptForDeck, deckDataFor } = await import("../apps/deck/src/load-deck.js");
  const { DATA_FILE } = await import("../apps/deck/src/data-file.js");
  const app = await ensureApp(root, deckDir);
  const concept = loadConceptForDeck();
  const sites = mkdtempSync(join(tmpdir(), "bench-export-"));
  try {
    const data = concept.decks.map((v) => deckDataFor(concept, v.id));
    for (const [i, v] of concept.decks.entries()) {
      cpSync(app.dir, join(sites, v.id), { recursive: true });
      writeFileSync(join(sites, v.id, DATA_FILE), JSON.stringify(data[i]));
    }
    const jobs = () =>
      concept.decks.map((v, i) => ({
        site: v.id,
        slides: data[i]!.slides.length,
        // The same metadata as the build writes.
        meta: data[i]!.pdf,
        output: async () => {},
      }));
    const pages = data.reduce((n, d) => n + d.slides.length, 0);
    const runs = quick ? 3 : 7;
    const times = { tagged: [] as number[], untagged: [] as number[] };
    await exportPdfs(sites, jobs(), chromium, { tagged: false });
    for (let i = 0; i < runs; i++)
      for (const tagged of i % 2 ? [true, false] : [false, true]) {
        const t = performance.now();
        await exportPdfs(sites, jobs(), chromium, { tagged });
        times[tagged ? "tagged" : "untagged"].push(performance.now() - t);
      }
    const tagged = median(times.tagged);
    const untagged = median(times.untagged);
    // Each pair ran back to back: its ratio is less affected by the load of a shared machine drifting.
    const pairs = median(times.tagged.map((t, i) => t / times.untagged[i]!));
    const group = `Präsentation (PDF-Export, ${concept.decks.length} Varianten, ${pages} Seiten, ein Browser, Median von ${runs})`;
    add(group, "ungetaggt", sec(untagged));
    add(group, "getaggt (PDF/UA-1: Struktur, Artefakte, ganze Wörter, Metadaten)", sec(tagged));
    add(group, "Verhältnis der Mediane getaggt / ungetaggt", de(tagged / untagged, 2));
    add(group, "Median der Verhältnisse je Paar (direkt nacheinander)", de(pairs, 2), "≤ 1,10", pairs <= 1.1);
  } finally {
    rmSync(sites, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------------------------
async function benchFlyerSection() {
  log("Flyer: kalter Prozess und warm in einem Prozess …");
  const r = spawnSync(bin("tsx"), ["bench/render.ts", "--json", ...(quick ? ["--quick"] : [])], {
    cwd: join(root, "apps", "flyer"),
    encoding: "utf8",
    env: { ...process.env, NODE_ENV: "production" },
  });
  if (r.status !== 0) {
    notes.push(`Flyer-Messung fehlgeschlagen: ${r.stderr.slice(-500)}`);
    return;
  }
  const figures = JSON.parse(r.stdout.trim().split("\n").pop() ?? "[]") as FlyerFigures[];
  for (const f of figures) {
    add("Flyer", `${f.flyer}: kalter Prozess`, sec(f.coldMs));
    add("Flyer", `${f.flyer}: warm in einem Prozess`, `${de(f.warmMs, 0)} ms`, "< 150 ms", f.warmMs < 150);
    const cost = (f.warmMs / f.warmUntaggedMs - 1) * 100;
    const cpuCost = (f.warmCpuMs / f.warmUntaggedCpuMs - 1) * 100;
    const signed = (x: number) => `${x >= 0 ? "+" : ""}${de(x, 1)} %`;
    add(
      "Flyer",
      `${f.flyer}: Tagging (PDF/UA), warm`,
      `${de(f.warmMs, 0)} statt ${de(f.warmUntaggedMs, 0)} ms (${signed(cost)}; CPU-Zeit ${signed(cpuCost)})`,
      "≤ +10 %",
      cost <= 10,
    );
  }
}

// ---------------------------------------------------------------------------------------------------------------
/**
 * Peak memory of a whole process tree (every process the build starts: turbo, the apps, Slidev, Chromium): the sum
 * of the resident memory of the tree's processes, sampled every 100 ms from /proc.
 */
function treeMemorySampler(pid: number): { stop: () => number } {
  let peak = 0;
  const sample = () => {
    const parent = new Map<number, number>();
    const rss = new Map<number, number>();
    for (const entry of readdirSync("/proc")) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
        const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        parent.set(Number(entry), Number(fields[1]));
        rss.set(Number(entry), Number(fields[21]) * 4);
      } catch {}
    }
    const inTree = (p: number): boolean => {
      for (let q: number | undefined = p, i = 0; q && i < 64; q = parent.get(q), i++) if (q === pid) return true;
      return false;
    };
    let sum = 0;
    for (const [p, kb] of rss) if (inTree(p)) sum += kb;
    peak = Math.max(peak, sum);
  };
  const timer = setInterval(sample, 100);
  return {
    stop: () => {
      clearInterval(timer);
      return peak;
    },
  };
}

/** A run of `pnpm build` (scripts/turbo.mjs): time, the tree's peak memory, its phases and turbo's tasks. */
async function build(extraEnv: NodeJS.ProcessEnv = {}, args: string[] = []) {
  const phasesFile = join(tmpdir(), `bench-phasen-${process.pid}.json`);
  const t = performance.now();
  const child = spawn("node", ["scripts/turbo.mjs", "build", "--summarize", ...args], {
    cwd: root,
    env: { ...process.env, CI: "", BUILD_PHASES: phasesFile, ...extraEnv },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const memory = treeMemorySampler(child.pid!);
  let out = "";
  child.stdout.on("data", (d) => {
    out += d;
  });
  child.stderr.on("data", (d) => {
    out += d;
  });
  const code = await new Promise<number>((done) => child.on("close", (c) => done(c ?? 1)));
  const ms = performance.now() - t;
  const peakKb = memory.stop();
  if (code !== 0) throw new Error(`pnpm build ist fehlgeschlagen:\n${out}`);
  const phases = JSON.parse(readFileSync(phasesFile, "utf8")) as Record<string, number>;
  rmSync(phasesFile, { force: true });
  const runs = join(root, ".turbo", "runs");
  const newest = readdirSync(runs)
    .map((f) => ({ f, t: statSync(join(runs, f)).mtimeMs }))
    .sort((a, b) => b.t - a.t)[0]!.f;
  const summary = JSON.parse(readFileSync(join(runs, newest), "utf8")) as {
    tasks: { taskId: string; cache: { status: string }; execution?: { startTime: number; endTime: number } }[];
  };
  const tasks = Object.fromEntries(
    summary.tasks
      .filter((x) => x.cache.status !== "HIT" && x.execution)
      .map((x) => [x.taskId, x.execution!.endTime - x.execution!.startTime]),
  );
  return { ms, peakKb, phases, tasks, out };
}

/** Where the time of a build went: the wrapper's phases and, within turbo, every task that ran. */
function where(b: Awaited<ReturnType<typeof build>>): string {
  const parts = Object.entries(b.phases).map(([k, v]) => `${k} ${sec(v)}`);
  const tasks = Object.entries(b.tasks)
    .sort((a, c) => c[1] - a[1])
    .map(([k, v]) => `${k.replace("@dus-opendata/", "").replace("#build", "")} ${sec(v)}`);
  const app = /App gebaut \(([\d,]+) s\)/.exec(b.out)?.[1];
  return [
    ...parts,
    ...(tasks.length ? [`darin (parallel): ${tasks.join(", ")}`] : []),
    ...(app ? [`App übersetzt ${app} s`] : []),
  ].join("; ");
}

/** 39 short text slides as Markdown: the plainest Slidev deck of the same length. */
function writeShortDeck(dir: string, slides: number) {
  const out = ["---", "theme: none", "title: Kurz", "fonts:\n  provider: none", "favicon: ./favicon.svg", "---", ""];
  for (let i = 1; i <= slides; i++)
    out.push(...(i > 1 ? ["---", ""] : []), `# Folie ${i}`, "", `Ein kurzer Text für Folie ${i}.`, "");
  mkdirSync(join(dir, "public"), { recursive: true });
  cpSync(join(deckDir, "public", "favicon.svg"), join(dir, "public", "favicon.svg"));
  writeFileSync(join(dir, "slides.md"), out.join("\n"));
  writeFileSync(join(dir, "package.json"), '{ "name": "short-deck", "private": true, "type": "module" }\n');
}

/**
 * The whole build (`pnpm build`: content check, turbo, publishing, overview page) on a copy of content/, side by
 * side with a plain `slidev build` of the same 39 slides as Markdown (and of 39 short text slides): cold (no out/,
 * no build area, no app, no turbo cache), warm without a change, after a status and date edit, after a new
 * Maßnahme; the peak memory of every process of the build together; where the time goes, cold and after a status
 * edit.
 */
async function benchWholeBuild() {
  log("Ganzer Build: kalt, warm, nach Status- und nach Strukturänderung, gegen einfaches „slidev build“ …");
  const runs = quick ? 3 : 5;
  const dir = mkdtempSync(join(tmpdir(), "bench-build-"));
  const content = join(dir, "content");
  cpSync(join(root, "content"), content, { recursive: true });
  const env = { CONTENT_DIR: content };
  const files = readdirSync(join(content, "bausteine")).sort();
  const last = join(content, "bausteine", files.at(-1)!);
  const original = readFileSync(last, "utf8");
  const staticDir = join(deckDir, ".bench-static");
  const shortDir = join(deckDir, ".bench-kurz");
  for (const d of [staticDir, shortDir]) {
    rmSync(d, { recursive: true, force: true });
    mkdirSync(d, { recursive: true });
  }
  const slides = await writeStaticDeck(staticDir);
  writeShortDeck(shortDir, slides);
  const plain = (d: string) =>
    timed(bin("slidev", deckDir), ["build", join(d, "slides.md"), "--base", "./", "--out", join(dir, "plain")], {
      cwd: d,
    });
  const doc = () => parseDocument(readFileSync(last, "utf8"));
  const STATUS = ["in Arbeit", "noch nicht begonnen", "erledigt"];
  const fresh = () => {
    for (const p of ["out", ".build", join("apps", "deck", ".app"), join("node_modules", ".cache")])
      rmSync(join(root, p), { recursive: true, force: true });
  };
  const t = { cold: [] as number[], warm: [] as number[], data: [] as number[], structure: [] as number[] };
  const plainReal: number[] = [];
  const plainShort: number[] = [];
  const ratio = {
    cold: [] as number[],
    coldShort: [] as number[],
    data: [] as number[],
    dataShort: [] as number[],
    structure: [] as number[],
  };
  const peaks: { cold: number[]; data: number[] } = { cold: [], data: [] };
  let coldWhere = "";
  let dataWhere = "";
  try {
    for (let i = 0; i < (quick ? 1 : 3); i++) {
      fresh();
      const cold = await build(env, ["--force"]);
      t.cold.push(cold.ms);
      peaks.cold.push(cold.peakKb);
      coldWhere ||= where(cold);
      const real = plain(staticDir).ms;
      const short = plain(shortDir).ms;
      plainReal.push(real);
      plainShort.push(short);
      ratio.cold.push(cold.ms / real);
      ratio.coldShort.push(cold.ms / short);
    }
    await build(env);
    for (let i = 0; i < runs; i++) {
      // Warm: the same content as the build just before, nothing to do.
      t.warm.push((await build(env)).ms);
      // Data only: one Maßnahme's status and date, a value not built before (no cache hit).
      const d = doc();
      d.setIn(["measures", 0, "status"], STATUS[i % STATUS.length]);
      d.setIn(["measures", 0, "planned"], `${String((i % 12) + 1).padStart(2, "0")}/${2030 + i}`);
      writeFileSync(last, d.toString());
      const data = await build(env);
      t.data.push(data.ms);
      peaks.data.push(data.peakKb);
      dataWhere ||= where(data);
      const real = plain(staticDir).ms;
      const short = plain(shortDir).ms;
      plainReal.push(real);
      plainShort.push(short);
      ratio.data.push(data.ms / real);
      ratio.dataShort.push(data.ms / short);
      // Structure: a new Maßnahme, so every variant that shows its Baustein gets a slide more.
      const s = doc();
      s.addIn(["measures"], {
        id: `neu-${i}`,
        title: `Neue Maßnahme ${i + 1}`,
        summary: ["Eine neue Maßnahme."],
        status: "noch nicht begonnen",
        planned: "für 2031 geplant",
        published: "noch nicht",
      });
      writeFileSync(last, s.toString());
      const structure = await build(env);
      t.structure.push(structure.ms);
      ratio.structure.push(structure.ms / real);
      writeFileSync(last, original);
    }
  } finally {
    writeFileSync(last, original);
    for (const d of [staticDir, shortDir]) rmSync(d, { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
    // Leave out/ matching content/ again.
    await build();
  }
  const group = "Ganzer Build (pnpm build: alle Ausgaben) gegen einfaches „slidev build“, im Wechsel gemessen";
  const r = (xs: number[]) => de(median(xs), 2);
  add(group, `einfaches „slidev build“: ${slides} Folien dieser Inhalte als Markdown`, sec(median(plainReal)));
  add(group, `einfaches „slidev build“: ${slides} kurze Textfolien`, sec(median(plainShort)));
  add(group, "kalt (ohne out/, Build-Bereich, App und turbo-Cache)", sec(median(t.cold)));
  add(group, "kalt / einfaches Deck (Median der Paare)", r(ratio.cold), "≤ 1,0", median(ratio.cold) <= 1);
  add(group, "kalt / kurze Folien", r(ratio.coldShort), "≤ 1,0", median(ratio.coldShort) <= 1);
  add(group, "Status und Datum einer Maßnahme → alle Ausgaben aktuell", sec(median(t.data)));
  add(group, "Statusänderung / einfaches Deck", r(ratio.data), "≤ 0,5", median(ratio.data) <= 0.5);
  add(group, "Statusänderung / kurze Folien", r(ratio.dataShort), "≤ 0,5", median(ratio.dataShort) <= 0.5);
  add(group, "neue Maßnahme → alle Ausgaben aktuell", sec(median(t.structure)));
  add(group, "neue Maßnahme / einfaches Deck", r(ratio.structure), "≤ 0,6", median(ratio.structure) <= 0.6);
  add(group, "warm, nichts geändert", sec(median(t.warm)), "< 1 s", median(t.warm) < 1000);
  add(group, "Spitze des Arbeitsspeichers aller Prozesse, kalt", `${de(median(peaks.cold) / 1024, 0)} MB`);
  add(group, "Spitze des Arbeitsspeichers aller Prozesse, Statusänderung", `${de(median(peaks.data) / 1024, 0)} MB`);
  notes.push(
    `Wohin die Zeit geht, kalt: ${coldWhere}.`,
    `Wohin die Zeit geht, nach einer Statusänderung: ${dataWhere}.`,
  );
}

// ---------------------------------------------------------------------------------------------------------------
async function benchPreview() {
  log("Live-Vorschau: vom Speichern bis zur geänderten Folie …");
  // playwright-core is a dependency of the deck app, not of the root: load it from there (CommonJS module).
  const pw = (await import(
    pathToFileURL(createRequire(join(deckDir, "package.json")).resolve("playwright-core")).href
  )) as {
    default?: typeof import("playwright-core");
  } & typeof import("playwright-core");
  const chromium = pw.chromium ?? pw.default?.chromium;
  const { CHROMIUM_ARGS, findChromium } = await import("../apps/deck/src/export-pdf.js");
  const exe = findChromium();
  if (!exe) return;
  const dir = mkdtempSync(join(tmpdir(), "bench-preview-"));
  const content = join(dir, "content");
  cpSync(join(root, "content"), content, { recursive: true });
  // The first variant (as `pnpm dev` opens it) and its first Maßnahme slide; the edit changes that title.
  const { loadConceptForDeck } = await import("../apps/deck/src/load-deck.js");
  const { resolveDeck } = await import("../packages/concept/src/index.js");
  process.env.CONTENT_DIR = content;
  const concept = loadConceptForDeck();
  delete process.env.CONTENT_DIR;
  const variant = concept.decks[0]!;
  const slides = resolveDeck(concept, variant).slides;
  const n = slides.findIndex((x) => x.kind === "measure") + 1;
  const b = concept.bausteine.find((x) => x.id === slides[n - 1]!.ref?.baustein)!;
  const m = b.measures.findIndex((x) => x.id === slides[n - 1]!.ref?.measure);
  const file = join(
    content,
    "bausteine",
    readdirSync(join(content, "bausteine")).sort()[concept.bausteine.indexOf(b)]!,
  );
  const original = readFileSync(file, "utf8");
  const port = 3950;
  const server = spawn(bin("slidev", deckDir), ["slides.md", "--port", String(port), "--open", "false"], {
    cwd: deckDir,
    env: { ...process.env, CONTENT_DIR: content, DECK_VARIANT: variant.id },
    stdio: "ignore",
  });
  let browser: Browser | undefined;
  try {
    for (let i = 0; i < 120; i++) {
      try {
        if ((await fetch(`http://127.0.0.1:${port}/`)).ok) break;
      } catch {}
      await new Promise((r) => setTimeout(r, 250));
    }
    browser = await chromium.launch({ executablePath: exe, args: [...CHROMIUM_ARGS] });
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(`http://127.0.0.1:${port}/#/${n}`);
    await page.locator(`.slidev-page-${n} .concept-slide h1`).waitFor({ timeout: 120_000 });
    const times: number[] = [];
    for (let i = 0; i < (quick ? 4 : 8); i++) {
      const title = `Geänderter Titel ${i}`;
      const t = performance.now();
      const doc = parseDocument(original);
      doc.setIn(["measures", m, "title"], title);
      writeFileSync(file, doc.toString());
      await page.waitForFunction(
        ([no, x]) =>
          document.querySelector(`.slidev-page-${no} .concept-slide h1`)?.textContent?.replace(/\u00AD/g, "") === x,
        [n, title] as const,
        { timeout: 20_000, polling: "raf" },
      );
      times.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 300));
    }
    add(
      "Live-Vorschau",
      `Speichern bis geänderte Folie (Median von ${times.length - 1}, ohne den ersten)`,
      `${de(median(times.slice(1)), 0)} ms`,
      "< 1 s",
      median(times.slice(1)) < 1000,
    );
    add("Live-Vorschau", "erste Änderung nach dem Start", `${de(times[0]!, 0)} ms`);
  } finally {
    await browser?.close();
    server.kill("SIGTERM");
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------------------------
function versions() {
  const pkg = (p: string) => JSON.parse(readFileSync(join(root, p, "package.json"), "utf8")).version as string;
  const chromium = (() => {
    try {
      return execFileSync("/usr/bin/chromium", ["--version"], {
        encoding: "utf8",
        stdio: ["ignore", "pipe", "ignore"],
      }).trim();
    } catch {
      return "nicht installiert";
    }
  })();
  return [
    `Node ${process.version}`,
    `pnpm ${execFileSync("pnpm", ["--version"], { encoding: "utf8" }).trim()}`,
    `turbo ${pkg("node_modules/turbo")}`,
    `Slidev ${pkg("apps/deck/node_modules/@slidev/cli")}`,
    `@react-pdf/renderer ${pkg("apps/flyer/node_modules/@react-pdf/renderer")}`,
    `zod ${pkg("packages/concept/node_modules/zod")}`,
    chromium,
  ];
}

async function main() {
  const started = new Date();
  // --only=a,b or --only a,b
  const at = process.argv.indexOf("--only");
  const only = (
    process.argv.find((a) => a.startsWith("--only="))?.slice(7) ?? (at >= 0 ? process.argv[at + 1] : undefined)
  )
    ?.split(",")
    .filter(Boolean);
  const sections: [string, () => unknown][] = [
    ["load", benchLoadSection],
    ["check", benchCheck],
    ["history", benchHistorySection],
    ["deck", benchDeckSection],
    ["export", benchExportSection],
    ["flyer", benchFlyerSection],
    ["build", benchWholeBuild],
    ["preview", benchPreview],
  ];
  for (const [name, fn] of sections) if (!only || only.includes(name)) await fn();

  const machine = `${cpus().length} Kerne (${cpus()[0]?.model.trim()}), ${de(totalmem() / 1024 ** 3, 0)} GiB Arbeitsspeicher`;
  const groups = [...new Set(rows.map((r) => r.group))];
  const table = groups
    .map((g) => {
      const body = rows
        .filter((r) => r.group === g)
        .map(
          (r) =>
            `| ${r.what} | ${r.value} | ${r.target ?? ""} | ${r.ok === undefined ? "" : r.ok ? "erreicht" : "**verfehlt**"} |`,
        );
      return [`### ${g}`, "", "| Messung | Median | Ziel | |", "|---|---:|---|---|", ...body, ""].join("\n");
    })
    .join("\n");
  const doc = [
    "# Messungen",
    "",
    `Erzeugt mit \`pnpm bench${quick ? " --quick" : ""}\` am ${started.toISOString().slice(0, 10)}. Alle Werte sind Mediane`,
    "wiederholter Läufe; Vergleiche wurden im selben Lauf abwechselnd gemessen. Die Maschine wird geteilt: einzelne",
    "Werte schwanken, Verhältnisse sind verlässlicher als absolute Zeiten.",
    "",
    `Maschine: ${machine}.`,
    "",
    `Versionen: ${versions().join(" · ")}.`,
    "",
    table,
    ...(notes.length ? ["", "## Hinweise", "", ...notes.map((n) => `- ${n}`)] : []),
    "",
  ].join("\n");
  if (!only) {
    mkdirSync(join(root, "docs"), { recursive: true });
    writeFileSync(join(root, "docs", "benchmarks.md"), doc);
  }
  process.stdout.write(doc);
}

await main();
