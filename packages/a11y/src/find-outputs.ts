/**
 * Finds what to check: every PDF and every site (a folder with index.html) in out/ or in the paths given, and
 * what the build's manifests expect of each (out/<app>/.manifest/<app>.json, written by the apps).
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";

export interface Target {
  kind: "pdf" | "site";
  /** Absolute path: the PDF file, or the site's folder. */
  path: string;
}

export interface ManifestEntry {
  path: string;
  pages: number;
  bytes: number;
  /** Headings (H1–H6) in the order a reader meets them, as the build expects them in the PDF's structure tree. */
  readingOrder?: string[];
}

export class UsageError extends Error {}

/** PDFs and sites in a folder and its subfolders (folders starting with a dot are the build's own). */
export function scanDir(dir: string): Target[] {
  if (existsSync(join(dir, "index.html"))) return [{ kind: "site", path: dir }];
  const found: Target[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith(".")) continue;
    const p = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...scanDir(p));
    else if (entry.isFile() && entry.name.toLowerCase().endsWith(".pdf")) found.push({ kind: "pdf", path: p });
  }
  return found;
}

/** A path given on the command line: a PDF, a site's folder or its index.html, or a folder to search. */
export function resolveTarget(given: string, cwd: string): Target[] {
  const path = resolve(cwd, given);
  if (!existsSync(path)) throw new UsageError(`Nicht gefunden: ${given}`);
  if (statSync(path).isDirectory()) {
    const found = scanDir(path);
    if (found.length === 0) throw new UsageError(`Keine PDF und keine Website (index.html) in ${given}`);
    return found;
  }
  if (basename(path) === "index.html") return [{ kind: "site", path: dirname(path) }];
  if (path.toLowerCase().endsWith(".pdf")) return [{ kind: "pdf", path }];
  throw new UsageError(`${given} ist weder eine PDF noch eine Website (Ordner mit index.html).`);
}

/**
 * The manifest entry for a PDF or a site, from the .manifest folder beside it. Entry paths are relative to the
 * app's output folder (the folder that holds .manifest), so a manifest stays right wherever the folder is copied.
 */
export function findManifestEntry(target: Target): ManifestEntry | undefined {
  const file = target.kind === "site" ? join(target.path, "index.html") : target.path;
  const dir = join(dirname(target.path), ".manifest");
  if (!existsSync(dir)) return undefined;
  const base = dirname(dir);
  for (const name of readdirSync(dir).filter((n) => n.endsWith(".json"))) {
    let manifest: { files?: ManifestEntry[] };
    try {
      manifest = JSON.parse(readFileSync(join(dir, name), "utf8"));
    } catch {
      continue;
    }
    const entry = manifest.files?.find((f) => resolve(base, f.path) === file);
    if (entry) return entry;
  }
  return undefined;
}
