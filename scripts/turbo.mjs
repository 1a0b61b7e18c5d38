#!/usr/bin/env node
/**
 * Thin wrapper around `turbo run <task>`: prepares what turbo cannot see for itself and reports the result.
 * - CONTENT_DIR is resolved against the repository root and its files are hashed into CONTENT_HASH, which the
 *   app tasks declare: a build for another content folder, or an edited file in a folder outside the
 *   repository, never serves cached output of another.
 * - DECK_CHROMIUM names the browser used for the PDF export ("none" when missing), so a build without PDFs is
 *   never served from cache once Chromium is installed.
 * - `build` validates the content first: on a content error nothing is touched and the exit code is 1.
 * - The apps build into the build area .build/<app>/ (turbo's cached outputs); only when every task succeeded is
 *   the build area copied into out/, one app folder at a time by rename. A failed build leaves out/ byte for
 *   byte as it was, with no temporary files in it.
 * - `test` first runs the build (and copies it into out/, which the tests read), then the tests.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
// The same definitions as every package (plain JavaScript: this runs before anything is built).
import { browserIdentity, Digest, newestIn } from "../packages/concept/src/node/build-cache.js";
import { findChromium, findRepoRoot, resolveContentDir } from "../packages/concept/src/node/environment.js";

const root = findRepoRoot();
const [task, ...rest] = process.argv.slice(2);
if (!task) {
  process.stderr.write("Aufruf: node scripts/turbo.mjs <build|test|typecheck> [turbo-Optionen]\n");
  process.exit(2);
}

const contentDir = resolveContentDir(process.env, root).abs;

const env = {
  ...process.env,
  // CONTENT_DIR stays as the user gave it: every tool resolves it against the repository root and shows it so.
  CONTENT_HASH: new Digest().tree("content", contentDir).hex(),
  // The browser the deck export will use, with its version (an upgraded browser is a different build), or "none".
  DECK_CHROMIUM: browserIdentity(findChromium()),
  TURBO_TELEMETRY_DISABLED: "1",
  DO_NOT_TRACK: "1",
  DECK_OUT_DIR: join(root, ".build", "decks"),
  FLYER_OUT_DIR: join(root, ".build", "flyers"),
};

/** The apps' output folders: .build/<app> is what turbo caches, out/<app> what users and tests read. */
const APPS = ["decks", "flyers"];

const bin = join(root, "node_modules", ".bin");
if (task === "build") validateFirst();

/**
 * Validates the content before turbo starts, so that a content mistake is reported once, plainly, and nothing
 * in out/ is touched. A folder that already passed with the same loader is not checked again: the key is the
 * content hash plus a hash of the loader's sources, kept in node_modules/.cache.
 */
function validateFirst() {
  const src = join(root, "packages", "concept", "src");
  const key = new Digest().add("content", env.CONTENT_HASH).tree("loader", src).hex();
  const stamp = join(root, "node_modules", ".cache", "opendata-content-check");
  if (existsSync(stamp) && readFileSync(stamp, "utf8") === key) return;
  // The compiled CLI starts in a fraction of the time tsx needs; use it while it is newer than its sources.
  const dist = join(root, "packages", "concept", "dist", "cli.js");
  const fresh = existsSync(dist) && statSync(dist).mtimeMs >= newestIn(src);
  const [cmd, args] = fresh ? [process.execPath, [dist, "check"]] : [join(bin, "tsx"), [join(src, "cli.ts"), "check"]];
  const check = spawnSync(cmd, args, { env, stdio: ["ignore", "ignore", "inherit"] });
  if (check.status !== 0) {
    process.stderr.write("Der Build wurde nicht gestartet; die bisherigen Ausgaben in out/ bleiben unverändert.\n");
    process.exit(check.status === 2 ? 2 : 1);
  }
  mkdirSync(dirname(stamp), { recursive: true });
  writeFileSync(stamp, key);
}

const ci = !!process.env.CI;
const turboArgs = (t) => [
  "run",
  t,
  "--env-mode=strict",
  ...(ci ? ["--output-logs=new-only", "--log-order=grouped"] : []),
  ...rest,
];
const dry = rest.some((a) => a.startsWith("--dry"));
const t0 = performance.now();

function turbo(t) {
  const run = spawnSync(join(bin, "turbo"), turboArgs(t), { env, stdio: "inherit", cwd: root });
  if (run.status !== 0) process.exit(run.status ?? 1);
}

/**
 * Copies the build area into out/: per app a copy is made beside the build area, then swapped in with two renames.
 * Nothing is written into out/ but the finished folders.
 */
function publish() {
  const outRoot = join(root, "out");
  mkdirSync(outRoot, { recursive: true });
  const work = join(root, ".build", `.publish-${process.pid}`);
  rmSync(work, { recursive: true, force: true });
  try {
    for (const app of APPS) {
      const from = join(root, ".build", app);
      if (!existsSync(from)) continue;
      const next = join(work, "next", app);
      cpSync(from, next, { recursive: true });
      const to = join(outRoot, app);
      const old = join(work, "old", app);
      mkdirSync(dirname(old), { recursive: true });
      if (existsSync(to)) renameSync(to, old);
      renameSync(next, to);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (task === "test") {
  turbo("build");
  if (!dry) publish();
  // Every package's tests run, also when one fails: the report names every failure at once.
  rest.push("--continue");
  turbo("test");
  process.exit(0);
}

turbo(task);

if (task === "build" && !dry) {
  publish();
  // Each app lists what it wrote in out/<app>/.manifest/<app>.json: { stand, files: [{ path, pages, bytes }] }.
  const rows = [];
  let stand = "";
  for (const app of APPS) {
    const file = join(root, "out", app, ".manifest", `${app}.json`);
    if (!existsSync(file)) continue;
    const manifest = JSON.parse(readFileSync(file, "utf8"));
    rows.push(
      ...manifest.files.map((f) => ({ ...f, path: `out/${app}/${f.path.replace(/^.*?\/?(decks|flyers)\//, "")}` })),
    );
    stand ||= manifest.stand;
  }
  const width = Math.max(...rows.map((r) => r.path.length), 10);
  process.stdout.write("\nGeschrieben:\n");
  for (const r of rows) {
    const unit = r.path.endsWith(".html") ? "Folien" : r.pages === 1 ? "Seite" : "Seiten";
    process.stdout.write(
      `  ${r.path.padEnd(width)}  ${String(r.pages).padStart(3)} ${unit.padEnd(6)}  ${Math.round(r.bytes / 1024)
        .toLocaleString("de-DE")
        .padStart(6)} KB\n`,
    );
  }
  if (stand) process.stdout.write(`Stand der Inhalte: ${stand}\n`);
  process.stdout.write(
    `Fertig in ${((performance.now() - t0) / 1000).toLocaleString("de-DE", { maximumFractionDigits: 1 })} s.\n`,
  );
}
