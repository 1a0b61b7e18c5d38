/** How every tool starts the system's Chromium headless: as root, without a GPU, without connections of its own. */
export declare const CHROMIUM_ARGS: readonly string[];

/** Where Debian and Ubuntu install Chromium; CHROMIUM_PATH overrides them. */
export declare const CHROMIUM_CANDIDATES: readonly string[];

/** The repository root: the nearest folder upwards that holds pnpm-workspace.yaml. */
export declare function findRepoRoot(from?: string): string;

/** The content folder from `CONTENT_DIR` (default `content`), resolved against the repository root. */
export declare function resolveContentDir(
  env?: NodeJS.ProcessEnv,
  root?: string,
): {
  /** Absolute path of the folder. */
  abs: string;
  /** The path as the user gave it (relative to the root, or absolute), for messages. */
  display: string;
  root: string;
};

/** The system's Chromium: CHROMIUM_PATH when set (and then only that path), else a default place; or undefined. */
export declare function findChromium(env?: NodeJS.ProcessEnv): string | undefined;
