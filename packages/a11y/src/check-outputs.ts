/**
 * Runs every check on the targets. PDFs (CPU in this process) and sites (work in the browser's processes) are
 * checked side by side; one browser serves all sites.
 */
import { relative } from "node:path";
import { findManifestEntry, type Target } from "./find-outputs.js";
import { checkPdf } from "./pdf/check-pdf.js";
import type { CheckResult, FileReport } from "./report.js";
import { checkPage } from "./site/check-page.js";
import { checkSite } from "./site/check-site.js";
import { findChromium, launchBrowser } from "./site/launch-browser.js";

export interface CheckOptions {
  /** Folder that paths in the reports are shown relative to. */
  cwd: string;
  /** Sites checked at the same time (each in its own browser context). */
  siteConcurrency?: number;
}

function readingOrderOf(target: Target): string[] | undefined {
  const order = findManifestEntry(target)?.readingOrder;
  return Array.isArray(order) && order.every((s) => typeof s === "string") ? order : undefined;
}

async function checkPdfs(targets: Target[]): Promise<CheckResult[][]> {
  const results: CheckResult[][] = [];
  for (const t of targets) results.push(await checkPdf(t.path, readingOrderOf(t)));
  return results;
}

function failed(id: string, name: string, detail: string): CheckResult[] {
  return [{ id, name, ok: false, detail }];
}

async function checkSites(targets: Target[], concurrency: number): Promise<CheckResult[][]> {
  // A page that is not a deck (the overview page) has no slides: it gets the page checks.
  const checkOne = (browser: Parameters<typeof checkSite>[0], target: Target) => {
    if (target.kind === "page")
      return checkPage(browser, target.path).catch((e: unknown) =>
        failed("page", "Seite", `Prüfung abgebrochen: ${e instanceof Error ? e.message.split("\n")[0] : e}`),
      );
    const slides = findManifestEntry(target)?.pages;
    return typeof slides === "number" && slides > 0
      ? checkSite(browser, { dir: target.path, slides }).catch((e: unknown) =>
          failed("site", "Website", `Prüfung abgebrochen: ${e instanceof Error ? e.message.split("\n")[0] : e}`),
        )
      : Promise.resolve(
          failed("slides", "Folienzahl", "keine Folienzahl im Manifest (.manifest/*.json neben der Website)"),
        );
  };
  if (targets.length === 0) return [];
  const chromium = findChromium();
  if (!chromium)
    return targets.map(() =>
      failed("browser", "Browser", "Chromium nicht gefunden (/usr/bin/chromium oder CHROMIUM_PATH setzen)"),
    );
  const browser = await launchBrowser(chromium);
  try {
    const results: CheckResult[][] = new Array(targets.length);
    let next = 0;
    const worker = async () => {
      while (next < targets.length) {
        const i = next++;
        results[i] = await checkOne(browser, targets[i]!);
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, targets.length) }, worker));
    return results;
  } finally {
    await browser.close();
  }
}

export async function checkOutputs(targets: Target[], options: CheckOptions): Promise<FileReport[]> {
  const pdfs = targets.filter((t) => t.kind === "pdf");
  const sites = targets.filter((t) => t.kind !== "pdf");
  const [pdfResults, siteResults] = await Promise.all([
    checkPdfs(pdfs),
    checkSites(sites, options.siteConcurrency ?? 2),
  ]);
  const shown = (t: Target) => {
    const rel = relative(options.cwd, t.path) || ".";
    return t.kind === "pdf" ? rel : `${rel}/`;
  };
  const reports: FileReport[] = [
    ...pdfs.map((t, i) => ({ path: shown(t), kind: t.kind, checks: pdfResults[i]! })),
    ...sites.map((t, i) => ({ path: shown(t), kind: t.kind, checks: siteResults[i]! })),
  ];
  return reports.sort((a, b) => a.path.localeCompare(b.path));
}
