/**
 * Checks a web page that is not a slide deck (the overview page out/index.html) in headless Chromium: axe-core
 * (WCAG 2.1 A and AA), every link and control reachable with Tab and its focus visible, link purpose, and that no
 * request leaves the machine. The page is served from 127.0.0.1; every other request is blocked.
 */
import { createRequire } from "node:module";
import { serveStatic } from "@dus-opendata/serve";
import type { Browser, BrowserContext } from "playwright-core";
import { type CheckResult, plural, quote } from "../report.js";
import { checkLinks, describeViolation } from "./check-site.js";
import { type AxeViolation, type FocusInfo, type LinkInfo, PROBE, WCAG_TAGS } from "./page-probe.js";

const AXE_PATH = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

export async function checkPage(browser: Browser, dir: string): Promise<CheckResult[]> {
  const served = await serveStatic(dir);
  let context: BrowserContext | undefined;
  const foreign = new Set<string>();
  let requests = 0;
  try {
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.addInitScript({ content: PROBE });
    await context.route("**/*", (route) => {
      const url = route.request().url();
      requests++;
      if (url.startsWith(`${served.url}/`) || url.startsWith("data:") || url.startsWith("blob:"))
        return route.continue();
      foreign.add(url);
      return route.abort("blockedbyclient");
    });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const loaded = await page
      .goto(`${served.url}/index.html`)
      .then((r) => !!r?.ok())
      .catch(() => false);
    if (!loaded) return [{ id: "loads", name: "Seite lädt", ok: false, detail: "index.html wurde nicht geladen" }];
    await page.evaluate(() => document.fonts.ready);
    await page.addScriptTag({ path: AXE_PATH });
    const violations = (await page.evaluate(`window.__a11yProbe.axe(${JSON.stringify(WCAG_TAGS)})`)) as AxeViolation[];
    const axeRow: CheckResult = {
      id: "axe-page",
      name: "axe-core WCAG 2.1 AA: Seite",
      ok: violations.length === 0,
      detail: violations.length ? violations.map(describeViolation).join("; ") : "keine Verstöße",
      data: violations,
    };

    // Every element that takes the focus is reached with Tab, in turn, and shows it.
    const focusable = (await page.evaluate(
      `document.querySelectorAll('a[href], button:not([disabled]), input:not([disabled]), select, textarea, [tabindex]:not([tabindex="-1"])').length`,
    )) as number;
    const seen = new Map<number, FocusInfo>();
    for (let i = 0; i < focusable + 5; i++) {
      await page.keyboard.press("Tab");
      const info = (await page.evaluate("window.__a11yProbe.focused()")) as FocusInfo | null;
      if (!info) continue;
      if (seen.has(info.id)) break;
      seen.set(info.id, info);
    }
    const hidden = [...seen.values()].filter((f) => !f.visible);
    const keyboardRow: CheckResult = {
      id: "keyboard-page",
      name: "Tastatur: alles erreichbar, Fokus sichtbar",
      ok: seen.size >= focusable && hidden.length === 0,
      detail:
        seen.size < focusable
          ? `nur ${seen.size} von ${focusable} Bedienelementen per Tab erreicht`
          : hidden.length
            ? `Fokus nicht sichtbar bei ${hidden
                .slice(0, 4)
                .map((f) => `${quote(f.name, 40)} (${f.why})`)
                .join(", ")}`
            : `${plural(focusable, "Bedienelement", "Bedienelemente")} per Tab erreicht, Fokus sichtbar`,
    };

    const links = new Map<string, { link: LinkInfo; slides: number[] }>();
    for (const link of (await page.evaluate("window.__a11yProbe.links()")) as LinkInfo[])
      links.set(`${link.href}\n${link.name}`, { link, slides: [1] });
    const external = [...links.values()].filter(({ link }) => !link.href.startsWith(`${served.url}/`));
    const linksRow = checkLinks(links);
    const relativeRow: CheckResult = {
      id: "links-local",
      name: "Verweise innerhalb der Seite",
      ok: external.length === 0,
      detail: external.length
        ? `${plural(external.length, "Verweis führt", "Verweise führen")} woandershin: ${external
            .slice(0, 3)
            .map((l) => l.link.href)
            .join(", ")}`
        : "jeder Verweis führt zu einer Datei neben der Seite (relativ)",
    };

    const localRow: CheckResult = {
      id: "local-only",
      name: "Nur lokale Anfragen",
      ok: foreign.size === 0,
      detail: foreign.size
        ? `${plural(foreign.size, "Anfrage an einen anderen Rechner", "Anfragen an andere Rechner")} (blockiert): ${[...foreign].slice(0, 3).join(", ")}`
        : `alle ${requests} Anfragen an 127.0.0.1`,
    };
    return [axeRow, keyboardRow, linksRow, relativeRow, localRow];
  } finally {
    await context?.close();
    await served.close();
  }
}
