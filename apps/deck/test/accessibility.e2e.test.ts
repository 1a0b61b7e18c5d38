/**
 * Barrierefreiheit of a deck built from a fixture concept: the tagged PDF read with pdf.js, pdf-lib and poppler
 * (PDF/UA-1: structure, headings, bookmarks, figure, artifacts, metadata, whole words), and the site in a real
 * Chromium (axe-core's WCAG 2.1 A/AA rules on every slide and the presenter view, keyboard navigation, link names).
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Concept, displayAddress, labels, resolveDeck, headingsOf as slideHeadings } from "@dus-opendata/concept";
import { loadConceptSync } from "@dus-opendata/concept/node";
import { type StaticServer, serveStatic } from "@dus-opendata/serve";
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef } from "pdf-lib";
import type { PDFDocumentProxy } from "pdfjs-dist/legacy/build/pdf.mjs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import type { DeckData } from "../src/deck-data.js";
import { STANDARD_ROLES } from "../src/pdf-structure.js";
import { openPdf, type PageReport, readPage, spoken, walk } from "./pdf-read.js";
import { fixtureConcept, hasTool, launch, pdfText, plain, requireChromium, root } from "./support.js";

// In CI both are required: a missing pdftotext fails the tests there instead of skipping them.
const enabled = requireChromium() && (hasTool("pdftotext") || !!process.env.CI);
if (!enabled && !process.env.CI)
  process.stderr.write("\n!!! ÜBERSPRUNGEN: Barrierefreiheit der Folien – Chromium oder pdftotext fehlt. !!!\n\n");
const VARIANTS = ["kurz", "alles"];
/** A compound too long for a column: it breaks with a visible hyphen. "Aufteilung" puts a soft hyphen into the ft ligature. */
const LONG = "Datenbereitstellungsinfrastrukturmodernisierungsvorhabensbeschleunigung";
const CHANCE = `Bessere Aufteilung durch ${LONG} und mehr`;

const dir = mkdtempSync(join(tmpdir(), "deck-a11y-"));
const content = join(dir, "content");
const out = join(dir, "out");
let concept: Concept;
let build: ReturnType<typeof spawnSync>;
let browser: Browser;
let server: StaticServer;
/** Per variant: the data as written (no soft hyphens) and the PDF read with pdf.js, page by page. */
const decks: Record<string, DeckData> = {};
const pdfs: Record<string, { doc: PDFDocumentProxy; pages: PageReport[]; lib: PDFDocument; file: string }> = {};

beforeAll(async () => {
  if (!enabled) return;
  cpSync(fixtureConcept("kleinstadt"), content, { recursive: true });
  // Every kind of slide, and a Chance that needs hyphenation at a line break.
  writeFileSync(
    join(content, "decks", "alles.yaml"),
    "title: Alle Folien\noccasion: Prüfung\nsections: [title, intro, overview, bausteine, status, closing]\n",
  );
  const first = join(content, "bausteine", readdirSync(join(content, "bausteine")).sort()[0]!);
  const doc = parseDocument(readFileSync(first, "utf8"));
  doc.set("chances", [CHANCE]);
  writeFileSync(first, doc.toString());
  build = spawnSync(join(root, "node_modules", ".bin", "tsx"), ["scripts/build.ts"], {
    cwd: join(root, "apps", "deck"),
    env: { ...process.env, CONTENT_DIR: content, DECK_OUT_DIR: out },
    encoding: "utf8",
  });
  concept = loadConceptSync(content);
  for (const v of VARIANTS) {
    decks[v] = resolveDeck(concept, concept.decks.find((d) => d.id === v)!);
    const file = join(out, `${v}.pdf`);
    const pdf = await openPdf(file);
    const pages: PageReport[] = [];
    for (let n = 1; n <= pdf.numPages; n++) pages.push(await readPage(pdf, n));
    pdfs[v] = { doc: pdf, pages, lib: await PDFDocument.load(readFileSync(file)), file };
  }
  server = await serveStatic(out);
  browser = await launch();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  for (const p of Object.values(pdfs)) await p.doc.loadingTask.destroy();
  rmSync(dir, { recursive: true, force: true });
});

