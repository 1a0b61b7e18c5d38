#!/usr/bin/env node
/**
 * `pnpm check`: everything the build checks, in one run and one German summary.
 * - The content (packages/concept's loader): every file, field, reference and selection, and every character
 *   against the fonts the outputs embed (packages/brand's `checkOutputCharacters`, handed to the loader here: the
 *   concept package knows no fonts).
 * - The layout of the flyers: the flyer app's `check` command (apps/flyer/src/cli.tsx) lays out and checks every
 *   flyer whose files in out/flyers are not current, as `pnpm build` would, and writes nothing. It runs in a process
 *   of its own, beside the check of the content.
 * Problems as `path:line:col  field  message`, sorted; exit 0 when all is well, 1 for problems, 2 for wrong usage.
 * Nothing here imports an app: the flyer check is its command line. `scripts/turbo.mjs` runs the check of the
 * content (`checkContent`) before a build.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
/** The packages the check runs as built JavaScript (dist/), and whose build the flyer app imports. */
const PACKAGES = ["concept", "brand", "typeset"];
const PROBLEM = /^(\S[^\n]*?):(\d+):(\d+) {2}(\S+) {2}(.+)$/;

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** Whether a package's dist/ is older than its sources (or missing). */
function stale(name) {
  const dir = join(root, "packages", name);
  const built = join(dir, "dist", "node.js");
  const entry = existsSync(built) ? built : join(dir, "dist", "index.js");
  if (!existsSync(entry)) return true;
  return statSync(entry).mtimeMs < newest(join(dir, "src"));
}

/** Builds the packages once their sources changed (turbo: from its cache where it can), quietly. */
function buildPackages(env) {
  if (!PACKAGES.some(stale)) return;
  const turbo = join(root, "node_modules", ".bin", "turbo");
  const filters = PACKAGES.map((p) => `--filter=@dus-opendata/${p}`);
  const r = spawnSync(turbo, ["run", "build", ...filters, "--output-logs=errors-only"], {
    cwd: root,
    env: { ...env, TURBO_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  if (r.status !== 0) throw new Error("Die Pakete ließen sich nicht bauen (turbo run build).");
}

const load = (pkg, entry) => import(pathToFileURL(join(root, "packages", pkg, "dist", entry)).href);

/**
 * The check of the content alone: loaded and validated with every text checked against the outputs' fonts.
 * Resolves to `{ concept }` or `{ problems }` (ContentProblem[]).
 */
export async function checkContent(env = process.env) {
  buildPackages(env);
  const [{ loadConceptSync, ContentError, resolveContentDir }, { checkOutputCharacters }] = await Promise.all([
    load("concept", "node.js"),
    load("brand", "node.js"),
  ]);
  const content = resolveContentDir(env, root);
  try {
    return {
      concept: loadConceptSync(content.abs, { displayDir: content.display, checkText: checkOutputCharacters }),
    };
  } catch (e) {
    if (e instanceof ContentError) return { problems: e.problems };
    throw e;
  }
}

/** Runs the flyer app's `check` (compiled, as `pnpm build` runs it); resolves to its exit code and output. */
function checkFlyers(env) {
  const child = spawn(process.execPath, [join(root, "apps", "flyer", "scripts", "flyer.mjs"), "check"], {
    cwd: join(root, "apps", "flyer"),
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => {
    stdout += d;
  });
  child.stderr.on("data", (d) => {
    stderr += d;
  });
  const done = new Promise((resolve) => child.on("close", (code) => resolve({ code, stdout, stderr })));
  return { done, stop: () => child.kill() };
}

/**
 * The whole check. `layout: false` checks the content only. Writes the problems to `err`, the summary to `out` (or
 * to `err` after problems); resolves to the exit code.
 */
export async function check({ env = process.env, layout = true, out = process.stdout, err = process.stderr } = {}) {
  buildPackages(env);
  // The flyers' layout takes longest: it starts first and runs beside the check of the content.
  const flyers = layout ? checkFlyers(env) : undefined;
  const { ContentError, checkSummary } = await load("concept", "node.js");
  const result = await checkContent(env);
  const report = (problems) => {
    const e = new ContentError(problems);
    err.write(`${e.message}\n\n${e.summary}\n`);
    return 1;
  };
  if (result.problems) {
    // The flyer check would only repeat these.
    flyers?.stop();
    return report(result.problems);
  }
  if (!flyers) {
    out.write(`${checkSummary(result.concept)}.\n`);
    return 0;
  }
  const f = await flyers.done;
  if (f.code === 0) {
    const n = result.concept.flyers.length;
    out.write(`${checkSummary(result.concept)}; ${n === 1 ? "der Flyer passt" : `jeder Flyer passt`}.\n`);
    return 0;
  }
  const problems = f.stderr
    .split("\n")
    .map((l) => PROBLEM.exec(l))
    .filter((m) => m !== null)
    .map(([, file, line, column, field, message]) => ({
      file,
      line: Number(line),
      column: Number(column),
      field,
      message,
    }));
  if (f.code === 1 && problems.length) return report(problems);
  err.write(`Die Prüfung der Flyer ist unerwartet abgebrochen:\n${f.stderr}${f.stdout}`);
  return 1;
}

const usage = `Aufruf: pnpm check
Prüft alles, was pnpm build prüft: die Inhalte (Dateien, Felder, Verweise, Auswahlen, jedes Zeichen) und den Satz
jedes Flyers. Der Inhaltsordner kommt aus CONTENT_DIR (Standard: content).\n`;

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2).filter((a) => a !== "--");
  if (args.length) {
    process.stderr.write(`Unbekannte Angabe „${args[0]}“.\n\n${usage}`);
    process.exit(2);
  }
  process.exitCode = await check();
}
