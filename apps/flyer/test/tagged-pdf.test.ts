/**
 * PDF/UA-1 tagging of the flyers, read back from the produced files (screen and print) of a fixture concept: the
 * structure tree (roles, nesting, reading order, Alt, links), artifacts, metadata. Then the same invariants for every
 * flyer of content/.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeStructure, prepareFlyer, readingOrder, renderFlyer } from "../src/index.js";
import {
  haveTools,
  loadFixture,
  loadRepoConcept,
  type Rendered,
  removeDir,
  renderFlyers,
  run,
  tempDir,
} from "./helpers.js";
import { elements, outline, readTaggedPdf, type StructElement, type TaggedPdf } from "./read-tagged-pdf.js";

const tools = haveTools("pdfinfo", "pdftotext", "qpdf");
const fixture = loadFixture("beispielstadt");

/** The roles of a tree as an indented outline, without text. */
const roles = (el: StructElement | undefined, depth = 0): string[] =>
  el ? [`${"  ".repeat(depth)}${el.role}`, ...el.children.flatMap((c) => roles(c, depth + 1))] : [];
const headings = (root: StructElement | undefined) =>
  [...elements(root)].filter((e) => /^H\d$/.test(e.role)).map((e) => `${e.role} ${e.text}`);
const find = (root: StructElement | undefined, role: string) => [...elements(root)].filter((e) => e.role === role);
const qdf = (pdf: string) => {
  const dir = tempDir("qdf");
  try {
    run("qpdf", ["--qdf", "--object-streams=disable", pdf, join(dir, "q.pdf")]);
    return readFileSync(join(dir, "q.pdf"), "latin1");
  } finally {
    removeDir(dir);
  }
};

