/**
 * Prints a deck variant's notes and handout (src/handout-html.ts) with Chromium to tagged A4 PDFs, completes them
 * to PDF/UA-1 as the deck PDFs are completed (src/export-pdf.ts `normalisePdf`), and puts each slide's own page
 * from the deck PDF in place of its placeholder image: the page becomes a Form XObject (vector, its text and
 * fonts as in the deck), drawn where the placeholder was, inside the Figure Chromium made of the placeholder with
 * the slide's text as /Alt. The slide page's own marked content is taken out of the form (the Figure stands for
 * all of it), and its links stay with the deck.
 */
import { Buffer } from "node:buffer";
import { join } from "node:path";
import type { ResolvedDeck } from "@dus-opendata/concept";
import { Digest } from "@dus-opendata/concept/node";
import { PDFDict, PDFDocument, PDFName, PDFNumber, PDFRef, PDFStream } from "pdf-lib";
import type { BrowserContext } from "playwright-core";
import { deckDir } from "./deck-dir.js";
import { exporterHash, launchChromium, normalisePdf, type PdfMeta } from "./export-pdf.js";
import { type HandoutKind, handoutHtml, SLIDES_PER_HANDOUT_PAGE } from "./handout-html.js";
import { readContent } from "./pdf-artifacts.js";
import { applyEdits, parseContent } from "./pdf-content.js";

export type { HandoutKind } from "./handout-html.js";

/** What each document is called: in its file name, its title and the build's lines. */
export const HANDOUT_NAMES: Record<HandoutKind, { title: string; suffix: string }> = {
  notizen: { title: "Notizen für Vortragende", suffix: "-notizen" },
  handzettel: { title: "Handzettel", suffix: "-handzettel" },
};

/** A digest of the code that makes the notes and handouts (with the completion code the deck PDFs share). */
export function handoutCodeHash(): string {
  return new Digest()
    .add("exporter", exporterHash())
    .tree("src", join(deckDir, "src"), { keep: (rel) => /^handout-[^/]*\.ts$/.test(rel) && !rel.endsWith(".test.ts") })
    .hex();
}

/** The document properties: the deck's, with the document's own title. */
export function handoutMeta(kind: HandoutKind, deck: ResolvedDeck): PdfMeta {
  const { bookmarks: _bookmarks, ...meta } = deck.pdf;
  return { ...meta, title: `${deck.pdf.title} – ${HANDOUT_NAMES[kind].title}` };
}

export interface HandoutJob {
  kind: HandoutKind;
  deck: ResolvedDeck;
  /** The deck variant's PDF, one page per slide: the pictures. */
  deckPdf: Uint8Array;
  output: (bytes: Uint8Array, pages: number) => Promise<void>;
  fail: (error: Error) => void;
}

/** Prints every job with one browser; a job that fails is reported to its `fail`, the others go on. */
export async function printHandouts(jobs: HandoutJob[], executablePath: string): Promise<void> {
  if (jobs.length === 0) return;
  const browser = await launchChromium(executablePath);
  try {
    const context = await browser.newContext({ viewport: { width: 794, height: 1123 }, deviceScaleFactor: 1 });
    for (const job of jobs) {
      try {
        const { bytes, pages } = await printHandout(context, job);
        await job.output(bytes, pages);
      } catch (e) {
        job.fail(e instanceof Error ? e : new Error(String(e)));
      }
    }
  } finally {
    await browser.close();
  }
}

async function printHandout(context: BrowserContext, job: HandoutJob): Promise<{ bytes: Uint8Array; pages: number }> {
  const page = await context.newPage();
  try {
    await page.setContent(handoutHtml(job.kind, job.deck), { waitUntil: "load" });
    // The text waits in a hidden flow, so no font would load by itself: load each face before measuring.
    await page.evaluate(async () => {
      const family = getComputedStyle(document.body).fontFamily;
      await Promise.all(["400", "600", "700"].map((w) => document.fonts.load(`${w} 10pt ${family}`, "Äß„“–")));
      await document.fonts.ready;
    });
    const perPage = job.kind === "handzettel" ? SLIDES_PER_HANDOUT_PAGE : 0;
    const { pages, cut } = await page.evaluate(
      (n) => (window as unknown as { __layout: (perPage: number) => { pages: number; cut: number[] } }).__layout(n),
      perPage,
    );
    if (cut.length)
      throw new Error(
        `Folie ${cut.join(", ")}: ${job.kind === "notizen" ? "die Notizen passen" : "passt"} nicht auf eine A4-Seite. Bitte die Notizen kürzen.`,
      );
    await page.emulateMedia({ media: "print" });
    const pdf = await page.pdf({
      printBackground: true,
      preferCSSPageSize: true,
      margin: { top: "0", right: "0", bottom: "0", left: "0" },
      tagged: true,
      outline: false,
    });
    const bytes = await normalisePdf(pdf, handoutMeta(job.kind, job.deck), pages, (doc) =>
      placeSlides(doc, job.deckPdf, job.deck.slides.length),
    );
    return { bytes, pages };
  } finally {
    await page.close();
  }
}

