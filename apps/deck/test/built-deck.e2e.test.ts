/**
 * The decks of a fixture concept (long names and titles, an empty Baustein, variants that select and reorder
 * Bausteine), built as the root build builds them, in a real Chromium and as PDFs: every slide of every variant
 * with its kind and facts, nothing outside the slide, no request to another host, the presenter notes, the
 * portal link; one 16:9 page per slide with the document's metadata, the brand font only, every fact, a clickable
 * link and the slide numbers. Whatever the fixture says is taken from its model, never typed here.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  documentMetadata,
  footerLine,
  formatPlanDate,
  formatPublished,
  formatStand,
  formatStatus,
} from "@dus-opendata/concept";
import { type StaticServer, serveStatic } from "@dus-opendata/serve";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DeckData } from "../src/deck-data.js";
import {
  buildDecks,
  fixtureConcept,
  launch,
  letters,
  loadFixture,
  pdfFonts,
  pdfInfo,
  pdfText,
  plain,
  requireChromium,
} from "./support.js";

const concept = loadFixture();
const enabled = requireChromium();
const out = mkdtempSync(join(tmpdir(), "deck-built-"));
let build: ReturnType<typeof buildDecks>;
let browser: Browser;
let server: StaticServer;
const data = (id: string) => JSON.parse(readFileSync(join(out, id, "deck-data.json"), "utf8")) as DeckData;

beforeAll(async () => {
  if (!enabled) return;
  build = buildDecks(fixtureConcept(), out);
  server = await serveStatic(out);
  browser = await launch();
}, 600_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(out, { recursive: true, force: true });
});

describe.skipIf(!enabled)("decks of a fixture concept", () => {
  it("build every variant (exit 0), one line per output", () => {
    expect(build.stderr).toBe("");
    expect(build.status).toBe(0);
    for (const d of concept.decks) {
      expect(build.stdout).toContain(`Präsentation ${d.id}: Website`);
      expect(build.stdout).toMatch(new RegExp(`Präsentation ${d.id}: PDF`));
    }
  });
});

describe.skipIf(!enabled).each(concept.decks.map((d) => d.id))("the variant %s", (id) => {
  it("says German in its index.html itself, before any script runs", () => {
    const html = readFileSync(join(out, id, "index.html"), "utf8");
    expect(html).toMatch(/^<!DOCTYPE html>\s*<html lang="de" dir="ltr">/i);
    expect(html).not.toMatch(/lang="en"/);
  });

  it("shows every slide with its kind and facts, nothing outside the slide, no other host asked", async () => {
    const d = data(id);
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
    await page.waitForSelector(".slidev-page-1 .concept-slide");
    await page.evaluate(() => document.fonts.ready);
    expect(await page.title()).toBe(d.title);
    expect(await page.getAttribute("html", "lang")).toBe("de");
    for (const [i, spec] of d.slides.entries()) {
      const n = i + 1;
      if (n > 1) await page.keyboard.press("ArrowRight");
      await page.waitForFunction((no) => location.hash.startsWith(`#/${no}`), n);
      const current = page.locator(`.slidev-page-${n} .concept-slide`);
      await current.waitFor();
      expect(await current.getAttribute("data-kind"), `Folie ${n}`).toBe(spec.kind);
      const footer = plain(await page.locator(`.slidev-page-${n} .deck-footer`).innerText());
      expect(footer).toContain(`${n} / ${d.slides.length}`);
      expect(footer).toContain(`Stand: ${formatStand(concept.stand)}`);
      expect(footer).toContain(footerLine(concept));
      if (spec.kind === "measure") {
        const m = concept.bausteine.flatMap((b) => b.measures).find((x) => x.id === spec.ref?.measure)!;
        expect(plain(await current.locator("h1").innerText())).toBe(m.title);
        const box = plain(await current.locator(".status-box").innerText());
        expect(box).toContain(`Status ${formatStatus(m.status)}`);
        expect(box).toContain(`Datum (Plan) ${formatPlanDate(m.planned)}`);
        expect(box).toContain(`Veröffentlicht ${formatPublished(m.published)}`);
      }
    }
    expect(errors).toEqual([]);
    expect(foreign).toEqual([]);
    await context.close();
  });

  it("puts the notes from the data into the presenter view", async () => {
    const d = data(id);
    const context = await browser.newContext({ viewport: { width: 1600, height: 900 } });
    const page = await context.newPage();
    const n = d.slides.findIndex((s) => s.kind === "measure" || s.kind === "baustein") + 1;
    await page.goto(`${server.url}/${id}/index.html#/presenter/${n}`);
    await page.waitForSelector(".slidev-presenter");
    const note = page.locator(".slidev-note p").first();
    await note.waitFor();
    expect(await note.textContent()).toBe(d.slides[n - 1]!.notes.join("\n\n"));
    await context.close();
  });

  it("explains in each timeline's legend every mark the chart draws, drawn alike, and no other", async () => {
    const d = data(id);
    const variant = concept.decks.find((v) => v.id === id)!;
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/${id}/index.html?print=true#/print`);
    await page.waitForFunction(
      (n) => document.querySelectorAll(".print-slide-container .concept-slide").length >= n,
      d.slides.length,
    );
    await page.evaluate(() => document.fonts.ready);
    const slides = await page.$$eval(".print-slide-container", (containers) =>
      containers.map((c) => {
        const svg = c.querySelector("svg.timeline-svg");
        const drawn = [...(svg?.querySelectorAll<SVGElement>("[data-mark]") ?? [])].flatMap((e) =>
          (e.dataset.mark ?? "").split(" "),
        );
        const legend = [...c.querySelectorAll<HTMLElement>(".legend-marks li")].map((li) => li.dataset.mark ?? "");
        const style = (sel: string) => {
          const e = c.querySelector(sel);
          return e ? getComputedStyle(e) : undefined;
        };
        const bar = style("rect[data-mark~='overdue']");
        const swatch = style(".legend-swatch.mark-overdue");
        const open = svg?.querySelector("rect[data-mark='open']");
        const stand = style(".stand-line");
        return {
          kind: c.querySelector(".concept-slide")?.getAttribute("data-kind"),
          drawn: [...new Set(drawn)].sort(),
          legend,
          legendText: [...c.querySelectorAll<HTMLElement>(".legend-marks li")].map((li) => li.textContent?.trim()),
          overdue:
            bar && swatch ? { stroke: bar.stroke, border: swatch.borderTopColor, width: swatch.borderTopWidth } : null,
          open: open
            ? { bar: open.getAttribute("fill-opacity"), swatch: style(".legend-swatch.mark-open")?.opacity }
            : null,
          stand: stand ? { line: stand.stroke, swatch: style(".legend-swatch.mark-stand")?.backgroundColor } : null,
          text: c.textContent ?? "",
          orange: [...c.querySelectorAll(".overdue, .overdue-box, rect.overdue")].length,
        };
      }),
    );
    const status = slides.filter((s) => s.kind === "status");
    expect(status.length).toBe(d.slides.filter((s) => s.kind === "status").length);
    for (const s of status) {
      expect(s.legend.slice().sort()).toEqual(s.drawn);
      expect(s.legend.at(-1)).toBe("stand");
      expect(s.legendText.at(-1)).toBe(`Stand ${formatStand(concept.stand)}`);
      expect(s.stand?.line).toBe(s.stand?.swatch);
      if (s.open) expect(Number(s.open.swatch)).toBe(Number(s.open.bar));
      if (s.overdue) {
        expect(s.overdue.border).toBe(s.overdue.stroke);
        expect(s.overdue.width).toBe("3px");
        expect(s.legendText).toContain("überfällig");
      }
    }
    const notesSay = d.slides.some((s) =>
      s.notes.some((n) => /überfällig/i.test(n) && !/^Nicht|^Nichts|^Keine/.test(n)),
    );
    if ((variant.overdue ?? "folien") === "notizen") {
      // Only the presenter sees it: no mark and no word on any slide, the notes still say it.
      expect(notesSay).toBe(true);
      for (const s of slides) {
        expect(s.orange, s.kind ?? "").toBe(0);
        expect(s.text).not.toMatch(/überfällig/i);
      }
    } else if (status.length && notesSay) {
      expect(status.some((s) => s.overdue)).toBe(true);
      expect(slides.reduce((n, s) => n + s.orange, 0)).toBeGreaterThan(0);
    }
    await context.close();
  });

  it("links the portal on the closing slide, with a name that says where the link leads", async () => {
    const d = data(id);
    const n = d.slides.findIndex((s) => s.kind === "closing") + 1;
    if (n === 0) return;
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/${id}/index.html#/${n}`);
    const link = page.locator(`.slidev-page-${n} .closing-portal a`);
    await link.waitFor();
    expect(await link.getAttribute("href")).toBe(concept.portal);
    expect(await link.getAttribute("aria-label")).toContain(concept.portalName);
    await context.close();
  });

  it("exports one 16:9 page per slide, with the document's metadata", () => {
    const d = data(id);
    const file = join(out, `${id}.pdf`);
    const info = pdfInfo(file);
    const meta = documentMetadata(concept, { title: d.title, occasion: d.occasion, medium: "deck" });
    expect(Number(info.Pages)).toBe(d.slides.length);
    expect(info["Page size"]).toBe("960 x 540 pts");
    expect(info.Title).toBe(meta.title);
    expect(info.Author).toBe(meta.author);
    expect(info.Subject).toBe(meta.subject);
    expect(info.Creator).toBe(meta.creator);
  });

  it("embeds every font, and only the brand font", () => {
    const fonts = pdfFonts(join(out, `${id}.pdf`));
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) {
      expect(f.embedded, f.name).toBe(true);
      expect(f.name).toMatch(/^[A-Z]{6}\+SourceSans3/);
    }
  });

  it("holds every Maßnahme, Chance and Risiko of its slides, the portal link and the slide numbers", () => {
    const d = data(id);
    const file = join(out, `${id}.pdf`);
    const text = letters(pdfText(file));
    for (const s of d.slides) {
      const b = concept.bausteine.find((x) => x.id === s.ref?.baustein);
      if (s.kind === "measure")
        expect(text).toContain(letters(b!.measures.find((x) => x.id === s.ref?.measure)!.title));
      if (s.kind === "chances-risks") for (const t of [...b!.chances, ...b!.risks]) expect(text).toContain(letters(t));
      if (s.kind === "plan") for (const m of b!.measures) expect(text).toContain(letters(m.title));
    }
    const pages = d.slides.length;
    expect(plain(pdfText(file, pages))).toContain(`${pages} / ${pages}`);
    if (d.slides.some((s) => s.kind === "closing")) {
      const raw = readFileSync(file, "latin1");
      expect(raw).toContain(`/URI (${new URL(concept.portal).href})`);
    }
  });
});
