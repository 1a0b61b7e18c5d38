/**
 * Lists that grow continue over slides instead of shrinking or being cut off: a concept with eight Bausteine, one of
 * them with 50 Maßnahmen, built with every section; every slide of every variant is checked with the overflow
 * detector, no text shrinks below the minimum size, and every fact is in the PDFs.
 */
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadConceptSync } from "@dus-opendata/concept/node";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { buildAll, type Run } from "../src/build-outputs.js";
import { checkOutputs, checkSlides } from "../src/check-outputs.js";
import { editYaml } from "../src/edit-content.js";
import { fixturesDir, launch, requireChromium, tempDir } from "./support.js";

const enabled = requireChromium();
const dir = tempDir("wachstum");
const content = join(dir, "content");
const out = join(dir, "out");
let browser: Browser | undefined;
let built: { decks: Run; flyers: Run };

const STATUSES = ["erledigt", "in Arbeit", "noch nicht begonnen", "2019 stattgefunden"];
const PLANNED = ["09/2019", "ab Q2/2020", "laufend", "12/2020 und 02/2021", "für 2022 geplant", "noch nicht geplant"];

beforeAll(async () => {
  if (!enabled) return;
  cpSync(join(fixturesDir, "sechs-bausteine"), content, { recursive: true });
  const files = readdirSync(join(content, "bausteine")).sort();
  // Two more Bausteine, copies of the first with their own ids and Maßnahmen ids.
  for (const n of [7, 8]) {
    const text = readFileSync(join(content, "bausteine", files[0]!), "utf8");
    writeFileSync(join(content, "bausteine", `0${n}-weiterer.yaml`), text);
    editYaml(join(content, "bausteine", `0${n}-weiterer.yaml`), (doc) => {
      doc.set("id", `weiterer-${n}`);
      doc.set("title", `Weiterer Baustein ${n}`);
      const measures = doc.get("measures") as {
        items: { set: (k: string, v: string) => void; get: (k: string) => string }[];
      };
      for (const m of measures.items) m.set("id", `${m.get("id")}-${n}`);
    });
  }
  // The first Baustein with 50 Maßnahmen.
  editYaml(join(content, "bausteine", files[0]!), (doc) => {
    doc.set(
      "measures",
      Array.from({ length: 50 }, (_, i) => ({
        id: `massnahme-${i + 1}`,
        title: `Maßnahme Nummer ${i + 1} für die Fachbereiche`,
        summary: [`Beschreibung der Maßnahme ${i + 1}.`],
        status: STATUSES[i % STATUSES.length],
        planned: PLANNED[i % PLANNED.length],
        published: "noch nicht",
      })),
    );
  });
  writeFileSync(
    join(content, "decks", "alles.yaml"),
    stringify({
      title: "Alle Folien",
      occasion: "Prüfung",
      sections: ["title", "intro", "overview", "bausteine", "status", "closing"],
    }),
  );
  built = await buildAll({ content, out });
  browser = await launch();
}, 900_000);
afterAll(async () => {
  await browser?.close();
  if (!process.env.KEEP_OUTPUTS) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!enabled)("eight Bausteine, one with 50 Maßnahmen", () => {
  it("builds every deck and flyer, without a text that had to shrink below the minimum", () => {
    expect(built.decks.stderr).toBe("");
    expect(built.decks.status).toBe(0);
    expect(built.decks.stdout).not.toContain("Warnung:");
    expect(built.flyers.status, built.flyers.stderr).toBe(0);
  });

  it("continues the lists over slides: plan, overview and status with „(n/m)“", () => {
    const data = JSON.parse(readFileSync(join(out, "decks", "alles", "deck-data.json"), "utf8")) as {
      slides: { kind: string; title: string }[];
    };
    const titles = (kind: string) => data.slides.filter((s) => s.kind === kind).map((s) => s.title);
    expect(titles("plan").filter((t) => /\(\d\/7\)$/.test(t))).toHaveLength(7);
    expect(titles("overview")).toEqual(["Acht Bausteine (1/2)", "Acht Bausteine (2/2)"]);
    expect(titles("status").length).toBeGreaterThanOrEqual(6);
  });

  it("has nothing outside its box or cut off on any slide of any variant, and every fact in the PDFs", async () => {
    const concept = loadConceptSync(content);
    expect(await checkSlides(browser!, concept, join(out, "decks"))).toEqual([]);
    expect(await checkOutputs({ content, out })).toEqual([]);
  }, 900_000);
});
