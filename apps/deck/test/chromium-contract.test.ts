/**
 * The deck's PDF rewriter against real PDFs printed by a known Chromium (test/fixtures/chromium/, made by
 * scripts/chromium-fixture.ts): the shape it relies on holds, and the whole rewrite (tagging to PDF/UA-1, IDs,
 * soft hyphens, metadata) runs on it. A Chromium that prints differently fails the end-to-end twin of this test
 * (chromium-contract.e2e.test.ts) with the same German messages, naming the file to adapt.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { PDFDocument, PDFName, PDFString } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { contractProblems, observeChromiumPdf } from "../src/chromium-contract.js";
import { deckDir } from "../src/deck-dir.js";
import { normalisePdf } from "../src/export-pdf.js";

const dir = join(deckDir, "test", "fixtures", "chromium");
const probe = readFileSync(join(dir, "probe.pdf"));
const { pages } = JSON.parse(readFileSync(join(dir, "probe.json"), "utf8")) as { pages: number };
/** Every checked-in probe: probe (two pages of text, link, list, table, figure), probe-folie, probe-drei. */
const PROBES = readdirSync(dir)
  .filter((f) => f.endsWith(".pdf"))
  .map((f) => f.replace(/\.pdf$/, ""))
  .sort()
  .map((name) => ({
    name,
    bytes: readFileSync(join(dir, `${name}.pdf`)),
    pages: (JSON.parse(readFileSync(join(dir, `${name}.json`), "utf8")) as { pages: number }).pages,
  }));
const meta = {
  title: "Probe",
  author: "Amt, Stadt",
  subject: "Probe",
  keywords: ["Probe"],
  creator: "Probe",
  producer: "pdf-lib",
  language: "de-DE" as const,
  date: "2024-05-31",
  bookmarks: ["Probeseite eins", "Probeseite zwei"],
};

describe("Chromium's tagged PDF, as the rewriter expects it", () => {
  it("has the shape the rewriter relies on", async () => {
    const shape = await observeChromiumPdf(probe, pages);
    expect(contractProblems(shape, pages)).toEqual([]);
    expect(shape.tagged).toBe(true);
    expect(shape.softHyphenSpans).toBeGreaterThan(0);
    expect(shape.roles).toEqual(
      expect.arrayContaining(["Document", "H1", "P", "L", "LI", "Table", "TH", "Figure", "Link"]),
    );
  });

  it("has three probes, printed by the same Chromium", () => {
    expect(PROBES.map((p) => p.name)).toEqual(["probe", "probe-drei", "probe-folie"]);
    const printedBy = PROBES.map((p) => JSON.parse(readFileSync(join(dir, `${p.name}.json`), "utf8")).chromium);
    expect(new Set(printedBy).size).toBe(1);
  });

  it.each(PROBES)("$name: has the shape the rewriter relies on, and goes through the whole rewrite", async (p) => {
    const shape = await observeChromiumPdf(p.bytes, p.pages);
    expect(contractProblems(shape, p.pages)).toEqual([]);
    expect(shape.pages).toBe(p.pages);
    const out = await normalisePdf(p.bytes, { ...meta, bookmarks: meta.bookmarks.slice(0, p.pages) }, p.pages);
    const after = await observeChromiumPdf(out, p.pages);
    expect(after.pages).toBe(p.pages);
    expect(after.softHyphenSpans).toBe(0);
    expect(after.otherIds.every((id) => /^e\d{5}$/.test(id))).toBe(true);
  });

  it("probe-folie: an aside, a quote, nested lists and mail and phone links keep their roles", async () => {
    const p = PROBES.find((x) => x.name === "probe-folie")!;
    const shape = await observeChromiumPdf(p.bytes, p.pages);
    expect(shape.roles).toEqual(expect.arrayContaining(["H1", "L", "LI", "Link", "Figure"]));
    expect(shape.softHyphenSpans).toBeGreaterThan(0);
  });

  it("goes through the whole rewrite: PDF 1.7, standard roles mapped, IDs renumbered, soft hyphens out of the text", async () => {
    const out = await normalisePdf(probe, meta, pages);
    expect(Buffer.from(out.subarray(0, 8)).toString("latin1")).toBe("%PDF-1.7");
    const shape = await observeChromiumPdf(out, pages);
    expect(shape.pages).toBe(pages);
    expect(shape.softHyphenSpans).toBe(0);
    expect(shape.otherIds.every((id) => /^e\d{5}$/.test(id))).toBe(true);
    const pdf = await PDFDocument.load(out);
    const roleMap = String(pdf.catalog.lookup(PDFName.of("StructTreeRoot")));
    expect(roleMap).toContain("/RoleMap");
    expect(pdf.getTitle()).toBe("Probe");
    expect(pdf.catalog.lookup(PDFName.of("Lang"))).toEqual(PDFString.of("de-DE"));
  });

  it("names what changed, and the file to adapt, when a Chromium prints differently", async () => {
    const shape = await observeChromiumPdf(probe, pages);
    expect(
      contractProblems(
        {
          ...shape,
          roles: [...shape.roles, "Fantasie"],
          otherIds: ["k17"],
          softHyphenSpans: 0,
          pages: pages + 2,
          emptyTrailingPages: 2,
        },
        pages,
      ),
    ).toEqual([
      "Neue Strukturtypen, die weder Standard sind noch in der RoleMap stehen: Fantasie — ROLE_MAP in src/pdf-structure.ts ergänzen.",
      "Element-IDs in neuer Form (k17) statt „node<Nummer>“: src/pdf-ids.ts prüfen (gleiche Inhalte müssen gleiche Bytes geben).",
      "Weiche Trennstriche stehen nicht mehr als Span mit ActualText U+00AD im Inhalt: src/pdf-artifacts.ts anpassen, sonst kommen getrennte Wörter nicht ganz beim Kopieren und Vorlesen an.",
      "Nach der letzten Folie folgen 2 Seiten (davon 2 leer); src/export-pdf.ts entfernt höchstens eine leere.",
    ]);
  });
});
