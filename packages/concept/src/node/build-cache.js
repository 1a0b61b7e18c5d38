/**
 * The one build cache of the repository: digests of files and folders (the keys that say whether an output must be
 * made again) and the manifest each output folder keeps of what it holds. The root build (scripts/turbo.mjs), the
 * compiled launchers (scripts/run-compiled.mjs), the deck and the flyers use it. Plain JavaScript (types in
 * build-cache.d.ts): scripts/turbo.mjs runs it before anything is built.
 *
 * A key is a SHA-256 over labelled parts, written with their paths relative to where they live, so the same code and
 * content give the same key in any checkout.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";

export const sha256 = (bytes) => createHash("sha256").update(bytes).digest("hex");

/** A digest being built from labelled parts. */
export class Digest {
  #hash = createHash("sha256");

  /** A text or bytes under a label. */
  add(label, value) {
    this.#hash.update(`${label}\0`).update(value).update("\0");
    return this;
  }

  /** A file's bytes under a label; a missing file counts as missing, not as empty. */
  file(label, path) {
    return this.add(label, existsSync(path) ? readFileSync(path) : "\0(fehlt)");
  }

  /**
   * Every file below `dir` that `keep(relativePath, name)` accepts, by its path relative to `dir`, in a fixed order;
   * folders whose name is in `skip` are left out.
   */
  tree(label, dir, { keep = () => true, skip = [] } = {}) {
    for (const rel of listTree(dir, skip))
      if (keep(rel, rel.slice(rel.lastIndexOf("/") + 1))) this.file(`${label}/${rel}`, join(dir, rel));
    return this;
  }

  hex() {
    return this.#hash.digest("hex");
  }
}

/** The files below `dir` (relative paths with `/`), sorted; nothing when it does not exist. */
export function listTree(dir, skip = []) {
  const out = [];
  const walk = (rel) => {
    let entries;
    try {
      entries = readdirSync(rel ? join(dir, rel) : dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (skip.includes(e.name)) continue;
      const path = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(path);
      else if (e.isFile()) out.push(path);
    }
  };
  walk("");
  return out;
}

/** The newest modification time of any file below `dir` (0 when there is none). */
export function newestIn(dir) {
  return listTree(dir).reduce((t, rel) => Math.max(t, statSync(join(dir, rel)).mtimeMs), 0);
}

/**
 * A digest of the content's git history as far as the outputs depend on it, for the root build's cache key beside
 * the content hash: the commits of the first-parent line that touched the content folder, whether the clone is
 * shallow, and the baseline `SEIT` names (with the commit a revision stands for). A commit that touches nothing in
 * the content folder leaves it as it was. The apps key each output by its resolved record, which holds exactly the
 * history it shows (node/progress.ts). Outside git: a digest of that fact.
 */
export function historyDigest(dir, env = process.env) {
  const seit = env.SEIT?.trim() ?? "";
  const digest = new Digest().add("seit", seit);
  const git = (cwd, args) =>
    spawnSync("git", args, { cwd, encoding: "utf8", maxBuffer: 256 * 1024 * 1024, env: { ...env, GIT_PAGER: "cat" } });
  const top = existsSync(dir)
    ? git(dir, ["rev-parse", "--show-toplevel", "--show-prefix", "--is-shallow-repository"])
    : undefined;
  if (top?.status !== 0) return digest.add("git", "kein Repository").hex();
  const [repository = dir, prefix = "", shallow = ""] = top.stdout.split("\n");
  const path = prefix.replace(/\/$/, "");
  const log = git(repository, [
    "--literal-pathspecs",
    "log",
    "--first-parent",
    "--format=%H",
    "--",
    ...(path ? [path] : []),
  ]);
  digest.add("shallow", shallow).add("commits", log.status === 0 ? log.stdout : `(${log.status})`);
  if (seit) {
    const rev = git(repository, ["rev-parse", "--verify", "--quiet", "--end-of-options", `${seit}^{commit}`]);
    digest.add("revision", rev.status === 0 ? rev.stdout.trim() : "");
  }
  return digest.hex();
}

const versions = new Map();

/**
 * Which browser prints the PDFs: its path and the version it reports (`chromium --version`). On Debian
 * /usr/bin/chromium is a small launcher script whose size never changes with an upgrade; the version does.
 */
export function browserIdentity(path) {
  if (!path) return "none";
  if (!versions.has(path)) {
    const run = spawnSync(path, ["--version"], { encoding: "utf8", timeout: 20_000 });
    const version = (run.stdout ?? "").trim().split("\n").filter(Boolean).at(-1) ?? "";
    versions.set(path, version || `unbekannt (Exit ${run.status})`);
  }
  return `${path}@${versions.get(path)}`;
}

/**
 * Writes a file by renaming a finished temporary file (hidden, in the same folder) over it: readers see the old or
 * the new bytes, never half; a failed write leaves no temporary file.
 */
export function writeAtomic(path, bytes) {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, bytes);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

/**
 * The manifest an output folder keeps (`<folder>/.manifest/<name>.json`): `{ stand, files: [{ path, pages, bytes,
 * key, sha256, … }], stale?: [{ output, files, reason, problems? }] }`, every path relative to the folder. `stale`
 * names the outputs that could not be made in the last build: their files (if any) are the last good ones.
 * Nothing when there is none or it cannot be read.
 */
export function readManifest(file) {
  try {
    const m = JSON.parse(readFileSync(file, "utf8"));
    return m && Array.isArray(m.files) ? m : undefined;
  } catch {
    return undefined;
  }
}

/** Writes a manifest (atomically), and only when its bytes change. */
export function writeManifest(file, manifest) {
  const bytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
  if (existsSync(file) && readFileSync(file).equals(bytes)) return;
  writeAtomic(file, bytes);
}

/**
 * Whether an output recorded in a manifest can be reused: it was made with the same key, and the file is on disk
 * with the recorded bytes (a file changed or removed by hand is made again).
 */
export function isCurrent(entry, path, key) {
  if (!entry || entry.key !== key || !existsSync(path)) return false;
  const bytes = readFileSync(path);
  return bytes.length === entry.bytes && sha256(bytes) === entry.sha256;
}
