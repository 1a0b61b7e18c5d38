/**
 * The site checks in real headless Chromium against two tiny hash-routed pages served from 127.0.0.1: one clean,
 * one with a known fault for every check (see the comments in test/fixtures/sites/bad/index.html).
 */
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumPath, requireChromium } from "../../test/chromium.js";
import type { CheckResult } from "../report.js";
import { checkSite, summariseSlides } from "./check-site.js";
import { launchBrowser } from "./launch-browser.js";

const SITES = join(import.meta.dirname, "..", "..", "test", "fixtures", "sites");
const enabled = requireChromium();
let browser: Browser;
let clean: CheckResult[];
let bad: CheckResult[];

const row = (results: CheckResult[], id: string) => {
  const found = results.find((c) => c.id === id);
  if (!found) throw new Error(`no check ${id}`);
  return { name: found.name, ok: found.ok, detail: found.detail };
};

beforeAll(async () => {
  if (!enabled) return;
  browser = await launchBrowser(chromiumPath!);
  clean = await checkSite(browser, { dir: join(SITES, "clean"), slides: 3 });
  bad = await checkSite(browser, { dir: join(SITES, "bad"), slides: 3 });
}, 120_000);
afterAll(async () => {
  await browser?.close();
});

describe.skipIf(!enabled)("site checks", () => {
  it("runs the checks in the order of the table", () => {
    expect(clean.map((c) => c.id)).toEqual([
      "axe-slides",
      "axe-presenter",
      "keyboard",
      "focus-visible",
      "link-purpose",
      "text-size",
      "local-only",
    ]);
  });

  describe("text that shrank to fit its box", () => {
    it("passes when every box is set at the minimum size or larger", () => {
      expect(row(clean, "text-size")).toEqual({
        name: "Schriftgröße: mindestens 16 px",
        ok: true,
        detail: "kein Text unter 16 px",
      });
    });

    it("fails on the slide whose box had to shrink below the minimum, naming the text and its size", () => {
      expect(row(bad, "text-size")).toEqual({
        name: "Schriftgröße: mindestens 16 px",
        ok: false,
        detail: "Folie 3: „Ein sehr langer Text, der kaum passt.“ in 12 px",
      });
    });
  });

  describe("axe-core on every slide", () => {
    it("passes on the clean page", () => {
      expect(row(clean, "axe-slides")).toEqual({
        name: "axe-core WCAG 2.1 AA: Folien",
        ok: true,
        detail: "keine Verstöße auf 3 Folien",
      });
    });

    it("fails on the slide with an image without alt, naming rule, impact, count and first target", () => {
      expect(row(bad, "axe-slides")).toEqual({
        name: "axe-core WCAG 2.1 AA: Folien",
        ok: false,
        detail: 'Verstöße auf 1 von 3 Folien – Folie 2: image-alt (kritisch) 1×, erstes Ziel img[src$="punkt.svg"]',
      });
      const perSlide = bad.find((c) => c.id === "axe-slides")!.data;
      expect(perSlide).toEqual([
        { slide: 1, violations: [] },
        { slide: 2, violations: [{ id: "image-alt", impact: "critical", count: 1, target: 'img[src$="punkt.svg"]' }] },
        { slide: 3, violations: [] },
      ]);
    });
  });

  describe("axe-core on the presenter view", () => {
    it("passes on the clean page", () => {
      expect(row(clean, "axe-presenter")).toMatchObject({ ok: true, detail: "keine Verstöße" });
    });

    it("fails on a form field without a label", () => {
      expect(row(bad, "axe-presenter")).toEqual({
        name: "axe-core WCAG 2.1 AA: Referentenansicht",
        ok: false,
        detail: "label (kritisch) 1×, erstes Ziel input",
      });
    });
  });

  describe("keyboard navigation", () => {
    it("passes when ArrowRight, ArrowLeft and Space change the slide", () => {
      expect(row(clean, "keyboard")).toEqual({
        name: "Tastatur: Folienwechsel",
        ok: true,
        detail: "→ 1→2, ← 2→1, Leertaste 1→2",
      });
    });

    it("fails when the keys do nothing", () => {
      expect(row(bad, "keyboard")).toMatchObject({
        ok: false,
        detail:
          "→: Folie 1 blieb 1, erwartet 2; ←: Folie 2 blieb 2, erwartet 1; Leertaste: Folie 1 blieb 1, erwartet 2",
      });
    });
  });

  describe("visible focus on the navigation controls", () => {
    it("passes when every control shows its focus", () => {
      expect(row(clean, "focus-visible")).toEqual({
        name: "Tastatur: Fokus sichtbar",
        ok: true,
        detail: "2 Navigationselemente per Tab erreicht, Fokus sichtbar",
      });
    });

    it("fails when the focus outline is removed", () => {
      expect(row(bad, "focus-visible")).toMatchObject({
        ok: false,
        detail:
          "Fokus nicht sichtbar bei 2 von 2 Navigationselementen: „Vorherige Folie“ (kein Fokusrahmen), „Nächste Folie“ (kein Fokusrahmen)",
      });
    });
  });

  describe("link purpose", () => {
    it("passes on a link that names its target", () => {
      expect(row(clean, "link-purpose")).toEqual({
        name: "Linkzweck",
        ok: true,
        detail: "1 Link mit einem Namen, der das Ziel nennt",
      });
    });

    it("fails on a bare „hier“, naming the link and its slide", () => {
      expect(row(bad, "link-purpose")).toMatchObject({
        ok: false,
        detail: "1 von 1 Link sagt nicht, wohin er führt: „hier“ → https://daten.example/portal (Folie 3)",
      });
    });
  });

  describe("requests stay on this machine", () => {
    it("passes when every request goes to 127.0.0.1", () => {
      expect(row(clean, "local-only")).toMatchObject({ name: "Nur lokale Anfragen", ok: true });
      expect(row(clean, "local-only").detail).toMatch(/^alle \d+ Anfragen an 127\.0\.0\.1$/);
    });

    it("fails on, and blocks, a request to another host", () => {
      expect(row(bad, "local-only")).toMatchObject({
        ok: false,
        detail: "1 Anfrage an einen anderen Rechner (blockiert): http://192.0.2.1/logo.png",
      });
    });
  });

  it("fails in one row when the first slide never shows", async () => {
    const results = await checkSite(browser, { dir: join(SITES, ".."), slides: 1, timeout: 1000 });
    expect(results.map((c) => [c.name, c.ok])).toEqual([["Website lädt", false]]);
  });
});

describe("summariseSlides", () => {
  it("groups slides with the same findings", () => {
    const v = { id: "nested-interactive", impact: "serious", count: 2, target: "nav button" };
    expect(
      summariseSlides([
        { slide: 1, violations: [v] },
        { slide: 2, violations: [v] },
        { slide: 3, violations: [] },
        { slide: 4, violations: [v] },
        { slide: 5, violations: [{ ...v, count: 3 }] },
      ]),
    ).toBe(
      "Folie 1–2, 4: nested-interactive (ernst) 2×, erstes Ziel nav button · Folie 5: nested-interactive (ernst) 3×, erstes Ziel nav button",
    );
  });
});
