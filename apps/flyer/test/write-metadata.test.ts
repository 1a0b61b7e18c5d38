import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { renderFlyer } from "../src/index.js";
import { loadFixture, removeDir, tempDir } from "./helpers.js";
import { readTaggedPdf } from "./read-tagged-pdf.js";

describe("XMP", () => {
  const dir = tempDir("xmp");
  afterAll(() => removeDir(dir));

  it("eine Schlagzeile mit „&“, „<“ und Anführungszeichen kommt unverändert als dc:title an (pdf.js)", async () => {
    const concept = loadFixture("beispielstadt");
    const flyer = concept.flyers.find((f) => f.id === "handzettel");
    if (!flyer) throw new Error("handzettel fehlt");
    const title = `Grün & Blau <b>fett</b> "Zitat" 'x'`;
    const r = await renderFlyer(concept, { ...flyer, title });
    const path = join(dir, "t.pdf");
    writeFileSync(path, r.screen);
    const pdf = await readTaggedPdf(path);
    expect(pdf.xmp.title).toBe(`${flyer.occasion}: ${title}`);
    expect(pdf.xmp.pdfuaPart).toBe("1");
  });
});
