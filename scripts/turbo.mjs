#!/usr/bin/env node
/**
 * Thin wrapper around `turbo run <task>`: prepares what turbo cannot see for itself and reports the result.
 * - CONTENT_DIR is resolved against the repository root and its files are hashed into CONTENT_HASH, which the
 *   app tasks declare: a build for another content folder, or an edited file in a folder outside the
 *   repository, never serves cached output of another.
 * - HISTORY_HASH digests the content's git history and SEIT (build-cache.js historyDigest): the changes since the
 *   previous Stand come from it, so a new commit of the content is a different build even where the files are not.
 * - DECK_CHROMIUM names the browser used for the PDF export, with its version ("none" when missing), so a build
 *   without PDFs, or with another browser, is never served from cache.
 * - `build` validates the content first: on a content error nothing is touched and the exit code is 1.
 * - The apps build into the build area .build/<app>/ (turbo's cached outputs). Each output is its own transaction:
 *   one that cannot be built keeps its last good file, every other is built and published. The build area is
 *   published into OUT_DIR (default out/) by the apps' manifests, one app folder at a time by rename, so OUT_DIR
 *   holds exactly the outputs of the content just built, whatever the cache replayed; then the overview page
 *   OUT_DIR/index.html is written. The build ends with what it wrote, what is not up to date and why, in German,
 *   and exits 1 when something is not up to date.
 * - By default only the German progress is shown (one line per output; „aus dem Zwischenspeicher“ for replayed
 *   work) and the summary; the tools' own output appears with `--ausfuehrlich` (or BUILD_VERBOSE=1), and always
 *   for a task that fails.
 * - `test` first runs the build (and publishes it, which the tests read), then the tests.
 */
import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";
import { createInterface } from "node:readline";
import { pathToFileURL } from "node:url";
// The same definitions as every package (plain JavaScript: this runs before anything is built).
import { browserIdentity, Digest, historyDigest, readManifest } from "../packages/concept/src/node/build-cache.js";
import { findChromium, findRepoRoot, resolveContentDir } from "../packages/concept/src/node/environment.js";
import { check } from "./check.mjs";

const root = findRepoRoot();
const argv = process.argv.slice(2);
const VERBOSE_FLAGS = ["--ausfuehrlich", "--ausführlich", "-v"];
const verbose = argv.some((a) => VERBOSE_FLAGS.includes(a)) || process.env.BUILD_VERBOSE === "1";
const [task, ...rest] = argv.filter((a) => !VERBOSE_FLAGS.includes(a));
if (!task) {
  process.stderr.write("Aufruf: node scripts/turbo.mjs <build|test|typecheck> [--ausfuehrlich] [turbo-Optionen]\n");
  process.exit(2);
}

const content = resolveContentDir(process.env, root);
/** Where the outputs are published: OUT_DIR (relative to the repository root), default out/. */
const outGiven = process.env.OUT_DIR?.trim() || "out";
const outRoot = isAbsolute(outGiven) ? outGiven : resolve(root, outGiven);
const shownOut = (() => {
  const rel = relative(root, outRoot);
  return rel && !rel.startsWith("..") && !isAbsolute(rel) ? rel : outRoot;
})();

const env = {
  ...process.env,
  // CONTENT_DIR stays as the user gave it: every tool resolves it against the repository root and shows it so.
  CONTENT_HASH: new Digest().tree("content", content.abs).hex(),
  // The content's history (what changed since the previous Stand, the Verlauf) and the baseline SEIT names: a new
  // Stand commit builds again, a commit outside the content folder does not.
  HISTORY_HASH: historyDigest(content.abs, process.env),
  // The browser the deck export will use, with its version (an upgraded browser is a different build), or "none".
  DECK_CHROMIUM: browserIdentity(findChromium()),
  TURBO_TELEMETRY_DISABLED: "1",
  DO_NOT_TRACK: "1",
  DECK_OUT_DIR: join(root, ".build", "decks"),
  FLYER_OUT_DIR: join(root, ".build", "flyers"),
  BERICHT_OUT_DIR: join(root, ".build", "bericht"),
};

/** The apps whose outputs are published, by their folder in the build area and in OUT_DIR. */
const APPS = [
  { folder: "decks", pkg: "@dus-opendata/deck", label: "Präsentationen" },
  { folder: "flyers", pkg: "@dus-opendata/flyer", label: "Flyer" },
  // The flyer app also makes the Sachstandsbericht (its own manifest, its own folder).
  { folder: "bericht", pkg: "@dus-opendata/flyer", label: "Sachstandsbericht" },
];

