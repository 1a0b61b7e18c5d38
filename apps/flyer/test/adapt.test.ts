/**
 * Sections that adapt to fit (section-kinds.ts), checked on the fixture concepts of the repository: the portal's
 * address moves beneath the QR code and then shrinks to the brand's smallest size; the overview of the Bausteine is
 * set tighter, then without summaries. Only what really cannot fit fails, naming the field in concept.yaml or the
 * flyer file and a fix that works.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { printType } from "@dus-opendata/brand";
import { loadConceptSync } from "@dus-opendata/concept/node";
import { afterAll, describe, expect, it } from "vitest";
import { mm, type RenderedFlyer, renderFlyer } from "../src/index.js";
import { walkLayout } from "../src/read-layout.js";
import {
  copyWithEdits,
  haveTools,
  plainText,
  problemsOf,
  removeDir,
  repoRoot,
  run,
  runCli,
  tempDir,
} from "./helpers.js";

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) removeDir(d);
});

const fixture = (name: string) => join(repoRoot, "fixtures", "concepts", name);

/** A copy of a fixture concept of the repository, with files changed: `{ "concept.yaml": (yaml) => … }`. */
function fixtureWith(name: string, edits: Record<string, (yaml: string) => string>): string {
  const dir = copyWithEdits(fixture(name), edits);
  dirs.push(dir);
  return dir;
}

const withPortal = (url: string) => ({ "concept.yaml": (y: string) => y.replace(/^portal: .*$/m, `portal: ${url}`) });

async function renderOne(dir: string, id: string): Promise<RenderedFlyer> {
  const concept = loadConceptSync(dir, { displayDir: "inhalt" });
  const flyer = concept.flyers.find((f) => f.id === id);
  if (!flyer) throw new Error(`Flyer ${id} fehlt`);
  return renderFlyer(concept, flyer);
}

interface Word {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Every word of a page with its box in points from the top left of the trim (pdftotext -bbox). */
function words(pdf: Uint8Array, page: number): Word[] {
  const dir = tempDir("woerter");
  dirs.push(dir);
  writeFileSync(join(dir, "f.pdf"), pdf);
  const html = run("pdftotext", ["-bbox", "-f", String(page), "-l", String(page), join(dir, "f.pdf"), "-"]);
  return [
    ...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g),
  ].map((m) => ({ xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]), text: m[5] ?? "" }));
}

/** The text column of the leaflet's back (Feld 6: 97 to 197 mm on page 1, 9 mm margins). */
const BACK = { left: mm(97 + 9), right: mm(197 - 9) };

/** Font sizes of the laid-out portal addresses, by section field. */
function addressSizes(r: RenderedFlyer): Record<string, number> {
  const out: Record<string, number> = {};
  for (const n of walkLayout(r.layout)) if (n.marks.address !== undefined) out[n.marks.address] = n.fontSize ?? 0;
  return out;
}

