/**
 * The path a slide title takes, as a property: whatever string the content holds, Slidev receives it only as data
 * (deck-data.json, read at run time) and every place that shows it shows exactly that string as text: the go-to
 * dialog (Slidev's title renderer, replaced by src/runtime/title-renderer.ts), the browser tab's title and the
 * presenter notes. No build runs per sample: the compiled app is the same for every content.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Concept } from "@dus-opendata/concept";
import { loadConceptSync } from "@dus-opendata/concept/node";
import { type StaticServer, serveStatic } from "@dus-opendata/serve";
import fc from "fast-check";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureApp } from "../src/app-build.js";
import { DATA_FILE } from "../src/data-file.js";
import { deckDataFor } from "../src/load-deck.js";
import { fixtureConcept, launch, requireChromium, root } from "./support.js";

const RUNS = Number(process.env.BROWSER_PROPERTY_RUNS ?? 25);
const enabled = requireChromium();
const site = mkdtempSync(join(tmpdir(), "deck-titles-"));
const concept = loadConceptSync(fixtureConcept());
let browser: Browser;
let server: StaticServer;
let page: Page;
const foreign: string[] = [];

/** Text as a pasted snippet might hold it, with markup, template syntax and arbitrary Unicode. */
const FRAGMENTS = [
  "{{ 6*7 }}",
  "{{ $slidev.nav.next() }}",
  "<script>window.__pwned=1</script>",
  '<img src=x onerror="window.__pwned=2">',
  '<svg onload="window.__pwned=3">',
  "<style>*{display:none}</style>",
  '<iframe src="javascript:parent.__pwned=4">',
  "[x](javascript:window.__pwned=5)",
  '<a href="javascript:window.__pwned=6">a</a>',
  "$$ x^2 $$",
  "---",
  "::right::",
  "`code`",
  "| a | b |",
  "&amp; &lt;",
  "<!-- -->",
  "„Zitat“ – Maß",
  "😀",
  "مرحبا",
];
const text = fc
  .array(fc.oneof(fc.string({ unit: "grapheme", minLength: 1, maxLength: 8 }), fc.constantFrom(...FRAGMENTS)), {
    minLength: 1,
    maxLength: 5,
  })
  .map((parts) => parts.join(" ").replace(/\s+/g, " ").trim())
  .filter((s) => s.length > 0);

function withTitle(c: Concept, title: string): Concept {
  const copy = structuredClone(c);
  copy.title = title;
  copy.decks = copy.decks.map((d) => ({ ...d, title: undefined }));
  const m = copy.bausteine.flatMap((b) => b.measures)[0];
  if (m) m.title = title;
  return copy;
}

beforeAll(async () => {
  if (!enabled) return;
  const app = await ensureApp(root, join(root, "apps", "deck"));
  cpSync(app.dir, site, { recursive: true });
  server = await serveStatic(site);
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  page.on("request", (r) => {
    if (!r.url().startsWith(server.url)) foreign.push(r.url());
  });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(site, { recursive: true, force: true });
});

describe.skipIf(!enabled)("a slide title reaches Slidev only as data", () => {
  it("shows any title exactly as text in the go-to dialog, the tab title and the notes", async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(text, async (raw) => {
        // A token at the start, so that Slidev's fuzzy search finds the slide by it.
        const title = `Q${++n}q ${raw}`;
        const c = withTitle(concept, title);
        const data = deckDataFor(c, c.decks[0]!.id);
        writeFileSync(join(site, DATA_FILE), JSON.stringify(data));
        await page.goto(`${server.url}/index.html?sample=${n}#/1`);
        await page.locator(".slidev-page-1 .concept-slide").waitFor();
        await page.waitForFunction((t) => document.title === t, title, { timeout: 10_000 });

        await page.keyboard.press("g");
        await page.locator("#slidev-goto-input").fill(`Q${n}q`);
        await page.locator("#slidev-goto-dialog li").first().waitFor();
        const items = await page
          .locator("#slidev-goto-dialog li")
          .evaluateAll((lis) => lis.map((li) => li.lastElementChild?.textContent ?? ""));
        expect(items).toContain(title);
        await page.keyboard.press("Escape");

        const withNote = data.slides.findIndex((s) => s.notes.some((x) => x.includes(title))) + 1;
        if (withNote > 0) {
          await page.goto(`${server.url}/index.html?sample=${n}#/presenter/${withNote}`);
          const note = page.locator(".slidev-note p").first();
          await note.waitFor();
          expect(await note.textContent()).toBe(data.slides[withNote - 1]!.notes.join("\n\n"));
        }
        expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
        expect(await page.evaluate(() => document.querySelectorAll('img[src="x"], iframe, svg[onload]').length)).toBe(
          0,
        );
      }),
      { numRuns: RUNS },
    );
    expect(foreign).toEqual([]);
  });

  it("keeps every timeline label within its column, for Maßnahme titles up to 90 characters", async () => {
    const c = structuredClone(concept);
    const words =
      "Einführung Verwaltungsdatenportal Fachbereichsleitungen Eigenbetriebe Arbeitsgruppe Qualitätssicherung";
    let i = 0;
    for (const b of c.bausteine)
      for (const m of b.measures) m.title = `${++i}. ${words}`.slice(0, 60 + ((i * 7) % 31)).trim();
    const data = deckDataFor(c, (c.decks.find((d) => !d.blocks) ?? c.decks[0]!).id);
    const rows = data.slides.flatMap((s) => (s.kind === "status" ? s.timeline.rows : []));
    expect(Math.max(...rows.map((r) => r.title.length))).toBeGreaterThanOrEqual(88);
    writeFileSync(join(site, DATA_FILE), JSON.stringify(data));
    const status = data.slides.flatMap((s, n) => (s.kind === "status" ? [n + 1] : []));
    expect(status.length).toBeGreaterThan(0);
    for (const n of status) {
      await page.goto(`${server.url}/index.html?labels=${n}#/${n}`);
      await page.locator(`.slidev-page-${n} .row-title`).first().waitFor();
      // The labels are laid out once the brand font has loaded: measure until the layout has settled.
      const crossing = () =>
        page.evaluate((no) => {
          const svg = document.querySelector(`.slidev-page-${no} .timeline-svg`)!;
          const chart = Math.min(
            ...[...svg.querySelectorAll(".tick-year, .tick-quarter")].map((t) => t.getBoundingClientRect().left),
          );
          return [...svg.querySelectorAll<SVGTextElement>(".row-title")].flatMap((t) => {
            const r = t.getBoundingClientRect();
            const bad = r.right > chart + 0.5 || r.height === 0;
            return bad ? [`${t.textContent} (${r.right} > ${chart})`] : [];
          });
        }, n);
      await expect.poll(crossing, { timeout: 10_000 }).toEqual([]);
    }
  });
});