const headingsOf = (node: PageReport["tree"]) =>
  walk(node)
    .filter((n) => /^H[1-6]$/.test(n.role))
    .map((n) => `${n.role}: ${spoken(n.text)}`);
const expectedHeadings = (d: DeckData, i: number) => slideHeadings(d.slides[i]!).map((h) => `H${h.level}: ${h.text}`);

describe.skipIf(!enabled)("tagged PDF of a deck (PDF/UA-1)", () => {
  it("builds the fixture's variants without errors", () => {
    expect(build.stderr).toBe("");
    expect(build.status).toBe(0);
  });

  describe.each(VARIANTS)("variant %s", (v) => {
    it("declares PDF/UA-1: version 1.7, XMP with dc:title and pdfuaid:part 1, /Lang de-DE, DisplayDocTitle, MarkInfo", async () => {
      const { doc, lib, file } = pdfs[v]!;
      expect(readFileSync(file).subarray(0, 8).toString("latin1")).toBe("%PDF-1.7");
      const meta = await doc.getMetadata();
      expect(meta.metadata?.get("pdfuaid:part")).toBe("1");
      expect(meta.metadata?.get("dc:title")).toBe(decks[v]!.title);
      expect((meta.info as { Title?: string }).Title).toBe(decks[v]!.title);
      // pdf.js answers with a Map (its declared type still says a plain object).
      expect(((await doc.getMarkInfo()) as unknown as Map<string, boolean> | null)?.get("Marked")).toBe(true);
      expect(lib.catalog.lookup(PDFName.of("Lang"))?.toString()).toBe("(de-DE)");
      const prefs = lib.catalog.lookup(PDFName.of("ViewerPreferences"), PDFDict);
      expect(prefs.lookup(PDFName.of("DisplayDocTitle"))?.toString()).toBe("true");
    });

    it("gives every page structure whose headings are the slide's headings, nested without skips", () => {
      const { pages } = pdfs[v]!;
      const d = decks[v]!;
      expect(pages).toHaveLength(d.slides.length);
      let previous = 0;
      pages.forEach((p, i) => {
        expect(p.tree?.role, `Seite ${i + 1}`).toBe("Document");
        expect(spoken(p.tree?.text ?? "").length, `Seite ${i + 1}`).toBeGreaterThan(0);
        expect(headingsOf(p.tree), `Seite ${i + 1} (${d.slides[i]!.kind})`).toEqual(expectedHeadings(d, i));
        for (const h of headingsOf(p.tree)) {
          const level = Number(h[1]);
          expect(level, `Seite ${i + 1}: ${h}`).toBeLessThanOrEqual(previous + 1);
          previous = level;
        }
      });
    });

    it("writes the reading order into the build manifest: the headings in structure order", () => {
      const manifest = JSON.parse(readFileSync(join(out, ".manifest", "decks.json"), "utf8")) as {
        files: { path: string; readingOrder?: string[] }[];
      };
      const entry = manifest.files.find((f) => f.path.endsWith(`${v}.pdf`));
      const structure = pdfs[v]!.pages.flatMap((p) => headingsOf(p.tree).map((h) => h.slice(4)));
      expect(entry?.readingOrder).toEqual(structure);
      expect(manifest.files.find((f) => f.path.endsWith(`${v}/index.html`))?.readingOrder).toBeUndefined();
    });

    it("has one bookmark per slide, named by the slide's title and pointing at its page", async () => {
      const { doc } = pdfs[v]!;
      const outline = (await doc.getOutline()) ?? [];
      expect(outline.map((o) => o.title)).toEqual(decks[v]!.slides.map((s) => s.title));
      for (const [i, o] of outline.entries()) {
        const dest = o.dest as [{ num: number; gen: number }, ...unknown[]];
        expect(await doc.getPageIndex(dest[0])).toBe(i);
      }
    });

    it("describes the status timeline as a Figure whose Alt names every Maßnahme's status and date", () => {
      const d = decks[v]!;
      const n = d.slides.findIndex((s) => s.kind === "status");
      const slide = d.slides[n]!;
      if (slide.kind !== "status") throw new Error("keine Statusfolie");
      const figures = walk(pdfs[v]!.pages[n]!.tree).filter((x) => x.role === "Figure");
      expect(figures).toHaveLength(1);
      expect(figures[0]!.alt).toBe(slide.timeline.description);
      for (const r of slide.timeline.rows) expect(figures[0]!.alt).toContain(`${r.title} – ${r.status.label}`);
    });

    it("makes the footer and the page number artifacts, outside the structure", () => {
      const d = decks[v]!;
      const total = d.slides.length;
      pdfs[v]!.pages.forEach((p, i) => {
        const number = `${i + 1} / ${total}`;
        expect(spoken(p.artifactText), `Seite ${i + 1}`).toContain(number);
        expect(spoken(p.artifactText)).toContain(d.footer.stand);
        expect(
          walk(p.tree).some((x) => spoken(x.text).includes(number)),
          `Seite ${i + 1}`,
        ).toBe(false);
      });
    });

    it("paints nothing outside marked content and nests no structure in artifacts or artifacts in structure", () => {
      for (const [i, p] of pdfs[v]!.pages.entries()) {
        expect(
          { page: i + 1, unmarked: p.unmarkedPaint, tagInArtifact: p.tagInArtifact, artifactInTag: p.artifactInTag },
          `Seite ${i + 1}`,
        ).toEqual({ page: i + 1, unmarked: 0, tagInArtifact: 0, artifactInTag: 0 });
        expect(p.orphanMcids, `Seite ${i + 1}`).toEqual([]);
      }
    });

    it("maps every non-standard structure type to a standard one (RoleMap)", () => {
      const { lib } = pdfs[v]!;
      const rootDict = lib.catalog.lookup(PDFName.of("StructTreeRoot"), PDFDict);
      const roleMap = rootDict.lookupMaybe(PDFName.of("RoleMap"), PDFDict);
      const used = new Set<string>();
      const visit = (d: PDFDict) => {
        const s = d.lookupMaybe(PDFName.of("S"), PDFName);
        if (s) used.add(s.decodeText());
        const k = d.get(PDFName.of("K"));
        for (const kid of k instanceof PDFArray ? k.asArray() : k ? [k] : []) {
          const x = kid instanceof PDFRef ? lib.context.lookup(kid) : kid;
          if (x instanceof PDFDict && x.lookupMaybe(PDFName.of("Type"), PDFName)?.decodeText() === "StructElem")
            visit(x);
        }
      };
      visit(rootDict);
      const custom = [...used].filter((r) => !STANDARD_ROLES.has(r));
      for (const role of custom) {
        const target = roleMap?.lookupMaybe(PDFName.of(role), PDFName)?.decodeText();
        expect(target && STANDARD_ROLES.has(target), role).toBe(true);
      }
    });

    it("builds lists of LI with Lbl and LBody, tables whose headers have a scope, links with a description", () => {
      const { lib, pages } = pdfs[v]!;
      const nodes = pages.flatMap((p) => walk(p.tree));
      for (const li of nodes.filter((x) => x.role === "LI"))
        for (const kid of li.children) expect(["Lbl", "LBody"]).toContain(kid.role);
      if (v === "alles") expect(nodes.some((x) => x.role === "Table")).toBe(true);
      const ths = lib.context
        .enumerateIndirectObjects()
        .map(([, o]) => o)
        .filter(
          (o): o is PDFDict => o instanceof PDFDict && o.lookupMaybe(PDFName.of("S"), PDFName)?.decodeText() === "TH",
        );
      // The plan table of a Baustein with Maßnahmen: three column headers, and each Maßnahme's title heads its row.
      const plans = decks[v]!.slides.flatMap((s) => (s.kind === "plan" && s.rows.length ? [s.rows.length] : []));
      const scopes = ths.map((th) => {
        // /A is one attribute dictionary or an array of them.
        const a = th.lookup(PDFName.of("A"));
        const dicts = a instanceof PDFArray ? a.asArray().map((x) => lib.context.lookup(x)) : [a];
        return dicts
          .map((x) => (x instanceof PDFDict ? x.lookup(PDFName.of("Scope"))?.toString() : undefined))
          .filter(Boolean);
      });
      expect(scopes.filter((x) => x.length === 1 && x[0] === "/Column")).toHaveLength(plans.length * 3);
      expect(scopes.filter((x) => x.length === 1 && x[0] === "/Row")).toHaveLength(plans.reduce((a, b) => a + b, 0));
      expect(scopes).toHaveLength(plans.length * 3 + plans.reduce((a, b) => a + b, 0));
      const links = lib.getPages().flatMap((p) => p.node.lookupMaybe(PDFName.of("Annots"), PDFArray)?.asArray() ?? []);
      // The closing slide links the portal; a variant without one may have no link at all.
      const closing = decks[v]!.slides.some((s) => s.kind === "closing");
      if (closing) expect(links.length).toBeGreaterThan(0);
      for (const ref of links) {
        const annot = lib.context.lookup(ref, PDFDict);
        expect(annot.lookup(PDFName.of("Contents"))?.toString()).toBeTruthy();
        expect(annot.has(PDFName.of("StructParent"))).toBe(true);
      }
      if (closing)
        expect(nodes.filter((x) => x.role === "Link").map((x) => spoken(x.text))).toContain(
          displayAddress(concept.portal),
        );
    });
  });

  it("extracts whole words: no soft hyphen in pdftotext's or pdf.js's text, though the slide breaks with a hyphen", async () => {
    const data = JSON.parse(readFileSync(join(out, "alles", "deck-data.json"), "utf8")) as DeckData;
    // The slides' text carries soft hyphens for line breaking …
    expect(JSON.stringify(data.slides.filter((s) => s.kind === "chances-risks"))).toContain("\u00AD");
    for (const v of VARIANTS) {
      const text = pdfText(pdfs[v]!.file);
      expect(text.includes("\u00AD"), v).toBe(false);
      expect(pdfs[v]!.pages.some((p) => walk(p.tree).some((n) => n.text.includes("\u00AD")))).toBe(false);
    }
    // … the long word reaches copy and search whole, the ligature keeps its letters …
    const text = pdfText(pdfs.alles!.file).replace(/\s+/g, " ");
    expect(text).toContain(CHANCE);
    // … and the page still shows the hyphen where the word breaks (pdf.js reads the glyphs drawn).
    const page = decks.alles!.slides.findIndex((s) => s.kind === "chances-risks");
    const item = walk(pdfs.alles!.pages[page]!.tree).find((n) => n.role === "LBody" && n.text.includes("Daten"));
    expect(item?.text).toMatch(/\w-\n\w/);
  });
});

