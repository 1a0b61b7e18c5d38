/** Shared helpers of the deck tests: the built outputs, a browser, a local server. */
import { execFileSync, spawnSync } from "node:child_process";
import { join } from "node:path";
import { findRepoRoot, loadConceptSync } from "@dus-opendata/concept/node";
import { type Browser, chromium as pw } from "playwright-core";
import { CHROMIUM_ARGS, findChromium } from "../src/export-pdf.js";

export const root = findRepoRoot();
export const chromiumPath = findChromium();

/**
 * Tests that need Chromium skip only outside CI, and say so loudly; in CI a missing browser fails the run.
 */
export function requireChromium(): boolean {
  if (chromiumPath) return true;
  if (process.env.CI) throw new Error("Chromium fehlt in CI: apt-get install -y chromium");
  process.stderr.write(
    "\n!!! ÜBERSPRUNGEN: Chromium nicht gefunden (/usr/bin/chromium oder CHROMIUM_PATH). Die Browser- und PDF-Tests der Präsentation laufen nicht. !!!\n\n",
  );
  return false;
}

export function launch(): Promise<Browser> {
  return pw.launch({ executablePath: chromiumPath, args: [...CHROMIUM_ARGS] });
}

/**
 * A fixture concept (fixtures/concepts/<name>: another city, another shape) for tests of the code; content/ is
 * checked only by invariants (packages/e2e).
 */
export function fixtureConcept(name = "lange-namen"): string {
  return join(root, "fixtures", "concepts", name);
}

export function loadFixture(name = "lange-namen") {
  return loadConceptSync(fixtureConcept(name), { displayDir: `fixtures/concepts/${name}` });
}

/** Builds the decks of a content folder into `out` (the deck's build command, as the root build runs it). */
export function buildDecks(content: string, out: string, env: NodeJS.ProcessEnv = {}) {
  return spawnSync(join(root, "node_modules", ".bin", "tsx"), ["scripts/build.ts"], {
    cwd: join(root, "apps", "deck"),
    env: { ...process.env, CONTENT_DIR: content, DECK_OUT_DIR: out, ...env },
    encoding: "utf8",
  });
}

/** Text as a reader sees it: soft hyphens and no-break spaces removed, whitespace collapsed. */
export function plain(text: string): string {
  return text
    .replace(/\u00AD/g, "")
    .replace(/[\s\u00A0]+/g, " ")
    .trim();
}

/** PDF text without line-break hyphenation artefacts: only letters and digits, for "contains" checks. */
export function letters(text: string): string {
  return text.replace(/[\u00AD\s\u00A0-]/g, "");
}

export function pdfText(file: string, page?: number): string {
  const range = page ? ["-f", String(page), "-l", String(page)] : [];
  return execFileSync("pdftotext", [...range, "-enc", "UTF-8", file, "-"], { encoding: "utf8" });
}

export function pdfInfo(file: string): Record<string, string> {
  const out = execFileSync("pdfinfo", [file], { encoding: "utf8" });
  return Object.fromEntries(
    out
      .split("\n")
      .filter(Boolean)
      .map((l) => [l.slice(0, l.indexOf(":")), l.slice(l.indexOf(":") + 1).trim()]),
  );
}

export function pdfFonts(file: string): { name: string; type: string; embedded: boolean }[] {
  const out = execFileSync("pdffonts", [file], { encoding: "utf8" }).split("\n").slice(2).filter(Boolean);
  return out.map((l) => {
    const cols = l.trim().split(/\s{1,}/);
    // name type... emb sub uni object ID: emb is the 5th column from the end
    return { name: cols[0] ?? "", type: l.slice(37, 55).trim(), embedded: cols[cols.length - 5] === "yes" };
  });
}

export function hasTool(tool: string): boolean {
  return spawnSync("which", [tool]).status === 0;
}
