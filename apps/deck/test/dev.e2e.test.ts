/**
 * The live preview (`pnpm dev`): editing a content file updates the open deck without a page reload; invalid
 * content shows its problems with file and line, and the preview recovers when the file is fixed; a new
 * Maßnahme adds its slide.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launch, plain, requireChromium, root } from "./support.js";

const enabled = requireChromium();
const dir = mkdtempSync(join(tmpdir(), "deck-dev-"));
const content = join(dir, "content");
const texte = join(content, "bausteine", "01-texte.yaml");
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

function replaceIn(file: string, from: string, to: string) {
  const text = readFileSync(file, "utf8");
  if (!text.includes(from)) throw new Error(`${from} fehlt in ${file}`);
  writeFileSync(file, text.replace(from, to));
}

beforeAll(async () => {
  if (!enabled) return;
  cpSync(join(root, "content"), content, { recursive: true });
  server = spawn(
    join(root, "apps", "deck", "node_modules", ".bin", "slidev"),
    ["slides.md", "--port", String(port), "--open", "false"],
    {
      cwd: join(root, "apps", "deck"),
      env: { ...process.env, CONTENT_DIR: content, DECK_VARIANT: "entscheider" },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  server.stdout?.on("data", (d) => {
    log += d;
  });
  server.stderr?.on("data", (d) => {
    log += d;
  });
  await waitForServer(`http://localhost:${port}/`, 60_000);
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.goto(`http://localhost:${port}/#/7`);
  await page.locator(".slidev-page-7 .concept-slide h1").waitFor({ timeout: 90_000 });
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

describe.skipIf(!enabled)("live preview", () => {
  it("shows an edited title without reloading the page", async () => {
    const h1 = page.locator(".slidev-page-7 .concept-slide h1");
    expect(plain(await h1.innerText())).toBe("Impulse für Entscheider");
    const t = performance.now();
    replaceIn(
      join(content, "bausteine", "02-miteinander-reden.yaml"),
      "title: Impulse für Entscheider",
      "title: Impulse für Amtsleitungen",
    );
    await page.waitForFunction(
      () =>
        document.querySelector(".slidev-page-7 .concept-slide h1")?.textContent?.replace(/\u00AD/g, "") ===
        "Impulse für Amtsleitungen",
      undefined,
      { timeout: 10_000 },
    );
    const ms = performance.now() - t;
    process.stdout.write(`Vorschau aktualisiert nach ${Math.round(ms)} ms\n`);
    expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
  });

  it("shows a content error with file and line, and recovers when the file is fixed", async () => {
    replaceIn(
      join(content, "bausteine", "02-miteinander-reden.yaml"),
      "status: in Arbeit\n    planned: noch nicht geplant",
      "status: erldigt\n    planned: noch nicht geplant",
    );
    const alert = page.locator(".slidev-page-7 .content-error");
    await alert.first().waitFor({ timeout: 10_000 });
    const text = await alert.first().innerText();
    expect(text).toMatch(
      /02-miteinander-reden\.yaml:\d+:\d+ {2}measures\[0\]\.status {2}„erldigt“ ist kein gültiger Status/,
    );
    replaceIn(join(content, "bausteine", "02-miteinander-reden.yaml"), "status: erldigt", "status: in Arbeit");
    await alert.first().waitFor({ state: "detached", timeout: 10_000 });
    expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
  });

  it("adds a slide for a new Maßnahme", async () => {
    const total = async () => plain(await page.locator(".slidev-page-7 .deck-footer-page").innerText());
    expect(await total()).toBe("7 / 12");
    replaceIn(
      join(content, "decks", "entscheider.yaml"),
      "measures: [impulse-fuer-entscheider, aemtergespraeche, offene-arbeitsgruppe]",
      "measures: [impulse-fuer-entscheider, aemtergespraeche, offene-arbeitsgruppe, it-forum]",
    );
    await page.waitForFunction(
      () => document.querySelector(".slidev-page-7 .deck-footer-page")?.textContent?.trim() === "7 / 13",
      undefined,
      { timeout: 15_000 },
    );
    void texte;
  });
});
