#!/usr/bin/env node
/**
 * Thin wrapper around `turbo run <task>`: prepares what turbo cannot see for itself and reports the result.
 * - CONTENT_DIR is resolved against the repository root and its files are hashed into CONTENT_HASH, which the
 *   app tasks declare: a build for another content folder, or an edited file in a folder outside the
 *   repository, never serves cached output of another.
 * - DECK_CHROMIUM names the browser used for the PDF export ("none" when missing), so a build without PDFs is
 *   never served from cache once Chromium is installed.
 * - `build` validates the content first (scripts/check.mjs, without the flyers' layout): on a content error nothing
 *   is touched and the exit code is 1.
 * - The apps build into the build area .build/<app>/ (turbo's cached outputs); only when every task succeeded is
 *   the build area copied into out/, one app folder at a time by rename. A failed build leaves out/ byte for
 *   byte as it was, with no temporary files in it.
 * - `test` first runs the build (and copies it into out/, which the tests read), then the tests.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { dirname, join, relative } from "node:path";
// The same definitions as every package (plain JavaScript: this runs before anything is built).
import { findChromium, findRepoRoot, resolveContentDir } from "../packages/concept/src/node/environment.js";
import { check } from "./check.mjs";

const root = findRepoRoot();
const [task, ...rest] = process.argv.slice(2);
if (!task) {
  process.stderr.write("Aufruf: node scripts/turbo.mjs <build|test|typecheck> [turbo-Optionen]\n");
  process.exit(2);
}

const contentDir = resolveContentDir(process.env, root).abs;

function hashFolder(dir) {
  const hash = createHash("sha256");
  const walk = (d) => {
    let entries = [];
    try {
      entries = readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    } catch {
      return;
    }
    for (const e of entries) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile())
        hash
          .update(`${relative(dir, p)}\0`)
          .update(readFileSync(p))
          .update("\0");
    }
  };
  walk(dir);
  return hash.digest("hex");
}

/** The browser the deck export will use, with its size (a changed browser is a different build), or "none". */
function chromium() {
  const p = findChromium();
  return p ? `${p}@${statSync(p).size}` : "none";
}

const env = {
  ...process.env,
  // CONTENT_DIR stays as the user gave it: every tool resolves it against the repository root and shows it so.
  CONTENT_HASH: hashFolder(contentDir),
  DECK_CHROMIUM: chromium(),
  TURBO_TELEMETRY_DISABLED: "1",
  DO_NOT_TRACK: "1",
  DECK_OUT_DIR: join(root, ".build", "decks"),
  FLYER_OUT_DIR: join(root, ".build", "flyers"),
};

/** The apps' output folders: .build/<app> is what turbo caches, out/<app> what users and tests read. */
const APPS = ["decks", "flyers"];

const bin = join(root, "node_modules", ".bin");
if (task === "build") await validateFirst();

/**
 * Validates the content before turbo starts (scripts/check.mjs, the check of `pnpm check` without the layout of
 * the flyers, which is each flyer's own part of the build): a content mistake is reported once, plainly, and
 * nothing in out/ is touched. A folder that already passed with the same loader and fonts is not checked again:
 * the key is the content hash plus a hash of the loader's and the brand's sources, the lockfile (font versions)
 * and the check itself, kept in node_modules/.cache.
 */
async function validateFirst() {
  const key = createHash("sha256").update(env.CONTENT_HASH);
  for (const dir of [join(root, "packages", "concept", "src"), join(root, "packages", "brand", "src")])
    key.update(hashFolder(dir));
  for (const file of [join(root, "pnpm-lock.yaml"), join(root, "scripts", "check.mjs")]) key.update(readFileSync(file));
  const digest = key.digest("hex");
  const stamp = join(root, "node_modules", ".cache", "opendata-content-check");
  if (existsSync(stamp) && readFileSync(stamp, "utf8") === digest) return;
  const code = await check({ env, layout: false, out: { write() {} }, err: process.stderr });
  if (code !== 0) {
    process.stderr.write("Der Build wurde nicht gestartet; die bisherigen Ausgaben in out/ bleiben unverändert.\n");
    process.exit(code === 2 ? 2 : 1);
  }
  mkdirSync(dirname(stamp), { recursive: true });
  writeFileSync(stamp, digest);
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
