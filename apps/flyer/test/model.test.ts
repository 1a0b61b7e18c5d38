import * as brand from "@dus-opendata/brand";
import { contrastRatio } from "@dus-opendata/brand";
import { countConcept, formatPlanDate, formatStatus, labels } from "@dus-opendata/concept";
import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import {
  geometryOf,
  mm,
  planPages,
  prepareFlyer,
  ROLL_FOLD_PANELS_MM,
  renderFlyer,
  type SectionData,
  usedTextPairs,
} from "../src/index.js";
import { loadFixture } from "./helpers.js";

const concept = loadFixture("beispielstadt");
const flyer = (id: string) => {
  const f = concept.flyers.find((x) => x.id === id);
  if (!f) throw new Error(`Flyer ${id} fehlt`);
  return f;
};
const sections = (id: string) => prepareFlyer(concept, flyer(id)).places.flat();
const ofKind = <K extends SectionData["kind"]>(id: string, kind: K) =>
  sections(id)
    .map((s) => s.data)
    .filter((d): d is Extract<SectionData, { kind: K }> => d.kind === kind);
const plain = (s: string) => s.replace(/\u00A0/g, " ");

describe("prepareFlyer: jede Angabe kommt aus dem Modell", () => {
  it("die Bausteine mit ihren Zahlen", () => {
    const [b] = ofKind("handzettel", "bausteine");
    expect(countConcept(concept).measures).toBe(4);
    expect(plain(b?.title ?? "")).toBe("Zwei Bausteine");
    expect(plain(b?.lead ?? "")).toBe("Vier Maßnahmen im Konzept „Stadtgrün gemeinsam pflegen“");
    expect(b?.items.map((i) => plain(i.title))).toEqual(["Beete und Baumscheiben", "Pflegetreffen"]);
    expect(b?.items.map((i) => i.label)).toEqual(["Baustein 1", "Baustein 2"]);
    expect(b?.items.map((i) => i.measures)).toEqual(["Zwei Maßnahmen", "Zwei Maßnahmen"]);
    expect(b?.items.map((i) => i.status)).toEqual([
      "1 in Arbeit · 1 erledigt",
      "1 noch nicht begonnen · 1 stattgefunden",
    ]);
  });

  it("die Maßnahmen eines Bausteins mit Status und Datum (Plan)", () => {
    const [m] = ofKind("faltblatt", "measures");
    expect(m?.items.map((i) => ({ ...i, title: plain(i.title) }))).toEqual([
      {
        id: "patenschaftsvertrag",
        title: "Patenschaftsvertrag",
        status: "erledigt",
        statusKind: "done",
        planned: "Datum (Plan): 01/2024",
      },
      {
        id: "saatgutausgabe",
        title: "Saatgutausgabe",
        status: "in Arbeit",
        statusKind: "in-progress",
        planned: "Datum (Plan): ab Q2/2024",
      },
    ]);
    const block = concept.bausteine.find((b) => b.id === "beete");
    expect(m?.items.map((i) => i.status)).toEqual(block?.measures.map((x) => formatStatus(x.status)));
    expect(m?.items.map((i) => i.planned)).toEqual(
      block?.measures.map((x) => `${labels.planned}: ${formatPlanDate(x.planned)}`),
    );
  });

  it("Kontakt: Team und Amt wie im Konzept, das Portal; keine erfundene Adresse, Telefonnummer oder Person", () => {
    for (const id of ["faltblatt", "handzettel"]) {
      const [c] = ofKind(id, "contact");
      expect(c?.lines).toEqual(["Team Stadtgrün", "Sachgebiet im Umweltamt", "Stadt Beispielstadt"]);
      expect(c?.url).toBe("https://gruen.beispielstadt.example");
      expect(c?.address).toBe("gruen.beispielstadt.example");
      expect(JSON.stringify(c)).not.toMatch(/@|\d{3,}|Straße|Str\.|Tel/);
    }
  });

  it("Stand und Datum kommen aus dem Stand des Konzepts, nicht von der Uhr", () => {
    const f = prepareFlyer(concept, flyer("faltblatt"));
    expect(f.stand).toBe("Stand: März 2024");
    expect(f.meta.date).toBe("2024-03-31");
  });

  it("das Faltblatt belegt alle sechs Felder, der A4-Flyer beide Seiten", () => {
    const leaflet = prepareFlyer(concept, flyer("faltblatt"));
    expect(leaflet.pages).toBe(2);
    expect(leaflet.places.map((p) => p.length)).toEqual([0, 2, 2, 2, 2, 3]);
    const flat = prepareFlyer(concept, flyer("handzettel"));
    expect(flat.pages).toBe(2);
  });
});

