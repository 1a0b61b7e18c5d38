/**
 * Checks a built slide site in headless Chromium: axe-core (WCAG 2.1 A and AA) on every slide (`#/N`) and on the
 * presenter view (`#/presenter/1`), keyboard navigation, visible focus on the navigation controls, link purpose,
 * and that no request leaves the machine. The site is served from 127.0.0.1; every other request is blocked.
 */
import { createRequire } from "node:module";
import { deckType } from "@dus-opendata/brand";
import { serveStatic } from "@dus-opendata/serve";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { type CheckResult, formatPages, plural, quote } from "../report.js";
import {
  type AxeViolation,
  type FocusInfo,
  type LinkInfo,
  PROBE,
  type ShrunkBox,
  VAGUE_LINK_TEXTS,
  WCAG_TAGS,
} from "./page-probe.js";

const require = createRequire(import.meta.url);
const AXE_PATH = require.resolve("axe-core/axe.min.js");

export interface SiteTarget {
  /** Folder with the site's index.html. */
  dir: string;
  /** Number of slides (from the build's manifest). */
  slides: number;
  /** How long to wait for a slide to show, in milliseconds. */
  timeout?: number;
}

const IMPACT: Record<string, string> = { minor: "gering", moderate: "mittel", serious: "ernst", critical: "kritisch" };

const SLIDE_TIMEOUT = 15_000;

function slideOf(hash: string): number | undefined {
  const m = /^#\/(\d+)/.exec(hash);
  return m ? Number(m[1]) : undefined;
}

/** Shows slide n by its address and waits until it is visible and its transition has ended. */
async function showSlide(page: Page, n: number): Promise<void> {
  await page.evaluate(`location.hash = "#/${n}"`);
  await page.locator(`.slidev-page-${n}`).first().waitFor({ state: "visible" });
  await page.waitForFunction("window.__a11yProbe.settled()");
}

function runAxe(page: Page): Promise<AxeViolation[]> {
  return page.evaluate(`window.__a11yProbe.axe(${JSON.stringify(WCAG_TAGS)})`) as Promise<AxeViolation[]>;
}

export const describeViolation = (v: AxeViolation) =>
  `${v.id} (${IMPACT[v.impact] ?? v.impact}) ${v.count}×, erstes Ziel ${v.target}`;

/** Violations per slide, slides with the same findings grouped: "Folie 1–38: nested-interactive (ernst) 2×, …". */
export function summariseSlides(perSlide: { slide: number; violations: AxeViolation[] }[]): string {
  const groups = new Map<string, number[]>();
  for (const s of perSlide) {
    if (s.violations.length === 0) continue;
    const key = s.violations.map(describeViolation).join("; ");
    groups.set(key, [...(groups.get(key) ?? []), s.slide]);
  }
  return [...groups].map(([key, slides]) => `Folie ${formatPages(slides)}: ${key}`).join(" · ");
}

async function checkKeyboard(page: Page, slides: number): Promise<CheckResult> {
  const base = { id: "keyboard", name: "Tastatur: Folienwechsel" };
  if (slides < 2) return { ...base, ok: true, detail: "nur eine Folie" };
  await page.evaluate("document.activeElement && document.activeElement.blur()");
  const steps: [string, string, number, number][] = [
    ["ArrowRight", "→", 1, 2],
    ["ArrowLeft", "←", 2, 1],
    ["Space", "Leertaste", 1, 2],
  ];
  const done: string[] = [];
  const failed: string[] = [];
  for (const [key, label, from, to] of steps) {
    if (slideOf(await page.evaluate("location.hash")) !== from) await showSlide(page, from);
    await page.keyboard.press(key);
    const moved = await page
      .waitForFunction(`/^#\\/${to}(?!\\d)/.test(location.hash)`, undefined, { timeout: 3000 })
      .then(() => true)
      .catch(() => false);
    const now = slideOf(await page.evaluate("location.hash"));
    if (moved) {
      done.push(`${label} ${from}→${to}`);
      await page.waitForFunction("window.__a11yProbe.settled()");
    } else failed.push(`${label}: Folie ${from} blieb ${now ?? "?"}, erwartet ${to}`);
  }
  return failed.length
    ? { ...base, ok: false, detail: failed.join("; ") }
    : { ...base, ok: true, detail: done.join(", ") };
}

