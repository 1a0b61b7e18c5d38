/**
 * A concept with its own words and a contact (fixtures/concepts/eigene-worte): the flyer model says „Kapitel“ and
 * „Verpflichtungen“, never „Baustein“ or „Maßnahme“; the „Kontakt“ panel shows the person, role, postal address,
 * office hours, e-mail address and phone number; in the screen PDF the e-mail address and the phone number are links
 * (`mailto:`, `tel:` with digits only), each a Link element of the structure tree with one annotation that says what
 * it does.
 */
import { join } from "node:path";
import { loadConceptSync } from "@dus-opendata/concept/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepareFlyer } from "../src/index.js";
import { haveTools, plainText, type Rendered, removeDir, renderFlyers, repoRoot, run, tempDir } from "./helpers.js";
import { elements, readTaggedPdf, type StructElement } from "./read-tagged-pdf.js";

const concept = loadConceptSync(join(repoRoot, "fixtures", "concepts", "eigene-worte"), {
  displayDir: "fixtures/concepts/eigene-worte",
});
const TODAYS = /Baustein|Maßnahme|Chance|Risik/;
const tools = haveTools("pdftotext", "qpdf");
/** The prepared flyer as text, without soft hyphens and no-break spaces. */
const plainModel = (id: string) =>
  JSON.stringify(prepareFlyer(concept, concept.flyers.find((f) => f.id === id)!))
    .replace(/\u00AD/g, "")
    .replace(/\u00A0/g, " ");
const find = (root: StructElement | undefined, role: string) => [...elements(root)].filter((e) => e.role === role);

describe("the flyer model of a concept with its own words", () => {
  it("says Kapitel, Verpflichtungen and Vorteile, never today's words", () => {
    for (const f of concept.flyers) {
      expect(plainModel(f.id), f.id).not.toMatch(TODAYS);
    }
    const leaflet = plainModel(concept.flyers.find((f) => f.id === "faltblatt")!.id);
    expect(leaflet).toContain("Zwei Kapitel");
    expect(leaflet).toContain("Elf Verpflichtungen im Konzept");
    expect(leaflet).toContain('"label":"Kapitel 1"');
    expect(leaflet).toContain("Sechs Verpflichtungen");
    expect(leaflet).toContain("Fünf Verpflichtungen");
    // The counts by status in the words of its own scale, „ohne Angabe“ for the one without a status.
    expect(leaflet).toContain(
      '"status":"1 nicht begonnen · 2 begrenzt oder substanziell · 1 verzögert · 1 abgeschlossen · 1 ohne Angabe"',
    );
    expect(leaflet).toContain('"title":"Vorteile"');
  });

  it("gives the contact panel the person, role, team, postal address, office hours and both links", () => {
    const f = prepareFlyer(concept, concept.flyers.find((x) => x.id === "sprechstunde")!);
    const contact = f.places.flat().find((s) => s.data.kind === "contact")?.data;
    if (contact?.kind !== "contact") throw new Error("kein Kontakt");
    const plain = (s: string) => s.replace(/\u00AD/g, "").replace(/\u00A0/g, " ");
    expect(contact.lines.map(plain)).toEqual([
      "Dr. Jana Wellbrock",
      "Koordinatorin des Aktionsplans",
      "Koordinierungsstelle Aktionsplan",
      "Rathaus Nordweiler, Zimmer 214",
      "Am Deich 3",
      "26999 Nordweiler",
    ]);
    expect(contact.hours && plain(contact.hours)).toBe("Sprechzeiten: Dienstag und Donnerstag, 9 – 12 Uhr");
    expect(contact.links).toEqual([
      {
        kind: "email",
        href: "mailto:aktionsplan@nordweiler.example",
        text: "aktionsplan@nordweiler.example",
        name: "aktionsplan@nordweiler.example (E-Mail schreiben)",
      },
      {
        kind: "phone",
        href: "tel:+494471882301",
        text: "Telefon: +49 (0)4471 88-2301",
        name: "Telefon: +49 (0)4471 88-2301 (anrufen)",
      },
    ]);
  });
});

describe.skipIf(!tools)("the screen PDFs of a concept with a contact", () => {
  let dir: string;
  let flyers: Map<string, Rendered>;
  beforeAll(async () => {
    dir = tempDir("own-words");
    flyers = await renderFlyers(concept, dir);
  });
  afterAll(() => removeDir(dir));

  it.each(["sprechstunde", "faltblatt"])("%s: the text has every part of the contact", (id) => {
    const text = plainText(run("pdftotext", [flyers.get(id)!.screenPath, "-"]));
    for (const part of [
      "Dr. Jana Wellbrock",
      "Koordinatorin des Aktionsplans",
      "Rathaus Nordweiler, Zimmer 214",
      "Am Deich 3",
      "26999 Nordweiler",
      "Sprechzeiten: Dienstag und Donnerstag, 9 – 12 Uhr",
      "aktionsplan@nordweiler.example",
      "Telefon: +49 (0)4471 88-2301",
    ])
      expect(text, part).toContain(part);
    expect(text).not.toMatch(TODAYS);
  });

  it.each(["sprechstunde", "faltblatt"])(
    "%s: e-mail and phone are Link elements with one annotation each: mailto:, tel: and what they do",
    async (id) => {
      const pdf = await readTaggedPdf(flyers.get(id)!.screenPath);
      const links = find(pdf.root, "Link").map((l) => ({
        text: l.fullText,
        annotations: l.annotations.map((a) => [a.uri, a.contents]),
      }));
      expect(links).toContainEqual({
        text: "aktionsplan@nordweiler.example",
        annotations: [["mailto:aktionsplan@nordweiler.example", "aktionsplan@nordweiler.example (E-Mail schreiben)"]],
      });
      expect(links).toContainEqual({
        text: "Telefon: +49 (0)4471 88-2301",
        annotations: [["tel:+494471882301", "Telefon: +49 (0)4471 88-2301 (anrufen)"]],
      });
      // Inside the contact panel's Div, after the postal address, before the portal.
      const contact = find(pdf.root, "Sect").find((s) => s.children[0]?.text === "Kontakt");
      const div = contact?.children.find((c) => c.role === "Div");
      expect(div?.fullText).toMatch(
        /^Dr\. Jana Wellbrock .* 26999 Nordweiler Sprechzeiten: .* aktionsplan@nordweiler\.example Telefon: \+49 \(0\)4471 88-2301 offen\.nordweiler\.example$/,
      );
    },
  );
});
