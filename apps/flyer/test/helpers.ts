import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Concept } from "@dus-opendata/concept";
import { ContentError, findRepoRoot, formatProblem, loadConceptSync } from "@dus-opendata/concept/node";
import { expect } from "vitest";
import { type RenderedFlyer, renderAll, renderFlyer } from "../src/index.js";

export const appDir = join(dirname(fileURLToPath(import.meta.url)), "..");
export const repoRoot = findRepoRoot(appDir);
export const contentDir = join(repoRoot, "content");

export function loadRepoConcept(): Concept {
  return loadConceptSync(contentDir, { displayDir: "content" });
}

const available = (tool: string) => spawnSync("sh", ["-c", `command -v ${tool}`]).status === 0;

/**
 * Whether the Debian tools a test needs are here. Outside CI a missing tool skips the test with a loud warning;
 * in CI it is an error, so the checks always run there.
 */
export function haveTools(...tools: string[]): boolean {
  const missing = tools.filter((t) => !available(t));
  if (missing.length === 0) return true;
  if (process.env.CI) throw new Error(`In CI fehlen Werkzeuge für die PDF-Prüfungen: ${missing.join(", ")}`);
  console.warn(
    `\n${"!".repeat(78)}\n!! ÜBERSPRUNGEN: PDF-Prüfungen brauchen ${missing.join(", ")} (poppler-utils, qpdf, zbar-tools).\n!! In CI laufen sie immer; lokal: apt-get install poppler-utils qpdf zbar-tools\n${"!".repeat(78)}\n`,
  );
  return false;
}

export function run(tool: string, args: string[]): string {
  return execFileSync(tool, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024, stdio: ["ignore", "pipe", "pipe"] });
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `flyer-${prefix}-`));
}

export interface Rendered extends RenderedFlyer {
  screenPath: string;
  printPath: string;
}

/** A fixture concept of the flyer tests (test/fixtures/<name>), loaded. */
export const fixtureDir = (name: string) => join(appDir, "test", "fixtures", name);
export function loadFixture(name: string): Concept {
  return loadConceptSync(fixtureDir(name), { displayDir: `fixtures/${name}` });
}

/** Renders every flyer of the repository's content into a temporary folder (not out/). */
export async function renderRepoFlyers(dir: string): Promise<Map<string, Rendered>> {
  return renderFlyers(loadRepoConcept(), dir);
}

/** Renders every flyer of a concept into a folder: `<id>.pdf` and `<id>-druck.pdf`. */
export async function renderFlyers(concept: Concept, dir: string): Promise<Map<string, Rendered>> {
  const out = new Map<string, Rendered>();
  for (const flyer of concept.flyers) {
    const r = await renderFlyer(concept, flyer);
    const screenPath = join(dir, `${r.id}.pdf`);
    const printPath = join(dir, `${r.id}-druck.pdf`);
    writeFileSync(screenPath, r.screen);
    writeFileSync(printPath, r.print);
    out.set(r.id, { ...r, screenPath, printPath });
  }
  return out;
}

/** A copy of the repository's content to change in a test. */
export function copyContent(): string {
  const dir = tempDir("content");
  cpSync(contentDir, dir, { recursive: true });
  return dir;
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/**
 * Runs the CLI as `pnpm build` does (compiled, scripts/flyer.mjs): on the repository's content unless `env` names
 * another CONTENT_DIR, into a new temporary folder unless it names FLYER_OUT_DIR (never into the repository's
 * out/, which other packages' tests read meanwhile).
 */
export function runCli(args: string[], env: NodeJS.ProcessEnv = {}) {
  // A folder of its own only when the caller names none; nobody reads it afterwards, so it goes again.
  const scratch = env.FLYER_OUT_DIR === undefined ? tempDir("cli-out") : undefined;
  try {
    return spawnSync(process.execPath, ["scripts/flyer.mjs", ...args], {
      cwd: appDir,
      encoding: "utf8",
      env: { ...process.env, CONTENT_DIR: contentDir, ...(scratch ? { FLYER_OUT_DIR: scratch } : {}), ...env },
      timeout: 120_000,
    });
  } finally {
    if (scratch) removeDir(scratch);
  }
}

/** pdftotext output with soft line breaks undone: hyphenated words joined, lines and no-break spaces as blanks. */
export function plainText(raw: string): string {
  return raw
    .replace(/\u00A0/g, " ")
    .replace(/(\p{Ll})-\n(\p{Ll})/gu, "$1$2")
    .replace(/\s+/g, " ")
    .trim();
}

/** Page boxes as pdfinfo -box prints them, per page. */
export function boxes(pdf: string) {
  const out = run("pdfinfo", ["-box", "-f", "1", "-l", "99", pdf]);
  const pages: Record<string, [number, number, number, number]>[] = [];
  for (const m of out.matchAll(/^Page\s+(\d+)\s+(\w+):\s+([\d.-]+)\s+([\d.-]+)\s+([\d.-]+)\s+([\d.-]+)/gm)) {
    const i = Number(m[1]) - 1;
    pages[i] ??= {};
    (pages[i] as Record<string, number[]>)[m[2] as string] = [m[3], m[4], m[5], m[6]].map(Number);
  }
  return { pages, info: out };
}

/** A page rendered to a PPM image (trivial to read without a PNG decoder). */
export function renderPpm(pdf: string, page: number, dpi: number) {
  const dir = tempDir("ppm");
  try {
    run("pdftoppm", ["-r", String(dpi), "-f", String(page), "-l", String(page), "-singlefile", pdf, join(dir, "p")]);
    const data = readFileSync(join(dir, "p.ppm"));
    const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(data.subarray(0, 40).toString("latin1"));
    if (!header) throw new Error("kein PPM");
    const width = Number(header[1]);
    const height = Number(header[2]);
    const offset = header[0].length;
    const pixel = (x: number, y: number) => {
      const i = offset + (Math.round(y) * width + Math.round(x)) * 3;
      return [data[i], data[i + 1], data[i + 2]] as [number, number, number];
    };
    return { width, height, pixel };
  } finally {
    removeDir(dir);
  }
}

/**
 * A copy of a content folder with files changed, in a new temporary folder: `{ "concept.yaml": (yaml) => … }`. Each
 * edit must change its file (a pattern that no longer matches fails the test instead of testing nothing).
 */
export function copyWithEdits(source: string, edits: Record<string, (yaml: string) => string>): string {
  const dir = tempDir("bearbeitet");
  cpSync(source, dir, { recursive: true });
  for (const [file, edit] of Object.entries(edits)) {
    const path = join(dir, file);
    const before = readFileSync(path, "utf8");
    const after = edit(before);
    expect(after, file).not.toBe(before);
    writeFileSync(path, after);
  }
  return dir;
}

/**
 * The problems of a build of the content folder `dir` as `pnpm build` prints them (`file:line:col  field  message`).
 * The loader reports what needs no rendering (selections, references), as `pnpm check` does; layout follows.
 */
export async function problemsOf(dir: string): Promise<string[]> {
  try {
    const concept = loadConceptSync(dir, { displayDir: "inhalt" });
    await renderAll(concept, { abs: dir, display: "inhalt" });
  } catch (e) {
    if (e instanceof ContentError) return e.problems.map(formatProblem);
    throw e;
  }
  throw new Error("Die Flyer passen, obwohl sie nicht passen dürften.");
}