const bin = join(root, "node_modules", ".bin");
const say = (line = "") => process.stdout.write(`${line}\n`);
const de = (n, digits = 1) => n.toLocaleString("de-DE", { maximumFractionDigits: digits });
const t0 = performance.now();

/** Where the time of a build goes, for `pnpm bench` (BUILD_PHASES=<file>: written as JSON at the end). */
const phases = {};
const phase = async (name, fn) => {
  const t = performance.now();
  try {
    return await fn();
  } finally {
    phases[name] = Math.round(performance.now() - t);
  }
};

if (task === "build") await phase("Inhalte prüfen", validateFirst);
if (task === "build" && process.env.SEIT?.trim()) await phase("Vergleichsstand prüfen", checkSeit);

/**
 * SEIT names the baseline of the changes (a Stand or a git revision, as `pnpm status --seit` takes it): one that
 * does not exist is a wrong call, answered before anything is built with the Stände there are (exit 2).
 */
async function checkSeit() {
  const seit = process.env.SEIT.trim();
  const { loadConceptSync, resolveBaseline } = await import(
    pathToFileURL(join(root, "packages", "concept", "dist", "node.js")).href
  );
  const current = loadConceptSync(content.abs, { displayDir: content.display });
  const baseline = resolveBaseline(content.abs, seit, { displayDir: content.display, current });
  if (baseline.found || baseline.kind !== "unknown") return;
  process.stderr.write(
    `SEIT=${seit}: ${baseline.reason}\nDer Build wurde nicht gestartet; die bisherigen Ausgaben in ${shownOut}/ bleiben unverändert.\n`,
  );
  process.exit(2);
}

/**
 * Validates the content before turbo starts (scripts/check.mjs, the check of `pnpm check` without the layout of
 * the flyers, which is each flyer's own transaction in the build): every file, reference and selection, and every
 * character against the outputs' fonts. A content mistake is reported once, plainly, and nothing in out/ is
 * touched. A folder that already passed with the same loader and fonts is not checked again: the key is the
 * content hash plus a hash of the loader's and the brand's sources, the lockfile (font versions) and the check
 * itself, kept in node_modules/.cache.
 */
async function validateFirst() {
  const key = new Digest()
    .add("content", env.CONTENT_HASH)
    .tree("loader", join(root, "packages", "concept", "src"))
    .tree("brand", join(root, "packages", "brand", "src"))
    .file("lockfile", join(root, "pnpm-lock.yaml"))
    .file("check", join(root, "scripts", "check.mjs"))
    .hex();
  const stamp = join(root, "node_modules", ".cache", "opendata-content-check");
  if (existsSync(stamp) && readFileSync(stamp, "utf8") === key) return;
  const code = await check({ env, layout: false, out: { write() {} }, err: process.stderr });
  if (code !== 0) {
    process.stderr.write(
      `Der Build wurde nicht gestartet; die bisherigen Ausgaben in ${shownOut}/ bleiben unverändert.\n`,
    );
    process.exit(code === 2 ? 2 : 1);
  }
  mkdirSync(dirname(stamp), { recursive: true });
  writeFileSync(stamp, key);
}

const dry = rest.some((a) => a.startsWith("--dry"));

/** Runs a turbo task with its output as it comes (tests, typecheck: the tools' output is what one wants). */
function turboPlain(t, extra = []) {
  const run = spawnSync(join(bin, "turbo"), ["run", t, "--env-mode=strict", ...extra, ...rest], {
    env,
    stdio: "inherit",
    cwd: root,
  });
  return run.status ?? 1;
}

/**
 * Runs `turbo run build` and shows what a maintainer needs: the apps' own German lines as they come, one line for
 * an app whose work came from the cache, and the full output of any task that failed (or everything, verbose).
 * Every task runs, also when another fails (`--continue`). Resolves to the apps (by package) whose task failed.
 */
