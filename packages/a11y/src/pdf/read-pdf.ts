/**
 * Gathers everything the PDF checks look at, once per file: pdf.js for what a viewer sees (mark info, metadata,
 * viewer preferences, operators, text), pdf-lib for the raw structure tree, poppler's pdftotext for the text that
 * copy and search get.
 */
import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { PDFDocument } from "pdf-lib";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { type PageContent, readPageContent } from "./read-page-content.js";
import { readStructParents, readStructTree, type StructTree } from "./read-struct-tree.js";

export interface PdfFacts {
  pages: number;
  marked: boolean;
  suspects: boolean;
  /** /Lang of the catalog. */
  lang: string | undefined;
  displayDocTitle: boolean | undefined;
  /** The XMP metadata packet as written, when there is one. */
  xmp: string | undefined;
  infoTitle: string | undefined;
  tree: StructTree | undefined;
  /** Per page (index 0 = page 1). */
  structParents: (number | undefined)[];
  content: PageContent[];
  /** pdftotext's output, or why there is none. */
  text: { ok: true; value: string } | { ok: false; error: string };
}

const require = createRequire(import.meta.url);
const standardFontDataUrl = `${join(dirname(require.resolve("pdfjs-dist/package.json")), "standard_fonts")}/`;

export function extractText(file: string): Promise<PdfFacts["text"]> {
  return new Promise((done) => {
    execFile("pdftotext", ["-enc", "UTF-8", file, "-"], { maxBuffer: 64 * 1024 * 1024 }, (error, stdout) => {
      if (!error) done({ ok: true, value: stdout });
      else if ((error as NodeJS.ErrnoException).code === "ENOENT")
        done({ ok: false, error: "pdftotext nicht gefunden (Debian-Paket poppler-utils installieren)" });
      else done({ ok: false, error: `pdftotext: ${error.message.split("\n")[0]}` });
    });
  });
}

export async function readPdf(file: string): Promise<PdfFacts> {
  const bytes = await readFile(file);
  const text = extractText(file);
  const raw = await PDFDocument.load(bytes, {
    updateMetadata: false,
    ignoreEncryption: true,
    throwOnInvalidObject: false,
  });
  const pdf = await getDocument({
    data: new Uint8Array(bytes),
    disableFontFace: true,
    useSystemFonts: false,
    standardFontDataUrl,
    verbosity: 0,
  }).promise;
  try {
    // pdf.js answers with a Map (its declared type still says a plain object).
    const markInfo = (await pdf.getMarkInfo()) as unknown as Map<string, boolean> | null;
    const meta = await pdf.getMetadata();
    const info = meta.info as Record<string, unknown>;
    const prefs = await pdf.getViewerPreferences();
    const content: PageContent[] = [];
    for (let n = 1; n <= pdf.numPages; n++) content.push(await readPageContent(pdf, n));
    return {
      pages: pdf.numPages,
      marked: markInfo?.get("Marked") === true,
      suspects: markInfo?.get("Suspects") === true,
      lang: typeof info.Language === "string" ? info.Language : undefined,
      displayDocTitle: typeof prefs?.get("DisplayDocTitle") === "boolean" ? prefs.get("DisplayDocTitle") : undefined,
      xmp: meta.metadata ? (meta.metadata as unknown as { getRaw(): string }).getRaw() : undefined,
      infoTitle: typeof info.Title === "string" ? info.Title : undefined,
      tree: readStructTree(raw),
      structParents: readStructParents(raw),
      content,
      text: await text,
    };
  } finally {
    await pdf.loadingTask.destroy();
  }
}
