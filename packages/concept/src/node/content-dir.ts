import { existsSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root: the nearest folder upwards that holds pnpm-workspace.yaml. */
export function findRepoRoot(from: string = dirname(fileURLToPath(import.meta.url))): string {
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
export function resolveContentDir(env: NodeJS.ProcessEnv = process.env, root: string = findRepoRoot()) {
  const given = env.CONTENT_DIR?.trim() || "content";
  const abs = isAbsolute(given) ? given : resolve(root, given);
  const display = isAbsolute(given) ? given : relative(root, abs) || ".";
  return { abs, display, root };
}
