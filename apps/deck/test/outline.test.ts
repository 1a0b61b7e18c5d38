/**
 * The slide outline as a function of the model, on fixture concepts: which slides a variant has and in which order,
 * what its selection shows, the notes with status and overdue state, and how the outline follows edits.
 */
import type { Concept, DeckVariant, Measure } from "@dus-opendata/concept";
import {
  formatPlanDate,
  formatPlanDateLong,
  formatPublished,
  formatStand,
  formatStatus,
  parsePlanDate,
  parsePublished,
  parseStatus,
} from "@dus-opendata/concept";
import { describe, expect, it } from "vitest";
import { buildDeckData } from "../src/deck-data.js";
import { buildOutline, type SlideKind, TIMELINE_ROWS_PER_SLIDE } from "../src/outline.js";
import { loadFixture } from "./support.js";

const lang = loadFixture("lange-namen");
const klein = loadFixture("kleinstadt");
const sechs = loadFixture("sechs-bausteine");
const variant = (c: Concept, id: string): DeckVariant => {
  const v = c.decks.find((d) => d.id === id);
  if (!v) throw new Error(id);
  return v;
};
const kinds = (c: Concept, id: string) => buildOutline(c, variant(c, id)).slides.map((s) => s.kind);
const count = (k: SlideKind[], kind: SlideKind) => k.filter((x) => x === kind).length;

function measure(id: string, title: string): Measure {
  const ok = <T>(r: { ok: true; value: T } | { ok: false; error: string }): T => {
    if (!r.ok) throw new Error(r.error);
    return r.value;
  };
  return {
    id,
    title,
    summary: ["Beschreibung."],
    status: ok(parseStatus("in Arbeit")),
    planned: ok(parsePlanDate("ab Q3/2019")),
    published: ok(parsePublished("noch nicht")),
  };
}

describe("a variant with every section and every part (lange-namen, gesamt)", () => {
  const k = kinds(lang, "gesamt");
  const measures = lang.bausteine.flatMap((b) => b.measures);

  it("starts with the title and the intro, ends with the status slides and the closing slide", () => {
    expect(k.slice(0, 1 + lang.intro.length + 1)).toEqual(["title", ...lang.intro.map(() => "intro"), "overview"]);
    const status = Math.ceil(measures.length / TIMELINE_ROWS_PER_SLIDE);
    expect(k.slice(-status - 1)).toEqual([...Array(status).fill("status"), "closing"]);
  });

  it("gives each Baustein its section, Warum, Was ist geplant, its Maßnahmen and Chancen und Risiken, in file order", () => {
    const slides = buildOutline(lang, variant(lang, "gesamt")).slides;
    expect(slides.filter((s) => s.kind === "baustein").map((s) => s.baustein)).toEqual(lang.bausteine.map((b) => b.id));
    for (const b of lang.bausteine) {
      const own = slides.filter((s) => s.baustein === b.id).map((s) => s.kind);
      const detailSlides = b.measures.filter((m) => m.details?.facts || m.details?.outline).length;
      expect(own[0]).toBe("baustein");
      expect(own.slice(1, 3)).toEqual(["why", "plan"]);
      expect(count(own, "measure")).toBe(b.measures.length);
      expect(count(own, "details")).toBe(detailSlides);
      expect(own.at(-1)).toBe("chances-risks");
    }
  });

  it("gives a Baustein without Maßnahmen its section and plan, and no Maßnahme slide", () => {
    const empty = lang.bausteine.find((b) => b.measures.length === 0)!;
    const own = buildOutline(lang, variant(lang, "gesamt"))
      .slides.filter((s) => s.baustein === empty.id)
      .map((s) => s.kind);
    expect(own).toEqual(["baustein", "why", "plan", "chances-risks"]);
  });
});

