#!/usr/bin/env node
/**
 * Runs the flyer CLI (src/cli.tsx) as compiled JavaScript: the TypeScript loader (tsx) costs more than half a second
 * per build, longer than a build in which no flyer changed takes. esbuild bundles src/ into dist/<digest of the
 * sources>/ (some 30 ms) the first time a version of the sources runs; a folder, once there, never changes, so
 * builds running side by side never see half of one. Same commands, output and exit codes as `tsx src/cli.tsx`;
 * the packages stay external (node_modules), and the renderer stays in a chunk of its own that loads only when a
 * flyer has to be rendered.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const appDir = dirname(dirname(fileURLToPath(import.meta.url)));
const src = join(appDir, "src");
const dist = join(appDir, "dist");

/** The sources, this script and the tsconfig files the compiler reads, by relative path. */
function digestSources() {
  const hash = createHash("sha256");
  const add = (label, path) => hash.update(`${label}\0`).update(readFileSync(path)).update("\0");
  const walk = (rel) => {
    const entries = readdirSync(join(src, rel), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const e of entries) {
      const path = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(path);
      else if (e.isFile()) add(`src/${path}`, join(src, path));
    }
  };
  walk("");
  add("scripts/flyer.mjs", fileURLToPath(import.meta.url));
  for (const f of [join(appDir, "tsconfig.json"), join(appDir, "..", "..", "tsconfig.base.json")])
    if (existsSync(f)) add(f.slice(appDir.length), f);
  return hash.digest("hex").slice(0, 16);
}

const version = digestSources();
const target = join(dist, version);
if (!existsSync(join(target, "cli.js"))) {
  const { build, version: esbuildVersion } = await import("esbuild");
  const tmp = join(dist, `.${version}.${process.pid}`);
  mkdirSync(dist, { recursive: true });
  await build({
    entryPoints: [join(src, "cli.tsx")],
    outdir: tmp,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    jsx: "automatic",
    logLevel: "warning",
    banner: { js: `// Compiled from apps/flyer/src by scripts/flyer.mjs (esbuild ${esbuildVersion}).` },
  });
  try {
    renameSync(tmp, target);
  } catch (e) {
    // Another build compiled the same sources first: its folder is as good as ours.
    rmSync(tmp, { recursive: true, force: true });
    if (!existsSync(join(target, "cli.js"))) throw e;
  }
  // Folders of older sources are not needed again; one younger than a day may still serve a running `watch`.
  const dayAgo = Date.now() - 24 * 3600_000;
  for (const f of readdirSync(dist))
    if (f !== version && statSync(join(dist, f)).mtimeMs < dayAgo)
      rmSync(join(dist, f), { recursive: true, force: true });
}
await import(pathToFileURL(join(target, "cli.js")).href);
