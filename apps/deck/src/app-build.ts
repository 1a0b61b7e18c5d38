/**
 * The deck's compiled app: one Slidev build that serves every variant and every content, because the slides,
 * their titles and notes come from deck-data.json at run time (src/runtime/). It is rebuilt only when a file it
 * is made from changes: the deck's sources, the shared packages' builds, the lockfile and patches. A content
 * edit, even a new Maßnahme or variant, reuses it.
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";

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
const SKIP = new Set(["node_modules", "test", "test-results", ".turbo"]);
/** Files of src/ that only the build runs (the PDF export, this file): not part of the app. */
const BUILD_ONLY = /(^|\/)src\/(export-|pdf-|app-build\.ts$)/;
/** Files of the shared packages that end up in the browser bundle: their builds and stylesheets. */
const packageFile = (rel: string) => /(^|\/)dist\//.test(rel) || rel.endsWith(".css");

function walk(dir: string, out: string[]) {
  if (!existsSync(dir)) return;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(e.name)) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (e.isFile()) out.push(p);
  }
}

/** A digest of every file the compiled app is made from. */
export function appHash(root: string, appDir: string): string {
  const files: string[] = [];
  for (const f of SOURCES.deck) {
    const p = join(appDir, f);
    if (f.includes(".")) files.push(p);
    else walk(p, files);
  }
  for (let i = files.length - 1; i >= 0; i--) if (BUILD_ONLY.test(relative(appDir, files[i]!))) files.splice(i, 1);
  for (const f of SOURCES.root) {
    const p = join(root, f);
    if (f.includes(".")) files.push(p);
    else walk(p, files);
  }
  const packages = join(root, "packages");
  for (const pkg of readdirSync(packages)) {
    const found: string[] = [];
    walk(join(packages, pkg), found);
    files.push(...found.filter((f) => packageFile(relative(join(packages, pkg), f))));
  }
  const hash = createHash("sha256");
  for (const f of files.filter((p) => existsSync(p)).sort())
    hash
      .update(`${relative(root, f)}\0`)
      .update(readFileSync(f))
      .update("\0");
  return hash.digest("hex");
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