// ------------------------------------------------------------------------------------------------------------
const axeSource = () => createRequire(import.meta.url).resolve("axe-core/axe.min.js");

async function axe(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ path: axeSource() });
  const result = (await page.evaluate(() =>
    (
      window as unknown as {
        axe: {
          run: (c: Document, o: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } }),
  )) as { violations: { id: string; nodes: { target: string[] }[] }[] };
  return result.violations.flatMap((x) => x.nodes.map((n) => `${x.id}: ${n.target.join(" ")}`));
}

/** The slide transition (a fade) has ended: mid-fade, text is drawn at part opacity. */
const settled = (page: Page) =>
  page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running"));

async function open(v: string, hash: string, viewport = { width: 1280, height: 720 }): Promise<Page> {
  const page = await browser.newPage({ viewport });
  await page.goto(`${server.url}/${v}/index.html${hash}`);
  return page;
}

describe.skipIf(!enabled)("deck site (WCAG 2.1 AA)", () => {
  it.each(VARIANTS)("variant %s: axe finds no violation on any slide, and the headings are the slide's", async (v) => {
    const d = decks[v]!;
    const page = await open(v, "#/1");
    const found: string[] = [];
    for (const i of d.slides.keys()) {
      const n = i + 1;
      if (n > 1) await page.keyboard.press("ArrowRight");
      const slide = page.locator(`.slidev-page-${n} .concept-slide`);
      await slide.waitFor();
      await settled(page);
      found.push(...(await axe(page)).map((x) => `Folie ${n}: ${x}`));
      const dom = await slide.evaluate((el) =>
        [...el.querySelectorAll("h1, h2, h3, h4, h5, h6")].map((h) => `H${h.tagName[1]}: ${h.textContent ?? ""}`),
      );
      expect(dom.map(plain), `Folie ${n}`).toEqual(expectedHeadings(d, i));
    }
    // The navigation bar, shown while it has the keyboard focus.
    await page.keyboard.press("Tab");
    await settled(page);
    found.push(...(await axe(page)).map((x) => `Navigation: ${x}`));
    expect(found).toEqual([]);
    await page.close();
  });

  it("has no violation in the presenter view", async () => {
    const d = decks.alles!;
    const found: string[] = [];
    for (const n of [1, d.slides.findIndex((s) => s.kind === "measure") + 1]) {
      const page = await open("alles", `#/presenter/${n}`, { width: 1600, height: 900 });
      await page.locator(".slidev-presenter").waitFor();
      await page.locator(".slidev-note").first().waitFor();
      await settled(page);
      found.push(...(await axe(page)).map((x) => `Referentenansicht ${n}: ${x}`));
      await page.close();
    }
    expect(found).toEqual([]);
  });

  it("moves through the slides with the arrow, space and page keys", async () => {
    const page = await open("kurz", "#/1");
    await page.locator(".slidev-page-1 .concept-slide").waitFor();
    const at = async (n: number) => {
      await page.waitForFunction((no) => location.hash.startsWith(`#/${no}`), n);
      await page.locator(`.slidev-page-${n} .concept-slide`).waitFor();
    };
    for (const [key, n] of [
      ["ArrowRight", 2],
      ["Space", 3],
      ["PageDown", 4],
      ["ArrowLeft", 3],
      ["PageUp", 2],
    ] as const) {
      await page.keyboard.press(key);
      await at(n);
    }
    await page.close();
  });

  it("reaches the navigation with Tab, shows it with a visible focus ring, and opens its menu from the keyboard", async () => {
    const page = await open("kurz", "#/2");
    await page.locator(".slidev-page-2 .concept-slide").waitFor();
    const focus = async () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        const nav = el?.closest("nav");
        const bar = nav?.parentElement;
        const s = el ? getComputedStyle(el) : undefined;
        return {
          inNav: !!nav,
          title: el?.getAttribute("title") ?? "",
          barOpacity: bar ? getComputedStyle(bar).opacity : "",
          outline: s ? `${s.outlineStyle} ${Number.parseFloat(s.outlineWidth)}` : "",
        };
      });
    await page.keyboard.press("Tab");
    await page.waitForTimeout(400);
    const first = await focus();
    expect(first.inNav).toBe(true);
    expect(first.barOpacity).toBe("1");
    expect(first.outline).toMatch(/^solid [3-9]/);
    // Every control in the bar is reachable; the settings menu (a button no longer nested in a button) opens.
    const titles: string[] = [first.title];
    for (let i = 0; i < 15 && !titles.includes("More Options"); i++) {
      await page.keyboard.press("Tab");
      titles.push((await focus()).title);
    }
    expect(titles).toContain("More Options");
    expect(await page.evaluate(() => document.querySelectorAll("button button, a button, button a").length)).toBe(0);
    await page.keyboard.press("Enter");
    await page.locator("nav .z-menu").waitFor();
    await page.close();
  });

  it("names the portal link by where it leads (and keeps its visible text in the name)", async () => {
    const d = decks.alles!;
    const n = d.slides.findIndex((s) => s.kind === "closing") + 1;
    const page = await open("alles", `#/${n}`);
    const link = page.locator(`.slidev-page-${n} .closing-portal a`);
    await link.waitFor();
    const name = await link.getAttribute("aria-label");
    const visible = plain(await link.innerText());
    expect(visible).toBe(displayAddress(concept.portal));
    expect(name).toBe(`${concept.portalName} ${visible} (${labels.opensNewWindow})`);
    await page.close();
  });
});
