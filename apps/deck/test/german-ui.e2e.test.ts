/**
 * Slidev's own UI speaks German: the built site of a fixture concept, opened in a real Chromium in every view and
 * state a presenter meets (a slide, the navigation bar shown by the keyboard focus and its menu, the overview in
 * both forms, the go-to dialog with a search, the presenter view and its menu, the notes page and its help, the
 * notes print-out, the start page and the page for an unknown address), and the live preview's presenter view
 * and overview. Each view's visible text nodes, text attributes (`aria-label`, `title`, `alt`, `placeholder`,
 * the targets of `aria-labelledby`) and the names in Playwright's accessibility snapshot are collected; the
 * content's own text (every string of deck-data.json) is taken out; what is left must hold no English word of
 * Slidev's UI. The words are read from Slidev's client source (test/slidev-strings.ts), so a Slidev upgrade that
 * brings a new English label fails here. The fixture's content deliberately contains some of those words.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConceptSync } from "@dus-opendata/concept/node";
import { type StaticServer, serveStatic } from "@dus-opendata/serve";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import type { DeckData } from "../src/deck-data.js";
import { deckDataFor } from "../src/load-deck.js";
import { pristineClient, slidevUiStrings, slidevWords, type UiString, wordsOf } from "./slidev-strings.js";
import { buildDecks, fixtureConcept, launch, plain, requireChromium, root } from "./support.js";

const enabled = requireChromium();
const VARIANT = "gesamt";
/** Words of Slidev's UI inside the content: they are the content's, and must not count as English UI. */
const ENGLISH_TITLE = "Next Steps: Slides und Notes im Overview";

const dir = mkdtempSync(join(tmpdir(), "deck-german-ui-"));
const content = join(dir, "content");
const out = join(dir, "out");
let strings: UiString[] = [];
let words = new Map<string, Set<string>>();
let build: ReturnType<typeof buildDecks>;
let browser: Browser;
let server: StaticServer;
let data: DeckData;
let contentTexts: string[] = [];

