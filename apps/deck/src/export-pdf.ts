/**
 * Exports built deck sites to PDF with one Chromium for all variants: each site's print view is opened from a
 * local static server and printed, one page per slide, tagged (Chromium writes the structure tree from the
 * page's accessibility tree; src/pdf-accessibility.ts completes it to PDF/UA-1). Chromium's creation date and
 * random document ID are replaced by values derived from the content, so the same content gives the same bytes.
 */
import { Buffer } from "node:buffer";
import { createHash } from "node:crypto";
import { join } from "node:path";
import { deckType } from "@dus-opendata/brand";
import { type DocumentMetadata, keywordsLine, linkDescription, metadataDate } from "@dus-opendata/concept";
import { CHROMIUM_ARGS, Digest } from "@dus-opendata/concept/node";
import { serveStatic } from "@dus-opendata/serve";
import { PDFDocument, PDFHexString, PDFName, type PDFRef } from "pdf-lib";
import type { Browser, BrowserContext } from "playwright-core";
import { deckDir } from "./deck-dir.js";
import { makeAccessible } from "./pdf-accessibility.js";

/** The system's Chromium (CHROMIUM_PATH, else a default place) and its flags, defined once for every tool. */
export { CHROMIUM_ARGS, findChromium } from "@dus-opendata/concept/node";

/** Chromium through playwright-core, loaded only when a PDF is to be printed (it takes a while to import). */
export async function launchChromium(executablePath: string): Promise<Browser> {
  const { chromium } = await import("playwright-core");
  return chromium.launch({ executablePath, args: [...CHROMIUM_ARGS] });
}

/**
 * A digest of the exporter's own code (the files of src/ whose names start with export- or pdf-): a PDF made by
 * other code is not reused.
 */
export function exporterHash(): string {
  return new Digest()
    .tree("src", join(deckDir, "src"), {
      keep: (rel) => /^(export|pdf)-[^/]*\.ts$/.test(rel) && !rel.endsWith(".test.ts"),
    })
    .hex();
}

/** The document properties from the one definition in the concept package, and one bookmark per slide. */
export type PdfMeta = DocumentMetadata & {
  /** One bookmark per page, named by the slide's title (plain text). */
  bookmarks?: string[];
};

/**
 * Replaces the document outline by one bookmark per page with the given titles. The titles are written as PDF
 * text strings (UTF-16), never interpreted.
 */
export function setBookmarks(pdf: PDFDocument, titles: readonly string[]): void {
  const { context } = pdf;
  const pages = pdf.getPages();
  const n = Math.min(titles.length, pages.length);
  const root = context.nextRef();
  const refs: PDFRef[] = Array.from({ length: n }, () => context.nextRef());
  for (let i = 0; i < n; i++) {
    const item = context.obj({
      Title: PDFHexString.fromText(titles[i] ?? ""),
      Parent: root,
      Dest: [pages[i]!.ref, PDFName.of("Fit")],
    });
    if (i > 0) item.set(PDFName.of("Prev"), refs[i - 1]!);
    if (i < n - 1) item.set(PDFName.of("Next"), refs[i + 1]!);
    context.assign(refs[i]!, item);
  }
  const outlines = context.obj({ Type: "Outlines", Count: n });
  if (n) {
    outlines.set(PDFName.of("First"), refs[0]!);
    outlines.set(PDFName.of("Last"), refs[n - 1]!);
  }
  context.assign(root, outlines);
  pdf.catalog.set(PDFName.of("Outlines"), root);
  pdf.catalog.set(PDFName.of("PageMode"), PDFName.of("UseOutlines"));
}

/** The description of a link annotation: where it leads (the one wording of the flyers and the deck). */
export const describeLink = linkDescription;

/**
 * Sets the metadata, completes the tagging of a tagged PDF and makes the bytes reproducible: fixed dates, an
 * ID derived from the content.
 */
