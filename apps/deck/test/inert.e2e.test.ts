/**
 * Content text is data, in every place of the deck a user can open: the slides, Slidev's go-to dialog, the quick
 * overview, the presenter view and its notes, the notes overview, the browser tab's title, the printed PDF and its
 * bookmarks. Each field below carries the payloads a pasted snippet might hold; each payload would set a flag if
 * it ever ran, and an external image would be a request to another host.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConceptSync } from "@dus-opendata/concept/node";
import { type StaticServer, serveStatic } from "@dus-opendata/serve";
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from "pdf-lib";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import type { DeckData } from "../src/deck-data.js";
import { fixtureConcept, launch, letters, pdfText, plain, requireChromium, root } from "./support.js";

/** Every payload the text may hold; `tag` names the field, so a flag tells which field ran. */
export function hostile(tag: string): string {
  const flag = (how: string) => `window.__pwned='${tag}-${how}'`;
  return [
    `${tag}:`,
    "{{ 6*7 }}",
    `<img src=x onerror="${flag("img")}">`,
    `<script>${flag("script")}</script>`,
    `<svg onload="${flag("svg")}"></svg>`,
    "<style>*{display:none}</style>",
    `<iframe src="javascript:parent.${flag("iframe")}"></iframe>`,
    `[x](javascript:${flag("md")})`,
    `<a href="javascript:${flag("a")}">a</a>`,
    '<img src="https://example.invalid/p.png">',
    "$$ x^2 $$ --- ::right:: `code` | Ende",
  ].join(" ");
}

const FIELDS = {
  concept: hostile("Konzepttitel"),
  variant: hostile("Variantentitel"),
  baustein: hostile("Bausteintitel"),
  measure: hostile("Massnahmentitel"),
  summary: hostile("Beschreibung"),
  chance: hostile("Chance"),
  risk: hostile("Risiko"),
  contact: hostile("Kontaktperson"),
  hours: hostile("Sprechzeiten"),
};

/** The speaker's own notes: only in the presenter view, the notes pages and deck-data.json, never on a slide. */
const NOTES = {
  measure: hostile("Massnahmennotiz"),
  baustein: hostile("Bausteinnotiz"),
  intro: hostile("Einfuehrungsnotiz"),
  variant: hostile("Variantennotiz"),
};

const enabled = requireChromium();
const dir = mkdtempSync(join(tmpdir(), "deck-inert-"));
const content = join(dir, "content");
const out = join(dir, "out");
let variant = "";
let data: DeckData;
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
  cpSync(fixtureConcept(), content, { recursive: true });
  const clean = loadConceptSync(content);
  // The first Baustein that has a Maßnahme, and a variant that shows all of it.
  const b = clean.bausteine.find((x) => x.measures.length > 0)!;
  const file = readdirSync(join(content, "bausteine")).sort()[clean.bausteine.indexOf(b)]!;
  edit(join(content, "bausteine", file), (doc) => {
    doc.set("title", FIELDS.baustein);
    doc.setIn(["measures", 0, "title"], FIELDS.measure);
    doc.setIn(["measures", 0, "summary"], [FIELDS.summary]);
    doc.set("chances", [FIELDS.chance]);
    doc.set("risks", [FIELDS.risk]);
    doc.set("notes", [NOTES.baustein]);
    doc.setIn(["measures", 0, "notes"], [NOTES.measure, "Zweiter Absatz."]);
  });
  edit(join(content, "concept.yaml"), (doc) => {
    doc.set("title", FIELDS.concept);
    doc.setIn(["intro", 0, "notes"], [NOTES.intro]);
    doc.set("contact", { person: FIELDS.contact, hours: FIELDS.hours, email: "team@stadt.example" });
  });
  variant = "alles";
  writeFileSync(
    join(content, "decks", `${variant}.yaml`),
    `title: ${JSON.stringify(FIELDS.variant)}\noccasion: Prüfung\nsections: [title, intro, overview, bausteine, status, closing]\nblocks: [${b.id}]\nnotes: [${JSON.stringify(NOTES.variant)}]\n`,
  );
  build = spawnSync(join(root, "node_modules", ".bin", "tsx"), ["scripts/build.ts"], {
    cwd: join(root, "apps", "deck"),
    env: { ...process.env, CONTENT_DIR: content, DECK_OUT_DIR: out, DECK_VARIANTS: variant },
    encoding: "utf8",
  });
  data = JSON.parse(readFileSync(join(out, variant, "deck-data.json"), "utf8")) as DeckData;
  server = await serveStatic(out);
  browser = await launch();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A page that records every request to another host and every dialog a script might open. */
