import { describe, expect, it } from "vitest";
import { documentMetadata, keywordsLine, metadataDate, xmpPacket } from "./document-metadata.js";
import type { Concept } from "./model.js";
import { bausteinSchema } from "./schemas/baustein.js";

const block = (id: string, title: string) => ({
  ...bausteinSchema.parse({ id, title, summary: "Kurz.", why: { title: "Warum?", text: ["Weil."] } }),
  number: 1,
});

const concept: Pick<Concept, "title" | "organisation" | "city" | "keywords" | "bausteine" | "stand"> = {
  title: "Daten für alle",
  organisation: "Amt für Digitales",
  city: "Stadt Beispielstadt",
  keywords: ["Offene Daten", "Beispielstadt", "Werkstatt"],
  bausteine: [block("werkstatt", "Werkstatt"), block("sprechstunde", "Sprechstunde")],
  stand: { unit: "day", year: 2024, month: 2, day: 29 },
};

describe("documentMetadata", () => {
  it("describes a deck from the content: author, subject with the Stand, keywords, date of the Stand", () => {
    expect(
      documentMetadata(concept, { title: "Daten für alle", occasion: "Amtsleitungsrunde", medium: "deck" }),
    ).toEqual({
      title: "Daten für alle",
      author: "Amt für Digitales, Stadt Beispielstadt",
      subject: "Präsentation „Amtsleitungsrunde“ zum Konzept „Daten für alle“ · Stand: 29. Februar 2024",
      keywords: ["Offene Daten", "Beispielstadt", "Werkstatt", "Sprechstunde"],
      creator: "Foliengenerator (Slidev, Chromium)",
      producer: "pdf-lib",
      language: "de-DE",
      date: "2024-02-29",
    });
  });

  it("describes a flyer the same way, named as a flyer and made by the flyer tools", () => {
    const m = documentMetadata(
      { ...concept, keywords: [], stand: { unit: "month", year: 2023, month: 11 } },
      { title: "Tag der offenen Tür: Daten zum Anfassen", occasion: "Tag der offenen Tür", medium: "flyer" },
    );
    expect(m.title).toBe("Tag der offenen Tür: Daten zum Anfassen");
    expect(m.subject).toBe("Flyer „Tag der offenen Tür“ zum Konzept „Daten für alle“ · Stand: November 2023");
    expect(m.keywords).toEqual(["Werkstatt", "Sprechstunde"]);
    expect([m.creator, m.producer]).toEqual([
      "Flyergenerator (@react-pdf/renderer)",
      "@react-pdf/renderer und pdf-lib",
    ]);
    expect(m.date).toBe("2023-11-30");
  });

  it("writes the XMP packet with XML's reserved characters as text, and pdfuaid only for a tagged file", () => {
    const m = {
      ...documentMetadata(concept, { title: "A & B <c>", occasion: "x", medium: "deck" }),
      author: "Amt „X“ 'Y'\u0007",
    };
    const tagged = xmpPacket(m, { pdfua: true });
    expect(tagged).toContain('<dc:title><rdf:Alt><rdf:li xml:lang="x-default">A &amp; B &lt;c&gt;</rdf:li></rdf:Alt>');
    expect(tagged).toContain("<dc:creator><rdf:Seq><rdf:li>Amt „X“ &apos;Y&apos;</rdf:li></rdf:Seq></dc:creator>");
    expect(tagged).toContain("<pdf:Keywords>Offene Daten, Beispielstadt, Werkstatt, Sprechstunde</pdf:Keywords>");
    expect(tagged).toContain("<xmp:CreateDate>2024-02-29T00:00:00Z</xmp:CreateDate>");
    expect(tagged).toContain("<dc:language><rdf:Bag><rdf:li>de-DE</rdf:li></rdf:Bag></dc:language>");
    expect(tagged).toContain("<pdfuaid:part>1</pdfuaid:part>");
    expect(xmpPacket(m, { pdfua: false })).not.toContain("pdfuaid");
    expect(keywordsLine(m)).toBe("Offene Daten, Beispielstadt, Werkstatt, Sprechstunde");
    expect(metadataDate(m).toISOString()).toBe("2024-02-29T00:00:00.000Z");
  });
});
