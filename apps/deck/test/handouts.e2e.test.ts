/**
 * Notes (`<variante>-notizen.pdf`) and handouts (`<variante>-handzettel.pdf`) of a fixture concept, built as the
 * root build builds them, read as a reader and a checker read them: A4 portrait; the notes of every slide in
 * order after its heading; three slides a page on the handout with the Stand and „Seite i von n“; each slide a
 * Figure whose /Alt is its title and text; the slides placed as Form XObjects (vector), no image; `pnpm a11y`
 * passes; and the incremental build makes each again only when what it shows changed.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { formatStand } from "@dus-opendata/concept";
import { PDFDict, PDFDocument, PDFName, PDFStream } from "pdf-lib";
import { OPS } from "pdfjs-dist/legacy/build/pdf.mjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DeckData } from "../src/deck-data.js";
import { findChromium } from "../src/export-pdf.js";
import { SLIDES_PER_HANDOUT_PAGE, slideText } from "../src/handout-html.js";
import { printHandouts } from "../src/handout-pdf.js";
import { openPdf, readPage, type StructNode, spoken, walk } from "./pdf-read.js";
import {
  buildDecks,
  fixtureConcept,
  letters,
  loadFixture,
  pdfInfo,
  pdfText,
  requireChromium,
  root,
} from "./support.js";

const enabled = requireChromium();
const VARIANTS = ["ausschuss", "gesamt"];
const concept = loadFixture();
const content = mkdtempSync(join(tmpdir(), "deck-handouts-inhalt-"));
const out = mkdtempSync(join(tmpdir(), "deck-handouts-"));
let build: ReturnType<typeof buildDecks>;
const data = (id: string) => JSON.parse(readFileSync(join(out, id, "deck-data.json"), "utf8")) as DeckData;
const file = (id: string, kind: "notizen" | "handzettel") => join(out, `${id}-${kind}.pdf`);
const rebuild = () => buildDecks(content, out, { DECK_VARIANTS: VARIANTS.join(",") });

beforeAll(() => {
  if (!enabled) return;
  cpSync(fixtureConcept(), content, { recursive: true });
  build = rebuild();
}, 600_000);
afterAll(() => {
  rmSync(out, { recursive: true, force: true });
  rmSync(content, { recursive: true, force: true });
});

/** The elements of a page's structure outside Figures (whose content is the slide), in reading order. */
function readable(node: StructNode | undefined): StructNode[] {
  if (!node) return [];
  if (node.role === "Figure") return [node];
  if (["H1", "H2", "P"].includes(node.role)) return [node];
  return node.children.flatMap(readable);
}

/** Top-level painting of a page (not inside a form): forms placed and images drawn. */
async function placements(path: string) {
  const doc = await openPdf(path);
  const pages: { forms: number; images: number }[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const ops = await (await doc.getPage(n)).getOperatorList();
    let depth = 0;
    let forms = 0;
    let images = 0;
    for (const fn of ops.fnArray) {
      if (fn === OPS.paintFormXObjectBegin) {
        if (depth === 0) forms++;
        depth++;
      } else if (fn === OPS.paintFormXObjectEnd) depth--;
      else if (
        depth === 0 &&
        (fn === OPS.paintImageXObject || fn === OPS.paintInlineImageXObject || fn === OPS.paintImageMaskXObject)
      )
        images++;
    }
    pages.push({ forms, images });
  }
  return pages;
}