export async function normalisePdf(
  bytes: Uint8Array,
  meta: PdfMeta,
  pages?: number,
  /** A last change of the completed document before it is written (the notes place the slides here). */
  edit?: (pdf: PDFDocument) => Promise<void>,
): Promise<Uint8Array> {
  // pdf-lib yields to the event loop every few objects by default; a tagged slide deck has thousands of them,
  // and nothing waits on this process meanwhile.
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: Number.POSITIVE_INFINITY });
  const tagged = pdf.catalog.has(PDFName.of("StructTreeRoot"));
  if (pages !== undefined) {
    // Chromium may append an empty page after the last slide; a page short means a slide did not render.
    if (pdf.getPageCount() < pages) throw new Error(`Die PDF hat ${pdf.getPageCount()} Seiten, erwartet ${pages}.`);
    while (pdf.getPageCount() > pages) {
      const last = pdf.getPage(pdf.getPageCount() - 1);
      // Only an empty page may go: one with tagged content would leave the structure pointing nowhere.
      if (last.node.has(PDFName.of("StructParents")))
        throw new Error(`Seite ${pdf.getPageCount()} hat Inhalt, erwartet sind ${pages} Seiten.`);
      pdf.removePage(pdf.getPageCount() - 1);
    }
  }
  const date = metadataDate(meta);
  pdf.setTitle(meta.title, { showInWindowTitleBar: true });
  pdf.setAuthor(meta.author);
  pdf.setSubject(meta.subject);
  pdf.setKeywords([keywordsLine(meta)]);
  pdf.setCreator(meta.creator);
  pdf.setProducer(meta.producer);
  pdf.setCreationDate(date);
  pdf.setModificationDate(date);
  pdf.setLanguage(meta.language);
  if (tagged) makeAccessible(pdf, meta, describeLink);
  if (meta.bookmarks) setBookmarks(pdf, meta.bookmarks);
  if (edit) await edit(pdf);
  // Chromium writes a random /ID: replace it by a digest of the document written with a zero ID, put into the
  // bytes in place (same length), so the document is written once.
  const zero = "0".repeat(32);
  pdf.context.trailerInfo.ID = pdf.context.obj([PDFHexString.of(zero), PDFHexString.of(zero)]);
  const saved = await pdf.save({ useObjectStreams: false, objectsPerTick: Number.POSITIVE_INFINITY });
  const digest = Buffer.from(createHash("md5").update(saved).digest("hex"), "latin1");
  const tail = Buffer.from(saved.buffer, saved.byteOffset, saved.byteLength);
  const id = tail.lastIndexOf("/ID");
  for (let at = id, k = 0; k < 2; k++) {
    at = tail.indexOf(`<${zero}>`, at);
    if (id < 0 || at < 0) throw new Error("Die Dokument-ID der PDF ließ sich nicht setzen.");
    digest.copy(tail, at + 1);
    at += zero.length + 2;
  }
  return saved;
}

/** How a slide site is printed (and the probe of src/chromium-contract.ts). */
const PRINT_OPTIONS = {
  width: "1280px",
  height: "720px",
  printBackground: true,
  preferCSSPageSize: true,
  margin: { top: "0", right: "0", bottom: "0", left: "0" },
  tagged: true,
  // Chromium's outline (one bookmark per heading) is replaced by one per slide (setBookmarks).
  outline: false,
};

/** Prints an HTML page as the export prints a slide site, unchanged by the rewriter: Chromium's own PDF. */
export async function printProbe(html: string, executablePath: string): Promise<Uint8Array> {
  const browser = await launchChromium(executablePath);
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.setContent(html, { waitUntil: "load" });
    await page.emulateMedia({ media: "screen" });
    return await page.pdf(PRINT_OPTIONS);
  } finally {
    await browser.close();
  }
}

export interface ExportJob {
  /** Folder (under the served root) of the built site, e.g. `vortrag`. */
  site: string;
  output: (bytes: Uint8Array, report: PrintReport) => Promise<void>;
  /** The job could not be printed: the others go on (each output is its own transaction). */
  fail?: (error: Error) => void;
  meta: PdfMeta;
  slides: number;
}