describe.skipIf(!tools)("getaggte Flyer (PDF/UA-1) eines Beispielkonzepts", () => {
  let dir: string;
  let flyers: Map<string, Rendered>;
  const read = new Map<string, TaggedPdf>();
  const files = () => [...flyers.values()].flatMap((f) => [f.screenPath, f.printPath]);
  const pdf = (path: string) => {
    const r = read.get(path);
    if (!r) throw new Error(`${path} nicht gelesen`);
    return r;
  };
  const leaflet = () => pdf(flyers.get("faltblatt")?.screenPath ?? "");
  const flat = () => pdf(flyers.get("handzettel")?.screenPath ?? "");

  beforeAll(async () => {
    dir = tempDir("tagged");
    flyers = await renderFlyers(fixture, dir);
    for (const path of files()) read.set(path, await readTaggedPdf(path));
  });
  afterAll(() => removeDir(dir));

  it("Faltblatt: Document, Wortmarke, Anlass, H1, Unterzeile, dann je Abschnitt ein Sect mit H2", () => {
    expect(roles(leaflet().root)).toEqual([
      "Document",
      "  Div",
      "    P",
      "    P",
      "    P",
      "  P",
      "  H1",
      "  P",
      // Feld 2: Einführung, Kernpunkte
      "  Sect",
      "    H2",
      "    P",
      "  Sect",
      "    H2",
      "    L",
      ...Array(3).fill(["      LI", "        LBody"]).flat(),
      // Feld 3: Chancen, Leitbild mit Zitat und Hinweis
      "  Sect",
      "    H2",
      "    L",
      ...Array(3).fill(["      LI", "        LBody"]).flat(),
      "  Sect",
      "    H2",
      "    P",
      "    BlockQuote",
      "      P",
      "      P",
      "    P",
      // Feld 4: Maßnahme, Schritte
      "  Sect",
      "    H2",
      "    P",
      "  Sect",
      "    H2",
      "    L",
      ...Array(3).fill(["      LI", "        Lbl", "        LBody"]).flat(),
      // Feld 5: Maßnahmen mit Status, Begründung
      "  Sect",
      "    H2",
      "    L",
      ...Array(2).fill(["      LI", "        LBody", "          P", "          P", "          P"]).flat(),
      "  Sect",
      "    H2",
      "    P",
      // Feld 6: wer wir sind, Kontakt, Portal
      "  Sect",
      "    H2",
      "    P",
      "  Sect",
      "    H2",
      "    P",
      "    Div",
      "      P",
      "      P",
      "      P",
      "      P",
      "        Link",
      "  Sect",
      "    H2",
      "    P",
      "    P",
      "      Link",
      "    Link",
      "      Figure",
    ]);
  });

  it("Faltblatt: die Überschriften folgen den Feldern 1 bis 6, nicht der Anordnung auf dem Bogen", () => {
    expect(headings(leaflet().root)).toEqual([
      "H1 Wer pflegt das Beet vor Ihrer Tür?",
      "H2 Worum geht es?",
      "H2 Der Vertrag regelt",
      "H2 Was haben Sie davon?",
      "H2 Das Leitbild",
      "H2 So läuft ein Pflegetag",
      "H2 Der Weg zur Patenschaft",
      "H2 Stand der Maßnahmen",
      "H2 Warum Treffen?",
      "H2 Wer wir sind",
      "H2 Kontakt",
      "H2 Das Grünportal",
    ]);
    // Feld 3 (außen links auf Seite 1) kommt nach Feld 2 (Seite 2): the tree does not follow the sheet.
    const sects = find(leaflet().root, "Sect").map((s) => s.children[0]?.pages);
    expect(sects.map((p) => p?.[0])).toEqual([2, 2, 1, 1, 2, 2, 2, 2, 1, 1, 1]);
  });

  it("A4-Flyer: Überschriften in Seitenreihenfolge, H3 für die Bausteine, keine Ebene übersprungen", () => {
    expect(headings(flat().root)).toEqual([
      "H1 Stadtgrün gemeinsam pflegen",
      "H2 Worum geht es?",
      "H2 Was Patenschaften ausmacht",
      "H2 Das Leitbild",
      "H2 Zwei Bausteine",
      "H3 Beete und Baumscheiben",
      "H3 Pflegetreffen",
      "H2 Das Grünportal",
      "H2 Kontakt",
    ]);
    for (const path of files()) {
      const levels = headings(pdf(path).root).map((h) => Number(h[1]));
      expect(levels[0]).toBe(1);
      levels.forEach((l, i) => {
        if (i > 0) expect(l - (levels[i - 1] ?? 0)).toBeLessThanOrEqual(1);
      });
    }
  });

  it("die Überschriften im PDF sind die Lesereihenfolge des Modells (readingOrder)", () => {
    for (const flyer of fixture.flyers) {
      const expected = readingOrder(describeStructure(prepareFlyer(fixture, flyer)));
      for (const path of [flyers.get(flyer.id)?.screenPath, flyers.get(flyer.id)?.printPath])
        expect(headings(pdf(path ?? "").root).map((h) => h.slice(3))).toEqual(expected);
    }
  });

  it("Listen: L mit ListNumbering, LI mit LBody; die Schritte mit ihrer Nummer als Lbl", () => {
    const lists = find(leaflet().root, "L");
    expect(lists.map((l) => l.attributes?.ListNumbering)).toEqual(["Disc", "Disc", "Decimal", "None"]);
    const steps = lists[2];
    expect(steps?.children.map((li) => li.children.map((c) => `${c.role} ${c.text}`))).toEqual([
      ["Lbl 1", "LBody Sie suchen sich eine Fläche aus."],
      ["Lbl 2", "LBody Wir prüfen die Fläche und schicken den Vertrag."],
      ["Lbl 3", "LBody Sie pflegen, wir beraten."],
    ]);
    expect(lists[3]?.children.map((li) => li.fullText)).toEqual([
      "Patenschaftsvertrag erledigt Datum (Plan): 01/2024",
      "Saatgutausgabe in Arbeit Datum (Plan): ab Q2/2024",
    ]);
  });

  it("QR-Code: eine Figure mit Alt „QR-Code: Link zu …“ in einem Link zum Portal", () => {
    for (const path of files()) {
      const [figure, ...more] = find(pdf(path).root, "Figure");
      expect(more).toEqual([]);
      expect(figure?.alt).toBe("QR-Code: Link zu gruen.beispielstadt.example");
      const link = find(pdf(path).root, "Link").find((l) => l.children.includes(figure as StructElement));
      expect(link?.annotations).toEqual([
        {
          contents: "Link zu gruen.beispielstadt.example",
          uri: fixture.portal,
          structParent: expect.any(Number),
          page: figure?.pages[0],
        },
      ]);
    }
  });

  it("Links: jedes Link-Element hat genau eine Annotation (OBJR) mit /Contents und der Adresse; keine Annotation ohne Element", async () => {
    for (const path of files()) {
      const links = find(pdf(path).root, "Link");
      expect(links.length).toBeGreaterThanOrEqual(2);
      for (const l of links) {
        expect(l.annotations).toHaveLength(1);
        expect(l.annotations[0]?.contents).toBe("Link zu gruen.beispielstadt.example");
        expect(l.annotations[0]?.uri).toBe(fixture.portal);
      }
      const texts = links.map((l) => l.text).filter(Boolean);
      expect(texts.every((t) => t === "gruen.beispielstadt.example")).toBe(true);
      const annots = qdf(path).match(/\/Subtype \/Link/g) ?? [];
      expect(annots).toHaveLength(links.length);
    }
  });

  it("Kontakt: ein Div mit Team, Stadt und der Adresse als Link", () => {
    const contact = find(leaflet().root, "Sect").find((s) => s.children[0]?.text === "Kontakt");
    expect(contact?.children.map((c) => `${c.role} ${c.fullText}`)).toEqual([
      "H2 Kontakt",
      "P Melden Sie sich!",
      "Div Team Stadtgrün Sachgebiet im Umweltamt Stadt Beispielstadt gruen.beispielstadt.example",
    ]);
  });

  it("Artefakte: keine Zeichenoperation außerhalb markierter Inhalte, Fußzeile und Flächen nicht im Baum", () => {
    for (const path of files()) {
      const r = pdf(path);
      for (const page of r.pages) {
        expect(page.unmarkedPainting, `${path} Seite ${page.number}`).toBe(0);
        expect(page.sequences.Artifact).toBeGreaterThan(0);
      }
      const all = r.root?.fullText ?? "";
      expect(all).not.toContain("Stand: März 2024");
      expect(all).not.toContain("Umweltamt Stadt Beispielstadt · Grün verbindet");
      // Drawn all the same, as artifacts.
      expect(run("pdftotext", [path, "-"])).toContain("Stand: März 2024");
      const raw = qdf(path);
      expect(raw).toMatch(/\/Artifact <<\s*\/Type \/Pagination\s*>> BDC/);
      expect(raw).toMatch(/\/Artifact <<\s*\/Type \/Background\s*>> BDC/);
      expect(raw).toMatch(/\/Artifact <<\s*\/Type \/Layout\s*>> BDC/);
    }
  });

  it("Druck: Schnitt- und Falzmarken sind Artefakte (Typ Page), der Strukturbaum bleibt erhalten", () => {
    for (const f of flyers.values()) {
      const screen = pdf(f.screenPath);
      const print = pdf(f.printPath);
      expect(outline(print.root)).toEqual(outline(screen.root));
      expect(qdf(f.printPath)).toMatch(/\/Artifact << \/Type \/Page >> BDC/);
      expect(qdf(f.screenPath)).not.toMatch(/\/Artifact << \/Type \/Page >> BDC/);
      print.pages.forEach((p, i) => {
        expect(p.unmarkedPainting).toBe(0);
        expect(p.sequences.Artifact).toBeGreaterThan(screen.pages[i]?.sequences.Artifact ?? 0);
      });
    }
  });

  it("Metadaten: XMP mit dc:title und pdfuaid:part 1, /Lang de-DE, DisplayDocTitle, MarkInfo /Marked", () => {
    for (const flyer of fixture.flyers) {
      for (const path of [flyers.get(flyer.id)?.screenPath ?? "", flyers.get(flyer.id)?.printPath ?? ""]) {
        const r = pdf(path);
        expect(r.marked).toBe(true);
        expect(r.lang).toBe("de-DE");
        expect(r.displayDocTitle).toBe(true);
        expect(r.xmp.title).toBe(`${flyer.occasion}: ${flyer.title}`);
        expect(r.xmp.pdfuaPart).toBe("1");
        expect(r.xmp.raw).toContain("<dc:language><rdf:Bag><rdf:li>de-DE</rdf:li></rdf:Bag></dc:language>");
        expect(r.xmp.raw).toContain("<xmp:CreateDate>2024-03-31T00:00:00Z</xmp:CreateDate>");
        expect(run("pdfinfo", [path])).toMatch(/Tagged:\s+yes/);
        expect(readFileSync(path, "latin1").slice(0, 8)).toBe("%PDF-1.7");
      }
    }
  });

  it("jede Seite hat StructParents; pdf.js findet jeden markierten Inhalt im Strukturbaum der Seite; qpdf prüft ohne Fehler", () => {
    for (const path of files()) {
      const r = pdf(path);
      expect(r.parentTreeProblems).toEqual([]);
      for (const page of r.pages) {
        expect(page.structParents).toEqual(expect.any(Number));
        expect(page.tabs).toBe("S");
        expect(page.contentIds.length).toBeGreaterThan(0);
        expect([...page.treeIds].sort()).toEqual([...page.contentIds].sort());
        expect(page.pdfjsRoles.slice(0, 2)).toEqual(["Root", "Document"]);
      }
      expect(run("qpdf", ["--check", path])).toContain("No syntax or stream encoding errors");
    }
  });

  it("pdfinfo -struct-text liest denselben Baum", () => {
    const text = run("pdfinfo", ["-struct-text", flyers.get("faltblatt")?.printPath ?? ""]);
    expect(text).toMatch(/^Document\n {2}Div\n {4}P \(block\)\n {6}"Stadt Beispielstadt"\n/);
    expect(text).toContain('  H1 (block)\n    "Wer pflegt das Beet vor Ihrer Tür?"\n');
    expect(text).toContain('        Lbl (block)\n          "1"\n');
    expect(text.indexOf('"Worum geht es?"')).toBeLessThan(text.indexOf('"Was haben Sie davon?"'));
  });

  it("ohne Strukturbaum behauptet ein PDF kein PDF/UA und hat ungetaggte Zeichenoperationen", async () => {
    const flyer = fixture.flyers.find((f) => f.id === "handzettel");
    if (!flyer) throw new Error("handzettel fehlt");
    const untagged = await renderFlyer(fixture, flyer, { tagged: false });
    const path = join(dir, "ungetaggt.pdf");
    writeFileSync(path, untagged.screen);
    const r = await readTaggedPdf(path);
    expect(r.marked).toBe(false);
    expect(r.root).toBeUndefined();
    expect(r.xmp.title).toBe(`${flyer.occasion}: ${flyer.title}`);
    expect(r.xmp.pdfuaPart).toBeUndefined();
    expect(r.xmp.raw).not.toContain("pdfuaid");
    expect(r.pages[0]?.unmarkedPainting).toBeGreaterThan(0);
  });
});

