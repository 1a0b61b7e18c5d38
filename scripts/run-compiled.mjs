/**
 * Runs an app's TypeScript command line as compiled JavaScript: the TypeScript loader (tsx) costs more than half a
 * second per start, longer than a build in which nothing changed takes. esbuild bundles the entry into
 * <app>/dist/<digest of the sources>/ (some 30 ms) the first time a version of the sources runs; a folder, once
 * there, never changes, so builds running side by side never see half of one. Packages stay external
 * (node_modules); dynamic imports stay chunks of their own, loaded only when needed.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Digest } from "../packages/concept/src/node/build-cache.js";

/**
 * @param {{ appDir: string, entry: string, sources: string[], launcher: string }} options `entry` and `sources`
 *   (folders or files) relative to `appDir`; `launcher` is the calling script, part of the digest.
 */
export async function runCompiled({ appDir, entry, sources, launcher }) {
  const dist = join(appDir, "dist");
  const digest = new Digest();
  for (const s of sources) {
    const abs = join(appDir, s);
    if (existsSync(abs) && statSync(abs).isDirectory()) digest.tree(s, abs);
    else digest.file(s, abs);
  }
  digest.file("launcher", launcher);
  digest.file("run-compiled", fileURLToPath(import.meta.url));
  for (const f of [join(appDir, "tsconfig.json"), join(appDir, "..", "..", "tsconfig.base.json")])
    if (existsSync(f)) digest.file(basename(f), f);
  const version = digest.hex().slice(0, 16);
  const target = join(dist, version);
  const name = `${basename(entry).replace(/\.[cm]?tsx?$/, "")}.js`;
  if (!existsSync(join(target, name))) {
    // esbuild is the app's dependency (scripts/ has none of its own).
    const esbuild = createRequire(join(appDir, "package.json")).resolve("esbuild");
    const { build, version: esbuildVersion } = await import(pathToFileURL(esbuild).href);
    const tmp = join(dist, `.${version}.${process.pid}`);
    mkdirSync(dist, { recursive: true });
    await build({
      entryPoints: [join(appDir, entry)],
      outdir: tmp,
      bundle: true,
      splitting: true,
      format: "esm",
      platform: "node",
      target: "node24",
      packages: "external",
      jsx: "automatic",
      logLevel: "warning",
      banner: { js: `// Compiled from ${entry} by scripts/run-compiled.mjs (esbuild ${esbuildVersion}).` },
    });
    try {
      renameSync(tmp, target);
    } catch (e) {
      // Another build compiled the same sources first: its folder is as good as ours.
      rmSync(tmp, { recursive: true, force: true });
      if (!existsSync(join(target, name))) throw e;
    }
    // Folders of older sources are not needed again; one younger than a day may still serve a running `watch`.
    const dayAgo = Date.now() - 24 * 3600_000;
    for (const f of readdirSync(dist))
      if (f !== version && statSync(join(dist, f)).mtimeMs < dayAgo)
        rmSync(join(dist, f), { recursive: true, force: true });
  }
  await import(pathToFileURL(join(target, name)).href);
}
