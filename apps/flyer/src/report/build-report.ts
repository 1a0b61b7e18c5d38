/**
 * The Sachstandsbericht's build, its own transaction beside the flyers: the record from the concept and its history
 * (the previous Stand, or the one SEIT names), a key from the record and the code, and the PDF rendered only when
 * the key or the file changed. Written to BERICHT_OUT_DIR (the root build's build area, published to out/bericht)
 * or out/bericht, with its manifest `.manifest/bericht.json`. A report that cannot be rendered keeps its last
 * good file and is named in the manifest's `stale`.
 */
import { existsSync } from "node:fs";
import { isAbsolute, join, relative, resolve } from "node:path";
import * as defaultBrand from "@dus-opendata/brand";
import { type Concept, formatStand, reportHeadings, resolveReport } from "@dus-opendata/concept";
import {
  Digest,
  findRepoRoot,
  isCurrent,
  type Manifest,
  type ManifestEntry,
  readManifest,
  readProgress,
  resolveContentDir,
  type StaleOutput,
  seitOf,
  sha256,
  writeAtomic,
  writeManifest,
} from "@dus-opendata/concept/node";

export const REPORT_FILE = "sachstandsbericht.pdf";
const MANIFEST = join(".manifest", "bericht.json");

interface ReportFile extends ManifestEntry {
  readingOrder: string[];
}

export interface BuiltReport {
  status: "rendered" | "unchanged" | "failed";
  /** Where it is, as the build shows it. */
  path: string;
  pages?: number;
  bytes?: number;
  ms?: number;
  /** Why there are no changes in it (no earlier Stand), in German. */
  notice?: string;
  error?: unknown;
}

/** A usage error: SEIT names a Stand or revision that does not exist. */
export class SeitError extends Error {}

/** Builds the report of a loaded concept; `code` is the flyer app's code digest (key-flyer.ts). */
export async function buildReport(
  concept: Concept,
  code: string,
  options: { env?: NodeJS.ProcessEnv; outDir?: string } = {},
): Promise<BuiltReport> {
  const env = options.env ?? process.env;
  const root = findRepoRoot();
  const content = resolveContentDir(env, root);
  const outDir = options.outDir ?? (env.BERICHT_OUT_DIR ? resolve(env.BERICHT_OUT_DIR) : join(root, "out", "bericht"));
  const rel = relative(root, join(outDir, REPORT_FILE));
  const shown = rel.startsWith("..") || isAbsolute(rel) ? join(outDir, REPORT_FILE) : rel;
  const seit = seitOf(env);
  const progress = readProgress(content.abs, concept, { displayDir: content.display, ...(seit ? { seit } : {}) });
  if (progress.unknown) throw new SeitError(progress.unknown);
  const report = resolveReport(concept, progress.history);
  const notice = report.changes.none;
  const key = new Digest()
    .add("code", code)
    .add("report", JSON.stringify({ brand: defaultBrand, report }))
    .hex();
  const manifestPath = join(outDir, MANIFEST);
  const before = readManifest<Manifest<ReportFile>>(manifestPath);
  const was = before?.files.find((f) => f.path === REPORT_FILE);
  const stand = formatStand(concept.stand);
  const notices = notice ? [`Sachstandsbericht: ${notice}`] : [];
  if (was && !before?.stale?.length && isCurrent(was, join(outDir, REPORT_FILE), key)) {
    writeManifest(manifestPath, { stand, files: [was], ...(notices.length ? { notices } : {}) });
    return { status: "unchanged", path: shown, pages: was.pages, bytes: was.bytes, ...(notice ? { notice } : {}) };
  }
  const t0 = performance.now();
  try {
    const { renderReport } = await import("./render-report.js");
    const rendered = await renderReport(report);
    writeAtomic(join(outDir, REPORT_FILE), rendered.pdf);
    const file: ReportFile = {
      path: REPORT_FILE,
      pages: rendered.pages,
      bytes: rendered.pdf.length,
      readingOrder: reportHeadings(report),
      key,
      sha256: sha256(rendered.pdf),
    };
    writeManifest(manifestPath, { stand, files: [file], ...(notices.length ? { notices } : {}) });
    return {
      status: "rendered",
      path: shown,
      pages: file.pages,
      bytes: file.bytes,
      ms: performance.now() - t0,
      ...(notice ? { notice } : {}),
    };
  } catch (error) {
    const kept = was && existsSync(join(outDir, REPORT_FILE));
    const stale: StaleOutput = {
      output: "sachstandsbericht",
      files: [REPORT_FILE],
      reason: `Der Sachstandsbericht ließ sich nicht erzeugen (${error instanceof Error ? error.message : String(error)}); ${kept ? "es gilt weiter die PDF des letzten erfolgreichen Builds" : "es gibt noch keine PDF von ihm"}.`,
    };
    writeManifest(manifestPath, { stand, files: kept && was ? [was] : [], stale: [stale] });
    return { status: "failed", path: shown, error };
  }
}
