/** Shared set-up of the end-to-end tests: the fixture concepts, a browser, temporary output folders. */
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { CHROMIUM_ARGS, findChromium } from "@dus-opendata/concept/node";
import { type Browser, chromium } from "playwright-core";
import { root } from "../src/build-outputs.js";

export const contentDir = join(root, "content");
export const fixturesDir = join(root, "fixtures", "concepts");
export const fixtureNames = readdirSync(fixturesDir, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

export const tempDir = (prefix: string) => mkdtempSync(join(tmpdir(), `e2e-${prefix}-`));

/** Tests that need Chromium skip only outside CI, and say so loudly; in CI a missing browser fails the run. */
export function requireChromium(): boolean {
  if (findChromium()) return true;
  if (process.env.CI) throw new Error("Chromium fehlt in CI: apt-get install -y chromium");
  process.stderr.write("\n!!! ÜBERSPRUNGEN: Chromium nicht gefunden – die Ende-zu-Ende-Tests laufen nicht. !!!\n\n");
  return false;
}

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: findChromium(), args: [...CHROMIUM_ARGS] });
}

/** Every file below a folder with its bytes, by its path relative to the folder (to compare two builds). */
export function filesBelow(folder: string): Map<string, Buffer> {
  const all = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else all.set(relative(folder, p), readFileSync(p));
    }
  };
  walk(folder);
  return all;
}