describe("die Adresse des Portals", () => {
  it("mit Pfad, zu breit neben dem QR-Code: steht darunter, auf der ganzen Breite, in der Grundschrift (lange-namen)", async () => {
    const r = await renderOne(fixture("lange-namen"), "faltblatt");
    // sections[5] is the contact, sections[6] the portal, both on the back.
    expect(r.plan.steps).toEqual({ "sections[6]": 1 });
    expect(addressSizes(r)).toEqual({ "sections[5]": printType.body, "sections[6]": printType.body });
    if (!haveTools("pdftotext")) return;
    const page = words(r.screen, 1);
    const addresses = page.filter((w) => w.text === "daten.hohenbrueck.example/katalog");
    expect(addresses).toHaveLength(2);
    for (const a of addresses) {
      expect(a.xMin).toBeGreaterThanOrEqual(BACK.left - 0.5);
      expect(a.xMax).toBeLessThanOrEqual(BACK.right + 0.5);
    }
    // Beneath the heading by more than the QR code's 24 mm: the code stands between them.
    const portal = addresses.at(-1);
    const above = page.filter((w) => w.xMin >= BACK.left - 0.5 && w.xMax <= BACK.right && w.yMax < (portal?.yMin ?? 0));
    const heading = above.sort((a, b) => a.yMax - b.yMax).at(-1);
    expect(heading?.text).toBe("Hohenbrück");
    expect(portal?.yMin).toBeGreaterThan((heading?.yMax ?? 0) + mm(24));
  });

  it("noch länger: steht darunter in der kleinsten Schrift der Marke, auch im Kontakt", async () => {
    const url = "daten.hohenbrueck.example/katalog/verwaltungsdaten";
    const r = await renderOne(fixtureWith("lange-namen", withPortal(`https://${url}`)), "faltblatt");
    expect(r.plan.steps).toEqual({ "sections[5]": 1, "sections[6]": 2 });
    expect(addressSizes(r)).toEqual({ "sections[5]": printType.small, "sections[6]": printType.small });
    if (!haveTools("pdftotext")) return;
    const addresses = words(r.screen, 1).filter((w) => w.text === url);
    expect(addresses).toHaveLength(2);
    for (const a of addresses) expect(a.xMax).toBeLessThanOrEqual(BACK.right + 0.5);
  });

  it("eine Adresse, die auch so nicht passt: nennt „portal“ in concept.yaml mit Zeile und Spalte und wie kurz sie sein muss", async () => {
    const long = "daten.hohenbrueck.example/katalog/verwaltungsdaten-und-statistik";
    const dir = fixtureWith("lange-namen", withPortal(`https://${long}`));
    const tail =
      "ist auch in 9 pt auf der ganzen Breite 12 mm breiter als die Spalte (83 mm) und lässt sich nicht trennen. Sie kommt aus „portal“ in concept.yaml; bitte dort eine kürzere Adresse angeben, mit höchstens etwa 50 Zeichen ohne „https://“ (z. B. ohne Pfad oder eine kurze Adresse, die weiterleitet).";
    expect(await problemsOf(dir)).toEqual([
      `inhalt/concept.yaml:12:9  portal  Flyer „faltblatt“: Der Abschnitt „Kontakt“ (sections[5]) auf Feld 6 (Rückseite): die Adresse „daten.hohenbrueck.example/katalog/verwaltungsdaten-und-statistik“ ${tail}`,
      `inhalt/concept.yaml:12:9  portal  Flyer „faltblatt“: Der Abschnitt „Datenportal der Stadt Hohenbrück“ (sections[6]) auf Feld 6 (Rückseite): die Adresse „daten.hohenbrueck.example/katalog/verwaltungsdaten-und-statistik“ ${tail}`,
    ]);
    // The fix works: the address cut to the length the message names fits.
    const shorter = fixtureWith("lange-namen", withPortal(`https://${long.slice(0, 50)}`));
    await expect(renderOne(shorter, "faltblatt")).resolves.toBeDefined();
  });

  it("passt sie neben den QR-Code, bleibt alles, wie es war", async () => {
    const r = await renderOne(fixture("kleinstadt"), "faltblatt");
    expect(r.plan.steps).toEqual({});
  });
});

