/**
 * Finds what to check: every PDF and every site (a folder with index.html) in out/ or in the paths given, and
 * what the build's manifests expect of each (out/<app>/.manifest/<app>.json, written by the apps).
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";

export interface Target {
  /** A PDF, a deck's site (a folder with index.html and deck-data.json), or a web page (the overview page). */
  kind: "pdf" | "site" | "page";
  /** Absolute path: the PDF file, or the site's or page's folder. */
  path: string;
}

/** A deck's site holds its slides' data beside index.html; any other index.html is a page of its own. */
const isDeckSite = (dir: string) => existsSync(join(dir, "deck-data.json"));

export interface ManifestEntry {
  path: string;
  pages: number;
  bytes: number;
  /** Headings (H1–H6) in the order a reader meets them, as the build expects them in the PDF's structure tree. */
  readingOrder?: string[];
}

export class UsageError extends Error {}

/**
 * PDFs, sites and pages in a folder and its subfolders (folders starting with a dot, or an underscore like the
 * overview page's own `_seite/`, are the build's own). A page's folder is searched further; a deck's site is not.
 */
export function scanDir(dir: string): Target[] {
  const found: Target[] = [];
  if (existsSync(join(dir, "index.html"))) {
    if (isDeckSite(dir)) return [{ kind: "site", path: dir }];
    found.push({ kind: "page", path: dir });
  }
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith(".") || entry.name.startsWith("_")) continue;
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
  if (basename(path) === "index.html")
    return [{ kind: isDeckSite(dirname(path)) ? "site" : "page", path: dirname(path) }];
  if (path.toLowerCase().endsWith(".pdf")) return [{ kind: "pdf", path }];
  throw new UsageError(`${given} ist weder eine PDF noch eine Website (Ordner mit index.html).`);
}

/**
 * The manifest entry for a PDF or a site, from the .manifest folder beside it. Entry paths are relative to the
 * app's output folder (the folder that holds .manifest), so a manifest stays right wherever the folder is copied.
 */
export function findManifestEntry(target: Target): ManifestEntry | undefined {
  const file = target.kind === "pdf" ? target.path : join(target.path, "index.html");
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
