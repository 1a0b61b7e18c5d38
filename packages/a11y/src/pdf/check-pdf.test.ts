/**
 * Every PDF check on small documents written in the test: each passes on a good document and fails, with its exact
 * message, on one that breaks the rule.
 */
import { type PDFDict, PDFName } from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import {
  addHeadersAttributes,
  addRoleMap,
  drawGood,
  editPdf,
  emptyStructTree,
  goodPdf,
  saveTemp,
  setXmp,
  structElements,
  writePdf,
} from "../../test/make-pdf.js";
import type { CheckResult } from "../report.js";
import { checkPdf } from "./check-pdf.js";

const ORDER = ["Probedokument", "Erster Abschnitt", "Zweiter Abschnitt", "Unterabschnitt"];

/** `readingOrder` null: the manifest has none. */
async function run(bytes: Uint8Array, readingOrder: string[] | null = ORDER): Promise<CheckResult[]> {
  return checkPdf(saveTemp(bytes), readingOrder ?? undefined);
}

async function result(
  bytes: Uint8Array,
  id: string,
  readingOrder: string[] | null = ORDER,
): Promise<Omit<CheckResult, "data">> {
  const found = (await run(bytes, readingOrder)).find((c) => c.id === id);
  if (!found) throw new Error(`no check ${id}`);
  const { data: _, ...rest } = found;
  return rest;
}

let good: CheckResult[];
let untagged: Uint8Array;

beforeAll(async () => {
  good = await run(await goodPdf());
  untagged = await writePdf({ tagged: false, pdfua: false }, (w) => w.untagged());
});

describe("a good document", () => {
  it("passes every check, in the order of the table", () => {
    expect(good.map((c) => [c.name, c.ok, c.detail])).toEqual([
      ["Getaggt", true, "MarkInfo /Marked true, 14 Strukturelemente"],
      ["Sprache (/Lang)", true, "de-DE"],
      ["Dokumenttitel", true, "dc:title „Probedokument“, DisplayDocTitle true"],
      ["PDF/UA-Kennung", true, "pdfuaid:part 1"],
      ["Strukturtypen (RoleMap)", true, "14 Elemente, alle Standardtypen"],
      ["Überschriften", true, "H1 ×1, H2 ×2, H3 ×1, ohne Sprung"],
      ["Alternativtext für Abbildungen", true, "1 Abbildung, mit /Alt"],
      ["Inhalt markiert (01-005)", true, "alles Gezeichnete ist Inhalt mit MCID oder Artefakt (1 Seite)"],
      ["Struktur auf jeder Seite", true, "die Seite hat Struktur"],
      ["Tabellenköpfe mit Scope", true, "2 TH, alle mit /Scope oder /Headers"],
      ["Keine weichen Trennstriche", true, "kein U+00AD in einem Wort (pdftotext)"],
      ["Lesereihenfolge (Überschriften)", true, "4 Überschriften in der erwarteten Reihenfolge"],
    ]);
  });
});

describe("tagged", () => {
  it("fails without MarkInfo and structure tree", async () => {
    expect(await result(untagged, "tagged")).toEqual({
      id: "tagged",
      name: "Getaggt",
      ok: false,
      detail: "MarkInfo /Marked ist nicht true; kein Strukturbaum (StructTreeRoot)",
    });
  });

  it("fails when MarkInfo says /Suspects true", async () => {
    const bytes = await editPdf(await goodPdf(), (pdf) => {
      pdf.catalog.set(PDFName.of("MarkInfo"), pdf.context.obj({ Marked: true, Suspects: true }));
    });
    expect((await result(bytes, "tagged")).detail).toBe("MarkInfo /Suspects ist true");
  });
});

describe("tagged, with an empty tree", () => {
  it("fails when the StructTreeRoot has no elements", async () => {
    const bytes = await editPdf(await goodPdf(), emptyStructTree);
    expect((await result(bytes, "tagged")).detail).toBe("Strukturbaum ohne Elemente");
  });
});

describe("language", () => {
  it("fails without /Lang", async () => {
    expect(await result(await goodPdf({ lang: "" }), "lang")).toMatchObject({
      ok: false,
      detail: "kein /Lang im Katalog",
    });
  });

  it("fails on another language", async () => {
    expect(await result(await goodPdf({ lang: "en-US" }), "lang")).toMatchObject({
      ok: false,
      detail: "/Lang „en-US“, erwartet de-DE oder de",
    });
  });

  it("passes on de", async () => {
    expect(await result(await goodPdf({ lang: "de" }), "lang")).toMatchObject({ ok: true, detail: "de" });
  });
});

