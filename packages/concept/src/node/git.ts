import { spawnSync } from "node:child_process";

/** What a git process gave back. */
export interface GitRun {
  code: number;
  stdout: Buffer;
  stderr: string;
}

/** Git is not installed (or not on PATH). */
export class GitMissing extends Error {}

/** Git answered with an error; the message is git's first line. */
export class GitFailed extends Error {}

/**
 * Variables that point git at another repository or index than the one that holds the folder: set inside git hooks
 * and by some editors. The history is always read from the repository around the content folder.
 */
const REDIRECTING = [
  "GIT_DIR",
  "GIT_WORK_TREE",
  "GIT_INDEX_FILE",
  "GIT_PREFIX",
  "GIT_COMMON_DIR",
  "GIT_OBJECT_DIRECTORY",
  "GIT_ALTERNATE_OBJECT_DIRECTORIES",
  "GIT_NAMESPACE",
];

function gitEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of REDIRECTING) delete env[name];
  // Messages in one language to recognise them; no prompt, no lock, no fetch of missing objects (offline).
  env.LC_ALL = "C";
  env.LANGUAGE = "C";
  env.GIT_TERMINAL_PROMPT = "0";
  env.GIT_OPTIONAL_LOCKS = "0";
  env.GIT_NO_LAZY_FETCH = "1";
  return env;
}

/**
 * Settings a user's configuration may have that would change the output parsed here (signatures printed by
 * `git log`, renames followed for a single path).
 */
const NEUTRAL_CONFIG = ["-c", "log.showSignature=false", "-c", "log.follow=false", "-c", "core.quotePath=false"];

/** Content folders are small; this bounds what one git process may print (the blobs of many commits). */
const MAX_OUTPUT = 512 * 1024 * 1024;

export function runGit(cwd: string, args: readonly string[], input?: string): GitRun {
  const r = spawnSync("git", [...NEUTRAL_CONFIG, ...args], {
    cwd,
    env: gitEnv(),
    input,
    maxBuffer: MAX_OUTPUT,
    stdio: ["pipe", "pipe", "pipe"],
  });
  if (r.error) {
    if ((r.error as NodeJS.ErrnoException).code === "ENOENT") throw new GitMissing("git");
    throw r.error;
  }
  return { code: r.status ?? 1, stdout: r.stdout, stderr: r.stderr.toString("utf8") };
}

/** One object as `git cat-file --batch` describes it. */
export interface GitObject {
  oid: string;
  type: "blob" | "tree" | "commit" | "tag";
  size: number;
  /** The object's bytes (only with contents). */
  bytes?: Buffer;
}

const HEADER = /^([0-9a-f]{40}|[0-9a-f]{64}) (blob|tree|commit|tag) (\d+)$/;

/**
 * Looks up many objects in one git process: `requests` are object names (`<oid>`, `<commit>:<path>`), answered in
 * order; undefined where there is no such object. With `contents`, the bytes of each object come along.
 */
export function catFile(cwd: string, requests: readonly string[], contents: boolean): (GitObject | undefined)[] {
  if (requests.length === 0) return [];
  const r = runGit(cwd, ["cat-file", contents ? "--batch" : "--batch-check"], `${requests.join("\n")}\n`);
  if (r.code !== 0) throw new GitFailed(r.stderr.trim());
  const out = r.stdout;
  const objects: (GitObject | undefined)[] = [];
  let at = 0;
  for (let i = 0; i < requests.length; i++) {
    const end = out.indexOf(0x0a, at);
    if (end < 0) throw new GitFailed("git cat-file: output ends early");
    const header = out.subarray(at, end).toString("utf8");
    at = end + 1;
    const m = HEADER.exec(header);
    if (!m) {
      // „<name> missing“ (or „ambiguous“): nothing follows.
      objects.push(undefined);
      continue;
    }
    const object: GitObject = { oid: m[1] as string, type: m[2] as GitObject["type"], size: Number(m[3]) };
    if (contents) {
      object.bytes = out.subarray(at, at + object.size);
      at += object.size + 1;
    }
    objects.push(object);
  }
  return objects;
}

/** One entry of a tree object. */
export interface TreeEntry {
  name: string;
  /** `40000` a folder, `100644`/`100755` a file, `120000` a symbolic link, `160000` a submodule. */
  mode: string;
  oid: string;
}

/** Reads git's binary tree format: `<mode> <name>\0<raw object id>` after one another. */
export function parseTree(bytes: Buffer, oidHexLength: number): TreeEntry[] {
  const raw = oidHexLength / 2;
  const entries: TreeEntry[] = [];
  let at = 0;
  while (at < bytes.length) {
    const space = bytes.indexOf(0x20, at);
    const nul = bytes.indexOf(0x00, space);
    if (space < 0 || nul < 0) break;
    entries.push({
      mode: bytes.subarray(at, space).toString("latin1"),
      name: bytes.subarray(space + 1, nul).toString("utf8"),
      oid: bytes.subarray(nul + 1, nul + 1 + raw).toString("hex"),
    });
    at = nul + 1 + raw;
  }
  return entries;
}