describe("Wickelfalz", () => {
  const g = geometryOf("din-lang-wickelfalz");
  const [outside, inside] = g.sheets;

  it("A4 quer, außen 97 | 100 | 100 mm, innen 100 | 100 | 97 mm: die eingeklappte Seite ist 3 mm schmaler", () => {
    expect(g.width).toBeCloseTo(mm(297), 6);
    expect(g.height).toBeCloseTo(mm(210), 6);
    const widths = (sheet: typeof outside) =>
      [...(sheet?.panels ?? [])].sort((a, b) => a.x - b.x).map((p) => Math.round(p.width / mm(1)));
    expect(widths(outside)).toEqual([...ROLL_FOLD_PANELS_MM.outside]);
    expect(widths(inside)).toEqual([...ROLL_FOLD_PANELS_MM.inside]);
  });

  it("Feldreihenfolge: außen 3 · 6 · 1 (Titel rechts), innen 2 · 4 · 5; Inhalt in der Reihenfolge 1, 3, 6 und 2, 4, 5", () => {
    const byX = (sheet: typeof outside) => [...(sheet?.panels ?? [])].sort((a, b) => a.x - b.x).map((p) => p.place);
    expect(byX(outside)).toEqual([3, 6, 1]);
    expect(byX(inside)).toEqual([2, 4, 5]);
    expect(outside?.panels.map((p) => p.place)).toEqual([1, 3, 6]);
    expect(inside?.panels.map((p) => p.place)).toEqual([2, 4, 5]);
  });

  it("Vorder- und Rückseite passen aufeinander: Falze gespiegelt, die Einklappseite liegt hinter sich selbst", () => {
    expect(outside?.folds.map((x) => Math.round(x / mm(1)))).toEqual([97, 197]);
    expect(inside?.folds.map((x) => Math.round(x / mm(1)))).toEqual([100, 200]);
    for (const [i, x] of (outside?.folds ?? []).entries()) {
      expect(g.width - x).toBeCloseTo(inside?.folds[(inside?.folds.length ?? 0) - 1 - i] ?? 0, 6);
    }
    const flap3 = outside?.panels.find((p) => p.place === 3);
    const flap5 = inside?.panels.find((p) => p.place === 5);
    // Turned over the vertical axis, the outside's left panel lies behind the inside's right panel.
    expect(g.width - ((flap3?.x ?? 0) + (flap3?.width ?? 0))).toBeCloseTo(flap5?.x ?? -1, 6);
    expect(flap3?.width).toBeCloseTo(flap5?.width ?? 0, 6);
  });

  it("jedes Feld hat seinen Rahmen innerhalb des Felds, gleiche Oberkante auf allen Feldern", () => {
    const plan = planPages(prepareFlyer(concept, flyer("faltblatt")));
    for (const [i, page] of plan.pages.entries()) {
      const panels = g.sheets[i]?.panels ?? [];
      for (const frame of page.frames.filter((f) => /^feld-\d$/.test(f.id))) {
        const panel = panels.find((p) => `feld-${p.place}` === frame.id);
        expect(panel).toBeDefined();
        expect(frame.x).toBeGreaterThanOrEqual((panel?.x ?? 0) + mm(8));
        expect(frame.x + frame.width).toBeLessThanOrEqual((panel?.x ?? 0) + (panel?.width ?? 0) - mm(8));
      }
      const tops = new Set(page.frames.filter((f) => /^feld-[2-6]$/.test(f.id)).map((f) => f.y));
      expect(tops.size).toBe(1);
    }
  });
});

it("jede Textfarbe der Flyer hat mindestens 4,5:1 Kontrast auf ihrem Hintergrund", () => {
  const pairs = usedTextPairs(brand);
  expect(pairs.length).toBeGreaterThan(20);
  for (const [style, fg, bg] of pairs) expect(contrastRatio(fg, bg), style).toBeGreaterThanOrEqual(4.5);
});

describe("weitere Formate", () => {
  it("A5 mit einer Seite: Seite = Endformat, keine Seitenzahl", async () => {
    const r = await renderFlyer(concept, {
      id: "kurz",
      format: "a5",
      occasion: "Probe",
      title: "Stadtgrün",
      sections: [
        { type: "intro", section: "worum" },
        { type: "portal", place: 1 },
      ],
    });
    expect(r.pages).toBe(1);
    const doc = await PDFDocument.load(r.screen);
    expect(doc.getPageCount()).toBe(1);
    const page = doc.getPage(0);
    expect(page.getMediaBox().width).toBeCloseTo(mm(148), 3);
    expect(page.getMediaBox().height).toBeCloseTo(mm(210), 3);
    const print = await PDFDocument.load(r.print);
    expect(print.getPage(0).getTrimBox().width).toBeCloseTo(mm(148), 3);
    expect(print.getPage(0).getBleedBox().width).toBeCloseTo(mm(154), 3);
  });
});
