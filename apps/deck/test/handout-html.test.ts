/**
 * The pages of the notes and the handout before Chromium prints them (fast, no browser): content text is
 * escaped, never markup, wherever it goes (headings, notes, alt texts, running head); a slide's alt text is its
 * title and what it shows, plain; each slide has its own placeholder, one pixel high and as wide as its number.
 */
import { type DeckVariant, resolveDeck, type SlideRecord } from "@dus-opendata/concept";
import { describe, expect, it } from "vitest";
import { handoutHtml, handoutReadingOrder, placeholderPng, slideText } from "../src/handout-html.js";
import { deckDataFor } from "../src/load-deck.js";
import { loadFixture } from "./support.js";

const concept = loadFixture();
const HOSTILE = `<script>window.__pwned=1</script></h2><img src=x onerror="x()"> & „Quote“ 'single'`;

describe("notes and handout pages", () => {
  const hostile = structuredClone(concept);
  hostile.title = HOSTILE;
  const measure = hostile.bausteine[0]!.measures[0]!;
  measure.title = HOSTILE;
  const variant: DeckVariant = { id: "alles", occasion: HOSTILE, sections: ["title", "bausteine", "status"] };
  const deck = resolveDeck(hostile, variant);

  it.each(["notizen", "handzettel"] as const)("%s: content is text, never markup", (kind) => {
    const html = handoutHtml(kind, deck);
    const body = html.slice(html.indexOf("<body>"), html.indexOf("<script>"));
    expect(body).not.toContain("<script>window");
    expect(body).not.toContain("<img src=x");
    expect(body).toContain(
      "&lt;script&gt;window.__pwned=1&lt;/script&gt;&lt;/h2&gt;&lt;img src=x onerror=&quot;x()&quot;&gt;",
    );
    // The only script is the page's own layout, the only images the placeholders.
    expect(html.match(/<script>/g)?.length).toBe(1);
    expect(html.match(/<img /g)?.length).toBe(deck.slides.length);
    expect([...html.matchAll(/<img alt="[^"]*" src="data:image\/png;base64,/g)].length).toBe(deck.slides.length);
  });

  it("give each slide a placeholder as wide as its number and one pixel high", () => {
    for (const n of [1, 2, 37]) {
      const png = placeholderPng(n);
      expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
      expect(png.readUInt32BE(16)).toBe(n);
      expect(png.readUInt32BE(20)).toBe(1);
    }
  });

  it("name the slides in the reading order: the deck's title, then „Folie i von n Titel“", () => {
    const order = handoutReadingOrder(deck);
    expect(order[0]).toBe(HOSTILE);
    expect(order.slice(1)).toEqual(deck.slides.map((s, i) => `Folie ${i + 1} von ${deck.slides.length} ${s.title}`));
  });
});

describe("a slide's alt text", () => {
  const data = deckDataFor(concept, "gesamt");
  const of = (kind: SlideRecord["kind"]) => data.slides.find((s) => s.kind === kind)!;

  it("starts with the title and is plain text (no soft hyphens, no no-break spaces)", () => {
    expect(JSON.stringify(data.slides)).toContain("\u00AD");
    for (const s of data.slides) {
      const alt = slideText(s);
      expect(alt.startsWith(s.title.replace(/\s+/g, " "))).toBe(true);
      expect(alt).not.toMatch(/[\u00AD\u00A0]/);
    }
  });

  it("says each row of a plan table with its status and date", () => {
    const plan = of("plan");
    if (plan.kind !== "plan") throw new Error("plan");
    const alt = slideText(plan);
    for (const r of plan.rows)
      expect(alt).toContain(`${r.title.replace(/\u00AD/g, "")}: ${r.status.label}, ${r.planned}`);
    expect(alt).not.toContain(plan.columns.join(". "));
  });

  it("names the chapters of an outline with their points", () => {
    const d = data.slides.find((s) => s.kind === "details" && s.outline);
    if (d?.kind !== "details" || !d.outline) throw new Error("details");
    const alt = slideText(d);
    for (const o of d.outline) {
      expect(alt).toContain(o.title.replace(/\u00AD/g, ""));
      if (o.items) expect(alt).toContain(o.items.replace(/\u00AD/g, "").replace(/\s+/g, " "));
    }
  });

  it("says a Maßnahme's facts as label and value, and a timeline by its description", () => {
    const m = of("measure");
    if (m.kind !== "measure") throw new Error("measure");
    expect(slideText(m)).toContain(`Status: ${m.facts.status[1].label}.`);
    const status = of("status");
    if (status.kind !== "status") throw new Error("status");
    expect(slideText(status)).toContain(status.timeline.description);
  });
});