beforeAll(async () => {
  const client = pristineClient();
  try {
    strings = slidevUiStrings(client.dir);
  } finally {
    client.dispose();
  }
  words = slidevWords(strings);
  if (!enabled) return;
  cpSync(fixtureConcept("kleinstadt"), content, { recursive: true });
  const file = join(content, "bausteine", readdirSync(join(content, "bausteine")).sort()[0]!);
  const doc = parseDocument(readFileSync(file, "utf8"));
  doc.setIn(["measures", 1, "title"], ENGLISH_TITLE);
  writeFileSync(file, doc.toString());
  build = buildDecks(content, out);
  data = JSON.parse(readFileSync(join(out, VARIANT, "deck-data.json"), "utf8")) as DeckData;
  contentTexts = textsOf(data);
  server = await serveStatic(out);
  browser = await launch();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

// ------------------------------------------------------------------------------------------------------------
// What a view shows and says

interface Piece {
  /** Where the text was found: a text node, an attribute, the document title, the accessibility snapshot. */
  kind: string;
  text: string;
  /** Inside a rendered slide, whose text is the content's (split over elements, hyphenated, wrapped). */
  slide: boolean;
}

/** Runs in the page: every visible text node and every text attribute of a rendered element. */
function collectInPage(): Piece[] {
  const ATTRIBUTES = ["aria-label", "title", "alt", "placeholder", "aria-description", "aria-roledescription"];
  const pieces: Piece[] = [];
  // Opacity does not count: Slidev's navigation bar is transparent until hovered or focused, but always heard.
  const shown = (el: Element) => el.checkVisibility({ visibilityProperty: true });
  const inSlide = (el: Element) => !!el.closest(".slidev-page, .slidev-layout");
  const visit = (start: Node) => {
    const walker = document.createTreeWalker(start, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    for (let node: Node | null = walker.currentNode; node; node = walker.nextNode()) {
      if (node.nodeType === Node.TEXT_NODE) {
        const parent = node.parentElement;
        if (!parent || ["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE"].includes(parent.tagName)) continue;
        if ((node.textContent ?? "").trim() && shown(parent))
          pieces.push({ kind: "Text", text: node.textContent ?? "", slide: inSlide(parent) });
        continue;
      }
      const el = node as Element;
      if (el.shadowRoot) visit(el.shadowRoot);
      if (!shown(el)) continue;
      for (const a of ATTRIBUTES) {
        const value = el.getAttribute(a);
        if (value?.trim()) pieces.push({ kind: a, text: value, slide: inSlide(el) });
      }
      for (const id of (el.getAttribute("aria-labelledby") ?? "").split(/\s+/).filter(Boolean)) {
        const text = document.getElementById(id)?.textContent ?? "";
        if (text.trim()) pieces.push({ kind: "aria-labelledby", text, slide: inSlide(el) });
      }
      if (el instanceof HTMLInputElement && ["button", "submit", "reset"].includes(el.type) && el.value)
        pieces.push({ kind: "value", text: el.value, slide: inSlide(el) });
    }
  };
  visit(document.body);
  pieces.push({ kind: "document.title", text: document.title, slide: false });
  return pieces;
}

/** Names and texts of Playwright's accessibility snapshot (`- button "Name"`, `- text: …`), links' targets left out. */
function snapshotTexts(snapshot: string): string[] {
  const texts: string[] = [];
  const unquote = (s: string) => (s.startsWith('"') ? (JSON.parse(s) as string) : s);
  for (const line of snapshot.split("\n")) {
    const m = /^\s*- (\/?[\w-]+)(?: ("(?:[^"\\]|\\.)*"))?(?: \[[^\]]*\])*:?(?: (.*))?$/.exec(line);
    if (!m || m[1] === "/url") continue;
    if (m[2]) texts.push(unquote(m[2]));
    if (m[3]) texts.push(unquote(m[3].trim()));
  }
  return texts;
}

async function collect(page: Page): Promise<Piece[]> {
  const pieces = await page.evaluate(collectInPage);
  const snapshot = await page.locator("body").ariaSnapshot();
  return [...pieces, ...snapshotTexts(snapshot).map((text) => ({ kind: "Barrierefreiheitsbaum", text, slide: false }))];
}

/** Every string in the deck's data, as a reader sees it (no soft hyphens), longest first. */
function textsOf(value: unknown): string[] {
  const found = new Set<string>();
  const walk = (v: unknown) => {
    if (typeof v === "string") {
      const p = plain(v);
      if (p) found.add(p);
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object") Object.values(v).forEach(walk);
  };
  walk(value);
  return [...found].sort((a, b) => b.length - a.length);
}

const isLetter = (c: string | undefined) => !!c && /\p{L}/u.test(c);

/** `part` occurs in `whole` as whole words (not "Next" inside "Nextcloud"). */
function containsWords(whole: string, part: string): boolean {
  for (let i = whole.indexOf(part); i >= 0; i = whole.indexOf(part, i + 1))
    if (!isLetter(whole[i - 1]) && !isLetter(whole[i + part.length])) return true;
  return false;
}

/** A piece with the content's own text taken out. */
function withoutContent(piece: Piece, texts: readonly string[]): string {
  let rest = plain(piece.text);
  for (const t of texts) if (rest.includes(t)) rest = rest.split(t).join(" ");
  rest = plain(rest);
  // A slide's text is split over elements and lines: a piece that is part of a content string is content.
  if (piece.slide && texts.some((t) => containsWords(t, rest))) return "";
  return rest;
}

interface Finding {
  view: string;
  kind: string;
  text: string;
  words: string[];
}

function englishIn(view: string, pieces: Piece[], texts: readonly string[]): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const p of pieces) {
    const rest = withoutContent(p, texts);
    const english = [...new Set(wordsOf(rest).filter((w) => words.has(w)))];
    const key = `${p.kind}\u0000${rest}`;
    if (english.length && !seen.has(key)) {
      seen.add(key);
      findings.push({ view, kind: p.kind, text: plain(p.text).slice(0, 120), words: english });
    }
  }
  return findings;
}

// ------------------------------------------------------------------------------------------------------------
// Views and states

/** The slide transition and Slidev's own fades have ended. */
const settled = (page: Page) =>
  page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running"));

async function open(base: string, hash: string, ready: string, viewport = { width: 1400, height: 850 }) {
  const page = await browser.newPage({ viewport });
  page.setDefaultTimeout(90_000);
  await page.goto(`${base}${hash}`);
  await page.locator(ready).first().waitFor();
  await settled(page);
  return page;
}

const settingsButton = (page: Page) => page.locator("nav button:has(.i-carbon\\:settings-adjust)").first();

type State = [name: string, hash: string, ready: string, prepare?: (page: Page) => Promise<void>];

const measureSlide = () => data.slides.findIndex((s) => s.kind === "measure") + 1;
const searchWord = () => data.slides[measureSlide() - 1]!.title.split(/\s+/)[0]!;

function states(): State[] {
  const m = measureSlide();
  const last = data.slides.length;
  return [
    ["Folie", `#/${m}`, `.slidev-page-${m} .concept-slide`],
    [
      "Navigationsleiste (Tastaturfokus)",
      `#/${m}`,
      `.slidev-page-${m} .concept-slide`,
      async (page) => {
        await page.keyboard.press("Tab");
        await settled(page);
      },
    ],
    [
      "Menü der Navigationsleiste",
      `#/${m}`,
      `.slidev-page-${m} .concept-slide`,
      async (page) => {
        await page.keyboard.press("Tab");
        await settingsButton(page).focus();
        await page.keyboard.press("Enter");
        await page.locator("nav .z-menu").waitFor();
        await settled(page);
      },
    ],
    [
      "Übersicht (Taste o)",
      `#/${m}`,
      `.slidev-page-${m} .concept-slide`,
      async (page) => {
        await page.keyboard.press("o");
        await page.locator(".z-modal .slidev-page").first().waitFor();
        await settled(page);
      },
    ],
    ["Übersichtsseite", "#/overview", ".overview-slide-block"],
    [
      "Gehe-zu-Dialog mit Suche",
      `#/${m}`,
      `.slidev-page-${m} .concept-slide`,
      async (page) => {
        await page.keyboard.press("g");
        await page.locator("#slidev-goto-input").fill(searchWord());
        await page.locator("#slidev-goto-dialog li").first().waitFor();
        await settled(page);
      },
    ],
    ["Referentenansicht", `#/presenter/${m}`, ".slidev-presenter .slidev-note"],
    [
      "Referentenansicht, Menü offen",
      `#/presenter/${m}`,
      ".slidev-presenter .slidev-note",
      async (page) => {
        await settingsButton(page).focus();
        await page.keyboard.press("Enter");
        await page.locator("nav .z-menu").waitFor();
        await settled(page);
      },
    ],
    ["Referentenansicht, letzte Folie", `#/presenter/${last}`, ".slidev-presenter .slidev-note"],
    ["Notizenseite", "#/notes", ".slidev-note"],
    [
      "Notizenseite, Hilfe offen",
      "#/notes",
      ".slidev-note",
      async (page) => {
        await page.locator("button:has(.i-carbon\\:help)").first().click();
        await page.locator(".z-modal").first().waitFor();
        await settled(page);
      },
    ],
    ["Notizen zum Drucken", "#/presenter/print", "#app h1"],
    ["Startseite der Ansichten", "#/entry", "#app a"],
    ["Unbekannte Adresse", "#/gibt/es/nicht", "#app h1"],
  ];
}

async function findingsOf(base: string, list: State[], texts: readonly string[]) {
  const findings: Finding[] = [];
  for (const [name, hash, ready, prepare] of list) {
    const page = await open(base, hash, ready);
    await prepare?.(page);
    findings.push(...englishIn(name, await collect(page), texts));
    await page.close();
  }
  return findings;
}

const describeFindings = (findings: Finding[]) =>
  findings.map((f) => `${f.view} · ${f.kind}: „${f.text}“ → ${f.words.join(", ")}`);

// ------------------------------------------------------------------------------------------------------------

describe("Slidev's English UI words, read from its client source", () => {
  it("finds the labels of the navigation bar, the presenter view, the notes page, the overview and the dialogs", () => {
    const files = new Set(strings.map((s) => s.file));
    for (const f of ["internals/NavControls.vue", "pages/presenter.vue", "pages/notes.vue", "internals/Goto.vue"])
      expect(files, f).toContain(f);
    // Slidev's own labels, from its unpatched source: the patch is taken off before reading.
    expect(strings).toContainEqual({ file: "internals/NavControls.vue", text: "More Options" });
    expect(strings).toContainEqual({ file: "pages/presenter.vue", text: "Screen Mirror" });
    for (const w of ["next", "current", "slides", "mirror", "options", "overview", "help", "fullscreen", "goto"])
      expect(words.has(w), w).toBe(true);
    expect(words.size).toBeGreaterThan(200);
  });

  it("counts a word of Slidev's UI only outside the content's own text", () => {
    const texts = [ENGLISH_TITLE];
    const piece = (text: string, slide = false): Piece => ({ kind: "Text", text, slide });
    expect(englishIn("x", [piece(ENGLISH_TITLE)], []).flatMap((f) => f.words)).toEqual([
      "next",
      "slides",
      "notes",
      "overview",
    ]);
    expect(englishIn("x", [piece(ENGLISH_TITLE), piece(`Folie 3: ${ENGLISH_TITLE}`)], texts)).toEqual([]);
    // Part of a content string counts as content only inside a slide, and only as whole words.
    expect(englishIn("x", [piece("Next Steps", true)], texts)).toEqual([]);
    expect(englishIn("x", [piece("Next Steps")], texts).flatMap((f) => f.words)).toEqual(["next"]);
    expect(englishIn("x", [piece("Slide", true)], texts).flatMap((f) => f.words)).toEqual(["slide"]);
  });
});

describe.skipIf(!enabled)("German UI of the built deck site", () => {
  it("builds the fixture's decks", () => {
    expect(build.stderr).toBe("");
    expect(build.status).toBe(0);
    expect(contentTexts).toContain(ENGLISH_TITLE);
  });

  it("shows no English word of Slidev's UI in any view or state", async () => {
    const findings = await findingsOf(`${server.url}/${VARIANT}/index.html`, states(), contentTexts);
    expect(describeFindings(findings)).toEqual([]);
  });
});

describe.skipIf(!enabled)("counters and dates", () => {
  it("counts slides in words („Folie 3 von 24“) and shows no click counter of a slide without clicks („0/0“)", async () => {
    const m = measureSlide();
    for (const [hash, ready, no] of [
      [`#/presenter/${m}`, ".slidev-presenter .slidev-note", m],
      ["#/notes", ".slidev-note", 1],
      [`#/${m}`, `.slidev-page-${m} .concept-slide`, m],
    ] as const) {
      const page = await open(`${server.url}/${VARIANT}/index.html`, hash, ready);
      const snapshot = await page.locator("body").ariaSnapshot();
      expect(snapshot, hash).toContain(`Folie ${no} von ${data.slides.length}`);
      expect(snapshot, hash).not.toMatch(/(^|[^\d])0\s*\/\s*0([^\d]|$)/m);
      await page.close();
    }
  });

  it("opens no editor for a note on the overview page: the built site cannot save it", async () => {
    const page = await open(`${server.url}/${VARIANT}/index.html`, "#/overview", ".overview-slide-block");
    const note = page.locator(".slidev-note").first();
    await note.waitFor();
    await note.dblclick();
    await new Promise((r) => setTimeout(r, 300));
    expect(await page.locator("textarea").count()).toBe(0);
    expect(await page.locator("[contenteditable=true]").count()).toBe(0);
    await page.close();
  });

  it("prints every slide's notes from the slide records as text, with the Stand and a German date (#/presenter/print)", async () => {
    const total = data.slides.length;
    const page = await open(`${server.url}/${VARIANT}/index.html`, "#/presenter/print", ".notes-print h1");
    const sections = await page.locator(".notes-print-slide").evaluateAll((els) =>
      els.map((el) => ({
        heading: el.querySelector("h2")?.textContent ?? "",
        notes: [...el.querySelectorAll("p")].map((p) => p.textContent ?? ""),
      })),
    );
    expect(sections.map((x) => plain(x.heading))).toEqual(
      data.slides.map((x, i) => `Folie ${i + 1} von ${total} ${plain(x.title)}`),
    );
    expect(sections.map((x) => x.notes.map(plain))).toEqual(
      data.slides.map((x) => (x.notes.length ? x.notes.map(plain) : ["Keine Notizen zu dieser Folie."])),
    );
    const header = plain(await page.locator(".notes-print-header").innerText());
    expect(header).toContain(data.footer.stand);
    const months = "Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember";
    expect(header).toMatch(new RegExp(`Gedruckt am \\d{1,2}\\. (${months}) \\d{4} um \\d{1,2}:\\d{2} Uhr`));
    const all = await page.locator("body").innerText();
    expect(all).not.toMatch(/\b(AM|PM)\b|\d{1,2}\/\d{1,2}\/\d{4}/);
    expect(await page.evaluate(() => document.title)).toBe(`Notizen zum Drucken – ${data.title}`);
    // The page is longer than the window and scrolls (Slidev's views fill the window and clip).
    expect(await page.evaluate(() => document.scrollingElement!.scrollHeight > innerHeight)).toBe(true);
    await page.close();

    // The same notes as the presenter view shows for a slide.
    const m = measureSlide();
    const presenter = await open(
      `${server.url}/${VARIANT}/index.html`,
      `#/presenter/${m}`,
      ".slidev-presenter .slidev-note",
    );
    expect(plain(await presenter.locator(".slidev-note").first().innerText())).toBe(
      plain(data.slides[m - 1]!.notes.join(" ")),
    );
    await presenter.close();
  });
});

// ------------------------------------------------------------------------------------------------------------
// The live preview (`pnpm dev`) adds controls of its own (editing notes, opening the editor).

describe.skipIf(!enabled)("German UI of the live preview", () => {
  const port = 3990 + Math.floor(Math.random() * 9);
  const base = `http://127.0.0.1:${port}/`;
  let dev: ChildProcess | undefined;
  let log = "";
  let texts: string[] = [];

  beforeAll(async () => {
    const concept = loadConceptSync(content);
    texts = textsOf(deckDataFor(concept, VARIANT));
    dev = spawn(join(root, "node_modules", ".bin", "tsx"), ["scripts/dev.ts", VARIANT], {
      cwd: join(root, "apps", "deck"),
      env: { ...process.env, CONTENT_DIR: content, PORT: String(port) },
      stdio: ["ignore", "pipe", "pipe"],
    });
    dev.stdout?.on("data", (d) => {
      log += d;
    });
    dev.stderr?.on("data", (d) => {
      log += d;
    });
    const end = Date.now() + 90_000;
    for (;;) {
      try {
        if ((await fetch(base)).ok) break;
      } catch {}
      if (Date.now() > end) throw new Error(`Der Vorschau-Server antwortet nicht:\n${log}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }, 200_000);

  afterAll(() => {
    dev?.kill("SIGTERM");
  });

  it("shows no English word of Slidev's UI in the presenter view, its menu, the overview and a slide", async () => {
    const m = measureSlide();
    const list = states().filter(([name]) =>
      [
        "Referentenansicht",
        "Referentenansicht, Menü offen",
        "Übersichtsseite",
        "Navigationsleiste (Tastaturfokus)",
      ].includes(name),
    );
    expect(list.map(([, hash]) => hash)).toContain(`#/presenter/${m}`);
    const findings = await findingsOf(base, list, texts);
    expect(describeFindings(findings)).toEqual([]);
  });
});
