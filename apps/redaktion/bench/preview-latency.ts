/**
 * How long the preview takes to show an edit: from typing a Maßnahme's title into the form to the slide in the
 * frame showing it, and to the flyer page being set anew; median of `--runs` edits (default 9). Also writes
 * screenshots of the editor (with its preview, an error at a field, a conflict) to `--shots <folder>`.
 *
 *   tsx bench/preview-latency.ts [--runs 9] [--shots .build/redaktion-bilder]
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { CHROMIUM_ARGS, findChromium } from "@dus-opendata/concept/node";
import { chromium } from "playwright-core";
import { editorOn } from "../test/http.js";
import { root } from "../test/support.js";

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const runs = Number(arg("runs", "9"));
const shots = resolve(root, arg("shots", ".build/redaktion-bilder"));
mkdirSync(shots, { recursive: true });
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

const ctx = await editorOn("kleinstadt", { deckPreview: true, flyerPreview: true, pollMs: 300 });
const browser = await chromium.launch({ executablePath: findChromium(), args: [...CHROMIUM_ARGS] });
try {
  const page = await browser.newPage({ viewport: { width: 1500, height: 1000 } });
  await page.goto(`${ctx.editor.url}#datei=bausteine/01-informieren.yaml&massnahme=2`);
  await ctx.editor.deckPreview?.ready;
  const frame = page.frameLocator("iframe");
  await frame.locator(".slidev-page h1:visible").first().waitFor({ timeout: 120_000 });
  await page.locator("img.flyer-page").waitFor({ timeout: 60_000 });
  const title = page.getByRole("group", { name: /^Maßnahme 2/ }).getByLabel("Titel", { exact: true });
  const slide: number[] = [];
  const flyer: number[] = [];
  for (let i = 0; i < runs + 1; i++) {
    const text = `Rundbrief Nummer ${i + 1}`;
    const oldImage = await page.locator("img.flyer-page").getAttribute("src");
    const t0 = performance.now();
    await title.fill(text);
    const slideDone = frame
      .locator(".slidev-page h1:visible", { hasText: text })
      .first()
      .waitFor({ timeout: 20_000 })
      .then(() => performance.now() - t0);
    const flyerDone = page
      .waitForFunction((old) => document.querySelector("img.flyer-page")?.getAttribute("src") !== old, oldImage, {
        timeout: 20_000,
      })
      .then(() => performance.now() - t0);
    const [s, f] = await Promise.all([slideDone, flyerDone]);
    // The first edit warms the caches; it is not counted.
    if (i > 0) {
      slide.push(s);
      flyer.push(f);
    }
  }
  const ms = (x: number) => `${Math.round(x).toLocaleString("de-DE")} ms`;
  process.stdout.write(
    `Vorschau nach einer Änderung des Titels (Median aus ${runs}, kleinstadt):\n` +
      `  Folie (Slidev-Live-Vorschau im Rahmen):  ${ms(median(slide))}  (min ${ms(Math.min(...slide))}, max ${ms(Math.max(...slide))})\n` +
      `  Flyerseite (gesetzt und als Bild):      ${ms(median(flyer))}  (min ${ms(Math.min(...flyer))}, max ${ms(Math.max(...flyer))})\n`,
  );

  await title.fill("Monatlicher Rundbrief");
  await frame.locator(".slidev-page h1:visible", { hasText: "Monatlicher Rundbrief" }).first().waitFor();
  await page.waitForTimeout(800);
  await page.screenshot({ path: join(shots, "editor-mit-vorschau.png") });

  const planned = page.getByRole("group", { name: /^Maßnahme 2/ }).getByLabel("Datum (Plan)", { exact: true });
  await planned.fill("13/2019");
  await page.locator(".problems-at").first().waitFor();
  await planned.scrollIntoViewIfNeeded();
  await page.waitForTimeout(800);
  await page.screenshot({ path: join(shots, "fehler-am-feld.png") });
  await planned.fill("laufend");

  const file = join(ctx.dir, "bausteine", "01-informieren.yaml");
  writeFileSync(file, readFileSync(file, "utf8").replace("title: Informieren und beteiligen", "title: Von anderswo"));
  await page.getByRole("button", { name: "Beide Fassungen vergleichen" }).click();
  await page.getByRole("dialog").waitFor();
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(shots, "konflikt.png") });
  process.stdout.write(`Bilder: ${shots}/editor-mit-vorschau.png, fehler-am-feld.png, konflikt.png\n`);
} finally {
  await browser.close();
  await ctx.close();
}