async function open(path: string): Promise<{ page: Page; foreign: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  const foreign: string[] = [];
  page.on("request", (r) => {
    const url = r.url();
    if (!url.startsWith(server.url) && !url.startsWith("data:") && !url.startsWith("blob:")) foreign.push(url);
  });
  page.on("dialog", (d) => {
    foreign.push(`Dialog: ${d.message()}`);
    void d.dismiss();
  });
  await page.goto(`${server.url}/${variant}/index.html${path}`);
  return { page, foreign };
}

const pwned = (page: Page) => page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned);
/** Elements a payload would create if it were ever parsed as HTML. */
const injected = (page: Page) =>
  page.evaluate(
    () =>
      document.querySelectorAll(
        'img[src="x"], img[src^="https://example"], iframe, svg[onload], style:not([id]):not([data-vite-dev-id])',
      ).length,
  );
const slideNo = (pred: (s: DeckData["slides"][number]) => boolean) => data.slides.findIndex(pred) + 1;

describe.skipIf(!enabled)("text from content stays inert in every place of the deck", () => {
  it("builds content whose titles hold HTML, template syntax and a relative image source (exit 0)", () => {
    expect(build.stderr).toBe("");
    expect(build.status).toBe(0);
    expect(data.title).toBe(FIELDS.variant);
  });

  it("compiles no text of the content into the site: it is only in deck-data.json", () => {
    const files: string[] = [];
    const walk = (d: string) => {
      for (const e of readdirSync(d, { withFileTypes: true }))
        e.isDirectory() ? walk(join(d, e.name)) : files.push(join(d, e.name));
    };
    walk(join(out, variant));
    for (const mark of ["Massnahmentitel", "Massnahmennotiz", "Bausteinnotiz", "Einfuehrungsnotiz", "Variantennotiz"]) {
      const withText = files.filter((f) => readFileSync(f, "latin1").includes(mark));
      expect(
        withText.map((f) => f.slice(out.length + 1)),
        mark,
      ).toEqual([`${variant}/deck-data.json`]);
    }
  });

  it("shows every field literally on its slides and runs nothing", async () => {
    const checks: [number, string, string][] = [
      [1, ".cover-title", FIELDS.variant],
      [slideNo((s) => s.kind === "baustein"), ".section-title", FIELDS.baustein],
      [slideNo((s) => s.kind === "baustein"), ".section-kicker", FIELDS.concept],
      [slideNo((s) => s.kind === "measure"), "h1", FIELDS.measure],
      [slideNo((s) => s.kind === "measure"), ".measure-text", FIELDS.summary],
      [slideNo((s) => s.kind === "chances-risks"), ".chances li", FIELDS.chance],
      [slideNo((s) => s.kind === "chances-risks"), ".risks li", FIELDS.risk],
      [slideNo((s) => s.kind === "closing"), ".closing-contact-person", FIELDS.contact],
      [slideNo((s) => s.kind === "closing"), ".closing-contact p:nth-of-type(3)", `Sprechzeiten: ${FIELDS.hours}`],
    ];
    const { page, foreign } = await open("#/1");
    for (const [no, selector, text] of checks) {
      await page.goto(`${server.url}/${variant}/index.html#/${no}`);
      const el = page.locator(`.slidev-page-${no} .concept-slide ${selector}`).first();
      await el.waitFor();
      expect(plain(await el.innerText()), `Folie ${no} ${selector}`).toBe(text);
    }
    // The timeline labels (SVG text) and the plan table show the Maßnahme's title too.
    const status = slideNo((s) => s.kind === "status");
    await page.goto(`${server.url}/${variant}/index.html#/${status}`);
    await page.locator(`.slidev-page-${status} .row-title`).first().waitFor();
    expect(plain((await page.locator(`.slidev-page-${status} .timeline-svg`).textContent()) ?? "")).toContain(
      plain(FIELDS.measure),
    );
    expect(await injected(page)).toBe(0);
    expect(await pwned(page)).toBeUndefined();
    expect(foreign).toEqual([]);
    await page.close();
  });

  it("shows the titles literally in Slidev's go-to dialog", async () => {
    const { page, foreign } = await open("#/1");
    await page.locator(".slidev-page-1 .cover-title").waitFor();
    for (const [query, title] of [
      ["Massnahmentitel", FIELDS.measure],
      ["Variantentitel", FIELDS.variant],
      ["Bausteintitel", data.slides[slideNo((s) => s.kind === "baustein") - 1]!.title],
    ] as const) {
      await page.keyboard.press("g");
      const input = page.locator("#slidev-goto-input");
      await input.waitFor();
      await input.fill(query);
      await page.locator("#slidev-goto-dialog li").first().waitFor();
      const items = (await page.locator("#slidev-goto-dialog li").allInnerTexts()).map(plain);
      expect(
        items.some((t) => t.endsWith(plain(title))),
        items.join("\n"),
      ).toBe(true);
      await page.keyboard.press("Escape");
    }
    expect(await injected(page)).toBe(0);
    expect(await pwned(page)).toBeUndefined();
    expect(foreign).toEqual([]);
    await page.close();
  });

  it("shows every slide's text in the quick overview (o) without running it", async () => {
    const { page, foreign } = await open("#/1");
    await page.locator(".slidev-page-1 .cover-title").waitFor();
    await page.keyboard.press("o");
    const measure = slideNo((s) => s.kind === "measure");
    const thumb = page.locator(`.slidev-page-${measure} .concept-slide h1`).last();
    await thumb.waitFor();
    await page.waitForFunction(() => document.querySelectorAll(".concept-slide").length > 3);
    expect(plain(await thumb.innerText())).toBe(FIELDS.measure);
    expect(await injected(page)).toBe(0);
    expect(await pwned(page)).toBeUndefined();
    expect(foreign).toEqual([]);
    await page.close();
  });

  it("shows the notes literally in the presenter view, on the hostile slide", async () => {
    const plan = slideNo((s) => s.kind === "plan");
    const { page, foreign } = await open(`#/presenter/${plan}`);
    const note = page.locator(".slidev-note").first();
    await note.waitFor();
    const expected = data.slides[plan - 1]!.notes.join("\n\n");
    expect(expected).toContain(FIELDS.measure);
    expect(plain(await note.innerText())).toBe(plain(expected));
    const measure = slideNo((s) => s.kind === "measure");
    await page.goto(`${server.url}/${variant}/index.html#/presenter/${measure}`);
    await page.waitForFunction(
      (t) => document.querySelector(".slidev-note")?.textContent?.includes(t),
      FIELDS.baustein,
      { timeout: 10_000 },
    );
    expect(await injected(page)).toBe(0);
    expect(await pwned(page)).toBeUndefined();
    expect(foreign).toEqual([]);
    await page.close();
  });

  it("shows the speaker's own notes literally and first in the presenter view, then the generated ones", async () => {
    const places: [number, string][] = [
      [1, NOTES.variant],
      [slideNo((s) => s.kind === "intro"), NOTES.intro],
      [slideNo((s) => s.kind === "baustein"), NOTES.baustein],
      [slideNo((s) => s.kind === "measure"), NOTES.measure],
    ];
    const { page, foreign } = await open("#/presenter/1");
    for (const [no, own] of places) {
      await page.goto(`${server.url}/${variant}/index.html#/presenter/${no}`);
      const notes = data.slides[no - 1]!.notes;
      expect(notes[0], `Folie ${no}`).toBe(own);
      expect(notes.length, `Folie ${no}`).toBeGreaterThan(1);
      await page.waitForFunction(
        (t) => document.querySelector(".slidev-note")?.textContent?.startsWith(t),
        own.slice(0, 20),
        { timeout: 10_000 },
      );
      const shown = plain(await page.locator(".slidev-note").first().innerText());
      expect(shown, `Folie ${no}`).toBe(plain(notes.join("\n\n")));
      expect(shown.startsWith(plain(own)), `Folie ${no}`).toBe(true);
    }
    expect(await injected(page)).toBe(0);
    expect(await pwned(page)).toBeUndefined();
    expect(foreign).toEqual([]);
    await page.close();
  });

  it("shows titles and notes literally in Slidev's slide overview page and notes page", async () => {
    const { page, foreign } = await open("#/overview");
    await page.waitForFunction((t) => document.body.innerText.replace(/\u00AD/g, "").includes(t), FIELDS.measure, {
      timeout: 20_000,
    });
    const plan = slideNo((s) => s.kind === "plan");
    await page.goto(`${server.url}/${variant}/index.html#/${plan}`);
    await page.goto(`${server.url}/${variant}/index.html#/notes`);
    await page.waitForFunction(() => document.querySelector(".slidev-note"), undefined, { timeout: 20_000 });
    // The notes page follows the slide the deck is on: the Maßnahme's slide shows its speaker's notes first.
    const measureSlide = slideNo((s) => s.kind === "measure");
    await page.goto(`${server.url}/${variant}/index.html#/${measureSlide}`);
    // The deck is on that slide (the notes page reads where the deck is) before the notes page opens.
    await page.locator(`.slidev-page-${measureSlide}`).first().waitFor({ timeout: 20_000 });
    await page.goto(`${server.url}/${variant}/index.html#/notes`);
    await page.waitForFunction((t) => document.body.innerText.includes(t), NOTES.measure.slice(0, 20), {
      timeout: 20_000,
    });
    // The notes print-out has every slide's notes, the speaker's own among them, as text.
    await page.goto(`${server.url}/${variant}/index.html#/presenter/print`);
    await page.locator(".notes-print-slide").first().waitFor({ timeout: 20_000 });
    const printed = plain(await page.locator(".notes-print").innerText());
    for (const own of Object.values(NOTES)) expect(printed).toContain(plain(own));
    // The print-out's own page style is the one style element of its own; a payload's would hide everything.
    expect(
      await page.evaluate(
        () =>
          [...document.querySelectorAll("style:not([id]):not([data-vite-dev-id])")].filter(
            (e) => !e.textContent?.includes("@page { size: A4"),
          ).length,
      ),
    ).toBe(0);
    expect(
      await page.evaluate(
        () => document.querySelectorAll('img[src="x"], img[src^="https://example"], iframe, svg[onload]').length,
      ),
    ).toBe(0);
    expect(await pwned(page)).toBeUndefined();
    await page.goto(`${server.url}/${variant}/index.html#/notes`);
    await page.waitForFunction(() => document.querySelector(".slidev-note"), undefined, { timeout: 20_000 });
    expect(await injected(page)).toBe(0);
    expect(await pwned(page)).toBeUndefined();
    expect(foreign).toEqual([]);
    await page.close();
  });

  it("keeps the browser tab's title exactly the variant's title", async () => {
    const { page, foreign } = await open("#/1");
    await page.locator(".slidev-page-1 .cover-title").waitFor();
    await page.waitForFunction((t) => document.title === t, FIELDS.variant, { timeout: 10_000 });
    expect(await pwned(page)).toBeUndefined();
    expect(foreign).toEqual([]);
    await page.close();
  });

  it("prints every field literally into the PDF and names the bookmarks by the plain titles", async () => {
    const text = letters(pdfText(join(out, `${variant}.pdf`)));
    for (const [field, value] of Object.entries(FIELDS)) expect(text, field).toContain(letters(value));
    const pdf = await PDFDocument.load(readFileSync(join(out, `${variant}.pdf`)));
    expect(bookmarks(pdf)).toEqual(data.slides.map((s) => s.title));
  });
});

/** The titles of a PDF's top-level bookmarks, decoded. */
export function bookmarks(pdf: PDFDocument): string[] {
  const outlines = pdf.catalog.lookup(PDFName.of("Outlines"), PDFDict);
  const titles: string[] = [];
  let item = outlines?.lookupMaybe(PDFName.of("First"), PDFDict);
  while (item) {
    const t = item.lookup(PDFName.of("Title"));
    titles.push(t instanceof PDFHexString || t instanceof PDFString ? t.decodeText() : String(t));
    item = item.lookupMaybe(PDFName.of("Next"), PDFDict);
  }
  return titles;
}
