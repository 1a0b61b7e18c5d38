import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { renderFlyer, xmpPacket } from "../src/index.js";
import { loadFixture, removeDir, tempDir } from "./helpers.js";
import { readTaggedPdf } from "./read-tagged-pdf.js";

const meta = {
  title: "A & B <c>",
  author: "Amt „X“",
  subject: "s",
  keywords: "k",
  creator: "c",
  producer: "p",
  date: new Date("2024-03-31T00:00:00Z"),
};

describe("XMP", () => {
  const dir = tempDir("xmp");
  afterAll(() => removeDir(dir));

  it("schreibt Zeichen, die in XML etwas bedeuten, als Text; pdfuaid nur, wenn verlangt", () => {
    const tagged = xmpPacket(meta, { lang: "de-DE", pdfua: true });
    expect(tagged).toContain('<rdf:li xml:lang="x-default">A &amp; B &lt;c&gt;</rdf:li>');
    expect(tagged).toContain("<rdf:li>Amt „X“</rdf:li>");
    expect(tagged).toContain("<pdfuaid:part>1</pdfuaid:part>");
    expect(xmpPacket(meta, { lang: "de-DE", pdfua: false })).not.toContain("pdfuaid");
  });

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
