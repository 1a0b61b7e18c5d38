import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { ttfFonts } from "@dus-opendata/brand/node";
import { Digest, findRepoRoot } from "@dus-opendata/concept/node";
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

/**
 * A digest of the code that turns a prepared flyer into PDFs: this app's sources, the compiled shared packages it
 * runs, the patch of @react-pdf/render, the lockfile (the exact version of every dependency, react-pdf, pdf-lib and
 * the hyphenation patterns among them), the font files, and the Node and zlib versions (zlib compresses the page
 * streams). Paths are relative, so the same code gives the same digest in any checkout.
 */
export function digestCode(): string {
  const root = findRepoRoot(appDir);
  const digest = new Digest().add("node", process.versions.node).add("zlib", process.versions.zlib ?? "");
  digest.tree("apps/flyer/src", join(appDir, "src"));
  // Only what runs: declaration files are rebuilt separately and change nothing in a PDF.
  for (const name of SHARED_PACKAGES)
    digest.tree(`@dus-opendata/${name}`, join(appDir, "node_modules", "@dus-opendata", name, "dist"), {
      keep: (_rel, file) => /\.(m?js|json)$/.test(file),
    });
  digest.tree("patches", join(root, "patches"));
  digest.file("pnpm-lock.yaml", join(root, "pnpm-lock.yaml"));
  for (const f of ttfFonts()) digest.file(`font ${f.family} ${f.weight} ${f.style}`, f.path);
  return digest.hex();
}

/**
 * The key of a flyer's two PDFs: the code's digest and everything the renderer reads – the prepared flyer (every
 * word and number it shows, its format and metadata), the brand tokens and whether the PDF is tagged. Two builds
 * with the same key give the same bytes.
 */
export function keyFlyer(flyer: PreparedFlyer, code: string, render: { brand: Brand; tagged: boolean }): string {
  return new Digest()
    .add("code", code)
    .add("flyer", JSON.stringify({ tagged: render.tagged, brand: render.brand, flyer }))
    .hex();
}
