/**
 * Ranges and the concept's own status scale on the status timeline, in a built deck in Chromium: a range is one bar
 * from its first to its last day, „bis …“ a bar of its period with a thin bar before it, a „verzögert“ Maßnahme
 * takes the colour of its kind and is counted in the legend with the concept's word, „ohne Angabe“ is drawn as such.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { statusColors } from "@dus-opendata/brand";
import { type StaticServer, serveStatic } from "@dus-opendata/serve";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DeckData } from "../src/deck-data.js";
import { buildDecks, fixtureConcept, launch, plain, requireChromium } from "./support.js";

const enabled = requireChromium();
const tmp = mkdtempSync(join(tmpdir(), "deck-ranges-"));
const content = join(tmp, "inhalt");
const out = join(tmp, "aus");
let build: ReturnType<typeof buildDecks>;
let browser: Browser;
let server: StaticServer;

/** The fixture „kleinstadt“ with its own scale, ranges in words and numbers, „bis …“, a delayed and an unknown Maßnahme. */
function writeContent() {
  cpSync(fixtureConcept("kleinstadt"), content, { recursive: true });
  const b = join(content, "bausteine", "01-informieren.yaml");
  const replacements: [string, string][] = [
    [
      "    status: in Arbeit\n    planned: ab 03/2017\n",
      "    status: in Arbeit\n    planned: 30. Juni 2021 – 30. November 2022\n",
    ],
    ["    status: erledigt\n    planned: Q2/2020\n", "    status: umgesetzt\n    planned: Januar 2021 - Januar 2023\n"],
    [
      "    status: in Arbeit\n    planned: für 2025 geplant\n",
      '    status: verzögert\n    planned: "4. Quartal 2021 – 4. Quartal 2022 (neu: 2. Quartal 2023)"\n',
    ],
    ["    status: noch nicht begonnen\n    planned: ab Q3/2025\n", "    planned: bis 30.11.2022\n"],
  ];
  let text = readFileSync(b, "utf8");
  for (const [from, to] of replacements) {
    if (!text.includes(from)) throw new Error(`Die Vorlage hat „${from}“ nicht mehr.`);
    text = text.replace(from, to);
  }
  writeFileSync(b, text.replaceAll("status: noch nicht begonnen", "status: nicht begonnen"));
  const c = join(content, "concept.yaml");
  const scale = [
    "statuses:",
    "  - { label: nicht begonnen, kind: offen }",
    "  - { label: in Arbeit, kind: in-arbeit }",
    "  - { label: verzögert, kind: verzögert }",
    "  - { label: stattgefunden, kind: stattgefunden, year: true }",
    "  - { label: abgeschlossen, kind: erledigt, synonyms: [erledigt, umgesetzt] }",
  ].join("\n");
  writeFileSync(c, readFileSync(c, "utf8").replace(/^stand:/m, `${scale}\nstand:`));
}

beforeAll(async () => {
  if (!enabled) return;
  writeContent();
  build = buildDecks(content, out, { DECK_VARIANTS: "gesamt" });
  server = await serveStatic(out);
  browser = await launch();
}, 600_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe.skipIf(!enabled)("ranges and statuses on the status timeline of a built deck", () => {
  it("builds", () => {
    expect(build.stderr).toBe("");
    expect(build.status).toBe(0);
  });

  it("draws ranges as bars from start to end, in the colour of the kind, with the concept's words in the legend", async () => {
    const data = JSON.parse(readFileSync(join(out, "gesamt", "deck-data.json"), "utf8")) as DeckData;
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    /** The status slide (of several pages) that draws the Maßnahme. */
    const slideWith = async (id: string) => {
      const n = data.slides.findIndex((s) => s.kind === "status" && s.timeline.rows.some((r) => r.id === id)) + 1;
      expect(n, id).toBeGreaterThan(0);
      await page.goto(`${server.url}/gesamt/index.html#/${n}`);
      const slide = page.locator(`.slidev-page-${n} .status-timeline`);
      await slide.waitFor();
      return slide;
    };
    let slide = await slideWith("sprechstunde");
    const bar = async (id: string, i = 0) => {
      const r = slide.locator(`[data-measure="${id}"] rect[rx]`).nth(i);
      return {
        x: Number(await r.getAttribute("x")),
        width: Number(await r.getAttribute("width")),
        fill: await r.evaluate((el) => getComputedStyle(el).fill),
      };
    };
    // The axis: the x of the year labels' centres, one year apart.
    const years = await slide
      .locator("text.axis-year")
      .evaluateAll((els) => els.map((e) => [e.textContent, Number(e.getAttribute("x"))] as const));
    const yearX = new Map(years.filter(([t]) => /^\d{4}$/.test(t ?? "")).map(([t, x]) => [Number(t), x]));
    const perYear = (yearX.get(2022) ?? 0) - (yearX.get(2021) ?? 0);
    const at = (year: number, fraction: number) => (yearX.get(year) ?? 0) - perYear / 2 + fraction * perYear;
    const near = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThan(perYear / 40);

    // 30.06.2021 – 30.11.2022: from the end of June 2021 to the end of November 2022.
    const sprechstunde = await bar("sprechstunde");
    near(sprechstunde.x, at(2021, 180 / 365));
    near(sprechstunde.x + sprechstunde.width, at(2022, 334 / 365));
    // Q4/2021 – Q4/2022, delayed: violet, from October 2021 to the end of 2022.
    const handbuch = await bar("handbuch");
    near(handbuch.x, at(2021, 273 / 365));
    near(handbuch.x + handbuch.width, at(2023, 0));
    const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)).join(", ")})`;
    expect(handbuch.fill).toBe(rgb(statusColors.delayed));
    expect(await slide.locator('[data-measure="handbuch"] rect.overdue').count()).toBe(1);
    // „bis 30.11.2022“ without a status: „ohne Angabe“, never overdue, a thin bar from the start of the axis.
    slide = await slideWith("erklaerfilme");
    const erklaer = slide.locator('[data-measure="erklaerfilme"]');
    expect(await erklaer.locator("rect.status-unknown").count()).toBe(1);
    expect(await erklaer.locator("rect.overdue").count()).toBe(0);
    expect(await erklaer.locator('rect[fill-opacity="0.45"]').count()).toBe(1);

    const legend = plain(await slide.locator(".legend").first().innerText());
    expect(legend).toBe("nicht begonnen: 3 in Arbeit: 4 verzögert: 1 stattgefunden: 1 abgeschlossen: 2 ohne Angabe: 1");
    expect(plain(await slide.locator(".legend-marks").innerText())).toContain("bis zu diesem Termin, ohne Beginn");
    await page.close();
  });

  it("shows the ranges canonically on the Maßnahme's slide and in the plan", async () => {
    const data = JSON.parse(readFileSync(join(out, "gesamt", "deck-data.json"), "utf8")) as DeckData;
    const text = JSON.stringify(data.slides);
    for (const shown of [
      "30.06.2021 – 30.11.2022",
      "01/2021 – 01/2023",
      "Q4/2021 – Q4/2022 (neu: 2. Quartal 2023)",
      "bis 30.11.2022",
    ])
      expect(text).toContain(shown);
    expect(text).toContain('{"kind":"delayed","label":"verzögert"}');
    expect(text).toContain('{"kind":"done","label":"abgeschlossen"}');
  });
});
