#!/usr/bin/env node
/**
 * `pnpm a11y [--json] [Pfad …]`: checks the outputs for accessibility. Without paths it checks everything in out/.
 * Exit codes: 0 every check passed, 1 a check failed, 2 wrong usage or nothing to check.
 */
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { isEntry } from "@dus-opendata/concept/node";
import { checkOutputs } from "./check-outputs.js";
import { resolveTarget, scanDir, type Target, UsageError } from "./find-outputs.js";
import { formatSummary, formatTable, summarise } from "./report.js";

const USAGE = `Aufruf:
  pnpm a11y                 prüft alle Ausgaben in out/ (PDFs und Websites der Präsentationen)
  pnpm a11y <Pfad> …        prüft nur diese PDFs, Websites (Ordner mit index.html) oder Ordner
  pnpm a11y --json …        dasselbe als JSON auf der Standardausgabe
Exit-Code: 0 alles bestanden, 1 mindestens eine Prüfung nicht bestanden, 2 falscher Aufruf oder nichts zu prüfen.`;

/** The repository root: the nearest folder upwards from `from` with pnpm-workspace.yaml, else `from`. */
export function findRoot(from: string): string {
  let dir = resolve(from);
  for (;;) {
    if (existsSync(join(dir, "pnpm-workspace.yaml"))) return dir;
    const up = dirname(dir);
    if (up === dir) return resolve(from);
    dir = up;
  }
}

function parseArgs(argv: string[]): { json: boolean; help: boolean; paths: string[] } {
  const paths: string[] = [];
  let json = false;
  let help = false;
  for (const a of argv) {
    if (a === "--json") json = true;
    else if (a === "--help" || a === "-h") help = true;
    else if (a === "--") continue;
    else if (a.startsWith("-")) throw new UsageError(`Unbekannte Angabe „${a}“.`);
    else paths.push(a);
  }
  return { json, help, paths };
}

function findTargets(paths: string[], cwd: string): Target[] {
  if (paths.length) return paths.flatMap((p) => resolveTarget(p, cwd));
  const out = join(findRoot(cwd), "out");
  const build = "Erst „pnpm build“ ausführen, dann „pnpm a11y“.";
  if (!existsSync(out)) throw new UsageError(`Es gibt noch keine Ausgaben: ${out} fehlt. ${build}`);
  const found = scanDir(out);
  if (found.length === 0) throw new UsageError(`Keine PDF und keine Website in ${out}. ${build}`);
  return found;
}

export async function main(argv: string[], cwd = process.cwd()): Promise<number> {
  let targets: Target[];
  let json: boolean;
  try {
    const args = parseArgs(argv);
    if (args.help) {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    json = args.json;
    targets = findTargets(args.paths, cwd);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`${e.message}\n\n${USAGE}\n`);
    return 2;
  }
  const t0 = performance.now();
  const reports = await checkOutputs(targets, { cwd });
  const summary = summarise(reports, (performance.now() - t0) / 1000);
  if (json) process.stdout.write(`${JSON.stringify({ files: reports, summary }, null, 2)}\n`);
  else process.stdout.write(`${reports.map(formatTable).join("\n\n")}\n\n${formatSummary(reports, summary)}\n`);
  return summary.failed === 0 ? 0 : 1;
}

if (isEntry(import.meta.url))
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`Die Prüfung ist abgebrochen: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 1;
    },
  );