describe("title", () => {
  it("fails when the viewer shows the file name instead of the title", async () => {
    expect(await result(await goodPdf({ displayTitle: false }), "title")).toMatchObject({
      ok: false,
      detail: "ViewerPreferences /DisplayDocTitle fehlt",
    });
  });

  it("fails when DisplayDocTitle is false", async () => {
    const bytes = await editPdf(await goodPdf(), (pdf) => {
      pdf.catalog.set(PDFName.of("ViewerPreferences"), pdf.context.obj({ DisplayDocTitle: false }));
    });
    expect((await result(bytes, "title")).detail).toBe("ViewerPreferences /DisplayDocTitle ist false");
  });

  it("fails without XMP metadata, naming the Info title it would have", async () => {
    const bytes = await editPdf(await goodPdf(), (pdf) => pdf.catalog.delete(PDFName.of("Metadata")));
    expect((await result(bytes, "title")).detail).toBe(
      "keine XMP-Metadaten, also kein dc:title (Info-Titel „Probedokument“)",
    );
  });

  it("fails when the XMP has no dc:title", async () => {
    expect(await result(await goodPdf({ title: "" }), "title")).toMatchObject({
      ok: false,
      detail: "kein dc:title in den XMP-Metadaten",
    });
  });
});

describe("PDF/UA identifier", () => {
  it("fails without the identifier", async () => {
    expect(await result(await goodPdf({ pdfua: false }), "pdfua")).toMatchObject({
      ok: false,
      detail: "kein pdfuaid:part in den XMP-Metadaten",
    });
  });

  it("flags the identifier on an untagged document as a false claim", async () => {
    const claim = await writePdf({ tagged: false, pdfua: true }, (w) => w.untagged());
    expect(await result(claim, "pdfua")).toEqual({
      id: "pdfua",
      name: "PDF/UA-Kennung",
      ok: false,
      detail: "falscher Anspruch: pdfuaid:part 1 ohne Strukturbaum",
    });
  });
});

describe("PDF/UA identifier, edge cases", () => {
  const DC = `<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title><rdf:Alt><rdf:li xml:lang="x-default">Probe &amp; Test</rdf:li></rdf:Alt></dc:title></rdf:Description>`;

  it("fails on another part number", async () => {
    const bytes = await editPdf(await goodPdf(), (pdf) =>
      setXmp(
        pdf,
        `<rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"><pdfuaid:part>2</pdfuaid:part></rdf:Description>${DC}`,
      ),
    );
    expect((await result(bytes, "pdfua")).detail).toBe("pdfuaid:part 2, erwartet 1");
  });

  it("reads the identifier and the title written as attributes and entities", async () => {
    const bytes = await editPdf(await goodPdf(), (pdf) =>
      setXmp(
        pdf,
        `<rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/" pdfuaid:part="1"/>${DC}`,
      ),
    );
    const checks = await run(bytes);
    expect(checks.find((c) => c.id === "pdfua")).toMatchObject({ ok: true, detail: "pdfuaid:part 1" });
    expect(checks.find((c) => c.id === "title")).toMatchObject({
      ok: true,
      detail: "dc:title „Probe & Test“, DisplayDocTitle true",
    });
  });

  it("flags the identifier on an empty structure tree as a false claim", async () => {
    const bytes = await editPdf(await goodPdf(), emptyStructTree);
    expect((await result(bytes, "pdfua")).detail).toBe("falscher Anspruch: pdfuaid:part 1 ohne Strukturbaum");
  });
});

describe("structure types", () => {
  it("fails on a non-standard type without a RoleMap entry", async () => {
    const bytes = await writePdf({}, (w) => {
      drawGood(w);
      w.text("Strong", "Wichtig");
      w.text("Strong", "Auch wichtig");
    });
    expect(await result(bytes, "roles")).toMatchObject({
      ok: false,
      detail: "ohne Zuordnung zu einem Standardtyp: Strong (2×)",
    });
  });

  it("passes when the RoleMap maps it to a standard type, and says so", async () => {
    const bytes = await editPdf(
      await writePdf({}, (w) => {
        drawGood(w);
        w.text("Strong", "Wichtig");
      }),
      (pdf) => addRoleMap(pdf, { Strong: "Span" }),
    );
    expect(await result(bytes, "roles")).toMatchObject({
      ok: true,
      detail: "15 Elemente, alle Standardtypen oder zugeordnet: Strong → Span",
    });
  });

  it("fails on a circular RoleMap", async () => {
    const bytes = await editPdf(
      await writePdf({}, (w) => {
        drawGood(w);
        w.text("Hinweis", "Text");
      }),
      (pdf) => addRoleMap(pdf, { Hinweis: "Notiz", Notiz: "Hinweis" }),
    );
    expect((await result(bytes, "roles")).detail).toBe("ohne Zuordnung zu einem Standardtyp: Hinweis (1×)");
  });
});

