/**
 * Copy and search see whole words: no soft hyphen (U+00AD) in the text pdftotext extracts from any flyer, screen or
 * print, although words are hyphenated at line ends (with a visible hyphen).
 */
import { cpSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadConceptSync } from "@dus-opendata/concept/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  fixtureDir,
  haveTools,
  loadFixture,
  loadRepoConcept,
  type Rendered,
  removeDir,
  renderFlyers,
  run,
  tempDir,
} from "./helpers.js";

const tools = haveTools("pdftotext");
const SOFT = "\u00AD";

/** A flyer whose sections are made of long compounds, some with soft hyphens written into the content. */
const LONG_WORDS = `format: din-lang-wickelfalz
occasion: Satzprobe
title: Lange Wörter
sections:
  - type: text
    title: Zusammensetzungen
    text:
      - Grünflächenunterhaltungsvereinbarungen und Baumscheibenbepflanzungsrichtlinien regeln die Zusammenarbeit der Patenschaftsbeauftragten mit der Straßenbaumkatasterverwaltung.
      - Die Bewässerungszeitenempfehlungen und Pflanzenschutzmittelverbote gelten für alle Patenschaftsflächen.
      - "Vor${SOFT}gegebene Trenn${SOFT}stellen in Ver${SOFT}waltungs${SOFT}vorschriften zählen ebenso."
    place: 2
`;

describe.skipIf(!tools)("keine weichen Trennstriche im extrahierten Text", () => {
  let dir: string;
  let content: string;
  const rendered: Rendered[] = [];
  beforeAll(async () => {
    dir = tempDir("soft");
    content = tempDir("soft-content");
    cpSync(fixtureDir("beispielstadt"), content, { recursive: true });
    writeFileSync(join(content, "flyers", "lange-woerter.yaml"), LONG_WORDS);
    for (const concept of [loadRepoConcept(), loadConceptSync(content, { displayDir: "probe" })])
      rendered.push(...(await renderFlyers(concept, dir)).values());
  });
  afterAll(() => {
    removeDir(dir);
    removeDir(content);
  });

  it("in beiden Dateien jedes Flyers (Inhalte und Beispielkonzept)", () => {
    expect(rendered.length).toBe(loadRepoConcept().flyers.length + loadFixture("beispielstadt").flyers.length + 1);
    for (const f of rendered)
      for (const path of [f.screenPath, f.printPath])
        for (const mode of [[], ["-raw"]]) {
          const text = run("pdftotext", [...mode, path, "-"]);
          expect(text.length).toBeGreaterThan(100);
          expect(text, path).not.toContain(SOFT);
        }
  });

  it("lange Wörter werden sichtbar getrennt, die Trennstellen der Autorin gelten, kein Zeichen U+00AD bleibt", () => {
    const f = rendered.find((r) => r.id === "lange-woerter");
    if (!f) throw new Error("lange-woerter fehlt");
    for (const path of [f.screenPath, f.printPath]) {
      const text = run("pdftotext", ["-raw", path, "-"]);
      expect(text).not.toContain(SOFT);
      // Hyphenated at line ends: a letter, the hyphen, the line break, a lower-case letter.
      expect(text.match(/\p{L}-\n\p{Ll}/gu)?.length ?? 0).toBeGreaterThanOrEqual(3);
      const joined = text.replace(/(\p{L})-\n(\p{Ll})/gu, "$1$2").replace(/\s+/g, " ");
      for (const word of [
        "Grünflächenunterhaltungsvereinbarungen",
        "Baumscheibenbepflanzungsrichtlinien",
        "Straßenbaumkatasterverwaltung.",
        "Vorgegebene",
        "Verwaltungsvorschriften",
      ])
        expect(joined).toContain(word);
    }
  });
});