/** Tabs through the page from the start; every navigation control that takes the focus must show it. */
async function checkFocus(page: Page): Promise<CheckResult> {
  const base = { id: "focus-visible", name: "Tastatur: Fokus sichtbar" };
  await showSlide(page, 1);
  await page.evaluate("document.activeElement && document.activeElement.blur()");
  const seen = new Map<number, FocusInfo>();
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press("Tab");
    await page.waitForFunction("window.__a11yProbe.settled()");
    const info = (await page.evaluate("window.__a11yProbe.focused()")) as FocusInfo | null;
    if (!info) continue;
    if (seen.has(info.id)) break;
    seen.set(info.id, info);
  }
  const controls = [...seen.values()].filter((f) => f.inNav);
  if (controls.length === 0) return { ...base, ok: false, detail: "keine Navigationselemente per Tab erreichbar" };
  const hidden = controls.filter((f) => !f.visible);
  if (hidden.length === 0)
    return { ...base, ok: true, detail: `${controls.length} Navigationselemente per Tab erreicht, Fokus sichtbar` };
  const shown = hidden.slice(0, 4).map((f) => `${quote(f.name, 40)} (${f.why})`);
  return {
    ...base,
    ok: false,
    detail: `Fokus nicht sichtbar bei ${hidden.length} von ${controls.length} Navigationselementen: ${shown.join(", ")}${hidden.length > 4 ? ", …" : ""}`,
    data: { controls },
  };
}

export function checkLinks(links: Map<string, { link: LinkInfo; slides: number[] }>): CheckResult {
  const base = { id: "link-purpose", name: "Linkzweck" };
  const normal = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^\p{L}\p{N} ]/gu, "")
      .trim();
  const vague = new Set(VAGUE_LINK_TEXTS);
  const bad = [...links.values()].filter(({ link }) => !link.name || vague.has(normal(link.name)));
  if (bad.length === 0)
    return {
      ...base,
      ok: true,
      detail: links.size
        ? links.size === 1
          ? "1 Link mit einem Namen, der das Ziel nennt"
          : `${plural(links.size, "Link", "Links")} mit Namen, die das Ziel nennen`
        : "keine Links",
    };
  const shown = bad
    .slice(0, 4)
    .map(
      ({ link, slides }) =>
        `${link.name ? quote(link.name) : "ohne Namen"} → ${link.href} (Folie ${formatPages(slides)})`,
    );
  return {
    ...base,
    ok: false,
    detail: `${bad.length} von ${plural(links.size, "Link", "Links")} ${bad.length === 1 ? "sagt" : "sagen"} nicht, wohin ${bad.length === 1 ? "er führt" : "sie führen"}: ${shown.join(", ")}${bad.length > 4 ? ", …" : ""}`,
  };
}

