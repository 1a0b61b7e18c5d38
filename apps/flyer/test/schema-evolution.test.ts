/**
 * A concept written for the first release (no `sender`, no `portalName`, no `purpose`, no `keywords`) still gives
 * every flyer: the footer names the organisation and the city, the portal section is headed with the default name.
 * Built, not only loaded: every flyer set to PDF (its text read back), every deck variant resolved to its slides.
 */
import { cpSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { footerLine, labels, resolveDeck } from "@dus-opendata/concept";
import { loadConceptSync } from "@dus-opendata/concept/node";
import { afterAll, describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { prepareFlyer, renderAll } from "../src/index.js";
import { haveTools, plainText, removeDir, repoRoot, run, tempDir } from "./helpers.js";

const fixtures = join(repoRoot, "fixtures", "concepts");
const names = readdirSync(fixtures).filter((n) => !n.includes("."));
const temps: string[] = [];
afterAll(() => {
  for (const t of temps) removeDir(t);
});

function firstRelease(name: string): string {
  const dir = tempDir(`erste-fassung-${name}`);
  temps.push(dir);
  cpSync(join(fixtures, name), dir, { recursive: true });
  const file = join(dir, "concept.yaml");
  const doc = parseDocument(readFileSync(file, "utf8"));
  for (const key of ["sender", "portalName", "purpose", "keywords"]) doc.delete(key);
  writeFileSync(file, doc.toString({ lineWidth: 0 }));
  return dir;
}

describe("flyers of a concept without the fields added since the first release", () => {
  it.each(names)("%s: every flyer is prepared, with the derived sender and portal name", (name) => {
    const c = loadConceptSync(firstRelease(name));
    expect(c.flyers.length).toBeGreaterThan(0);
    const sender = `${c.organisation}, ${c.city}`;
    for (const flyer of c.flyers) {
      const prepared = prepareFlyer(c, flyer);
      expect(prepared.footerFields[0]).toEqual({ field: "sender", text: sender });
      expect(prepared.footer.replace(/\u00A0/g, " ")).toBe(footerLine({ sender, claim: c.claim }));
      const portals = prepared.places.flat().filter((s) => s.data.kind === "portal");
      for (const p of portals)
        if (flyer.sections[p.index]?.title === undefined) expect(p.data.title).toBe(labels.portal);
      expect(prepared.meta.keywords).toBeDefined();
    }
  });

  it("the fixtures have flyers with a portal section under its default heading", () => {
    const headed = names.flatMap((name) => {
      const c = loadConceptSync(firstRelease(name));
      return c.flyers.flatMap((f) =>
        prepareFlyer(c, f)
          .places.flat()
          .filter((s) => s.data.kind === "portal" && f.sections[s.index]?.title === undefined),
      );
    });
    expect(headed.length).toBeGreaterThan(0);
  });
});

describe.skipIf(!haveTools("pdftotext"))("a concept without the fields added since the first release, built", () => {
  it.each(names)(
    "%s: every flyer is set to PDF with the derived sender, every deck variant has its slides",
    async (name) => {
      const dir = firstRelease(name);
      const c = loadConceptSync(dir);
      const sender = `${c.organisation}, ${c.city}`;
      const rendered = await renderAll(c);
      expect(rendered.map((r) => r.id)).toEqual(c.flyers.map((f) => f.id));
      for (const r of rendered) {
        const file = join(dir, `${r.id}.pdf`);
        writeFileSync(file, r.screen);
        expect(r.print.length).toBeGreaterThan(0);
        expect(plainText(run("pdftotext", [file, "-"]))).toContain(sender);
      }
      for (const v of c.decks) {
        const deck = resolveDeck(c, v);
        expect(deck.slides.length).toBeGreaterThan(2);
        expect(deck.footer.sender.replace(/[\u00AD]/g, "").replace(/\u00A0/g, " ")).toBe(
          footerLine({ sender, claim: c.claim }),
        );
        expect(deck.pdf.keywords).toEqual(expect.arrayContaining(c.bausteine.map((b) => b.title)));
      }
    },
  );
});