describe("headings", () => {
  it("fails on a skipped level (H1 → H3), naming the heading and its page", async () => {
    const bytes = await writePdf({}, (w) => {
      w.text("H1", "Titel");
      w.text("H3", "Zu tief");
    });
    expect(await result(bytes, "headings")).toEqual({
      id: "headings",
      name: "Überschriften",
      ok: false,
      detail: "Sprung H1 → H3 bei „Zu tief“ (Seite 1)",
    });
  });

  it("fails when the first heading is not H1", async () => {
    const bytes = await writePdf({}, (w) => {
      w.text("H2", "Ohne Titel");
      w.text("H3", "Darunter");
    });
    expect((await result(bytes, "headings")).detail).toBe(
      "erste Überschrift ist H2 „Ohne Titel“ (Seite 1), erwartet H1",
    );
  });

  it("fails without any heading", async () => {
    const bytes = await writePdf({}, (w) => w.text("P", "Nur ein Absatz"));
    expect((await result(bytes, "headings")).detail).toBe("keine Überschrift (H1–H6)");
  });

  it("fails without a structure tree", async () => {
    expect((await result(untagged, "headings")).detail).toBe("kein Strukturbaum");
  });

  it("resolves non-standard heading types through the RoleMap", async () => {
    const bytes = await editPdf(
      await writePdf({}, (w) => {
        w.text("Titel", "Titel");
        w.text("Abschnitt", "Abschnitt");
        w.text("Absatz", "Zu tief");
      }),
      (pdf) => addRoleMap(pdf, { Titel: "H1", Abschnitt: "Zwischentitel", Zwischentitel: "H2", Absatz: "H4" }),
    );
    expect((await result(bytes, "headings")).detail).toBe("Sprung H2 → H4 bei „Zu tief“ (Seite 1)");
  });

  it("may go back up any number of levels", async () => {
    const bytes = await writePdf({}, (w) => {
      for (const [type, text] of [
        ["H1", "A"],
        ["H2", "B"],
        ["H3", "C"],
        ["H2", "D"],
        ["H3", "E"],
      ])
        w.text(type!, text!);
    });
    expect(await result(bytes, "headings")).toMatchObject({ ok: true, detail: "H1 ×1, H2 ×2, H3 ×2, ohne Sprung" });
  });
});

describe("figures", () => {
  it("fails on a Figure without /Alt, naming the page", async () => {
    const bytes = await writePdf({}, (w) => {
      drawGood(w);
      w.figure();
    });
    expect(await result(bytes, "figures")).toEqual({
      id: "figures",
      name: "Alternativtext für Abbildungen",
      ok: false,
      detail: "1 von 2 Abbildungen ohne /Alt (Seite 1)",
    });
  });

  it("fails on an empty /Alt", async () => {
    const bytes = await writePdf({}, (w) => {
      w.text("H1", "Titel");
      w.figure("  ");
    });
    expect((await result(bytes, "figures")).detail).toBe("1 von 1 Abbildung ohne /Alt (Seite 1)");
  });

  it("passes when there is no figure", async () => {
    const bytes = await writePdf({}, (w) => w.text("H1", "Titel"));
    expect(await result(bytes, "figures")).toMatchObject({ ok: true, detail: "keine Abbildungen" });
  });
});

describe("marked content (Matterhorn 01-005)", () => {
  it("counts painting outside marked content per page", async () => {
    const bytes = await writePdf({}, (w) => {
      drawGood(w);
      w.untagged();
      w.untagged();
      w.doc.addPage();
      w.y = 60;
      w.text("P", "Zweite Seite");
      w.untagged();
    });
    expect(await result(bytes, "marked-content")).toEqual({
      id: "marked-content",
      name: "Inhalt markiert (01-005)",
      ok: false,
      detail: "3 Zeichenoperationen außerhalb markierter Inhalte – S.\u00A01:\u00A02, S.\u00A02:\u00A01",
    });
  });

  it("counts text inside a marked-content sequence that is neither tagged nor an artifact", async () => {
    const bytes = await writePdf({}, (w) => {
      drawGood(w);
      w.untaggedSpan("Lose");
    });
    expect((await result(bytes, "marked-content")).detail).toBe(
      "1 Zeichenoperation außerhalb markierter Inhalte – S.\u00A01:\u00A01",
    );
  });

  it("reports every page of an untagged document", async () => {
    const bytes = await writePdf({ tagged: false }, (w) => {
      w.untagged();
      w.doc.addPage();
      w.untagged();
    });
    const found = (await run(bytes)).find((c) => c.id === "marked-content");
    expect(found?.data).toEqual({ perPage: [1, 1] });
  });
});

