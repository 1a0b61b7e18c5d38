/**
 * Content text is data, never markup: a deck built from content whose titles, descriptions and Chancen hold
 * template syntax, HTML, slide separators, Slidev slots, backticks and pipes shows them literally, keeps its
 * slide count, and runs no script. (The exhaustive property tests are on the pure outline in hostile.test.ts.)
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConceptSync } from "@dus-opendata/concept/node";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { buildOutline } from "../src/outline.js";
import { type StaticServer, serveStatic } from "../src/static-server.js";
import { launch, plain, realConcept, requireChromium, root } from "./support.js";

export const HOSTILE = {
  title: "{{ x }} <script>window.__pwned = 1</script> --- ::right:: `code` | Spalte",
  description:
    'Beschreibung mit <img src=x onerror="window.__pwned = 2"> und {{ 7 * 7 }} und\n---\nlayout: cover\n---\n::right:: `x` | y $$ a $$ [Verweis](https://example.org) -->',
  chance: "<b>fett</b> {{ $slidev }} | --- ::left::",
  conceptTitle: "Über {{ x }} <script>window.__pwned = 3</script> reden",
};

const enabled = requireChromium();
const dir = mkdtempSync(join(tmpdir(), "deck-hostile-"));
const content = join(dir, "content");
const out = join(dir, "out");
let browser: Browser;
let server: StaticServer;
let build: ReturnType<typeof spawnSync>;

function edit(file: string, change: (doc: ReturnType<typeof parseDocument>) => void) {
  const doc = parseDocument(readFileSync(file, "utf8"));
  change(doc);
  writeFileSync(file, doc.toString());
}

beforeAll(async () => {
  if (!enabled) return;
  cpSync(join(root, "content"), content, { recursive: true });
  edit(join(content, "bausteine", "01-texte.yaml"), (doc) => {
    doc.setIn(["measures", 0, "title"], HOSTILE.title);
    doc.setIn(["measures", 0, "summary"], [HOSTILE.description]);
    doc.setIn(["chances", 0], HOSTILE.chance);
  });
  edit(join(content, "concept.yaml"), (doc) => doc.set("title", HOSTILE.conceptTitle));
  build = spawnSync(join(root, "node_modules", ".bin", "tsx"), ["scripts/build.ts"], {
    cwd: join(root, "apps", "deck"),
    env: { ...process.env, CONTENT_DIR: content, DECK_OUT_DIR: out, DECK_VARIANTS: "poa" },
    encoding: "utf8",
  });
  server = await serveStatic(out);
  browser = await launch();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!enabled)("a deck built from hostile content", () => {
  it("builds, with the same number of slides as the clean content", () => {
    expect(build.stderr).toBe("");
    expect(build.status).toBe(0);
    const hostile = loadConceptSync(content);
    const outline = buildOutline(hostile, hostile.decks.find((d) => d.id === "poa")!);
    const clean = realConcept();
    expect(outline.slides.length).toBe(buildOutline(clean, clean.decks.find((d) => d.id === "poa")!).slides.length);
    expect(readFileSync(join(out, "poa.pdf")).subarray(0, 5).toString()).toBe("%PDF-");
  });

  it("shows the text literally and runs no script", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const dialogs: string[] = [];
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const hostile = loadConceptSync(content);
    const outline = buildOutline(hostile, hostile.decks.find((d) => d.id === "poa")!);
    const measure = outline.slides.findIndex((s) => s.measure === "projektsteckbrief") + 1;
    await page.goto(`${server.url}/poa/index.html#/${measure}`);
    const slide = page.locator(`.slidev-page-${measure} .concept-slide`);
    await slide.waitFor();
    expect(plain(await slide.locator("h1").innerText())).toBe(HOSTILE.title);
    expect(plain(await slide.locator(".measure-text").innerText())).toBe(plain(HOSTILE.description));
    expect(await slide.locator("script, img, b").count()).toBe(0);
    expect(plain(await page.locator(`.slidev-page-${measure} .deck-footer`).innerText())).toContain(
      `${measure} / ${outline.slides.length}`,
    );

    const cr = outline.slides.findIndex((s) => s.kind === "chances-risks" && s.baustein === "texte") + 1;
    await page.goto(`${server.url}/poa/index.html#/${cr}`);
    const chances = page.locator(`.slidev-page-${cr} .chances li`).first();
    await chances.waitFor();
    expect(plain(await chances.innerText())).toBe(HOSTILE.chance);

    await page.goto(`${server.url}/poa/index.html#/1`);
    await page.locator(".slidev-page-1 .cover-title").waitFor();
    expect(plain(await page.locator(".slidev-page-1 .cover-title").innerText())).toBe(HOSTILE.conceptTitle);
    await page.waitForFunction((t) => document.title === t, HOSTILE.conceptTitle, { timeout: 5000 });

    await page.goto(`${server.url}/poa/index.html#/presenter/${measure}`);
    await page.locator(".slidev-note").first().waitFor();
    expect(plain(await page.locator(".slidev-note").first().innerText())).toContain(`Baustein 1: Texte.`);

    // The plan slide's notes list the Maßnahmen by title: the hostile title appears literally there too.
    const plan = outline.slides.findIndex((s) => s.kind === "plan" && s.baustein === "texte") + 1;
    await page.goto(`${server.url}/poa/index.html#/presenter/${plan}`);
    await page.locator(".slidev-note").first().waitFor();
    await page.waitForFunction(
      (t) => document.querySelector(".slidev-note")?.textContent?.includes(t),
      `${HOSTILE.title}: erledigt`,
      { timeout: 5000 },
    );
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    await page.close();
  });
});
