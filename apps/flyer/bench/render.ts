/**
 * Render times per flyer, as `pnpm bench` reports them:
 * - cold: a fresh process (`tsx`) that loads the content and renders that one flyer (screen and print file),
 *   wall time from spawn to exit, median over several processes;
 * - warm: `renderFlyer` in this process after three warm-up renders, median over 20 renders (5 with `--quick`),
 *   tagged (PDF/UA, as built) and untagged in turns, so both see the same machine load: what tagging costs;
 *   besides the wall time the CPU time of this process, which other processes on a shared machine disturb less.
 *
 *   tsx bench/render.ts [--quick] [--warm] [--json]      (NODE_ENV=production, as the CLI runs)
 * `--warm` skips the cold processes. With `--json` the last line of stdout is
 * `[{ "flyer", "coldMs", "warmMs", "warmUntaggedMs", "warmCpuMs", "warmUntaggedCpuMs" }]`.
 */
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadConceptSync, resolveContentDir } from "@dus-opendata/concept/node";

process.env.NODE_ENV ??= "production";

const args = process.argv.slice(2);
const quick = args.includes("--quick");
const one = args.indexOf("--one");
/** One flyer's figures, as `--json` prints them (read by the repository's pnpm bench). */
export interface FlyerFigures {
  flyer: string;
  coldMs: number;
  warmMs: number;
  warmUntaggedMs: number;
  warmCpuMs: number;
  warmUntaggedCpuMs: number;
}

const appDir = join(dirname(fileURLToPath(import.meta.url)), "..");

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
};

const { renderFlyer } = await import("../src/index.js");
const content = resolveContentDir();
const concept = loadConceptSync(content.abs, { displayDir: content.display });

if (one >= 0) {
  // The child of a cold measurement: render one flyer and exit.
  const flyer = concept.flyers.find((f) => f.id === args[one + 1]);
  if (!flyer) throw new Error(`Flyer „${args[one + 1]}“ gibt es nicht.`);
  await renderFlyer(concept, flyer);
} else {
  const coldRuns = quick ? 2 : 5;
  const warmRuns = quick ? 5 : 20;
  const tsx = join(appDir, "node_modules", ".bin", "tsx");
  const figures: FlyerFigures[] = [];
  for (const flyer of concept.flyers) {
    const cold: number[] = [];
    for (let i = 0; i < (args.includes("--warm") ? 0 : coldRuns); i++) {
      const t = performance.now();
      const r = spawnSync(tsx, ["bench/render.ts", "--one", flyer.id], { cwd: appDir, encoding: "utf8" });
      if (r.status !== 0) throw new Error(r.stderr);
      cold.push(performance.now() - t);
    }
    for (let i = 0; i < 3; i++) {
      await renderFlyer(concept, flyer);
      await renderFlyer(concept, flyer, { tagged: false });
    }
    const wall = { tagged: [] as number[], untagged: [] as number[] };
    const cpu = { tagged: [] as number[], untagged: [] as number[] };
    const time = async (tagged: boolean) => {
      const t = performance.now();
      const c = process.cpuUsage();
      await renderFlyer(concept, flyer, { tagged });
      const d = process.cpuUsage(c);
      const key = tagged ? "tagged" : "untagged";
      wall[key].push(performance.now() - t);
      cpu[key].push((d.user + d.system) / 1000);
    };
    for (let i = 0; i < warmRuns; i++) {
      // Alternating which goes first evens out what one render leaves for the next (garbage, caches).
      for (const tagged of i % 2 ? [true, false] : [false, true]) await time(tagged);
    }
    const ms = (xs: number[]) => Math.round(median(xs));
    figures.push({
      flyer: flyer.id,
      coldMs: ms(cold),
      warmMs: ms(wall.tagged),
      warmUntaggedMs: ms(wall.untagged),
      warmCpuMs: ms(cpu.tagged),
      warmUntaggedCpuMs: ms(cpu.untagged),
    });
  }
  const pct = (a: number, b: number) => `${a >= b ? "+" : ""}${((a / b - 1) * 100).toFixed(1).replace(".", ",")} %`;
  for (const f of figures)
    console.log(
      `${f.flyer.padEnd(24)} kalter Prozess ${f.coldMs} ms   warm getaggt ${f.warmMs} ms, ungetaggt ${f.warmUntaggedMs} ms (${pct(f.warmMs, f.warmUntaggedMs)}); CPU-Zeit getaggt ${f.warmCpuMs} ms, ungetaggt ${f.warmUntaggedCpuMs} ms (${pct(f.warmCpuMs, f.warmUntaggedCpuMs)}); Mediane`,
    );
  if (args.includes("--json")) console.log(JSON.stringify(figures));
}
