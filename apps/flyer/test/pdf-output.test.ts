import { readFileSync } from "node:fs";
import { join } from "node:path";
import { formatPlanDate, formatStatus } from "@dus-opendata/concept";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BLEED, findRunts, geometryOf, MARK_LENGTH, MARK_OFFSET, mm } from "../src/index.js";
import {
  boxes,
  haveTools,
  loadFixture,
  loadRepoConcept,
  plainText,
  type Rendered,
  removeDir,
  renderFlyers,
  renderPpm,
  run,
  tempDir,
} from "./helpers.js";

const tools = haveTools("pdftotext", "pdffonts", "pdfinfo", "pdftoppm", "qpdf", "zbarimg");
// Code is checked on a fixture concept; content/ only by invariants at the end.
const concept = loadFixture("beispielstadt");
const A4 = { width: 595.28, height: 841.89 };
// pdfinfo -box prints two decimals per corner: a width can be off by 0.01.
const close = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(0.015);

describe.skipIf(!tools)("die gebauten PDFs eines Beispielkonzepts", () => {
  let dir: string;
  let flyers: Map<string, Rendered>;
  const get = (id: string) => {
    const f = flyers.get(id);
    if (!f) throw new Error(`Flyer ${id} fehlt`);
    return f;
  };
  // -raw: the text in the order of the content stream, which is the reading order.
  const text = (id: string, mode: string[] = ["-raw"]) => run("pdftotext", [...mode, get(id).screenPath, "-"]);

  beforeAll(async () => {
    dir = tempDir("pdf");
    flyers = await renderFlyers(concept, dir);
  });
  afterAll(() => removeDir(dir));

  it("gibt es für jeden Flyer des Konzepts", () => {
    expect([...flyers.keys()].sort()).toEqual(["faltblatt", "handzettel"]);
  });

  describe("Text", () => {
    it("A4-Flyer: Einführung, Merkmale, Zitat, die Bausteine mit ihren Zahlen, Portal, Kontakt, Fußzeile", () => {
      const t = plainText(text("handzettel"));
      expect(t).toContain("Informationen Stadtgrün gemeinsam pflegen Was Patenschaften sind und wie Sie mitmachen");
      expect(t).toContain(
        "Bürgerinnen und Bürger übernehmen Patenschaften für Baumscheiben, Beete und kleine Grünflächen; das Umweltamt berät, stellt Werkzeug und pflegt das Baumkataster.",
      );
      expect(t).toContain("Was Patenschaften ausmacht freiwillig und jederzeit kündbar Beratung durch das Sachgebiet");
      expect(t).toContain("„Die Stadt lädt ihre Bürgerinnen und Bürger ein, das Grün vor ihrer Haustür mitzugestalten");
      expect(t).toContain("– Leitbild Stadtgrün 2023");
      expect(t).toContain("Zwei Bausteine Vier Maßnahmen im Konzept „Stadtgrün gemeinsam pflegen“");
      expect(t).toContain("Baustein 1 Beete und Baumscheiben");
      expect(t).toContain("Zwei Maßnahmen · 1 in Arbeit · 1 erledigt");
      expect(t).toContain("Zwei Maßnahmen · 1 noch nicht begonnen · 1 stattgefunden");
      expect(t).toContain("Das Grünportal Alle Flächen stehen im Grünportal. gruen.beispielstadt.example");
      expect(t).toContain(
        "Kontakt Fragen? Sprechen Sie uns an. Team Stadtgrün Sachgebiet im Umweltamt Stadt Beispielstadt",
      );
      expect(t).toContain("Umweltamt Stadt Beispielstadt · Grün verbindet Stand: März 2024 · Seite 2 von 2");
    });

    it("Faltblatt: die Maßnahmen mit Status und Datum, die Schritte, der Kontakt mit Aufforderung", () => {
      const t = plainText(text("faltblatt"));
      expect(t).toContain("Grünpatenschaften Wer pflegt das Beet vor Ihrer Tür? Eine Patenschaft für Stadtgrün");
      for (const m of concept.bausteine.find((b) => b.id === "beete")?.measures ?? [])
        expect(t).toContain(`${m.title} ${formatStatus(m.status)} Datum (Plan): ${formatPlanDate(m.planned)}`);
      expect(t).toContain("Der Weg zur Patenschaft 1 Sie suchen sich eine Fläche aus. 2 Wir prüfen die Fläche");
      expect(t).toContain("Kontakt Melden Sie sich! Team Stadtgrün Sachgebiet im Umweltamt Stadt Beispielstadt");
      expect(t).toContain("Stand: März 2024");
    });

    it("trennt Adressen nie und erfindet keine Kontaktdaten", () => {
      for (const id of flyers.keys()) {
        const raw = text(id).replace(/\u00A0/g, " ");
        const hits = raw.match(/gruen[^\s]*/g) ?? [];
        expect(hits.length).toBeGreaterThan(0);
        for (const h of hits) expect(h).toMatch(/^gruen\.beispielstadt\.example/);
        expect(raw).not.toMatch(/@/);
        expect(raw).not.toMatch(/\b(Tel|Telefon|Fax|E-Mail)\b/);
        expect(raw).not.toMatch(/\d{3,}[ /-]\d{3,}/);
      }
    });

    it("folgt im Inhaltsstrom der Lesereihenfolge: Titel vor den Innenseiten, die Felder in ihrer Reihenfolge", () => {
      const raw = (page: number) =>
        plainText(run("pdftotext", ["-raw", "-f", String(page), "-l", String(page), get("faltblatt").screenPath, "-"]));
      const outside = raw(1);
      const inside = raw(2);
      const order = (t: string, parts: string[]) => {
        const at = parts.map((p) => t.indexOf(p));
        expect(at.every((i) => i >= 0)).toBe(true);
        expect([...at].sort((a, b) => a - b)).toEqual(at);
      };
      order(outside, ["Wer pflegt das Beet", "Was haben Sie davon?", "Das Leitbild", "Wer wir sind", "Kontakt"]);
      order(inside, ["Worum geht es?", "So läuft ein Pflegetag", "Der Weg zur Patenschaft", "Stand der Maßnahmen"]);
      order(plainText(text("handzettel")), [
        "Stadtgrün gemeinsam pflegen",
        "Worum geht es?",
        "Zwei Bausteine",
        "Kontakt",
      ]);
    });

    it("hat keine Absätze mit einem einzelnen Wort in der letzten Zeile", () => {
      for (const f of flyers.values()) expect(findRunts(f.layout)).toEqual([]);
    });
  });

  it("bettet jede Schrift ein: Source Sans 3 als TrueType-Teilmenge mit Unicode-Tabelle", () => {
    for (const f of flyers.values()) {
      for (const path of [f.screenPath, f.printPath]) {
        const rows = run("pdffonts", [path]).trim().split("\n").slice(2);
        expect(rows.length).toBeGreaterThan(0);
        for (const row of rows) {
          expect(row).toMatch(/^[A-Z]{6}\+SourceSans3-/);
          expect(row).toMatch(/\byes\s+yes\s+yes\b/);
        }
      }
    }
  });

  it("setzt keinen Text unter 9 pt", () => {
    for (const f of flyers.values()) {
      const dir2 = tempDir("qdf");
      try {
        run("qpdf", ["--qdf", "--object-streams=disable", f.screenPath, join(dir2, "q.pdf")]);
        const sizes = [...readFileSync(join(dir2, "q.pdf"), "latin1").matchAll(/\/F\d+ ([\d.]+) Tf/g)].map((m) =>
          Number(m[1]),
        );
        expect(sizes.length).toBeGreaterThan(10);
        expect(Math.min(...sizes)).toBeGreaterThanOrEqual(9);
      } finally {
        removeDir(dir2);
      }
    }
  });

  describe("Seitengrößen und Boxen", () => {
    it("Bildschirm: die Seite ist genau das Endformat, A4 hoch und A4 quer", () => {
      const basis = boxes(get("handzettel").screenPath);
      const leaflet = boxes(get("faltblatt").screenPath);
      expect(basis.info).toMatch(/Pages:\s+2/);
      expect(leaflet.info).toMatch(/Pages:\s+2/);
      for (const p of basis.pages) {
        const [x0, y0, x1, y1] = p.MediaBox ?? [0, 0, 0, 0];
        close(x1 - x0, A4.width);
        close(y1 - y0, A4.height);
      }
      for (const p of leaflet.pages) {
        const [x0, y0, x1, y1] = p.MediaBox ?? [0, 0, 0, 0];
        close(x1 - x0, A4.height);
        close(y1 - y0, A4.width);
      }
      expect(basis.info).toMatch(/Page\s+1 size:\s+595\.2\d* x 841\.89\d* pts/);
      expect(leaflet.info).toMatch(/Page\s+1 size:\s+841\.89\d* x 595\.2\d* pts/);
    });

    it("Druck: TrimBox = Endformat, BleedBox 3 mm größer auf jeder Seite, MediaBox mit Platz für die Marken", () => {
      for (const f of flyers.values()) {
        const { width, height } = geometryOf(f.geometry.format);
        const printed = boxes(f.printPath);
        expect(printed.pages).toHaveLength(f.pages);
        for (const p of printed.pages) {
          const trim = p.TrimBox ?? [0, 0, 0, 0];
          const bleed = p.BleedBox ?? [0, 0, 0, 0];
          const media = p.MediaBox ?? [0, 0, 0, 0];
          close(trim[2] - trim[0], width);
          close(trim[3] - trim[1], height);
          close(bleed[2] - bleed[0], width + 2 * mm(3));
          close(bleed[3] - bleed[1], height + 2 * mm(3));
          for (const k of [0, 1]) close((trim[k] ?? 0) - (bleed[k] ?? 0), mm(3));
          for (const k of [2, 3]) close((bleed[k] ?? 0) - (trim[k] ?? 0), mm(3));
          // Crop marks reach from 4 mm to 9 mm outside the trim: the MediaBox must hold them.
          for (const k of [0, 1])
            expect((trim[k] ?? 0) - (media[k] ?? 0)).toBeGreaterThanOrEqual(MARK_OFFSET + MARK_LENGTH);
          for (const k of [2, 3])
            expect((media[k] ?? 0) - (trim[k] ?? 0)).toBeGreaterThanOrEqual(MARK_OFFSET + MARK_LENGTH);
        }
      }
    });

    it("Druck: Schnittmarken außerhalb des Beschnitts, Falzmarken an den Falzen des Wickelfalzes", () => {
      const f = get("faltblatt");
      const ppm = renderPpm(f.printPath, 1, 72);
      const printed = boxes(f.printPath).pages[0];
      const trim = printed?.TrimBox ?? [0, 0, 0, 0];
      const mediaHeight = (printed?.MediaBox?.[3] ?? 0) - (printed?.MediaBox?.[1] ?? 0);
      const top = mediaHeight - (trim[3] ?? 0); // trim's top edge in image rows
      const dark = (x: number, y: number) => ppm.pixel(x, y).every((c) => c < 160);
      const markRow = top - MARK_OFFSET - MARK_LENGTH / 2;
      // Crop mark above the top left corner, on the trim line's x.
      expect(dark(trim[0] ?? 0, markRow)).toBe(true);
      // Nothing drawn between trim and the marks except the bleed.
      expect(ppm.pixel((trim[0] ?? 0) - BLEED - mm(0.5), top - BLEED - mm(0.5))).toEqual([255, 255, 255]);
      // Fold marks of the outside at 97 and 197 mm.
      for (const fold of [97, 197]) {
        const x = (trim[0] ?? 0) + mm(fold);
        const hits = [-1, 0, 1].some((d) => [-2, -1, 0, 1, 2].some((dy) => dark(x + d, markRow + dy)));
        expect(hits).toBe(true);
      }
    });

    it("Druck: Flächen am Rand laufen in den Beschnitt", () => {
      for (const f of flyers.values()) {
        const ppm = renderPpm(f.printPath, f.pages === 2 ? 2 : 1, 72);
        const printed = boxes(f.printPath).pages[0];
        const trim = printed?.TrimBox ?? [0, 0, 0, 0];
        const mediaHeight = (printed?.MediaBox?.[3] ?? 0) - (printed?.MediaBox?.[1] ?? 0);
        const top = mediaHeight - (trim[3] ?? 0);
        // The red strip along the top edge, 1.5 mm above the trim (inside the bleed), left of it and right of it.
        const inBleed = [
          ppm.pixel((trim[0] ?? 0) + mm(30), top - mm(1.5)),
          ppm.pixel((trim[0] ?? 0) - mm(1.5), top + mm(2)),
          ppm.pixel((trim[2] ?? 0) + mm(1.5), top + mm(2)),
        ];
        for (const [r, g, b] of inBleed) {
          expect(r).toBeGreaterThan(140);
          expect(g).toBeLessThan(60);
          expect(b).toBeLessThan(80);
        }
      }
    });
  });

  it("Metadaten: Titel als Fenstertitel, Autor, Thema, Stichwörter, Ersteller, Sprache de-DE, Datum vom Stand", () => {
    for (const f of flyers.values()) {
      const flyer = concept.flyers.find((x) => x.id === f.id);
      const info = run("pdfinfo", [f.screenPath]);
      expect(info).toContain(`Title:           ${flyer?.occasion}: ${flyer?.title}`);
      expect(info).toContain("Author:          Umweltamt, Stadt Beispielstadt");
      expect(info).toContain(
        `Subject:         Flyer „${flyer?.occasion}“ zum Konzept „Stadtgrün gemeinsam pflegen“ · Stand: März 2024`,
      );
      expect(info).toContain(
        `Keywords:        ${concept.keywords.join(", ")}${concept.keywords.length ? ", " : ""}Beete und Baumscheiben, Pflegetreffen`,
      );
      expect(info).toContain("Creator:         Flyergenerator (@react-pdf/renderer)");
      expect(info).toContain("Producer:        @react-pdf/renderer und pdf-lib");
      expect(info).toContain("CreationDate:    Sun Mar 31 00:00:00 2024 UTC");
      expect(info).toContain("ModDate:         Sun Mar 31 00:00:00 2024 UTC");
      const dir2 = tempDir("qdf");
      try {
        run("qpdf", ["--qdf", "--object-streams=disable", f.screenPath, join(dir2, "q.pdf")]);
        const raw = readFileSync(join(dir2, "q.pdf"), "latin1");
        expect(raw).toContain("/Lang (de-DE)");
        expect(raw).toContain("/DisplayDocTitle true");
        expect(raw).toContain("/URI (https://gruen.beispielstadt.example)");
        expect(raw).not.toContain("/ModificationDate");
      } finally {
        removeDir(dir2);
      }
      expect(run("qpdf", ["--check", f.printPath])).toContain("No syntax or stream encoding errors");
    }
  });

  it("der QR-Code führt zum Portal (zbarimg)", () => {
    for (const [id, page] of [
      ["faltblatt", 1],
      ["handzettel", 2],
    ] as const) {
      const dir2 = tempDir("qr");
      try {
        run("pdftoppm", [
          "-r",
          "200",
          "-gray",
          "-png",
          "-f",
          String(page),
          "-l",
          String(page),
          "-singlefile",
          get(id).screenPath,
          join(dir2, "p"),
        ]);
        const decoded = run("zbarimg", ["--quiet", "--raw", join(dir2, "p.png")]).trim();
        expect(decoded).toBe(concept.portal);
      } finally {
        removeDir(dir2);
      }
    }
  });
});

