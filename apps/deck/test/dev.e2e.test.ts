/**
 * The live preview (`pnpm dev`): editing a content file updates the open deck without a page reload; invalid
 * content shows its problems with file and line, and the preview recovers when the file is fixed; a new
 * Maßnahme adds its slide.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { resolveDeck } from "@dus-opendata/concept";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { fixtureConcept, launch, loadFixture, plain, requireChromium, root } from "./support.js";

const enabled = requireChromium();
const dir = mkdtempSync(join(tmpdir(), "deck-dev-"));
const content = join(dir, "content");
/** The fixture's first variant, which `pnpm dev` opens without an argument, and its first Maßnahme slide. */
const concept = loadFixture();
const variant = concept.decks[0]!;
const outline = resolveDeck(concept, variant);
const slide = outline.slides.findIndex((s) => s.kind === "measure") + 1;
const spec = outline.slides[slide - 1]!;
const baustein = concept.bausteine.find((b) => b.id === spec.ref?.baustein)!;
const index = baustein.measures.findIndex((m) => m.id === spec.ref?.measure);
const file = () =>
  join(content, "bausteine", readdirSync(join(content, "bausteine")).sort()[concept.bausteine.indexOf(baustein)]!);
const port = 3900 + Math.floor(Math.random() * 90);
let server: ChildProcess;
let browser: Browser;
let page: Page;
let log = "";

async function waitForServer(url: string, ms: number) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`Der Vorschau-Server antwortet nicht:\n${log}`);
}

function edit(path: string, change: (doc: ReturnType<typeof parseDocument>) => void) {
  const doc = parseDocument(readFileSync(path, "utf8"));
  change(doc);
  writeFileSync(path, doc.toString());
}

beforeAll(async () => {
  if (!enabled) return;
  cpSync(fixtureConcept(), content, { recursive: true });
  // As `pnpm dev` starts it without a variant: the content folder's first one.
  server = spawn(join(root, "node_modules", ".bin", "tsx"), ["scripts/dev.ts"], {
    cwd: join(root, "apps", "deck"),
    env: { ...process.env, CONTENT_DIR: content, PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout?.on("data", (d) => {
    log += d;
  });
  server.stderr?.on("data", (d) => {
    log += d;
  });
  await waitForServer(`http://127.0.0.1:${port}/`, 60_000);
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.goto(`http://127.0.0.1:${port}/#/${slide}`);
  await page.locator(`.slidev-page-${slide} .concept-slide h1`).waitFor({ timeout: 90_000 });
  // A marker that a page reload would lose.
  await page.evaluate(() => {
    (window as unknown as { __noReload: boolean }).__noReload = true;
  });
}, 200_000);

afterAll(async () => {
  await browser?.close();
  server?.kill("SIGTERM");
  rmSync(dir, { recursive: true, force: true });
});

const noReload = () => page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload);

describe.skipIf(!enabled)("live preview", () => {
  it("opens the content folder's first variant and names the folder", () => {
    expect(log).toContain(`Vorschau der Variante „${variant.id}“ aus ${content}/`);
  });

  it("shows an edited title without reloading the page", async () => {
    const h1 = page.locator(`.slidev-page-${slide} .concept-slide h1`);
    expect(plain(await h1.innerText())).toBe(spec.title);
    edit(file(), (doc) => doc.setIn(["measures", index, "title"], "Ein neuer Titel"));
    await page.waitForFunction(
      (no) =>
        document.querySelector(`.slidev-page-${no} .concept-slide h1`)?.textContent?.replace(/\u00AD/g, "") ===
        "Ein neuer Titel",
      slide,
      { timeout: 10_000 },
    );
    expect(await noReload()).toBe(true);
  });

  it("shows a content error with file and line, and recovers when the file is fixed", async () => {
    const before = readFileSync(file(), "utf8");
    edit(file(), (doc) => doc.setIn(["measures", index, "status"], "erldigt"));
    const alert = page.locator(`.slidev-page-${slide} .content-error`);
    await alert.first().waitFor({ timeout: 10_000 });
    expect(await alert.first().innerText()).toMatch(
      new RegExp(
        `${file().split("/").at(-1)!.replace(".", "\\.")}:\\d+:\\d+ {2}measures\\[${index}\\]\\.status {2}„erldigt“ ist kein gültiger Status`,
      ),
    );
    writeFileSync(file(), before);
    await alert.first().waitFor({ state: "detached", timeout: 10_000 });
    expect(await noReload()).toBe(true);
  });

  it("adds a slide for a Maßnahme the variant now shows", async () => {
    const total = async () => plain(await page.locator(`.slidev-page-${slide} .deck-footer-page`).innerText());
    expect(await total()).toBe(`${slide} / ${outline.slides.length}`);
    const more = concept.bausteine
      .filter((b) => !variant.blocks || variant.blocks.includes(b.id))
      .flatMap((b) => b.measures)
      .find((m) => variant.measures && !variant.measures.includes(m.id));
    if (!more) throw new Error("Die erste Variante der Fixture zeigt schon jede Maßnahme.");
    edit(join(content, "decks", `${variant.id}.yaml`), (doc) => doc.set("measures", [...variant.measures!, more.id]));
    await page.waitForFunction(
      (t) => document.querySelector(".deck-footer-page")?.textContent?.trim().endsWith(`/ ${t}`),
      outline.slides.length + 1,
      { timeout: 15_000 },
    );
  });
});
