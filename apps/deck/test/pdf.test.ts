/** The exported PDFs: one page per slide, every font embedded and the brand font only, the facts with correct umlauts. */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildOutline } from "../src/outline.js";
import { hasTool, letters, outDecks, pdfFonts, pdfInfo, pdfText, realConcept, requireChromium } from "./support.js";

const concept = realConcept();
const enabled = requireChromium() && (hasTool("pdftotext") || !!process.env.CI);

describe.skipIf(!enabled).each(concept.decks.map((d) => d.id))("PDF of the variant %s", (id) => {
  const file = join(outDecks, `${id}.pdf`);
  const outline = buildOutline(concept, concept.decks.find((d) => d.id === id)!);

  it("has one 16:9 page per slide and the metadata of the deck", () => {
    expect(existsSync(file)).toBe(true);
    const info = pdfInfo(file);
    expect(Number(info.Pages)).toBe(outline.slides.length);
    expect(info["Page size"]).toBe("960 x 540 pts");
    expect(info.Title).toBe(outline.title);
    expect(info.Author).toBe("Amt für Statistik und Wahlen, Landeshauptstadt Düsseldorf");
    expect(info.CreationDate).toContain("Nov 30 00:00:00 2018");
  });

  it("embeds every font, and only the brand font", () => {
    const fonts = pdfFonts(file);
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) {
      expect(f.embedded, f.name).toBe(true);
      expect(f.name).toMatch(/^[A-Z]{6}\+SourceSans3/);
    }
  });

  it("contains every Maßnahme title, Chance and Risiko of its slides with correct umlauts and ß", () => {
    const text = letters(pdfText(file));
    for (const s of outline.slides) {
      const b = concept.bausteine.find((x) => x.id === s.baustein);
      if (s.kind === "measure") {
        const m = b!.measures.find((x) => x.id === s.measure)!;
        expect(text).toContain(letters(m.title));
      }
      if (s.kind === "chances-risks") for (const t of [...b!.chances, ...b!.risks]) expect(text).toContain(letters(t));
    }
    expect(text).toContain(letters("Maßnahmen"));
    expect(text).toContain(letters("Düsseldorf"));
  });

  it("keeps the portal link clickable", () => {
    const raw = readFileSync(file, "latin1");
    const portal = new URL(concept.portal).href;
    expect(raw).toContain(`/URI (${portal})`);
  });

  it("puts the slide number on each page", () => {
    for (const n of [1, outline.slides.length]) expect(pdfText(file, n)).toContain(`${n} / ${outline.slides.length}`);
  });
});