function turboBuild() {
  return new Promise((done) => {
    // Only the apps that make outputs, and what they are built from (the editor and the checkers are not outputs).
    const filters = [...new Set(APPS.map((a) => `--filter=${a.pkg}`))];
    const args = [
      "run",
      "build",
      "--env-mode=strict",
      "--continue",
      "--log-prefix=task",
      "--output-logs=new-only",
      ...filters,
    ];
    const child = spawn(join(bin, "turbo"), [...args, ...rest], { env, cwd: root, stdio: ["ignore", "pipe", "pipe"] });
    /** Lines per task (`@scope/pkg:build`), shown only when it fails; turbo's own lines under "". */
    const logs = new Map();
    const failed = new Set();
    /** The outputs (folders) each app task makes. */
    const apps = new Map();
    for (const a of APPS) apps.set(`${a.pkg}:build`, [...(apps.get(`${a.pkg}:build`) ?? []), a]);
    const onLine = (line) => {
      if (verbose) say(line);
      const m = /^(@[\w.-]+\/[\w.-]+:[\w:-]+): ?(.*)$/.exec(line);
      const taskId = m?.[1] ?? "";
      const text = m ? m[2] : line;
      if (!logs.has(taskId)) logs.set(taskId, []);
      logs.get(taskId).push(text);
      if (/ERROR: command finished with error|command .* exited \(\d+\)/.test(text) && taskId) failed.add(taskId);
      const f = /^\s*Failed:\s+(@[\w.-]+\/[\w.-]+)#(\S+)/.exec(line);
      if (f) failed.add(`${f[1]}:${f[2]}`);
      if (verbose) return;
      const outputs = apps.get(taskId);
      if (!outputs) return;
      if (/^cache hit/.test(text))
        for (const app of outputs) say(`${app.label}: aus dem Zwischenspeicher (nichts geändert)`);
      else if (!/^cache (miss|bypass)/.test(text) && !/ERROR: command finished with error/.test(text) && text.trim())
        // The apps name their files in the build area; the maintainer meets them where they are published.
        say(
          outputs.reduce((line, app) => line.replaceAll(`.build/${app.folder}/`, `${shownOut}/${app.folder}/`), text),
        );
    };
    createInterface({ input: child.stdout }).on("line", onLine);
    createInterface({ input: child.stderr }).on("line", onLine);
    child.on("close", (code) => {
      // The full output of a tool task that failed (an app's own messages were shown as they came).
      if (!verbose)
        for (const id of failed) {
          if (apps.has(id)) continue;
          process.stderr.write(`\nAusgabe von ${id}:\n${(logs.get(id) ?? []).join("\n")}\n`);
        }
      if (code !== 0 && failed.size === 0 && !verbose)
        process.stderr.write(
          `\n${(logs.get("") ?? []).join("\n")}\n${[...logs.values()].flat().slice(-40).join("\n")}\n`,
        );
      done({
        code: code ?? 1,
        // An app whose task failed broke off in its first output folder; the others it makes (the flyer app's
        // Sachstandsbericht) are their own transactions and say in their manifests whether they are up to date.
        failed: APPS.filter((a, i) => failed.has(`${a.pkg}:build`) && APPS.findIndex((b) => b.pkg === a.pkg) === i),
        toolsFailed: [...failed].filter((id) => !apps.has(id)),
      });
    });
  });
}

/** The files an app's manifest names (a site is its folder), relative to the app's folder; with the manifest. */
function manifestFiles(dir, app) {
  const manifest = readManifest(join(dir, ".manifest", `${app}.json`));
  if (!manifest) return undefined;
  const paths = new Set([`.manifest/${app}.json`]);
  for (const f of manifest.files) paths.add(f.path.endsWith("/index.html") ? dirname(f.path) : f.path);
  return { manifest, paths: [...paths] };
}

/**
 * Publishes the build area into OUT_DIR: per app, exactly the files its manifest names are copied beside OUT_DIR's
 * folder and swapped in with two renames. Files the cache left in the build area from another content, and files
 * in OUT_DIR that the current content does not have, are never published.
 */
