/**
 * The editor in Chromium, as a maintainer uses it: change a status (by keyboard alone), add a Maßnahme, reorder
 * Chancen, fix an invalid date after its message, resolve a conflict; the slide and the flyer page beside the form
 * follow the edit. axe-core finds no WCAG 2.1 AA violation in any of these states, focus is visible, and the page
 * makes no request to another host.
 */

import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { STATUS_DEFINITIONS } from "@dus-opendata/concept";
import { CHROMIUM_ARGS } from "@dus-opendata/concept/node";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { editorOn } from "./http.js";
import { chromiumPath, requireChromium } from "./support.js";

const enabled = requireChromium();
const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const FILE = "bausteine/01-informieren.yaml";

let ctx: Awaited<ReturnType<typeof editorOn>>;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const foreign: string[] = [];
const pageErrors: string[] = [];

const text = (rel = FILE) => readFileSync(join(ctx.dir, rel), "utf8");
interface Data {
  title: string;
  measures: Record<string, string | string[]>[] & { title: string; planned: string }[];
  chances: string[];
}
const data = (rel = FILE) => parseDocument(text(rel)).toJS() as Data;

async function axe(p: Page, state: string) {
  await p.addScriptTag({ path: AXE });
  // The slide in the frame is the deck app's page, checked by its own tests (pnpm a11y); here the editor.
  const violations = (await p.evaluate(
    `axe.run({ exclude: [["iframe"]] }, { runOnly: { type: "tag", values: ${JSON.stringify(WCAG)} }, iframes: false }).then(r => r.violations.map(v => v.id + ": " + v.nodes.map(n => n.target.join(" ")).join(", ")))`,
  )) as string[];
  expect(violations, `axe im Zustand „${state}“`).toEqual([]);
}

/** A slide heading's text as the slide sets it: with soft hyphens (U+00AD) wherever the word may break. */
function hyphenable(text: string): RegExp {
  return new RegExp([...text].map((ch) => ch.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("\u00AD?"));
}

async function openPage(hash = "") {
  const p = await context.newPage();
  p.on("pageerror", (e) => pageErrors.push(e.message));
  await p.goto(`${ctx.editor.url}${hash}`);
  await p.getByRole("button", { name: "Speichern", exact: true }).waitFor();
  return p;
}

/** Saved: the page says so and the file on disk changed. */
async function saveAndWait(p: Page) {
  await p.getByRole("button", { name: "Speichern", exact: true }).click();
  await p.locator(".save-result").getByText("Gespeichert:").waitFor();
}

beforeAll(async () => {
  if (!enabled) return;
  ctx = await editorOn("kleinstadt", { deckPreview: true, flyerPreview: true });
  browser = await chromium.launch({ executablePath: chromiumPath, args: [...CHROMIUM_ARGS] });
  // The editor's Content-Security-Policy allows no script but its own; axe-core is added by the test.
  context = await browser.newContext({ viewport: { width: 1500, height: 1000 }, bypassCSP: true });
  // Every request of the editor and of the slide in its frame stays on this machine.
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (/^(https?|wss?):\/\/(127\.0\.0\.1|localhost)(:\d+)?\//.test(url) || /^(data|blob):/.test(url))
      return route.continue();
    foreign.push(url);
    return route.abort("blockedbyclient");
  });
  page = await openPage();
  await ctx.editor.deckPreview?.ready;
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await ctx?.close();
});