describe("a variant that selects and reorders Bausteine and selects Maßnahmen (lange-namen, ausschuss)", () => {
  const v = variant(lang, "ausschuss");
  const outline = buildOutline(lang, v);

  it("shows the chosen Bausteine in the variant's order, and Maßnahme slides only for the chosen ones", () => {
    expect(outline.slides.filter((s) => s.kind === "baustein").map((s) => s.baustein)).toEqual(v.blocks);
    expect(outline.slides.filter((s) => s.kind === "measure").map((s) => s.measure)).toEqual(
      v
        .blocks!.flatMap((id) => lang.bausteine.find((b) => b.id === id)!.measures.map((m) => m.id))
        .filter((id) => v.measures!.includes(id)),
    );
    expect(outline.title).toBe(v.title);
  });

  it("counts, overview and timeline follow the selection", () => {
    const data = buildDeckData(lang, v);
    const shown = v.blocks!.map((id) => lang.bausteine.find((b) => b.id === id)!);
    expect(data.selection).toEqual({ bausteine: v.blocks, of: lang.bausteine.length });
    expect(data.counts.bausteine).toBe(shown.length);
    expect(data.counts.measures).toBe(shown.reduce((n, b) => n + b.measures.length, 0));
    expect(data.timeline.map((r) => r.id)).toEqual(shown.flatMap((b) => b.measures.map((m) => m.id)));
    expect(outline.slides.find((s) => s.kind === "overview")?.title).toBe(
      `Zwei Bausteine ${lang.purpose ?? ""}`.trim(),
    );
  });
});

describe("status slides", () => {
  it("spread many Maßnahmen evenly over as few slides as needed", () => {
    const total = klein.bausteine.flatMap((b) => b.measures).length;
    const status = buildOutline(klein, variant(klein, "gesamt")).slides.filter((s) => s.kind === "status");
    expect(status).toHaveLength(Math.ceil(total / TIMELINE_ROWS_PER_SLIDE));
    const rows = status.map((s) => s.rows!.length);
    expect(rows.reduce((a, b) => a + b, 0)).toBe(total);
    expect(Math.max(...rows) - Math.min(...rows)).toBeLessThanOrEqual(1);
    expect(Math.max(...rows)).toBeLessThanOrEqual(TIMELINE_ROWS_PER_SLIDE);
    if (status.length > 1) expect(status[0]!.title).toBe(`Stand der Maßnahmen (1/${status.length})`);
  });
});

describe("presenter notes", () => {
  it("give each Maßnahme's Baustein, status, dates and overdue state as of the Stand", () => {
    const b = lang.bausteine[0]!;
    const m = b.measures[0]!;
    const s = buildOutline(lang, variant(lang, "gesamt")).slides.find(
      (x) => x.measure === m.id && x.kind === "measure",
    );
    expect(s?.notes[0]).toBe(`Baustein ${b.number}: ${b.title}.`);
    expect(s?.notes[1]).toBe(
      `Status: ${formatStatus(m.status)}. Datum (Plan): ${formatPlanDate(m.planned)} (${formatPlanDateLong(m.planned)}). Veröffentlicht: ${formatPublished(m.published)}.`,
    );
    expect(s?.notes[2]).toMatch(new RegExp(`zum Stand ${formatStand(lang.stand)}`));
  });

  it("exist on every slide, so the presenter view never shows an empty or foreign placeholder", () => {
    for (const c of [lang, klein, sechs])
      for (const v of c.decks)
        for (const s of buildOutline(c, v).slides) expect(s.notes.length, `${v.id} ${s.kind}`).toBeGreaterThan(0);
  });

  it("name the overdue Maßnahmen on the status slide when the Stand moves past their date", () => {
    const later = structuredClone(lang);
    later.stand = { unit: "month", year: 2030, month: 1 };
    const status = buildOutline(later, variant(later, "gesamt")).slides.find((x) => x.kind === "status");
    expect(status?.notes[0]).toMatch(/^Überfällig zum Stand Januar 2030: /);
  });
});

describe("the outline follows the data", () => {
  it("gives a new Maßnahme a new slide, right after the others of its Baustein", () => {
    const changed = structuredClone(sechs);
    const b = changed.bausteine[1]!;
    b.measures.push(measure("neue-massnahme", "Neue Maßnahme"));
    const before = buildOutline(sechs, variant(sechs, "gesamt")).slides;
    const after = buildOutline(changed, variant(changed, "gesamt")).slides;
    expect(after).toHaveLength(before.length + 1);
    const at = after.findIndex((s) => s.measure === "neue-massnahme");
    expect(after[at - 1]?.baustein).toBe(b.id);
    expect(after[at + 1]?.kind).toBe("chances-risks");
  });

  it("removes a removed Baustein's whole section", () => {
    const changed = structuredClone(sechs);
    const gone = changed.bausteine.splice(2, 1)[0]!;
    const after = buildOutline(changed, variant(changed, "gesamt")).slides;
    expect(after.some((s) => s.baustein === gone.id)).toBe(false);
  });
});