const N = (name: string) => PDFName.of(name);
/** Marked-content operators: the slide page's own tags, which mean nothing inside the Figure. */
const MARKED_CONTENT = new Set(["BDC", "BMC", "EMC", "MP", "DP"]);

/** A placeholder image: where it is listed (a resource dictionary and name) and its object. */
interface Placeholder {
  resources: PDFDict;
  name: PDFName;
  ref: PDFRef;
}

/**
 * The placeholder images of the document by slide number (an image one pixel high, as wide as its slide's number),
 * in the resources of its pages and of the forms they draw.
 */
export function findPlaceholders(doc: PDFDocument): Map<number, Placeholder[]> {
  const found = new Map<number, Placeholder[]>();
  const seen = new Set<PDFDict>();
  const visit = (resources: PDFDict | undefined) => {
    if (!resources || seen.has(resources)) return;
    seen.add(resources);
    const xobjects = resources.lookupMaybe(N("XObject"), PDFDict);
    if (!xobjects) return;
    for (const [name, value] of xobjects.entries()) {
      if (!(value instanceof PDFRef)) continue;
      const stream = doc.context.lookup(value);
      if (!(stream instanceof PDFStream)) continue;
      const subtype = stream.dict.lookupMaybe(N("Subtype"), PDFName)?.decodeText();
      if (subtype === "Form") visit(stream.dict.lookupMaybe(N("Resources"), PDFDict));
      if (subtype !== "Image") continue;
      const height = stream.dict.lookupMaybe(N("Height"), PDFNumber)?.asNumber();
      const width = stream.dict.lookupMaybe(N("Width"), PDFNumber)?.asNumber();
      if (height !== 1 || !width) continue;
      found.set(width, [...(found.get(width) ?? []), { resources: xobjects, name, ref: value }]);
    }
  };
  for (const page of doc.getPages()) visit(page.node.Resources());
  return found;
}

/**
 * Replaces each slide's placeholder by the deck PDF's page of that slide, as a Form XObject scaled to the
 * placeholder's unit square (the placement Chromium wrote for the image stays as it is).
 */
export async function placeSlides(doc: PDFDocument, deckPdf: Uint8Array, slides: number): Promise<void> {
  const deck = await PDFDocument.load(deckPdf, { updateMetadata: false, parseSpeed: Number.POSITIVE_INFINITY });
  if (deck.getPageCount() !== slides)
    throw new Error(`Die PDF der Präsentation hat ${deck.getPageCount()} Seiten, erwartet ${slides}.`);
  const placeholders = findPlaceholders(doc);
  const missing = Array.from({ length: slides }, (_, i) => i + 1).filter((n) => !placeholders.has(n));
  if (missing.length) throw new Error(`Kein Platz für das Bild der Folie ${missing.join(", ")} gefunden.`);
  const pages = deck.getPages();
  for (const page of pages) {
    // The links and the structure stay with the deck: the form carries what the page draws, untagged.
    page.node.delete(N("Annots"));
    page.node.delete(N("StructParents"));
    const { text } = readContent(deck, page);
    const ops = parseContent(text);
    const edits = ops.flatMap((op, i) => (MARKED_CONTENT.has(op.op) ? [{ from: i, to: i + 1, text: "" }] : []));
    const stripped = applyEdits(text, ops, edits);
    page.node.set(N("Contents"), deck.context.register(deck.context.flateStream(Buffer.from(stripped, "latin1"))));
  }
  const forms = await doc.embedPages(
    pages,
    [],
    pages.map((p) => {
      const { width, height } = p.getSize();
      return [1 / width, 0, 0, 1 / height, 0, 0];
    }),
  );
  for (const [n, list] of placeholders) {
    const form = forms[n - 1];
    if (!form) throw new Error(`Platzhalter für Folie ${n}, die die Präsentation nicht hat.`);
    for (const p of list) {
      p.resources.set(p.name, form.ref);
      doc.context.delete(p.ref);
    }
  }
  // Forms are written when the document is saved; embed them now so that nothing is left pending.
  await doc.flush();
  if (forms.some((f) => !(doc.context.lookup(f.ref) instanceof PDFStream)))
    throw new Error("Eine Folie ließ sich nicht als Form einbetten.");
}