describe.skipIf(!tools)("getaggte Flyer der Inhalte (Invarianten)", () => {
  const concept = loadRepoConcept();
  let dir: string;
  let flyers: Map<string, Rendered>;
  beforeAll(async () => {
    dir = tempDir("tagged-content");
    flyers = await renderFlyers(concept, dir);
  });
  afterAll(() => removeDir(dir));

  it("jeder Flyer, Bildschirm und Druck: getaggt, alles markiert, Überschriften in der Lesereihenfolge, Figure mit Alt, Links mit Annotation", async () => {
    for (const flyer of concept.flyers) {
      const f = flyers.get(flyer.id);
      for (const path of [f?.screenPath ?? "", f?.printPath ?? ""]) {
        const r = await readTaggedPdf(path);
        expect(r.marked).toBe(true);
        expect(r.xmp.pdfuaPart).toBe("1");
        expect(r.parentTreeProblems).toEqual([]);
        for (const page of r.pages) expect(page.unmarkedPainting).toBe(0);
        expect(headings(r.root).map((h) => h.slice(3))).toEqual(
          readingOrder(describeStructure(prepareFlyer(concept, flyer))),
        );
        for (const fig of find(r.root, "Figure")) expect(fig.alt).toMatch(/^QR-Code: Link zu \S+$/);
        for (const link of find(r.root, "Link")) expect(link.annotations).toHaveLength(1);
        // No element without content: every leaf holds text or is a figure.
        for (const el of elements(r.root))
          if (el.children.length === 0 && el.role !== "Figure") expect(el.text, `${el.role} leer`).not.toBe("");
      }
    }
  });
});