describe("structure on every page", () => {
  it("fails on a page without /StructParents", async () => {
    const bytes = await writePdf({}, (w) => {
      drawGood(w);
      w.doc.addPage();
      w.y = 60;
      w.artifact();
    });
    expect(await result(bytes, "page-structure")).toEqual({
      id: "page-structure",
      name: "Struktur auf jeder Seite",
      ok: false,
      detail: "ohne /StructParents: Seite 2",
    });
  });

  it("fails on a page whose entry in the structure tree is empty", async () => {
    const bytes = await writePdf({}, (w) => {
      drawGood(w);
      w.doc.addPage();
      // Marked with an MCID that no structure element claims.
      w.doc.markStructureContent("P");
      w.doc.fontSize(11).text("Verwaist", 60, 60, { lineBreak: false });
      w.doc.endMarkedContent();
    });
    expect((await result(bytes, "page-structure")).detail).toBe("ohne Inhalt im Strukturbaum: Seite 2");
  });

  it("fails when pdf-lib removed a page's /StructParents", async () => {
    const bytes = await editPdf(await goodPdf(), (pdf) => pdf.getPage(0).node.delete(PDFName.of("StructParents")));
    expect((await result(bytes, "page-structure")).detail).toBe("ohne /StructParents: Seite 1");
  });

  it("passes on several pages that each have structure", async () => {
    const bytes = await writePdf({}, (w) => {
      drawGood(w);
      w.doc.addPage();
      w.y = 60;
      w.text("P", "Zweite Seite");
    });
    expect(await result(bytes, "page-structure")).toMatchObject({ ok: true, detail: "alle 2 Seiten haben Struktur" });
  });
});

describe("table headers", () => {
  it("fails on TH cells without /Scope, naming them", async () => {
    const bytes = await writePdf({}, (w) => {
      w.text("H1", "Titel");
      w.table(["Maßnahme", "Status"], ["A", "erledigt"]);
    });
    expect(await result(bytes, "table-headers")).toEqual({
      id: "table-headers",
      name: "Tabellenköpfe mit Scope",
      ok: false,
      detail: "2 von 2 TH ohne /Scope: „Maßnahme“ (Seite 1), „Status“ (Seite 1)",
    });
  });

  it("passes without /Scope when every TD names its headers (/Headers and IDs)", async () => {
    const bytes = await editPdf(
      await writePdf({}, (w) => {
        w.text("H1", "Titel");
        w.table(["Maßnahme", "Status"], ["A", "erledigt"]);
      }),
      addHeadersAttributes,
    );
    expect(await result(bytes, "table-headers")).toMatchObject({
      ok: true,
      detail: "2 TH, alle mit /Scope oder /Headers",
    });
  });

  it("reads /Scope given through a class (/C and the ClassMap)", async () => {
    const bytes = await editPdf(
      await writePdf({}, (w) => {
        w.text("H1", "Titel");
        w.table(["Maßnahme"], ["A"]);
      }),
      (pdf) => {
        const root = pdf.catalog.lookup(PDFName.of("StructTreeRoot")) as PDFDict;
        root.set(PDFName.of("ClassMap"), pdf.context.obj({ Kopf: { O: "Table", Scope: "Column" } }));
        for (const th of structElements(pdf, "TH")) th.set(PDFName.of("C"), PDFName.of("Kopf"));
      },
    );
    expect(await result(bytes, "table-headers")).toMatchObject({ ok: true, detail: "1 TH, mit /Scope oder /Headers" });
  });

  it("passes when there is no table", async () => {
    const bytes = await writePdf({}, (w) => w.text("H1", "Titel"));
    expect(await result(bytes, "table-headers")).toMatchObject({ ok: true, detail: "keine Tabellen" });
  });
});