describe.skipIf(!tools)("die Flyer der Inhalte (Invarianten)", () => {
  const content = loadRepoConcept();
  let dir: string;
  let flyers: Map<string, Rendered>;
  beforeAll(async () => {
    dir = tempDir("pdf-content");
    flyers = await renderFlyers(content, dir);
  });
  afterAll(() => removeDir(dir));

  it("jeder Flyer: alle Überschriften des Modells im Text, Schriften eingebettet, nichts unter 9 pt, der QR-Code führt zum Portal", () => {
    expect([...flyers.keys()].sort()).toEqual(content.flyers.map((f) => f.id).sort());
    for (const flyer of content.flyers) {
      const f = flyers.get(flyer.id);
      if (!f) throw new Error(`${flyer.id} fehlt`);
      const t = plainText(run("pdftotext", [f.screenPath, "-"]));
      for (const heading of f.readingOrder) expect(t).toContain(heading);
      for (const row of run("pdffonts", [f.printPath]).trim().split("\n").slice(2))
        expect(row).toMatch(/\byes\s+yes\s+yes\b/);
      const dir2 = tempDir("qdf");
      try {
        run("qpdf", ["--qdf", "--object-streams=disable", f.screenPath, join(dir2, "q.pdf")]);
        const sizes = [...readFileSync(join(dir2, "q.pdf"), "latin1").matchAll(/\/F\d+ ([\d.]+) Tf/g)].map((m) =>
          Number(m[1]),
        );
        expect(Math.min(...sizes)).toBeGreaterThanOrEqual(9);
      } finally {
        removeDir(dir2);
      }
      expect(run("pdfinfo", [f.screenPath])).toContain(`Title:           ${flyer.occasion}: ${flyer.title}`);
    }
  });
});