function publish() {
  mkdirSync(outRoot, { recursive: true });
  const work = join(dirname(outRoot), `.${outRoot.split(/[\\/]/).at(-1)}-veroeffentlichen-${process.pid}`);
  rmSync(work, { recursive: true, force: true });
  try {
    for (const { folder } of APPS) {
      const from = join(root, ".build", folder);
      const listed = existsSync(from) ? manifestFiles(from, folder) : undefined;
      if (!listed) continue;
      const next = join(work, "next", folder);
      mkdirSync(next, { recursive: true });
      for (const p of listed.paths)
        if (existsSync(join(from, p))) cpSync(join(from, p), join(next, p), { recursive: true });
      const to = join(outRoot, folder);
      const old = join(work, "old", folder);
      mkdirSync(dirname(old), { recursive: true });
      if (existsSync(to)) renameSync(to, old);
      renameSync(next, to);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (task === "test") {
  const built = await turboBuild();
  if (!dry) {
    publish();
    const { writeOverview } = await import("./overview.mjs");
    await writeOverview({ root, outRoot, content, failed: built.failed.map((a) => a.folder) });
  }
  if (built.toolsFailed.length) process.exit(1);
  // Every package's tests run, also when one fails: the report names every failure at once.
  process.exit(
    turboPlain("test", ["--continue", ...(process.env.CI ? ["--output-logs=new-only", "--log-order=grouped"] : [])]),
  );
}

if (task !== "build")
  process.exit(turboPlain(task, process.env.CI ? ["--output-logs=new-only", "--log-order=grouped"] : []));

// A dry run prints turbo's own plan (JSON for --dry=json), untouched, and builds nothing.
if (dry) process.exit(turboPlain("build"));

const built = await phase("Apps bauen (turbo)", turboBuild);
await phase("Veröffentlichen", publish);

// What the apps wrote (OUT_DIR/<app>/.manifest/<app>.json), and what is not up to date and why.
const rows = [];
const stale = [];
const notices = [];
let stand = "";
for (const app of APPS) {
  const manifest = readManifest(join(outRoot, app.folder, ".manifest", `${app.folder}.json`));
  if (!manifest) continue;
  const staleFiles = new Set((manifest.stale ?? []).flatMap((s) => s.files));
  for (const f of manifest.files)
    rows.push({ ...f, path: `${shownOut}/${app.folder}/${f.path}`, stale: staleFiles.has(f.path) });
  for (const s of manifest.stale ?? []) stale.push(s.reason);
  for (const n of manifest.notices ?? []) notices.push(n);
  stand ||= manifest.stand;
}
for (const app of built.failed)
  if (!stale.some((r) => r.includes(app.label)))
    stale.push(
      `${app.label}: Der Build ist abgebrochen (Meldungen oben); ${shownOut}/${app.folder}/ zeigt den letzten erfolgreichen Stand.`,
    );
for (const id of built.toolsFailed)
  stale.push(
    `${id.replace(/:build$/, "")} ließ sich nicht bauen (Ausgabe oben); die Ausgaben, die davon abhängen, sind nicht neu erzeugt.`,
  );

const { writeOverview } = await import("./overview.mjs");
const overview = await phase("Übersichtsseite", () =>
  writeOverview({ root, outRoot, content, failed: built.failed.map((a) => a.folder) }).catch((e) => {
    stale.push(`Die Übersichtsseite ließ sich nicht schreiben: ${e instanceof Error ? e.message : e}`);
    return undefined;
  }),
);
if (overview)
  rows.unshift({ path: `${shownOut}/index.html`, pages: overview.outputs, bytes: overview.bytes, overview: true });

const width = Math.max(...rows.map((r) => r.path.length), 10);
say(`\nGeschrieben nach ${shownOut}/ (Inhalte aus ${content.display}/):`);
for (const r of rows) {
  const unit = r.overview ? "Ausgaben" : r.path.endsWith(".html") ? "Folien" : r.pages === 1 ? "Seite" : "Seiten";
  const kb = Math.round(r.bytes / 1024).toLocaleString("de-DE");
  say(
    `  ${r.path.padEnd(width)}  ${String(r.pages).padStart(3)} ${unit.padEnd(8)} ${kb.padStart(6)} KB${r.stale ? "  nicht aktuell" : ""}`,
  );
}
if (content.display !== "content" && outGiven === "out")
  say(
    `Hinweis: ${shownOut}/ enthält jetzt die Ausgaben von ${content.display}/. Für einen Entwurf besser einen eigenen Ordner angeben, z. B. OUT_DIR=entwurf-ausgaben.`,
  );
if (stand) say(`Stand der Inhalte: ${stand}`);
if (notices.length) say(`Hinweise:\n${notices.map((n) => `  – ${n}`).join("\n")}`);
if (stale.length) {
  process.stderr.write(`\nNicht aktuell (${stale.length}):\n${stale.map((s) => `  – ${s}`).join("\n")}\n`);
}
say(`Fertig in ${de((performance.now() - t0) / 1000)} s (Node ${process.versions.node}).`);
if (process.env.BUILD_PHASES) writeFileSync(process.env.BUILD_PHASES, JSON.stringify(phases));
process.exit(stale.length || built.code !== 0 ? 1 : 0);