describe("die Übersicht der Bausteine", () => {
  it("sechs Bausteine auf einem Feld: enger gesetzt, mit allen Kurzbeschreibungen (sechs-bausteine)", async () => {
    const dir = fixture("sechs-bausteine");
    const r = await renderOne(dir, "faltblatt");
    expect(r.plan.steps).toEqual({ "sections[3]": 1 });
    if (!haveTools("pdftotext")) return;
    const pdf = join(tempDir("sechs"), "f.pdf");
    dirs.push(join(pdf, ".."));
    writeFileSync(pdf, r.screen);
    const text = plainText(run("pdftotext", ["-f", "2", "-l", "2", pdf, "-"]));
    const summaries = readdirSync(join(dir, "bausteine")).map(
      (f) => /^summary: (.*)$/m.exec(readFileSync(join(dir, "bausteine", f), "utf8"))?.[1] ?? "",
    );
    expect(summaries).toHaveLength(6);
    for (const s of summaries) expect(text).toContain(s);
  });

  it("Kurzbeschreibungen über zwei Zeilen: ohne sie, der Build sagt es, und die Baumstruktur lässt sie ebenfalls weg", async () => {
    const longer = (y: string) => y.replace(/^summary: (.*)$/m, "summary: $1, damit alle wissen, was gemessen wird");
    const dir = fixtureWith(
      "sechs-bausteine",
      Object.fromEntries(
        readdirSync(join(fixture("sechs-bausteine"), "bausteine")).map((f) => [`bausteine/${f}`, longer]),
      ),
    );
    const r = await renderOne(dir, "faltblatt");
    expect(r.plan.steps).toEqual({ "sections[3]": 3 });
    const note = "„Sechs Bausteine“ (sections[3]) ohne die Kurzbeschreibungen der Bausteine";
    expect(r.omissions).toEqual([note]);
    const cli = runCli(["build"], { CONTENT_DIR: dir, FLYER_OUT_DIR: join(dir, "out") });
    expect(cli.status).toBe(0);
    expect(cli.stdout).toContain(`\n    Hinweis: ${note}, damit alles Platz hat.\n`);
    if (!haveTools("pdftotext")) return;
    const pdf = join(dir, "f.pdf");
    writeFileSync(pdf, r.screen);
    const text = plainText(run("pdftotext", ["-f", "2", "-l", "2", pdf, "-"]));
    expect(text).toContain("Klimaportal");
    expect(text).toContain("Hochschule");
    expect(text).not.toContain("damit alle wissen");
    // No empty element for a summary that is not there: every P of the overview has text.
    const struct = run("pdfinfo", ["-struct-text", pdf]);
    expect(struct).not.toMatch(/P \(block\)\n(?! *("|Link))/);
    expect(struct.match(/H3 \(block\)/g)).toHaveLength(6);
  });

  it("was auch ohne Kurzbeschreibungen nicht passt: nennt den Abschnitt, was auf dem Feld steht, was schon getan ist und was hilft", async () => {
    const visits = "Wir messen gemeinsam mit Schulen, Vereinen und Nachbarn an allen zwölf Stationen der Stadt.";
    const dir = fixtureWith("sechs-bausteine", {
      "flyers/faltblatt.yaml": (y) =>
        y.replace(
          "  - type: bausteine\n",
          `  - type: text\n    title: Messgänge\n    text:\n      - ${Array(6).fill(visits).join(" ")}\n    place: 4\n  - type: bausteine\n`,
        ),
    });
    expect(await problemsOf(dir)).toEqual([
      "inhalt/flyers/faltblatt.yaml:22:5  sections[4]  Flyer „faltblatt“: Der Abschnitt „Sechs Bausteine“ (sections[4]) passt nicht mehr auf Feld 4 (innen Mitte): es fehlen 27 mm. Auf Feld 4 (innen Mitte) stehen: „Messgänge“ (sections[3]) mit 64 mm, „Sechs Bausteine“ (sections[4]) mit 142 mm; Platz ist für 188 mm. Die Übersicht der Bausteine ist schon so knapp gesetzt, wie es geht (weniger Abstand, ohne die Kurzbeschreibungen). Bitte den Text kürzen oder einen Abschnitt mit „place“ auf ein anderes Feld legen; ein Flyer bekommt keine zusätzliche Seite.",
    ]);
  });

  it("says what is already done in the concept's own terms: „Die Übersicht der Kapitel“", async () => {
    // The A5 leaflet of eigene-worte with its introduction back above the overview of its two Kapitel.
    const dir = fixtureWith("eigene-worte", {
      "flyers/sprechstunde.yaml": (y) =>
        y.replace(
          "  - type: bausteine\n  - type: intro\n    section: anlass\n    place: 2\n",
          "  - type: intro\n    section: anlass\n  - type: bausteine\n",
        ),
    });
    expect(await problemsOf(dir)).toEqual([
      "inhalt/flyers/sprechstunde.yaml:10:5  sections[1]  Flyer „sprechstunde“: Der Abschnitt „Zwei Kapitel“ (sections[1]) passt nicht mehr auf Seite 1: es fehlen 4 mm. Auf Seite 1 stehen: „Warum ein Aktionsplan?“ (sections[0]) mit 29 mm, „Zwei Kapitel“ (sections[1]) mit 66 mm; Platz ist für 98 mm. Die Übersicht der Kapitel ist schon so knapp gesetzt, wie es geht (weniger Abstand, ohne die Kurzbeschreibungen). Bitte den Text kürzen oder einen Abschnitt mit „place“ auf eine andere Seite legen; ein Flyer bekommt keine zusätzliche Seite.",
    ]);
  });
});
