/**
 * Where things are on this machine: the repository, the content folder, the browser for PDF exports.
 * Plain JavaScript (types in environment.d.ts), so that scripts/turbo.mjs can use the same definitions before
 * anything is built; the package's node entry bundles it.
 */
import { existsSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * How every tool starts the system's Chromium headless: as root in a container (no sandbox), without a GPU, and
 * without any connection of its own (no updates, sync or background requests).
 */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
];

/** Where Debian and Ubuntu install Chromium; CHROMIUM_PATH overrides them. */
export const CHROMIUM_CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];

/** The repository root: the nearest folder upwards that holds pnpm-workspace.yaml. */
export function findRepoRoot(from = dirname(fileURLToPath(import.meta.url))) {
  let dir = resolve(from);
  for (;;) {
    if (existsSync(join(dir, "pnpm-workspace.yaml"))) return dir;
    const up = dirname(dir);
    if (up === dir) return process.cwd();
    dir = up;
  }
}

/**
 * The content folder from `CONTENT_DIR` (default `content`); a relative path is taken from the repository root.
 * `display` is the path as the user gave it, for messages.
 */
export function resolveContentDir(env = process.env, root = findRepoRoot()) {
  const given = env.CONTENT_DIR?.trim() || "content";
  const abs = isAbsolute(given) ? given : resolve(root, given);
  const display = isAbsolute(given) ? given : relative(root, abs) || ".";
  return { abs, display, root };
}

/**
 * The system's Chromium: CHROMIUM_PATH when set (and then only that path), else the first of CHROMIUM_CANDIDATES
 * that exists; undefined when there is none.
 */
export function findChromium(env = process.env) {
  const chosen = env.CHROMIUM_PATH?.trim();
  return (chosen ? [chosen] : CHROMIUM_CANDIDATES).find((p) => existsSync(p));
}