describe.skipIf(!enabled)("notes and handouts of a fixture concept", () => {
  it("are built for every variant next to its PDF (exit 0) and listed in the manifest", () => {
    expect(build.stderr).toBe("");
    expect(build.status).toBe(0);
    const manifest = JSON.parse(readFileSync(join(out, ".manifest", "decks.json"), "utf8")) as {
      files: { path: string; pages: number; bytes: number; readingOrder?: string[] }[];
    };
    for (const v of VARIANTS) {
      expect(build.stdout).toMatch(new RegExp(`Präsentation ${v}: Notizen für Vortragende \\(\\d+ Seiten\\)`));
      expect(build.stdout).toMatch(new RegExp(`Präsentation ${v}: Handzettel \\(\\d+ Seiten\\)`));
      for (const kind of ["notizen", "handzettel"] as const) {
        const entry = manifest.files.find((f) => f.path === `${v}-${kind}.pdf`);
        expect(entry, `${v}-${kind}.pdf`).toBeDefined();
        expect(entry?.bytes).toBe(statSync(file(v, kind)).size);
        expect(entry?.pages).toBe(Number(pdfInfo(file(v, kind)).Pages));
        expect(entry?.readingOrder?.length).toBe(data(v).slides.length + 1);
      }
    }
  });

  describe.each(VARIANTS)("the variant %s", (id) => {
    it("are A4 portrait on every page, titled, tagged", async () => {
      for (const kind of ["notizen", "handzettel"] as const) {
        const info = pdfInfo(file(id, kind));
        expect(info.Tagged).toBe("yes");
        expect(info.Title).toBe(
          `${data(id).pdf.title} – ${kind === "notizen" ? "Notizen für Vortragende" : "Handzettel"}`,
        );
        const pdf = await PDFDocument.load(readFileSync(file(id, kind)), { updateMetadata: false });
        for (const page of pdf.getPages()) {
          const { width, height } = page.getSize();
          // A4: 210 × 297 mm.
          expect(Math.abs(width - (210 / 25.4) * 72)).toBeLessThan(1);
          expect(Math.abs(height - (297 / 25.4) * 72)).toBeLessThan(1);
        }
      }
    });

    it("notes: every slide's heading, then its picture, then its notes, in slide order", async () => {
      const d = data(id);
      const doc = await openPdf(file(id, "notizen"));
      const read: StructNode[] = [];
      for (let n = 1; n <= doc.numPages; n++) read.push(...readable((await readPage(doc, n)).tree));
      expect({ role: read[0]?.role, text: spoken(read[0]?.text ?? "") }).toEqual({ role: "H1", text: d.title });
      const expected = d.slides.flatMap((s, i) => [
        { role: "H2", text: `Folie ${i + 1} von ${d.slides.length} ${spoken(s.title)}` },
        { role: "Figure", alt: slideText(s) },
        ...s.notes.map((note) => ({ role: "P", text: spoken(note) })),
      ]);
      const got = read
        .filter((x) => x.role !== "H1" && !(x.role === "P" && x.text.includes("Notizen für Vortragende")))
        .map((x) => (x.role === "Figure" ? { role: x.role, alt: x.alt } : { role: x.role, text: spoken(x.text) }));
      expect(got).toEqual(expected);
      // And as text, for copy and search.
      const text = letters(pdfText(file(id, "notizen")));
      for (const s of d.slides) for (const note of s.notes) expect(text).toContain(letters(note));
    });

    it("handout: three slides a page, each a Figure with its title and text, the Stand and „Seite i von n“", async () => {
      const d = data(id);
      const doc = await openPdf(file(id, "handzettel"));
      const pages = doc.numPages;
      expect(pages).toBe(Math.ceil(d.slides.length / SLIDES_PER_HANDOUT_PAGE));
      const alts: string[] = [];
      for (let n = 1; n <= pages; n++) {
        const page = await readPage(doc, n);
        const figures = walk(page.tree).filter((x) => x.role === "Figure");
        expect(figures.length, `Seite ${n}`).toBe(Math.min(SLIDES_PER_HANDOUT_PAGE, d.slides.length - (n - 1) * 3));
        alts.push(...figures.map((f) => f.alt ?? ""));
        // Running head and page number: on the page, as artifacts (not read out on every page).
        expect(spoken(page.artifactText)).toContain(`Seite ${n} von ${pages}`);
        expect(spoken(page.artifactText)).toContain(`Stand: ${formatStand(concept.stand)}`);
        expect(pdfText(file(id, "handzettel"), n)).toContain(`Seite ${n} von ${pages}`);
      }
      expect(alts).toEqual(d.slides.map(slideText));
      for (const [i, s] of d.slides.entries()) expect(alts[i]?.startsWith(spoken(s.title))).toBe(true);
    });

    it("place the deck's own pages as Form XObjects (vector), not images", async () => {
      const d = data(id);
      for (const kind of ["notizen", "handzettel"] as const) {
        const pages = await placements(file(id, kind));
        expect(pages.reduce((n, p) => n + p.forms, 0)).toBe(d.slides.length);
        expect(pages.every((p) => p.images === 0)).toBe(true);
        if (kind === "handzettel") expect(pages[0]?.forms).toBe(SLIDES_PER_HANDOUT_PAGE);
        const pdf = await PDFDocument.load(readFileSync(file(id, kind)), { updateMetadata: false });
        const deck = await PDFDocument.load(readFileSync(join(out, `${id}.pdf`)), { updateMetadata: false });
        const { width, height } = deck.getPage(0).getSize();
        for (const page of pdf.getPages()) {
          const xobjects = page.node.Resources()?.lookupMaybe(PDFName.of("XObject"), PDFDict);
          for (const [, ref] of xobjects?.entries() ?? []) {
            const x = pdf.context.lookup(ref);
            expect(x).toBeInstanceOf(PDFStream);
            const dict = (x as PDFStream).dict;
            expect(dict.lookup(PDFName.of("Subtype"))?.toString()).toBe("/Form");
            expect(dict.lookup(PDFName.of("BBox"))?.toString()).toBe(`[ 0 0 ${width} ${height} ]`);
          }
        }
      }
    });
  });

  it("pass pnpm a11y (PDF/UA-1 checks, reading order from the manifest)", () => {
    const run = spawnSync(
      join(root, "node_modules", ".bin", "tsx"),
      ["packages/a11y/src/cli.ts", "--json", ...VARIANTS.flatMap((v) => [file(v, "notizen"), file(v, "handzettel")])],
      { cwd: root, encoding: "utf8" },
    );
    const report = JSON.parse(run.stdout) as { files: { path: string; checks: { id: string; ok: boolean }[] }[] };
    expect(report.files.length).toBe(VARIANTS.length * 2);
    for (const f of report.files)
      expect(
        f.checks.filter((c) => !c.ok).map((c) => c.id),
        f.path,
      ).toEqual([]);
    expect(run.status).toBe(0);
  });

  it("refuse notes longer than a page, naming the slide, instead of cutting them off", async () => {
    const d = data("ausschuss");
    const long = structuredClone(d);
    long.slides[1]!.notes = Array.from({ length: 120 }, (_, i) => `Eine lange eigene Notiz, Absatz ${i + 1}.`);
    const errors: string[] = [];
    let made = 0;
    await printHandouts(
      [
        {
          kind: "notizen",
          deck: long,
          deckPdf: readFileSync(join(out, "ausschuss.pdf")),
          output: async () => {
            made++;
          },
          fail: (e) => errors.push(e.message),
        },
      ],
      findChromium()!,
    );
    expect(made).toBe(0);
    expect(errors).toEqual(["Folie 2: die Notizen passen nicht auf eine A4-Seite. Bitte die Notizen kürzen."]);
  }, 120_000);

  describe("the incremental build", () => {
    const baustein = join(content, "bausteine", "04-kooperation.yaml");
    const sha = (p: string) => readFileSync(p).toString("base64");

    it("makes the notes again when only a note changed, and keeps the deck PDF and the handout", () => {
      const before = { pdf: sha(join(out, "ausschuss.pdf")), hand: sha(file("ausschuss", "handzettel")) };
      const notesBefore = data("ausschuss").slides.map((s) => s.notes);
      // A new Chance: the variant shows no slide of Chancen, only its notes count them.
      writeFileSync(baustein, readFileSync(baustein, "utf8").replace("chances:\n", "chances:\n  - Eine neue Chance\n"));
      const again = rebuild();
      expect(again.status).toBe(0);
      expect(data("ausschuss").slides.map((s) => s.notes)).not.toEqual(notesBefore);
      expect(again.stdout).toContain("Präsentation ausschuss: PDF unverändert");
      expect(again.stdout).toContain("Präsentation ausschuss: Handzettel unverändert");
      expect(again.stdout).toMatch(/Präsentation ausschuss: Notizen für Vortragende \(\d+ Seiten\)/);
      expect(sha(join(out, "ausschuss.pdf"))).toBe(before.pdf);
      expect(sha(file("ausschuss", "handzettel"))).toBe(before.hand);
      expect(letters(pdfText(file("ausschuss", "notizen")))).toContain(letters("3 Chancen"));
    }, 300_000);

    it("makes both again when a slide changed", () => {
      writeFileSync(baustein, readFileSync(baustein, "utf8").replace(/status: in Arbeit/, "status: erledigt"));
      const again = rebuild();
      expect(again.status).toBe(0);
      expect(again.stdout).toMatch(/Präsentation ausschuss: PDF \(/);
      expect(again.stdout).toMatch(/Präsentation ausschuss: Handzettel \(\d+ Seiten\)/);
      expect(again.stdout).toMatch(/Präsentation ausschuss: Notizen für Vortragende \(\d+ Seiten\)/);
    }, 300_000);

    it("makes nothing again when nothing changed", () => {
      const again = rebuild();
      expect(again.status).toBe(0);
      for (const v of VARIANTS) {
        expect(again.stdout).toContain(`Präsentation ${v}: PDF unverändert`);
        expect(again.stdout).toContain(`Präsentation ${v}: Notizen für Vortragende unverändert`);
        expect(again.stdout).toContain(`Präsentation ${v}: Handzettel unverändert`);
      }
    }, 300_000);
  });
});