describe("soft hyphens", () => {
  it("fails on U+00AD inside words of the extracted text, counting them and showing the words", async () => {
    const bytes = await writePdf({}, (w) => {
      drawGood(w);
      w.text("P", "Verwaltung", { actual: "Ver\u00ADwal\u00ADtung" });
      w.text("P", "Statistik", { actual: "Sta\u00ADtis\u00ADtik" });
    });
    expect(await result(bytes, "soft-hyphens")).toEqual({
      id: "soft-hyphens",
      name: "Keine weichen Trennstriche",
      ok: false,
      detail: "4 weiche Trennstriche (U+00AD) in Wörtern (pdftotext), z. B. Ver·wal·tung, Sta·tis·tik (· = U+00AD)",
    });
  });

  it("says so in the singular", async () => {
    const bytes = await writePdf({}, (w) => w.text("P", "Haustür", { actual: "Haus\u00ADtür" }));
    expect((await result(bytes, "soft-hyphens")).detail).toBe(
      "1 weicher Trennstrich (U+00AD) in einem Wort (pdftotext), z. B. Haus·tür (· = U+00AD)",
    );
  });

  it("ignores a soft hyphen that is not inside a word", async () => {
    const bytes = await writePdf({}, (w) => w.text("P", "a - b", { actual: "a \u00AD b" }));
    expect(await result(bytes, "soft-hyphens")).toMatchObject({ ok: true });
  });
});

describe("reading order", () => {
  it("fails when the manifest has no expected order", async () => {
    expect(await result(await goodPdf(), "reading-order", null)).toEqual({
      id: "reading-order",
      name: "Lesereihenfolge (Überschriften)",
      ok: false,
      detail: "keine erwartete Lesereihenfolge im Manifest",
    });
  });

  it("fails on the first heading out of order", async () => {
    const expected = ["Probedokument", "Zweiter Abschnitt", "Erster Abschnitt", "Unterabschnitt"];
    expect((await result(await goodPdf(), "reading-order", expected)).detail).toBe(
      "Überschrift 2: erwartet „Zweiter Abschnitt“, gefunden „Erster Abschnitt“",
    );
  });

  it("fails on a missing heading and says how many there are", async () => {
    const expected = [...ORDER, "Schluss"];
    expect((await result(await goodPdf(), "reading-order", expected)).detail).toBe(
      "Überschrift 5: erwartet „Schluss“, gefunden nichts (5 erwartet, 4 gefunden)",
    );
  });

  it("fails on an extra heading", async () => {
    expect((await result(await goodPdf(), "reading-order", ORDER.slice(0, 3))).detail).toBe(
      "Überschrift 4: erwartet nichts, gefunden „Unterabschnitt“ (3 erwartet, 4 gefunden)",
    );
  });

  it("compares without soft hyphens and with whitespace collapsed, and reads /ActualText", async () => {
    const bytes = await writePdf({}, (w) => {
      w.text("H1", "Offene Daten  in der Verwaltung");
      w.text("H2", "Sprache", { actual: "Spra\u00ADche" });
    });
    expect(await result(bytes, "reading-order", ["Offene Daten in der Ver\u00ADwaltung", " Sprache"])).toMatchObject({
      ok: true,
      detail: "2 Überschriften in der erwarteten Reihenfolge",
    });
  });

  it("joins a word broken at a line end with a visible hyphen, and keeps a hyphen of the text", async () => {
    const bytes = await writePdf({}, (w) => {
      w.text("H1", "Interne Kommunikation über Verwal- tungsdaten");
      w.text("H2", "Verwaltungs- und Finanzdaten");
    });
    expect(
      await result(bytes, "reading-order", [
        "Interne Kommunikation über Verwaltungsdaten",
        "Verwaltungs- und Finanzdaten",
      ]),
    ).toMatchObject({ ok: true });
    expect(
      await result(bytes, "reading-order", ["Interne Kommunikation über Verwaltung", "Verwaltungs- und Finanzdaten"]),
    ).toMatchObject({
      ok: false,
    });
  });

  it("fails without a structure tree", async () => {
    expect((await result(untagged, "reading-order", ORDER)).detail).toBe("kein Strukturbaum");
  });
});

describe("a file that is not a PDF", () => {
  it("gives one failed check that says why", async () => {
    const [only, ...rest] = await checkPdf(saveTemp(new TextEncoder().encode("kein PDF"), "kaputt.pdf"), ORDER);
    expect(rest).toEqual([]);
    expect(only).toMatchObject({ id: "readable", name: "Lesbar", ok: false });
    expect(only!.detail).toMatch(/^kann nicht als PDF gelesen werden: /);
  });
});
