/** Shared helpers of the editor's tests: fixture concepts in temporary folders, Chromium. */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { findChromium, findRepoRoot } from "@dus-opendata/concept/node";

export const root = findRepoRoot();
export const FIXTURES = readdirSync(join(root, "fixtures", "concepts")).filter((n) =>
  statSync(join(root, "fixtures", "concepts", n)).isDirectory(),
);

/** A copy of a fixture concept in a temporary folder (tests never touch content/ or the fixtures themselves). */
export function copyFixture(name: string): { dir: string; cleanup(): void } {
  const base = mkdtempSync(join(tmpdir(), "redaktion-"));
  const dir = join(base, name);
  cpSync(join(root, "fixtures", "concepts", name), dir, { recursive: true });
  return { dir, cleanup: () => rmSync(base, { recursive: true, force: true }) };
}

/** Every file below a folder with its bytes, to assert that a refused request changed nothing. */
export function snapshotFolder(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[relative(dir, p)] = e.isSymbolicLink() ? "(Verweis)" : readFileSync(p, "latin1");
    }
  };
  walk(dir);
  return out;
}

export const chromiumPath = findChromium();

/** Browser tests skip only outside CI, and say so loudly; in CI a missing Chromium fails the run. */
export function requireChromium(): boolean {
  if (chromiumPath) return true;
  if (process.env.CI) throw new Error("Chromium fehlt in CI: apt-get install -y chromium");
  process.stderr.write(
    "\n!!! ÜBERSPRUNGEN: Chromium nicht gefunden (/usr/bin/chromium oder CHROMIUM_PATH). Die Browser-Tests des Editors laufen nicht. !!!\n\n",
  );
  return false;
}
