import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildFlyers } from "../src/index.js";
import { fixtureDir, removeDir, tempDir } from "./helpers.js";

describe("out/flyers/.manifest/flyers.json", () => {
  const out = tempDir("manifest");
  afterAll(() => removeDir(out));

  it("nennt je Datei die Lesereihenfolge der Überschriften aus dem Modell, für pnpm a11y", async () => {
    await buildFlyers({ outDir: out, env: { CONTENT_DIR: fixtureDir("beispielstadt") } });
    const manifest = JSON.parse(readFileSync(join(out, ".manifest", "flyers.json"), "utf8"));
    expect(manifest.stand).toBe("März 2024");
    const byFile = Object.fromEntries(
      manifest.files.map((f: { path: string; readingOrder: string[] }) => [f.path.split("/").at(-1), f.readingOrder]),
    );
    const leaflet = [
      "Wer pflegt das Beet vor Ihrer Tür?",
      "Worum geht es?",
      "Der Vertrag regelt",
      "Was haben Sie davon?",
      "Das Leitbild",
      "So läuft ein Pflegetag",
      "Der Weg zur Patenschaft",
      "Stand der Maßnahmen",
      "Warum Treffen?",
      "Wer wir sind",
      "Kontakt",
      "Das Grünportal",
    ];
    const flat = [
      "Stadtgrün gemeinsam pflegen",
      "Worum geht es?",
      "Was Patenschaften ausmacht",
      "Das Leitbild",
      "Zwei Bausteine",
      "Beete und Baumscheiben",
      "Pflegetreffen",
      "Das Grünportal",
      "Kontakt",
    ];
    expect(byFile).toEqual({
      "faltblatt.pdf": leaflet,
      "faltblatt-druck.pdf": leaflet,
      "handzettel.pdf": flat,
      "handzettel-druck.pdf": flat,
    });
  });
});