export async function checkSite(browser: Browser, target: SiteTarget): Promise<CheckResult[]> {
  const served = await serveStatic(target.dir);
  let context: BrowserContext | undefined;
  const foreign = new Set<string>();
  let requests = 0;
  try {
    context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
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
    // Every wait for a slide, a transition or the presenter view gives up after this long.
    page.setDefaultTimeout(target.timeout ?? SLIDE_TIMEOUT);
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    const loaded = await page
      .goto(`${served.url}/index.html#/1`)
      .then(() => page.locator(".slidev-page-1").first().waitFor({ state: "visible" }))
      .then(() => true)
      .catch(() => false);
    if (!loaded)
      return [
        {
          id: "loads",
          name: "Website lädt",
          ok: false,
          detail: `Folie 1 wurde nicht angezeigt${errors.length ? `: ${errors[0]}` : ""}`,
        },
      ];
    await page.addScriptTag({ path: AXE_PATH });

    const keyboard = await checkKeyboard(page, target.slides);
    const focus = await checkFocus(page);

    const perSlide: { slide: number; violations: AxeViolation[] }[] = [];
    const missing: number[] = [];
    const links = new Map<string, { link: LinkInfo; slides: number[] }>();
    const shrunk: { slide: number; boxes: ShrunkBox[] }[] = [];
    for (let n = 1; n <= target.slides; n++) {
      const shown = await showSlide(page, n)
        .then(() => true)
        .catch(() => false);
      if (!shown) {
        missing.push(n);
        continue;
      }
      perSlide.push({ slide: n, violations: await runAxe(page) });
      const boxes = (await (
        await page.waitForFunction(`window.__a11yProbe.shrunk(${deckType.minimum})`)
      ).jsonValue()) as ShrunkBox[];
      if (boxes.length) shrunk.push({ slide: n, boxes });
      for (const link of (await page.evaluate("window.__a11yProbe.links()")) as LinkInfo[]) {
        const key = `${link.href}\n${link.name}`;
        const entry = links.get(key) ?? { link, slides: [] };
        entry.slides.push(n);
        links.set(key, entry);
      }
    }
    const withViolations = perSlide.filter((s) => s.violations.length > 0);
    const slidesRow: CheckResult = {
      id: "axe-slides",
      name: "axe-core WCAG 2.1 AA: Folien",
      ok: withViolations.length === 0 && missing.length === 0,
      detail:
        [
          missing.length ? `nicht angezeigt: Folie ${formatPages(missing)}` : "",
          withViolations.length
            ? `Verstöße auf ${withViolations.length} von ${plural(target.slides, "Folie", "Folien")} – ${summariseSlides(perSlide)}`
            : "",
        ]
          .filter(Boolean)
          .join("; ") || `keine Verstöße auf ${plural(target.slides, "Folie", "Folien")}`,
      data: perSlide,
    };

    await page.evaluate(`location.hash = "#/presenter/1"`);
    const presenterShown = await page
      .waitForFunction("document.querySelector('.slidev-presenter') && window.__a11yProbe.settled()")
      .then(() => true)
      .catch(() => false);
    const presenterViolations = presenterShown ? await runAxe(page) : [];
    const presenterRow: CheckResult = {
      id: "axe-presenter",
      name: "axe-core WCAG 2.1 AA: Referentenansicht",
      ok: presenterShown && presenterViolations.length === 0,
      detail: !presenterShown
        ? "Referentenansicht (#/presenter/1) wurde nicht angezeigt"
        : presenterViolations.length
          ? presenterViolations.map(describeViolation).join("; ")
          : "keine Verstöße",
      data: presenterViolations,
    };

    const localRow: CheckResult = {
      id: "local-only",
      name: "Nur lokale Anfragen",
      ok: foreign.size === 0,
      detail: foreign.size
        ? `${plural(foreign.size, "Anfrage an einen anderen Rechner", "Anfragen an andere Rechner")} (blockiert): ${[...foreign].slice(0, 3).join(", ")}${foreign.size > 3 ? ", …" : ""}`
        : `alle ${requests} Anfragen an 127.0.0.1`,
      data: [...foreign],
    };
    const sizeRow: CheckResult = {
      id: "text-size",
      name: `Schriftgröße: mindestens ${deckType.minimum} px`,
      ok: shrunk.length === 0,
      detail: shrunk.length
        ? shrunk
            .slice(0, 4)
            .map((s) => `Folie ${s.slide}: ${s.boxes.map((b) => `${quote(b.text, 40)} in ${b.size} px`).join(", ")}`)
            .join("; ") + (shrunk.length > 4 ? ", …" : "")
        : `kein Text unter ${deckType.minimum} px`,
      data: shrunk,
    };
    return [slidesRow, presenterRow, keyboard, focus, checkLinks(links), sizeRow, localRow];
  } finally {
    await context?.close();
    await served.close();
  }
}
