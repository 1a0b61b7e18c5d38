/**
 * Builds the decks, the flyers and the Sachstandsbericht of a content folder into a folder of their own, the way the root build runs the two
 * apps (their build commands with CONTENT_DIR and the output folder set), without touching the repository's out/.
 */
import { spawn } from "node:child_process";
import { join } from "node:path";
import { findRepoRoot } from "@dus-opendata/concept/node";

export const root = findRepoRoot();

export interface Run {
  status: number;
  stdout: string;
  stderr: string;
  ms: number;
}

function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<Run> {
  const t = performance.now();
  return new Promise((ok) => {
    const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => {
      stdout += d;
    });
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    child.on("close", (code) => ok({ status: code ?? 1, stdout, stderr, ms: performance.now() - t }));
  });
}

export interface BuildOptions {
  /** Content folder (absolute). */
  content: string;
  /** Output folder: decks go to <out>/decks, flyers to <out>/flyers, the Sachstandsbericht to <out>/bericht. */
  out: string;
  /** Folder of the deck's compiled app; default the deck's own (compiled when out of date). */
  appDir?: string;
  /** More environment (SEIT, DECK_VARIANTS). */
  env?: NodeJS.ProcessEnv;
}

export function buildDecks(o: BuildOptions): Promise<Run> {
  return run(process.execPath, ["scripts/deck.mjs"], join(root, "apps", "deck"), {
    CONTENT_DIR: o.content,
    DECK_OUT_DIR: join(o.out, "decks"),
    ...(o.appDir ? { DECK_APP_DIR: o.appDir } : {}),
    ...o.env,
  });
}

export function buildFlyers(o: BuildOptions): Promise<Run> {
  return run(process.execPath, ["scripts/flyer.mjs", "build"], join(root, "apps", "flyer"), {
    CONTENT_DIR: o.content,
    FLYER_OUT_DIR: join(o.out, "flyers"),
    // The flyer app also writes the Sachstandsbericht: never into the repository's out/.
    BERICHT_OUT_DIR: join(o.out, "bericht"),
    ...o.env,
  });
}

/** Both apps, one after the other (each prints with its own browser or renderer). */
export async function buildAll(o: BuildOptions): Promise<{ decks: Run; flyers: Run }> {
  const decks = await buildDecks(o);
  const flyers = await buildFlyers(o);
  return { decks, flyers };
}
