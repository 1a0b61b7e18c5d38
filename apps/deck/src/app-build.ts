/**
 * The deck's compiled app: one Slidev build that serves every variant and every content, because the slides,
 * their titles and notes come from deck-data.json at run time (src/runtime/). It is rebuilt only when a file it
 * is made from changes: the deck's sources, the shared packages' builds, the lockfile and patches. A content
 * edit, even a new Maßnahme or variant, reuses it.
 */
import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { Digest } from "@dus-opendata/concept/node";

/** What the app is made from, relative to the repository root; folders are read recursively. */
const SOURCES = {
  deck: [
    "slides.md",
    "vite.config.ts",
    "slide-top.vue",
    "components",
    "kinds",
    "layouts",
    "setup",
    "styles",
    "public",
    "src",
    "package.json",
  ],
  root: ["pnpm-lock.yaml", "patches"],
};
const SKIP = ["node_modules", "test", "test-results", ".turbo"];
/** Files of src/ that only the build runs (the PDF export, notes and handouts, this file): not part of the app. */
const BUILD_ONLY = /^src\/(export-|pdf-|chromium-|handout-|app-build\.ts$)/;
/** Files of the shared packages that end up in the browser bundle: their builds and stylesheets. */
const packageFile = (rel: string) => /(^|\/)dist\//.test(rel) || rel.endsWith(".css");

/** A digest of every file the compiled app is made from. */
export function appHash(root: string, appDir: string): string {
  const digest = new Digest();
  for (const f of SOURCES.deck) {
    if (f.includes(".")) digest.file(`deck/${f}`, join(appDir, f));
    else digest.tree(`deck/${f}`, join(appDir, f), { skip: SKIP, keep: (rel) => !BUILD_ONLY.test(`${f}/${rel}`) });
  }
  for (const f of SOURCES.root) {
    if (f.includes(".")) digest.file(f, join(root, f));
    else digest.tree(f, join(root, f), { skip: SKIP });
  }
  const packages = join(root, "packages");
  for (const pkg of readdirSync(packages).sort())
    digest.tree(`packages/${pkg}`, join(packages, pkg), { skip: SKIP, keep: packageFile });
  return digest.hex();
}

export interface App {
  dir: string;
  hash: string;
  /** True when this call compiled it; false when the existing build was current. */
  compiled: boolean;
}

const STAMP = ".app-hash";

/**
 * The compiled app in <appDir>/.app (or DECK_APP_DIR), compiled first when it is missing or out of date. It is
 * always compiled in the deck's folder (Slidev's output depends on the project's path), only written elsewhere.
 */
export async function ensureApp(
  root: string,
  appDir: string,
  options: { force?: boolean; dir?: string } = {},
): Promise<App> {
  const own = options.dir ?? (process.env.DECK_APP_DIR ? resolve(process.env.DECK_APP_DIR) : undefined);
  const dir = own ?? join(appDir, ".app");
  const hash = appHash(root, appDir);
  const stamp = join(dir, STAMP);
  if (!options.force && existsSync(stamp) && readFileSync(stamp, "utf8") === hash)
    return { dir, hash, compiled: false };
  removeAbandoned(dir);
  const staging = `${dir}.neu-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  try {
    await slidevBuild(appDir, staging);
    writeFileSync(join(staging, STAMP), hash);
    const old = `${dir}.alt-${process.pid}`;
    if (existsSync(dir)) renameSync(dir, old);
    renameSync(staging, dir);
    rmSync(old, { recursive: true, force: true });
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return { dir, hash, compiled: true };
}

/** Whether a process with this id runs (a signal 0 only asks). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Folders a compile left beside the app when its process was killed before it could clean up: the staging
 * folder (`.app.neu-<pid>`) and the replaced app (`.app.alt-<pid>`) of a process that no longer runs.
 */
export function removeAbandoned(dir: string): void {
  const parent = dirname(dir);
  if (!existsSync(parent)) return;
  const prefix = `${basename(dir)}.`;
  for (const name of readdirSync(parent)) {
    const m = name.startsWith(prefix) ? /^(?:neu|alt)-(\d+)$/.exec(name.slice(prefix.length)) : null;
    if (m && !alive(Number(m[1]))) rmSync(join(parent, name), { recursive: true, force: true });
  }
}

function slidevBuild(appDir: string, out: string): Promise<void> {
  return new Promise((ok, fail) => {
    const child = spawn(
      join(appDir, "node_modules", ".bin", "slidev"),
      ["build", "slides.md", "--base", "./", "--out", out],
      {
        cwd: appDir,
        env: { ...process.env, NODE_ENV: "production" },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let log = "";
    child.stdout.on("data", (d) => {
      log += d;
    });
    child.stderr.on("data", (d) => {
      log += d;
    });
    child.on("error", fail);
    child.on("close", (code) => {
      if (code === 0) ok();
      else fail(new Error(`Die Präsentations-App ließ sich nicht bauen (Slidev, Exit ${code}):\n${log.slice(-4000)}`));
    });
  });
}
