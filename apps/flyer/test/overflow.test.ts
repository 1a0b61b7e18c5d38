/**
 * Layout that adapts, and messages when something really cannot fit: the wordmark, the title band of a flat flyer and
 * the footer take the lines they need; a frame that overflows names the field that causes it, with file, line and
 * column, how much is missing and a fix that works; a line too wide is named as the line. Fixture concepts only.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { FOOTER_NARROW, mm, renderFlyer } from "../src/index.js";
import {
  copyWithEdits,
  fixtureDir,
  haveTools,
  loadFixture,
  problemsOf,
  removeDir,
  run,
  runCli,
  tempDir,
} from "./helpers.js";

let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) removeDir(d);
  dirs = [];
});

/** A copy of a fixture concept with files changed: `{ "flyers/x.yaml": (yaml) => … }`. */
function fixtureWith(name: string, edits: Record<string, (yaml: string) => string>): string {
  const dir = copyWithEdits(fixtureDir(name), edits);
  dirs.push(dir);
  return dir;
}

const OFFICE_HOURS =
  "Wir beraten dienstags und donnerstags im Stadtteilbüro am Markt und nach Vereinbarung auch vor Ort an Ihrer Fläche.";
/** A text section of `paragraphs` paragraphs of `n` office-hours sentences each, inserted before `before`. */
const officeHours =
  (n: number, place: number, paragraphs = 1) =>
  (before: string) =>
  (yaml: string) =>
    yaml.replace(
      before,
      `  - type: text\n    title: Sprechstunden\n    text:\n${`      - ${Array(n).fill(OFFICE_HOURS).join(" ")}\n`.repeat(paragraphs)}    place: ${place}\n${before}`,
    );

describe("Platz, der sich anpasst", () => {
  it("ein langer Amtsname: Wortmarke und Fußzeile des Faltblatts nehmen sich die Zeilen, die sie brauchen", async () => {
    const concept = loadFixture("lange-namen");
    const flyer = concept.flyers.find((f) => f.id === "faltblatt");
    if (!flyer) throw new Error("faltblatt fehlt");
    const r = await renderFlyer(concept, flyer);
    const outside = r.plan.pages[0];
    const back = outside?.frames.find((f) => f.id === "feld-6");
    // Three lines of sender and the Stand: more than the two lines the plan starts with, taken from the back panel.
    expect(outside?.footer?.height).toBeGreaterThan(FOOTER_NARROW + mm(5));
    expect(back?.yielded).toEqual([{ to: "footer", by: (outside?.footer?.height ?? 0) - FOOTER_NARROW }]);
    expect(outside?.frames.find((f) => f.id === "wortmarke")?.height).toBeGreaterThan(mm(22));
    if (!haveTools("pdftotext")) return;
    const dir = tempDir("lange-namen");
    dirs.push(dir);
    writeFileSync(join(dir, "f.pdf"), r.screen);
    const text = run("pdftotext", ["-raw", join(dir, "f.pdf"), "-"]).replace(/(\p{Ll})-\n(\p{Ll})/gu, "$1$2");
    const flat = text.replace(/\s+/g, " ");
    expect(flat).toContain(
      "Amt für Umwelt- und Verbraucherschutz, Grünflächenunterhaltung und Friedhofswesen Stadt Beispielstadt · Grün verbindet Stand: März 2024",
    );
  });

  it("eine Schlagzeile über zwei Zeilen: das Titelband des A4-Flyers wächst mit, nichts wird getrennt", async () => {
    const concept = loadFixture("lange-namen");
    const flyer = concept.flyers.find((f) => f.id === "handzettel");
    if (!flyer) throw new Error("handzettel fehlt");
    const r = await renderFlyer(concept, flyer);
    const first = r.plan.pages[0];
    expect(first?.bands[0]?.height).toBeGreaterThan(mm(50));
    expect(first?.frames.find((f) => f.id === "seite-1")?.yielded?.map((y) => y.to)).toEqual(["band", "footer"]);
    if (!haveTools("pdftotext")) return;
    const dir = tempDir("langer-titel");
    dirs.push(dir);
    writeFileSync(join(dir, "f.pdf"), r.screen);
    expect(run("pdftotext", ["-raw", "-f", "1", "-l", "1", join(dir, "f.pdf"), "-"])).toContain(
      "Wie Bürgerinnen und Bürger das Grün vor\nihrer Haustür mitgestalten\n",
    );
  });
});