/** A box on a printed slide whose text had to shrink below the brand's minimum size to fit. */
export interface ShrunkText {
  /** Slide number (1-based). */
  slide: number;
  /** Font size it was set in (CSS pixels on the 1280 × 720 slide). */
  size: number;
  /** Where the text is written in the content (`file:line:col`), from the slide's record (set by the build). */
  source?: string;
  /** The beginning of the text, to recognise it. */
  text: string;
}

export interface PrintReport {
  shrunk: ShrunkText[];
}

export interface ExportOptions {
  /** Tagged PDF/UA-1 (default); untagged only to measure what tagging costs. */
  tagged?: boolean;
  onProgress?: (site: string) => void;
}

/**
 * Prints every job's site with one browser and one server; `root` holds the sites as subfolders. A job that fails
 * is reported to its `fail` (or, without one, fails the export after the others are done).
 */
export async function exportPdfs(
  root: string,
  jobs: ExportJob[],
  executablePath: string,
  { tagged = true, onProgress = () => {} }: ExportOptions = {},
): Promise<void> {
  const server = await serveStatic(root);
  const browser = await launchChromium(executablePath);
  const unhandled: Error[] = [];
  try {
    // One context for all variants: their pages share the cache of the app's files (the same app for every
    // variant), which is faster than a context each (measured: 3.3 s against 4.2–5.3 s for three variants).
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1 });
    await Promise.all(
      jobs.map(async (job) => {
        try {
          await printJob(context, server.url, job, tagged, onProgress);
        } catch (e) {
          const error = e instanceof Error ? e : new Error(String(e));
          if (job.fail) job.fail(error);
          else unhandled.push(error);
        }
      }),
    );
  } finally {
    await browser.close();
    await server.close();
  }
  if (unhandled.length) throw unhandled[0];
}

async function printJob(
  context: BrowserContext,
  url: string,
  job: ExportJob,
  tagged: boolean,
  onProgress: (site: string) => void,
): Promise<void> {
  const page = await context.newPage();
  try {
    onProgress(job.site);
    // No need to wait for the load event: the slides below are waited for anyway.
    await page.goto(`${url}/${job.site}/index.html?print=true#/print`, { waitUntil: "domcontentloaded" });
    await page.waitForSelector(".print-slide-container", { timeout: 30_000 });
    await page.evaluate(async () => {
      await document.fonts.ready;
    });
    await page.waitForFunction(
      (n) =>
        document.querySelectorAll(".print-slide-container").length >= n &&
        !document.querySelector(".slidev-slide-loading"),
      job.slides,
      { timeout: 30_000 },
    );
    // Every box has fitted its text (src/runtime/settle.ts), and two frames have been drawn since.
    await page.waitForFunction(
      () => document.fonts.status === "loaded" && !(window as { __deckBusy?: number }).__deckBusy,
      undefined,
      { timeout: 30_000, polling: 50 },
    );
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const shrunk = await page.evaluate(findShrunk, deckType.minimum);
    await page.emulateMedia({ media: "screen" });
    const pdf = await page.pdf({ ...PRINT_OPTIONS, tagged });
    await job.output(await normalisePdf(pdf, job.meta, job.slides), { shrunk });
  } finally {
    await page.close();
  }
}

/** In the page: every fitted box set below the minimum size, with its slide and where its text comes from. */
function findShrunk(minimum: number) {
  return [...document.querySelectorAll<HTMLElement>(".print-slide-container")].flatMap((slide, i) =>
    [...slide.querySelectorAll<HTMLElement>(".fit-box[data-size]")].flatMap((box) => {
      const size = Number(box.dataset.size);
      if (!(size < minimum)) return [];
      const text = (box.textContent ?? "")
        .replace(/\u00AD/g, "")
        .replace(/\s+/g, " ")
        .trim();
      return [
        {
          slide: i + 1,
          size,
          text: text.length > 60 ? `${text.slice(0, 57)}…` : text,
          ...(box.dataset.source ? { source: box.dataset.source } : {}),
        },
      ];
    }),
  );
}
