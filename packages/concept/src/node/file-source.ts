import { readdirSync, readFileSync, statSync } from "node:fs";
import { relative, sep } from "node:path";

/** One name in a folder. */
export interface FolderEntry {
  name: string;
  /** A folder (not a file, not a link to a folder). */
  folder: boolean;
}

/**
 * Where the loader reads a content folder from: the working tree by default, or a snapshot such as a git commit.
 * Paths are the ones the loader builds (the content folder joined with relative parts).
 */
export interface FileSource {
  /** Whether there is a folder at `path`. */
  isFolder(path: string): boolean;
  /** The names in the folder at `path`; empty when there is no such folder. */
  entries(path: string): FolderEntry[];
  /** Size in bytes of the file at `path`; undefined when there is no file there or it cannot be read. */
  size(path: string): number | undefined;
  /** The bytes of the file at `path`; throws when it cannot be read. */
  read(path: string): Uint8Array;
}

/** The files on disk. */
export const workingTree: FileSource = {
  isFolder(path) {
    try {
      return statSync(path).isDirectory();
    } catch {
      return false;
    }
  },
  entries(path) {
    try {
      return readdirSync(path, { withFileTypes: true }).map((e) => ({ name: e.name, folder: e.isDirectory() }));
    } catch {
      return [];
    }
  },
  size(path) {
    try {
      const s = statSync(path);
      return s.isFile() ? s.size : undefined;
    } catch {
      return undefined;
    }
  },
  read(path) {
    return readFileSync(path);
  },
};

/** A file of a snapshot: its size, and its bytes unless they are fetched only when read. */
export interface SnapshotFile {
  /** Undefined for a name that cannot be read as a file (a symbolic link in a git tree). */
  size: number | undefined;
  bytes?: Uint8Array;
  /** Fetches the bytes when they were not fetched in advance. */
  fetch?: () => Uint8Array;
}

/**
 * A content folder held in memory: `files` and `folders` by their path relative to `root`, with `/` between
 * the parts. A folder listed without its contents (a folder the loader only names) has no entries.
 */
export function snapshotSource(
  root: string,
  files: ReadonlyMap<string, SnapshotFile>,
  folders: ReadonlySet<string> = new Set(),
): FileSource {
  const rel = (path: string) => {
    const r = relative(root, path).split(sep).join("/");
    return r === "" ? "." : r;
  };
  const allFolders = new Set(["."]);
  for (const f of folders) allFolders.add(f);
  const parentOf = (p: string) => (p.includes("/") ? p.slice(0, p.lastIndexOf("/")) : ".");
  const nameOf = (p: string) => p.slice(p.lastIndexOf("/") + 1);
  return {
    isFolder: (path) => allFolders.has(rel(path)),
    entries(path) {
      const r = rel(path);
      if (!allFolders.has(r)) return [];
      const out: FolderEntry[] = [];
      for (const f of allFolders) if (f !== "." && parentOf(f) === r) out.push({ name: nameOf(f), folder: true });
      for (const f of files.keys()) if (parentOf(f) === r) out.push({ name: nameOf(f), folder: false });
      return out;
    },
    size: (path) => files.get(rel(path))?.size,
    read(path) {
      const f = files.get(rel(path));
      if (!f) throw new Error(`${path}: keine Datei`);
      if (!f.bytes) {
        if (!f.fetch) throw new Error(`${path}: nicht geladen`);
        f.bytes = f.fetch();
      }
      return f.bytes;
    },
  };
}