describe("wenn etwas wirklich nicht passt", () => {
  it("ein zu voller Abschnitt: Flyer, Datei mit Zeile, der Abschnitt, was auf dem Feld steht, wie viel fehlt, was hilft", async () => {
    const dir = fixtureWith("beispielstadt", {
      "flyers/faltblatt.yaml": officeHours(12, 5)("  - type: why\n"),
    });
    expect(await problemsOf(dir)).toEqual([
      "inhalt/flyers/faltblatt.yaml:38:5  sections[7]  Flyer „faltblatt“: Der Abschnitt „Sprechstunden“ (sections[7]) passt nicht mehr auf Feld 5 (Einklappseite innen): es fehlen 20 mm. Auf Feld 5 (Einklappseite innen) stehen: „Stand der Maßnahmen“ (sections[6]) mit 35 mm, „Sprechstunden“ (sections[7]) mit 140 mm, „Warum Treffen?“ (sections[8]) mit 16 mm; Platz ist für 188 mm. Die Liste „Stand der Maßnahmen“ (sections[6]) ist schon so knapp gesetzt, wie es geht (weniger Abstand). Bitte den Text kürzen oder einen Abschnitt mit „place“ auf ein anderes Feld legen; ein Flyer bekommt keine zusätzliche Seite.",
    ]);
  });

  it("die Rückseite, wenn der lange Absender die Fußzeile wachsen lässt: nennt „sender“ in concept.yaml", async () => {
    const dir = fixtureWith("lange-namen", {
      "flyers/faltblatt.yaml": officeHours(10, 6)("  - type: contact\n"),
    });
    expect(await problemsOf(dir)).toEqual([
      "inhalt/flyers/faltblatt.yaml:26:5  sections[6]  Flyer „faltblatt“: Der Abschnitt „Kontakt“ (sections[6]) passt nicht mehr auf Feld 6 (Rückseite): es fehlen 10 mm. Auf Feld 6 (Rückseite) stehen: „Wer wir sind“ (sections[4]) mit 16 mm, „Sprechstunden“ (sections[5]) mit 116 mm, „Kontakt“ (sections[6]) mit 29 mm; Platz ist für 167 mm. Die Fußzeile ist 8 mm höher als vorgesehen, weil „sender“ aus concept.yaml 3 Zeilen braucht („Amt für Umwelt- und Verbraucherschutz, Grünflächenunterhaltung und Friedhofswesen Stadt Beispielstadt“). Bitte „sender“ in concept.yaml kürzer fassen, den Text kürzen oder einen Abschnitt mit „place“ auf ein anderes Feld legen; ein Flyer bekommt keine zusätzliche Seite.",
    ]);
  });

  it("Seite 1 des A4-Flyers, wenn die Schlagzeile das Titelband wachsen lässt: nennt die Schlagzeile, nicht die Unterzeile", async () => {
    const dir = fixtureWith("beispielstadt", {
      "flyers/handzettel.yaml": (y) =>
        officeHours(6, 1, 3)("  - type: bausteine\n")(
          y.replace(
            /^title: .*$/m,
            "title: Wie Bürgerinnen und Bürger gemeinsam mit dem Sachgebiet das Grün vor ihrer Haustür pflegen",
          ),
        ),
    });
    expect(await problemsOf(dir)).toEqual([
      "inhalt/flyers/handzettel.yaml:17:5  sections[3]  Flyer „handzettel“: Der Abschnitt „Sprechstunden“ (sections[3]) passt nicht mehr auf Seite 1: es fehlen 91 mm. Auf Seite 1 stehen: „Worum geht es?“ (sections[0]) mit 15 mm, „Was Patenschaften ausmacht“ (sections[1]) mit 19 mm, „Das Leitbild“ (sections[2]) mit 53 mm, „Sprechstunden“ (sections[3]) mit 135 mm; Platz ist für 155 mm. Das Titelband ist 18 mm höher als vorgesehen, weil die Schlagzeile („title“) 3 Zeilen braucht. Bitte die Schlagzeile kürzer fassen, den Text kürzen oder einen Abschnitt mit „place“ auf eine andere Seite legen; ein Flyer bekommt keine zusätzliche Seite.",
    ]);
  });

  it("eine Zeile der Schlagzeile, breiter als die Spalte: nennt „title“ und die Zeile", async () => {
    // Headings break at hyphens and syllables; a word with „/“ (a path, an address) stays whole.
    const dir = fixtureWith("beispielstadt", {
      "flyers/handzettel.yaml": (y) =>
        y.replace(/^title: .*$/m, "title: Grünflächenunterhaltungsvereinbarungen/Entwurfsüberarbeitungen"),
    });
    expect(await problemsOf(dir)).toEqual([
      "inhalt/flyers/handzettel.yaml:4:8  title  Flyer „handzettel“: Die Schlagzeile („title“) auf Titelband von Seite 1: die Zeile „Grünflächenunterhaltungsvereinbarungen/Entwurfsüberarbeitungen“ ist 109 mm breiter als die Spalte (171 mm) und lässt sich nicht trennen. Bitte so kürzen, dass kein Wort breiter als die Spalte ist.",
    ]);
  });

  it("ein Amtsname mit einem Wort, das nicht getrennt werden kann: nennt „organisation“ und „sender“ in concept.yaml und die Zeile", async () => {
    const dir = fixtureWith("beispielstadt", {
      "concept.yaml": (y) =>
        y
          .replace(/^organisation: .*$/m, "organisation: Umweltamt/Fachbereich/Grünflächenunterhaltung/Friedhofswesen")
          .replace(/^sender: .*$/m, "sender: Umweltamt/Fachbereich/Grünflächenunterhaltung/Friedhofswesen"),
    });
    expect(await problemsOf(dir)).toEqual([
      "inhalt/concept.yaml:4:15  organisation  Flyer „faltblatt“: Die Wortmarke auf Feld 1 (Titel): die Zeile „Umweltamt/Fachbereich/Grünflächenunterhaltung/Friedhofswesen“ ist 37 mm breiter als die Spalte (78 mm) und lässt sich nicht trennen. Sie kommt aus „organisation“ in concept.yaml; bitte dort so kürzen, dass kein Wort breiter als die Spalte ist.",
      "inhalt/concept.yaml:7:9  sender  Flyer „faltblatt“: Die Fußzeile auf Feld 6 (Rückseite): die Zeile „Umweltamt/Fachbereich/Grünflächenunterhaltung/Friedhofswesen“ ist 7 mm breiter als die Spalte (83 mm) und lässt sich nicht trennen. Sie kommt aus „sender“ in concept.yaml; bitte dort so kürzen, dass kein Wort breiter als die Spalte ist.",
    ]);
  });

  it("eine Auswahl, die es nicht gibt, an ihrer Stelle (schon beim Laden, wie pnpm check)", async () => {
    const dir = fixtureWith("beispielstadt", {
      "flyers/faltblatt.yaml": (y) =>
        y.replace("    title: Was haben Sie davon?\n", "    title: Was haben Sie davon?\n    items: [1, 9]\n"),
    });
    expect(await problemsOf(dir)).toEqual([
      "inhalt/flyers/faltblatt.yaml:19:16  sections[2].items[1]  Die Auswahl 9 gibt es nicht: Der Baustein „Beete und Baumscheiben“ nennt 3 Chancen; erlaubt sind 1 bis 3.",
    ]);
  });

  it("der Build endet mit Exit 1 und einer deutschen Meldung ohne Stacktrace, die den Flyer nennt, der nicht aktuell ist", () => {
    const dir = fixtureWith("beispielstadt", {
      "flyers/faltblatt.yaml": officeHours(12, 5)("  - type: why\n"),
    });
    // An empty output folder of its own (runCli): the leaflet has no earlier PDFs; transactions.test.ts shows the rest.
    const r = runCli(["build"], { CONTENT_DIR: dir });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^Flyer: alle neu zu setzen \(faltblatt, handzettel\)\n/);
    expect(r.stdout).toContain("\n  faltblatt: nicht gesetzt, noch ohne PDF\n");
    expect(r.stderr).toMatch(
      /flyers\/faltblatt\.yaml:38:5 {2}sections\[7\] {2}Flyer „faltblatt“: Der Abschnitt „Sprechstunden“ \(sections\[7\]\) passt nicht mehr auf Feld 5/,
    );
    expect(r.stderr).toContain("1 Fehler in 1 Datei.");
    expect(r.stderr).toContain("\nNicht aktuell: „faltblatt“ (noch ohne PDF); alle anderen Flyer sind geschrieben.\n");
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });
});