describe.skipIf(!enabled)("the editor in the browser", () => {
  it("opens on the concept, every field labelled as the README names it; no violation", async () => {
    await expect(page.locator("#datei-titel").textContent()).resolves.toMatch(/^Konzept/);
    for (const label of ["Titel", "Organisation", "Absender der Fußzeile", "Claim", "Portal", "Stand", "Schlusssatz"])
      expect(await page.getByLabel(label, { exact: true }).count(), label).toBeGreaterThanOrEqual(1);
    await expect(page.getByText("So liest das Werkzeug es:").first().isVisible()).resolves.toBe(true);
    await axe(page, "Konzept");
  });

  it("changes a status by keyboard alone; the file changes in exactly one line", async () => {
    const before = text();
    await page.keyboard.press("Tab"); // skip link
    await page.keyboard.press("Tab"); // Speichern
    // Through the list of files to the Baustein.
    let guard = 0;
    while (guard++ < 10) {
      await page.keyboard.press("Tab");
      const name = await page.evaluate(() => document.activeElement?.textContent ?? "");
      if (name.includes("Baustein 1")) break;
    }
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 2, name: /^Baustein 1/ }).waitFor();
    // The focus is visible wherever the keyboard puts it.
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
    expect(outline).not.toBe("none");
    // To the second Maßnahme, then on to its Status.
    for (guard = 0; guard < 40; guard++) {
      await page.keyboard.press("Tab");
      if ((await page.evaluate(() => document.activeElement?.id)) === "massnahme-1") break;
    }
    await page.keyboard.press("Enter");
    for (guard = 0; guard < 40; guard++) {
      await page.keyboard.press("Tab");
      const label = await page.evaluate(() => (document.activeElement as HTMLSelectElement).labels?.[0]?.textContent);
      if (label === "Status") break;
    }
    const select = page.locator(":focus");
    expect(await select.inputValue()).toBe("in Arbeit");
    await page.keyboard.press("ArrowDown"); // „in Arbeit“ → the next of the scale
    await page.keyboard.press("Control+s");
    await page.locator(".save-result").getByText("Gespeichert:").waitFor();
    const a = before.split("\n");
    const b = text().split("\n");
    expect(b).toHaveLength(a.length);
    // The next status of the scale after „in Arbeit“; one written with a year takes this year.
    const next = STATUS_DEFINITIONS[STATUS_DEFINITIONS.findIndex((d) => d.kind === "in-progress") + 1]!;
    const written = next.withYear ? `${new Date().getFullYear()} ${next.label}` : next.label;
    expect(b.map((l, i) => [a[i], l]).filter(([x, y]) => x !== y)).toEqual([
      ["    status: in Arbeit", `    status: ${written}`],
    ]);
  });

  it("shows the slide of the Maßnahme being edited and its flyer page, and both follow an edit", async () => {
    const frame = page.frameLocator("iframe");
    const title = data().measures[1]!.title as string;
    await frame
      .locator(".slidev-page h1:visible", { hasText: hyphenable(title) })
      .first()
      .waitFor({ timeout: 240_000 })
      .catch(async (e: Error) => {
        // Say what the preview showed instead, for the next look at a run where the slide never came.
        const shown = page.frames().find((f) => f !== page.mainFrame());
        const text = await shown?.evaluate(() => document.body.innerText.slice(0, 600)).catch(() => "(nicht lesbar)");
        throw new Error(`${e.message}\nVorschau: ${shown?.url() ?? "kein Rahmen"}\n${text}`);
      });
    await page.locator("img.flyer-page").waitFor({ timeout: 60_000 });
    expect(await page.locator("img.flyer-page").evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(
      300,
    );
    // The flyer page as the browser has it: its address (an object URL per setting) and its bytes.
    const flyerPicture = () =>
      page.locator("img.flyer-page").evaluate(async (img: HTMLImageElement) => {
        const bytes = new Uint8Array(await (await fetch(img.src)).arrayBuffer());
        let h = 0;
        for (const b of bytes) h = (h * 31 + b) >>> 0;
        return { src: img.src, digest: `${bytes.length}:${h}` };
      });
    const flyerBefore = await flyerPicture();
    const field = page.getByRole("group", { name: /^Maßnahme 2/ }).getByLabel("Titel", { exact: true });
    await field.fill("Rundbrief im neuen Gewand");
    await frame
      .locator(".slidev-page h1:visible", { hasText: hyphenable("Rundbrief im neuen Gewand") })
      .first()
      .waitFor({ timeout: 10_000 });
    // The flyer page that lists the Maßnahme is set anew with the new title: another picture.
    await page.waitForFunction(
      (prev) => document.querySelector<HTMLImageElement>("img.flyer-page")?.src !== prev,
      flyerBefore.src,
      {
        timeout: 20_000,
      },
    );
    expect((await flyerPicture()).digest).not.toBe(flyerBefore.digest);
    await field.fill(title);
    await axe(page, "Baustein mit Maßnahme und Vorschau");
    // The first slide shown compiles the deck's modules in Vite's dev server: on a loaded machine a minute or more.
  }, 360_000);

  it("fixes an invalid date after the message shown at the field", async () => {
    const planned = page.getByRole("group", { name: /^Maßnahme 2/ }).getByLabel("Datum (Plan)", { exact: true });
    // Every date field of a Maßnahme has the name the README and the messages use.
    await page
      .getByRole("group", { name: /^Maßnahme 2/ })
      .getByLabel("Veröffentlicht", { exact: true })
      .waitFor();
    await planned.fill("13/2019");
    const message = page.getByText(/^Den Monat 13 gibt es nicht: Monate gehen von 01 bis 12\./).first();
    await message.waitFor();
    await expect(planned.getAttribute("aria-invalid")).resolves.toBe("true");
    // The loader's message, with its place in the file, at the field and in the list of problems.
    await page.locator(".problems-at", { hasText: "01-informieren.yaml:29:14" }).waitFor();
    await page.getByRole("heading", { name: "Fehler (1)" }).waitFor();
    const described = await planned.evaluate((el) =>
      (el.getAttribute("aria-describedby") ?? "")
        .split(" ")
        .map((id) => document.getElementById(id)?.textContent ?? "")
        .join(" "),
    );
    expect(described).toContain("Den Monat 13 gibt es nicht");
    await axe(page, "Fehler an einem Feld");
    await planned.fill("12/2019");
    await page.getByText("Dezember 2019", { exact: true }).waitFor();
    await page.getByRole("heading", { name: /^Fehler/ }).waitFor({ state: "detached" });
    await expect(planned.getAttribute("aria-invalid")).resolves.toBeNull();
    await saveAndWait(page);
    expect(data().measures[1]!.planned).toBe("12/2019");
  });

  it("adds a Maßnahme: the form names what is missing until it is written", async () => {
    const count = data().measures.length;
    await page.getByRole("button", { name: "Maßnahme hinzufügen" }).click();
    const group = page.getByRole("group", { name: new RegExp(`^Maßnahme ${count + 1}`) });
    await expect(
      group.getByLabel("Titel", { exact: true }).evaluate((el) => el === document.activeElement),
    ).resolves.toBe(true);
    await page.getByText("Das Feld darf nicht leer sein.").first().waitFor();
    await group.getByLabel("Titel", { exact: true }).fill("Sprechstunde im Ortsteil");
    await group.getByLabel("Absatz 1", { exact: true }).fill("Einmal im Quartal kommt das Team in die Ortsteile.");
    await group.getByLabel("Datum (Plan)", { exact: true }).fill("ab Q2/2027");
    await page.getByText("ab 2. Quartal 2027", { exact: true }).waitFor();
    await page.getByRole("heading", { name: /^Fehler/ }).waitFor({ state: "detached" });
    await saveAndWait(page);
    const m = data().measures;
    expect(m).toHaveLength(count + 1);
    expect(m[count]).toEqual({
      id: "neue-massnahme",
      title: "Sprechstunde im Ortsteil",
      summary: ["Einmal im Quartal kommt das Team in die Ortsteile."],
      status: "ohne Angabe",
      planned: "ab Q2/2027",
      published: "noch nicht",
    });
  });

  it("reorders Chancen", async () => {
    const before = data().chances as string[];
    await page.getByRole("button", { name: "Chance 2 nach oben" }).click();
    // The focus stays with the entry that moved.
    await expect(page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).resolves.toBe(
      "Chance 1 nach unten",
    );
    await saveAndWait(page);
    expect(data().chances).toEqual([before[1], before[0], ...before.slice(2)]);
  });

  it("removes the last Chance by keyboard; the others stay as they were", async () => {
    const before = data().chances as string[];
    expect(before.length).toBeGreaterThan(1);
    const remove = page.getByRole("button", { name: `Chance ${before.length} entfernen`, exact: true });
    await remove.focus();
    await page.keyboard.press("Enter");
    await saveAndWait(page);
    expect(data().chances).toEqual(before.slice(0, -1));
  });

  it("resolves a conflict: a file changed on disk and in a second tab, both versions shown, nothing overwritten unasked", async () => {
    const second = await openPage(`#datei=${FILE}&massnahme=1`);
    const title = second.getByRole("group", { name: /^Maßnahme 1/ }).getByLabel("Titel", { exact: true });
    await title.fill("Auftakt im zweiten Fenster");
    // Meanwhile the first tab saves the same file.
    const subtitle = page.getByLabel("Untertitel", { exact: true }).first();
    await subtitle.fill("Aus dem ersten Fenster");
    await saveAndWait(page);
    const firstSaved = text();
    // The second tab hears of it and offers to compare.
    await second.getByRole("button", { name: "Beide Fassungen vergleichen" }).click();
    const dialog = second.getByRole("dialog");
    await dialog.getByRole("heading", { name: `${FILE} wurde anderswo geändert` }).waitFor();
    await expect(dialog.locator("del", { hasText: "Aus dem ersten Fenster" }).count()).resolves.toBe(1);
    await expect(dialog.locator("ins", { hasText: "Auftakt im zweiten Fenster" }).count()).resolves.toBe(1);
    await axe(second, "Konflikt");
    expect(text()).toBe(firstSaved);
    // Saving from the second tab without the comparison is refused as well.
    await dialog.getByRole("button", { name: "Abbrechen" }).click();
    await second.getByRole("button", { name: "Speichern", exact: true }).click();
    await dialog.getByRole("button", { name: "Meine Fassung speichern" }).waitFor();
    expect(text()).toBe(firstSaved);
    await dialog.getByRole("button", { name: "Meine Fassung speichern" }).click();
    await second.locator(".save-result").getByText("Gespeichert:").waitFor();
    expect(data().measures[0]!.title).toBe("Auftakt im zweiten Fenster");
    await second.close();
  });

  it("takes the version on disk when asked, after a change made outside (a git pull)", async () => {
    await page
      .getByRole("group", { name: /^Maßnahme/ })
      .first()
      .waitFor();
    await page.reload();
    await page.getByRole("button", { name: "Speichern", exact: true }).waitFor();
    await page.getByRole("button", { name: /^Baustein 1/ }).click();
    await page
      .getByRole("group", { name: /^Maßnahme 1/ })
      .getByLabel("Titel", { exact: true })
      .fill("Hier geändert");
    const pulled = text().replace(/title: Informieren und beteiligen/, "title: Nach dem Pull");
    writeFileSync(join(ctx.dir, FILE), pulled);
    await page.getByRole("button", { name: "Beide Fassungen vergleichen" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Fassung von der Festplatte übernehmen" }).click();
    await page.getByRole("dialog").waitFor({ state: "hidden" });
    expect(text()).toBe(pulled);
    await expect(
      page
        .getByRole("group", { name: /^Maßnahme 1/ })
        .getByLabel("Titel", { exact: true })
        .inputValue(),
    ).resolves.toBe(data().measures[0]!.title);
  });

  it("edits a variant's selection and a flyer's own text; no violation in their forms", async () => {
    await page.getByRole("button", { name: "Variante „kurz“" }).click();
    await page.getByRole("group", { name: "Maßnahmen mit eigener Folie" }).waitFor();
    await axe(page, "Variante");
    await page.getByRole("button", { name: "Maßnahme 1 entfernen" }).click();
    await saveAndWait(page);
    expect(data("decks/kurz.yaml").measures).toEqual(["befragung", "abschlussbericht"]);
    await page.getByRole("button", { name: /^Flyer „Fragen/ }).click();
    await page.getByLabel("Schlagzeile", { exact: true }).fill("Fragen zum Rathaus?");
    await axe(page, "Flyer");
    await saveAndWait(page);
    expect(data("flyers/sprechstunde.yaml").title).toBe("Fragen zum Rathaus?");
  });

  it("„Alles erzeugen“ shows the build's progress and its German summary", async () => {
    // Saved with an error, so that the build checks, refuses and touches no output of the repository.
    await page.getByRole("button", { name: "Konzept" }).click();
    await page.getByLabel("Stand", { exact: true }).fill("13/2024");
    await saveAndWait(page);
    await expect(page.locator(".save-result .warning").textContent()).resolves.toContain(
      "Der Build wird diese Inhalte ablehnen",
    );
    await page.getByRole("button", { name: "Alles erzeugen" }).click();
    await page
      .locator(".build")
      .getByText("Der Build hat nicht begonnen, weil die gespeicherten Inhalte Fehler haben")
      .waitFor({ timeout: 60_000 });
    await expect(page.getByRole("log").textContent()).resolves.toContain("concept.yaml");
    await axe(page, "nach dem Build");
  });

  it("names its lists and buttons in the concept's own terms: „Verpflichtung hinzufügen“ on eigene-worte", async () => {
    const own = await editorOn("eigene-worte");
    try {
      const p = await context.newPage();
      p.on("pageerror", (e) => pageErrors.push(e.message));
      await p.goto(`${own.editor.url}#datei=bausteine/01-transparenz.yaml`);
      await p.getByRole("button", { name: "Verpflichtung hinzufügen", exact: true }).waitFor();
      // The one without a status is listed as „ohne Angabe“, the one written as a synonym as written.
      await expect(p.locator(".measure-list .measure-status").allTextContents()).resolves.toEqual([
        "abgeschlossen",
        "substanziell",
        "nicht begonnen",
        "verzögert",
        "begrenzt",
        "ohne Angabe",
      ]);
      await expect(p.getByRole("heading", { name: "Verpflichtungen", exact: true }).count()).resolves.toBe(1);
      for (const button of ["Vorteil hinzufügen", "Hürde hinzufügen"])
        await expect(p.getByRole("button", { name: button, exact: true }).count(), button).resolves.toBe(1);
      // The editor's own words (the field descriptions come from the JSON Schema, written in today's words).
      const words = p.getByText(/Maßnahme|Baustein|Chance|Risik/);
      await expect(
        words.evaluateAll((els) => els.filter((e) => !e.closest(".help")).map((e) => e.textContent)),
      ).resolves.toEqual([]);
      await expect(p.getByRole("heading", { name: "Angaben zum Kapitel" }).count()).resolves.toBe(1);
      await p.close();
    } finally {
      await own.close();
    }
  });

  it("made no request to another host and had no script error", () => {
    expect(foreign).toEqual([]);
    expect(pageErrors, pageErrors.join("\n")).toEqual([]);
  });
});
