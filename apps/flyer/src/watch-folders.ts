/**
 * Watches a folder and every folder below it for changed files, robustly: each folder is watched on its own (not
 * recursively, and never a single file), so that a file an editor saves by replacing it (`sed -i`, the „safe
 * write“ of many editors: write a new file, rename it over the old one) is seen every time. Node 20's recursive
 * watcher on Linux watches the files themselves and loses a file once it has been replaced. Folders that appear
 * later are watched from then on; where the system cannot watch (no inotify, its limit reached), the folders are
 * polled instead.
 */
import { type Dirent, type FSWatcher, readdirSync, statSync, watch } from "node:fs";
import { join, relative } from "node:path";

export interface FolderWatcher {
  close(): void;
}

/** Sub-folders that hold no content: hidden ones (`.git`, an editor's), installed packages. */
const skip = (name: string) => name.startsWith(".") || name === "node_modules";

function foldersBelow(root: string): string[] {
  const out = [root];
  for (let i = 0; i < out.length; i++) {
    let entries: Dirent[] = [];
    try {
      entries = readdirSync(out[i] as string, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) if (e.isDirectory() && !skip(e.name)) out.push(join(out[i] as string, e.name));
  }
  return out;
}

/** What is in a folder tree, for polling: every file's path with its modification time and size. */
function snapshot(root: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const dir of foldersBelow(root)) {
    let names: string[] = [];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names) {
      try {
        const s = statSync(join(dir, name));
        if (s.isFile()) files.set(join(dir, name), `${s.mtimeMs}:${s.size}`);
      } catch {}
    }
  }
  return files;
}

/**
 * Calls `onChange` with the path of a changed file (relative to `root`; a folder's path when a folder changed) on
 * every change below `root`. `pollMs` is the interval of the polling fallback.
 */
export function watchFolders(
  root: string,
  onChange: (path: string) => void,
  options: { pollMs?: number; poll?: boolean } = {},
): FolderWatcher {
  const watchers = new Map<string, FSWatcher>();
  let polling: NodeJS.Timeout | undefined;

  const startPolling = () => {
    if (polling) return;
    for (const w of watchers.values()) w.close();
    watchers.clear();
    let last = snapshot(root);
    polling = setInterval(() => {
      const now = snapshot(root);
      for (const [path, stamp] of now) if (last.get(path) !== stamp) onChange(relative(root, path));
      for (const path of last.keys()) if (!now.has(path)) onChange(relative(root, path));
      last = now;
    }, options.pollMs ?? 500);
  };

  /** Watches every folder not yet watched, and lets go of those that are gone. */
  const arm = () => {
    if (polling) return;
    const folders = new Set(foldersBelow(root));
    for (const [dir, w] of watchers)
      if (!folders.has(dir)) {
        w.close();
        watchers.delete(dir);
      }
    for (const dir of folders) {
      if (watchers.has(dir)) continue;
      let w: FSWatcher;
      try {
        w = watch(dir, (_event, name) => {
          const path = relative(root, name ? join(dir, name.toString()) : dir);
          // A new, renamed or removed folder: watch what is there now.
          arm();
          onChange(path);
        });
      } catch {
        startPolling();
        return;
      }
      w.on("error", () => {
        w.close();
        watchers.delete(dir);
        // The folder itself was removed or replaced: watch it again where it is (or its parent tells).
        setTimeout(arm, 50);
      });
      watchers.set(dir, w);
    }
  };

  if (options.poll) startPolling();
  else arm();
  return {
    close() {
      if (polling) clearInterval(polling);
      for (const w of watchers.values()) w.close();
      watchers.clear();
    },
  };
}
