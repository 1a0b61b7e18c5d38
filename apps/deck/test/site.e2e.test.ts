/**
 * The built sites in a real headless Chromium: every slide of every variant, the Maßnahmen with their status and
 * dates, nothing overflowing the slide, no request to another host, the presenter view with its notes.
 */
import { formatPlanDate, formatPublished, formatStatus } from "@dus-opendata/concept";
import { type StaticServer, serveStatic } from "@dus-opendata/serve";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildOutline } from "../src/outline.js";
import { launch, outDecks, plain, realConcept, requireChromium } from "./support.js";

const concept = realConcept();
const enabled = requireChromium();
let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  if (!enabled) return;
  server = await serveStatic(outDecks);
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Every element of the current slide lies inside the 1280 × 720 slide; boxes that clip show all their content. */
async function overflowing(page: Page, n: number): Promise<string[]> {
  return page.evaluate((no) => {
    const slide = document.querySelector<HTMLElement>(`.slidev-page-${no} .concept-slide`);
    const canvas = document.querySelector<HTMLElement>("#slide-content");
    if (!slide || !canvas) return ["keine Folie gefunden"];
    const frame = canvas.getBoundingClientRect();
    const bad: string[] = [];
    const describe = (el: Element) =>
      `${el.tagName.toLowerCase()}.${[...el.classList].join(".")} „${(el.textContent ?? "").trim().slice(0, 40)}“`;
    for (const el of [slide, ...slide.querySelectorAll("*")]) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if (r.left < frame.left - 1 || r.top < frame.top - 1 || r.right > frame.right + 1 || r.bottom > frame.bottom + 1)
        bad.push(`außerhalb der Folie: ${describe(el)}`);
      if (
        el instanceof HTMLElement &&
        getComputedStyle(el).overflow === "hidden" &&
        el.scrollHeight > el.clientHeight + 2
      )
        bad.push(`abgeschnitten: ${describe(el)} (${el.scrollHeight} > ${el.clientHeight})`);
    }
    return bad;
  }, n);
}

describe.skipIf(!enabled).each(concept.decks.map((d) => d.id))("built site of the variant %s", (id) => {
  const outline = buildOutline(concept, concept.decks.find((d) => d.id === id)!);

  it("shows every slide with its content, nothing overflowing, and asks no other host", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    const foreign: string[] = [];
    const errors: string[] = [];
    page.on("request", (r) => {
      const url = r.url();
      if (!url.startsWith(server.url) && !url.startsWith("data:") && !url.startsWith("blob:")) foreign.push(url);
    });
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${server.url}/${id}/index.html#/1`);
    await page.waitForSelector(".concept-slide");
    await page.evaluate(() => document.fonts.ready);
    expect(await page.title()).toBe(outline.title);
    expect(await page.getAttribute("html", "lang")).toBe("de");

    for (const [i, spec] of outline.slides.entries()) {
      const n = i + 1;
      if (n > 1) await page.keyboard.press("ArrowRight");
      await page.waitForFunction((no) => location.hash.startsWith(`#/${no}`), n);
      const current = page.locator(`.slidev-page-${n} .concept-slide`);
      await current.waitFor();
      await page.waitForTimeout(40);
      expect(await current.getAttribute("data-kind"), `Folie ${n}`).toBe(spec.kind);
      const footer = plain(await page.locator(`.slidev-page-${n} .deck-footer`).innerText());
      expect(footer).toContain(`${n} / ${outline.slides.length}`);
      expect(footer).toContain("Stand: November 2018");
      expect(footer).toContain("Amt für Statistik und Wahlen Düsseldorf · Nähe trifft Freiheit");

      if (spec.kind === "measure") {
        const m = concept.bausteine.flatMap((b) => b.measures).find((x) => x.id === spec.measure)!;
        expect(plain(await current.locator("h1").innerText())).toBe(m.title);
        const box = plain(await current.locator(".status-box").innerText());
        expect(box).toContain(`Status ${formatStatus(m.status)}`);
        expect(box).toContain(`Datum (Plan) ${formatPlanDate(m.planned)}`);
        expect(box).toContain(`Veröffentlicht ${formatPublished(m.published)}`);
      }
      expect(await overflowing(page, n), `Folie ${n} (${spec.kind})`).toEqual([]);
    }
    expect(errors).toEqual([]);
    expect(foreign).toEqual([]);

    // The check itself finds an element that sticks out of the slide.
    const last = outline.slides.length;
    await page.evaluate((no) => {
      const probe = document.createElement("div");
      probe.className = "probe";
      probe.textContent = "Probe";
      probe.style.cssText = "position:absolute;left:1200px;top:10px;width:300px";
      document.querySelector(`.slidev-page-${no} .concept-slide`)?.append(probe);
    }, last);
    expect((await overflowing(page, last)).some((m) => m.includes("div.probe"))).toBe(true);
    await context.close();
  });

  it("opens the presenter view with the notes from the data", async () => {
    const context = await browser.newContext({ viewport: { width: 1600, height: 900 } });
    const page = await context.newPage();
    const n = outline.slides.findIndex((s) => s.kind === "measure") + 1;
    const spec = outline.slides[n - 1]!;
    await page.goto(`${server.url}/${id}/index.html#/presenter/${n}`);
    await page.waitForSelector(".slidev-presenter");
    const notes = page.locator(".slidev-note");
    await notes.first().waitFor();
    const text = plain(await notes.first().innerText());
    expect(text).toContain(spec.notes[1]);
    await context.close();
  });

  it("links the portal on the closing slide", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    const n = outline.slides.findIndex((s) => s.kind === "closing") + 1;
    await page.goto(`${server.url}/${id}/index.html#/${n}`);
    const link = page.locator(`.slidev-page-${n} .closing-portal a`);
    await link.waitFor();
    expect(await link.getAttribute("href")).toBe(concept.portal);
    await context.close();
  });
});

it.runIf(!enabled)("needs Chromium for the browser tests (skipped outside CI)", () => {
  expect(process.env.CI).toBeFalsy();
});
