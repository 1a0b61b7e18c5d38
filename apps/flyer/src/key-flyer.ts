import { createHash, type Hash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { ttfFonts } from "@dus-opendata/brand/node";
import { findRepoRoot } from "@dus-opendata/concept/node";
import type { PreparedFlyer } from "./prepare-flyer.js";
import type { Brand } from "./styles.js";

/** This app's folder, from src/ (tests, tsx) or from the compiled dist/<version>/ (scripts/flyer.mjs). */
function findAppDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "package.json")) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

const appDir = findAppDir();

/** The workspace packages whose compiled code the flyers run (tokens, model and labels, typesetting). */
const SHARED_PACKAGES = ["brand", "concept", "typeset"];

function addFile(hash: Hash, label: string, path: string): void {
  hash.update(`${label}\0`);
  hash.update(existsSync(path) ? readFileSync(path) : "(fehlt)");
  hash.update("\0");
}

/** Every file below `dir` that `keep` accepts, by its path relative to `dir` (never the absolute one). */
function addTree(hash: Hash, label: string, dir: string, keep: (name: string) => boolean = () => true): void {
  const walk = (rel: string) => {
    const entries = existsSync(join(dir, rel)) ? readdirSync(join(dir, rel), { withFileTypes: true }) : [];
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const path = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(path);
      else if (e.isFile() && keep(e.name)) addFile(hash, `${label}/${path}`, join(dir, path));
    }
  };
  walk("");
}

/**
 * A digest of the code that turns a prepared flyer into PDFs: this app's sources, the compiled shared packages it
 * runs, the patch of @react-pdf/render, the lockfile (the exact version of every dependency, react-pdf, pdf-lib and
 * the hyphenation patterns among them), the font files, and the Node and zlib versions (zlib compresses the page
 * streams). Paths are relative, so the same code gives the same digest in any checkout.
 */
export function digestCode(): string {
  const root = findRepoRoot(appDir);
  const hash = createHash("sha256");
  hash.update(`node ${process.versions.node}\0zlib ${process.versions.zlib}\0`);
  addTree(hash, "apps/flyer/src", join(appDir, "src"));
  // Only what runs: declaration files are rebuilt separately and change nothing in a PDF.
  for (const name of SHARED_PACKAGES)
    addTree(hash, `@dus-opendata/${name}`, join(appDir, "node_modules", "@dus-opendata", name, "dist"), (f) =>
      /\.(m?js|json)$/.test(f),
    );
  addTree(hash, "patches", join(root, "patches"));
  addFile(hash, "pnpm-lock.yaml", join(root, "pnpm-lock.yaml"));
  for (const f of ttfFonts()) addFile(hash, `font ${f.family} ${f.weight} ${f.style}`, f.path);
  return hash.digest("hex");
}

/**
 * The key of a flyer's two PDFs: the code's digest and everything the renderer reads – the prepared flyer (every
 * word and number it shows, its format and metadata), the brand tokens and whether the PDF is tagged. Two builds
 * with the same key give the same bytes.
 */
export function keyFlyer(flyer: PreparedFlyer, code: string, render: { brand: Brand; tagged: boolean }): string {
  return createHash("sha256")
    .update(code)
    .update("\0")
    .update(JSON.stringify({ tagged: render.tagged, brand: render.brand, flyer }))
    .digest("hex");
}
