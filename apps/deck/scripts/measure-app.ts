/**
 * Measures the deck's compiled app, side by side for one or more checkouts: the modules Vite transforms (as Slidev
 * prints them), files and size on disk, and the time of `slidev build`, wall clock and processor time (medians of
 * the runs, with the slowest and fastest; the checkouts take turns, so a busy machine slows them alike). Nothing is written into the checkouts; each build goes to a
 * temporary folder.
 *
 *   tsx apps/deck/scripts/measure-app.ts [--runs 5] [NAME=DECK_FOLDER[@NODE] …]
 *
 * Without a checkout it measures this one (apps/deck with the Node that runs the script). NODE is the Node binary
 * a checkout is built with, e.g. `vorher=/tmp/alt/apps/deck@/usr/bin/node`.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

interface Target {
  name: string;
  dir: string;
  node: string;
}
interface Run {
  seconds: number;
  /** Processor seconds, user and system, of the build and its child processes. */
  cpu: number;
  modules: number;
  files: number;
  bytes: number;
  js: number;
}

function usage(message: string): never {
  process.stderr.write(
    `${message}\nAufruf: tsx apps/deck/scripts/measure-app.ts [--runs N] [NAME=DECK_ORDNER[@NODE] …]\n`,
  );
  process.exit(2);
}

const args = process.argv.slice(2);
let runs = 5;
const targets: Target[] = [];
for (let i = 0; i < args.length; i++) {
  const a = args[i]!;
  if (a === "--runs") {
    runs = Number(args[++i]);
    if (!Number.isInteger(runs) || runs < 1) usage("--runs braucht eine ganze Zahl ab 1.");
  } else {
    const m = /^([^=]+)=([^@]+)(?:@(.+))?$/.exec(a);
    if (!m) usage(`Unbekanntes Argument: ${a}`);
    targets.push({ name: m[1]!, dir: resolve(m[2]!), node: m[3] ?? process.execPath });
  }
}
if (!targets.length)
  targets.push({ name: "jetzt", dir: fileURLToPath(new URL("..", import.meta.url)), node: process.execPath });

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)],
  );
}

function build(t: Target): Run {
  const out = mkdtempSync(join(tmpdir(), "deck-app-messung-"));
  try {
    const slidev = join(t.dir, "node_modules", "@slidev", "cli", "bin", "slidev.mjs");
    const start = performance.now();
    // Through bash's `time`, which reports the processor time of the build and every process it starts (stderr);
    // on a busy machine that varies less than the wall-clock time.
    const r = spawnSync(
      "bash",
      [
        "-c",
        'TIMEFORMAT="%U %S"; time "$0" "$@" 2>&1',
        t.node,
        slidev,
        "build",
        "slides.md",
        "--base",
        "./",
        "--out",
        out,
      ],
      { cwd: t.dir, env: { ...process.env, NODE_ENV: "production", NO_COLOR: "1" }, encoding: "utf8" },
    );
    const seconds = (performance.now() - start) / 1000;
    if (r.status !== 0) {
      process.stderr.write(`${t.name}: slidev build schlug fehl (Exit ${r.status}):\n${r.stdout}${r.stderr}\n`);
      process.exit(1);
    }
    const [user = NaN, sys = NaN] = r.stderr.trim().split("\n").pop()!.split(" ").map(Number);
    const modules = Number(/([\d,.]+) modules transformed/.exec(r.stdout)?.[1]?.replace(/[,.]/g, "") ?? NaN);
    const all = files(out);
    const size = (list: string[]) => list.reduce((sum, f) => sum + statSync(f).size, 0);
    return {
      seconds,
      cpu: user + sys,
      modules,
      files: all.length,
      bytes: size(all),
      js: size(all.filter((f) => f.endsWith(".js"))),
    };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

const version = (t: Target, what: "node" | "slidev") =>
  what === "node"
    ? spawnSync(t.node, ["--version"], { encoding: "utf8" }).stdout.trim()
    : (
        JSON.parse(readFileSync(join(t.dir, "node_modules", "@slidev", "cli", "package.json"), "utf8")) as {
          version: string;
        }
      ).version;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const de = (n: number, digits = 0) =>
  n.toLocaleString("de-DE", { maximumFractionDigits: digits, minimumFractionDigits: digits });

const results = new Map<string, Run[]>(targets.map((t) => [t.name, []]));
for (let r = 1; r <= runs; r++)
  for (const t of targets) {
    process.stderr.write(`Lauf ${r}/${runs}: ${t.name} …\n`);
    results.get(t.name)!.push(build(t));
  }

console.log(`Die kompilierte App der Präsentation (slidev build), Median von ${runs} Läufen im Wechsel\n`);
console.log(
  "| Stand | Node | Slidev | Module (von Vite übersetzt) | Dateien | Größe | davon JavaScript | Bauzeit | Rechenzeit |",
);
console.log("|---|---|---|---:|---:|---:|---:|---:|---:|");
for (const t of targets) {
  const list = results.get(t.name)!;
  const last = list[list.length - 1]!;
  const spread = (xs: number[]) => `${de(median(xs), 1)} s (${de(Math.min(...xs), 1)}–${de(Math.max(...xs), 1)})`;
  console.log(
    `| ${t.name} | ${version(t, "node")} | ${version(t, "slidev")} | ${de(last.modules)} | ${de(last.files)} | ${de(last.bytes / 1000)} kB | ${de(last.js / 1000)} kB | ${spread(list.map((x) => x.seconds))} | ${spread(list.map((x) => x.cpu))} |`,
  );
}
