/**
 * The slides of a deck variant as records, on fixture concepts: which slides a variant has and in which order,
 * what its selection shows, the notes with status and overdue state, correct German counts, lists that continue
 * over several slides, headings read off the records, and how the records follow edits.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  type Concept,
  type DeckVariant,
  formatPlanDate,
  formatPlanDateLong,
  formatPublished,
  formatStand,
  formatStatus,
  headingsOf,
  type Measure,
  OVERVIEW_CARDS_PER_SLIDE,
  PLAN_ROWS_PER_SLIDE,
  paginate,
  parsePlanDate,
  parsePublished,
  parseStatus,
  readingOrder,
  resolveDeck,
  type SlideKind,
  type SlideOf,
  type SlideRecord,
  TIMELINE_ROWS_PER_SLIDE,
} from "../src/index.js";
import { loadConceptSync } from "../src/node.js";
import { FIXTURE_CONCEPTS } from "./helpers.js";

const load = (name: string) =>
  loadConceptSync(`${FIXTURE_CONCEPTS}/${name}`, { displayDir: `fixtures/concepts/${name}` });
const lang = load("lange-namen");
const klein = load("kleinstadt");
const sechs = load("sechs-bausteine");
const variant = (c: Concept, id: string): DeckVariant => {
  const v = c.decks.find((d) => d.id === id);
  if (!v) throw new Error(id);
  return v;
};
/** Every section and every part, every Baustein and every Maßnahme. */
const everything = (_c?: Concept): DeckVariant => ({
  id: "alles",
  occasion: "Alles",
  sections: ["title", "intro", "overview", "bausteine", "status", "closing"],
});
const slidesOf = (c: Concept, v: DeckVariant | string) =>
  resolveDeck(c, typeof v === "string" ? variant(c, v) : v).slides;
const kinds = (c: Concept, id: string) => slidesOf(c, id).map((s) => s.kind);
const count = (k: SlideKind[], kind: SlideKind) => k.filter((x) => x === kind).length;
const only = <K extends SlideKind>(slides: SlideRecord[], kind: K) =>
  slides.filter((s): s is SlideOf<K> => s.kind === kind);

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
    const slides = slidesOf(lang, "gesamt");
    expect(only(slides, "baustein").map((s) => s.ref?.baustein)).toEqual(lang.bausteine.map((b) => b.id));
    for (const b of lang.bausteine) {
      const own = slides.filter((s) => s.ref?.baustein === b.id).map((s) => s.kind);
      const detailSlides = b.measures.filter((m) => m.details?.facts || m.details?.outline).length;
      expect(own[0]).toBe("baustein");
      expect(own.slice(1, 3)).toEqual(["why", "plan"]);
      expect(count(own, "measure")).toBe(b.measures.length);
      expect(count(own, "details")).toBe(detailSlides);
      expect(own.at(-1)).toBe(b.chances.length + b.risks.length ? "chances-risks" : "measure");
    }
  });

  it("gives a Baustein without Maßnahmen its section and plan, and no Maßnahme slide", () => {
    const empty = lang.bausteine.find((b) => b.measures.length === 0)!;
    const slides = slidesOf(lang, "gesamt").filter((s) => s.ref?.baustein === empty.id);
    expect(slides.map((s) => s.kind)).toEqual(["baustein", "why", "plan", "chances-risks"]);
    const plan = only(slides, "plan")[0]!;
    expect(plan.rows).toEqual([]);
    expect(plan.empty).toBe("Für diesen Baustein sind noch keine Maßnahmen benannt.");
  });
});

describe("a variant that selects and reorders Bausteine and selects Maßnahmen (lange-namen, ausschuss)", () => {
  const v = variant(lang, "ausschuss");
  const deck = resolveDeck(lang, v);
  const shown = v.blocks!.map((id) => lang.bausteine.find((b) => b.id === id)!);

  it("shows the chosen Bausteine in the variant's order, and Maßnahme slides only for the chosen ones", () => {
    expect(only(deck.slides, "baustein").map((s) => s.ref?.baustein)).toEqual(v.blocks);
    expect(only(deck.slides, "measure").map((s) => s.ref?.measure)).toEqual(
      shown.flatMap((b) => b.measures.map((m) => m.id)).filter((id) => v.measures!.includes(id)),
    );
    expect(deck.title).toBe(v.title);
  });

  it("counts, overview and timeline follow the selection, and say so", () => {
    const overview = only(deck.slides, "overview")[0]!;
    expect(overview.title).toBe(`Zwei Bausteine ${lang.purpose ?? ""}`.trim());
    expect(overview.cards.map((c) => c.id)).toEqual(v.blocks);
    expect(overview.kicker).toBe(`Worum geht es? · Auswahl: 2 von ${lang.bausteine.length} Bausteinen`);
    const status = only(deck.slides, "status");
    const rows = status.flatMap((s) => s.timeline.rows.map((r) => r.id));
    expect(rows).toEqual(shown.flatMap((b) => b.measures.map((m) => m.id)));
    const n = rows.length;
    expect(status[0]!.kicker).toBe(
      `${n} ${n === 1 ? "Maßnahme" : "Maßnahmen"} in 2 Bausteinen · Auswahl: 2 von ${lang.bausteine.length} Bausteinen · Stand: ${formatStand(lang.stand)}`,
    );
    // The legend counts every row of the variant, on every status slide.
    for (const s of status) expect(s.timeline.legend.reduce((sum, l) => sum + l.count, 0)).toBe(n);
  });
});

describe("lists that come from the data continue over as many slides as they need", () => {
  it("spread the timeline evenly over as few status slides as needed", () => {
    const total = klein.bausteine.flatMap((b) => b.measures).length;
    const status = only(slidesOf(klein, "gesamt"), "status");
    expect(status).toHaveLength(Math.ceil(total / TIMELINE_ROWS_PER_SLIDE));
    const rows = status.map((s) => s.timeline.rows.length);
    expect(rows.reduce((a, b) => a + b, 0)).toBe(total);
    expect(Math.max(...rows) - Math.min(...rows)).toBeLessThanOrEqual(1);
    expect(Math.max(...rows)).toBeLessThanOrEqual(TIMELINE_ROWS_PER_SLIDE);
    if (status.length > 1) expect(status[0]!.title).toBe(`Stand der Maßnahmen (1/${status.length})`);
  });

  it("split „Was ist geplant?“ of 50 Maßnahmen into seven slides of at most eight rows, „(1/7)“ to „(7/7)“", () => {
    const big = structuredClone(sechs);
    const b = big.bausteine[0]!;
    b.measures = Array.from({ length: 50 }, (_, i) => measure(`m-${i + 1}`, `Maßnahme Nummer ${i + 1}`));
    const plans = only(slidesOf(big, everything(big)), "plan").filter((s) => s.ref?.baustein === b.id);
    expect(plans).toHaveLength(Math.ceil(50 / PLAN_ROWS_PER_SLIDE));
    expect(plans.map((p) => p.rows.length)).toEqual([8, 7, 7, 7, 7, 7, 7]);
    expect(plans.flatMap((p) => p.rows.map((r) => r.id))).toEqual(b.measures.map((m) => m.id));
    expect(plans.map((p) => p.heading)).toEqual(plans.map((_, i) => `Was ist geplant? (${i + 1}/7)`));
    expect(plans[0]!.title).toBe(`${b.title}: Was ist geplant? (1/7)`);
    expect(plans.every((p) => p.page?.count === 7)).toBe(true);
  });

  it("split the overview of eight Bausteine into two slides of four cards", () => {
    const big = structuredClone(sechs);
    for (const i of [7, 8]) big.bausteine.push({ ...structuredClone(big.bausteine[0]!), id: `extra-${i}`, number: i });
    const overview = only(slidesOf(big, everything(big)), "overview");
    expect(overview.map((o) => o.cards.length)).toEqual([4, 4]);
    expect(overview.every((o) => o.cards.length <= OVERVIEW_CARDS_PER_SLIDE)).toBe(true);
    expect(overview.map((o) => o.heading)).toEqual(["Acht Bausteine (1/2)", "Acht Bausteine (2/2)"]);
  });

  it("split eleven Risiken over two slides, Chancen alongside", () => {
    const big = structuredClone(sechs);
    const b = big.bausteine[0]!;
    b.risks = Array.from({ length: 11 }, (_, i) => `Risiko ${i + 1}`);
    b.chances = ["Eine Chance", "Noch eine Chance", "Die dritte Chance"];
    const cr = only(slidesOf(big, everything(big)), "chances-risks").filter((s) => s.ref?.baustein === b.id);
    expect(cr.map((s) => s.columns.map((c) => c.items.length))).toEqual([
      [2, 6],
      [1, 5],
    ]);
    expect(cr.flatMap((s) => s.columns[1]!.items)).toEqual(b.risks);
    expect(cr.map((s) => s.heading)).toEqual(["Chancen und Risiken (1/2)", "Chancen und Risiken (2/2)"]);
    // A short list that has ended leaves its column out of the next page.
    b.chances = ["Die einzige Chance"];
    const next = only(slidesOf(big, everything(big)), "chances-risks").filter((s) => s.ref?.baustein === b.id);
    expect(next.map((s) => s.columns.map((c) => `${c.heading} ${c.items.length}`))).toEqual([
      ["Chancen 1", "Risiken 6"],
      ["Risiken 5"],
    ]);
    expect(next.map((s) => headingsOf(s).map((h) => h.text))).toEqual([
      ["Chancen und Risiken (1/2)", "Chancen", "Risiken"],
      ["Chancen und Risiken (2/2)", "Risiken"],
    ]);
  });

  it("paginate evenly, and an empty list is one empty page", () => {
    expect(paginate([], 8)).toEqual([[]]);
    expect(paginate([1, 2, 3], 8)).toEqual([[1, 2, 3]]);
    expect(paginate([1, 2, 3, 4, 5, 6, 7, 8, 9], 8)).toEqual([
      [1, 2, 3, 4, 5],
      [6, 7, 8, 9],
    ]);
  });
});

describe("Chancen und Risiken", () => {
  it("give a Baustein that names neither no slide", () => {
    const c = structuredClone(sechs);
    c.bausteine[0]!.chances = [];
    c.bausteine[0]!.risks = [];
    const slides = slidesOf(c, everything(c)).filter((s) => s.ref?.baustein === c.bausteine[0]!.id);
    expect(slides.map((s) => s.kind)).not.toContain("chances-risks");
  });

  it("say which list is empty, in words of its own", () => {
    const c = structuredClone(sechs);
    c.bausteine[0]!.chances = ["Eine Chance"];
    c.bausteine[0]!.risks = [];
    const cr = only(slidesOf(c, everything(c)), "chances-risks").find((s) => s.ref?.baustein === c.bausteine[0]!.id)!;
    expect(cr.columns.map((col) => [col.heading, col.items.length, col.empty])).toEqual([
      ["Chancen", 1, undefined],
      ["Risiken", 0, "Keine Risiken benannt."],
    ]);
  });
});

describe("presenter notes", () => {
  it("give each Maßnahme's Baustein, status, dates and overdue state as of the Stand", () => {
    const b = lang.bausteine[0]!;
    const m = b.measures[0]!;
    const s = only(slidesOf(lang, "gesamt"), "measure").find((x) => x.ref?.measure === m.id);
    expect(s?.notes[0]).toBe(`Baustein ${b.number}: ${b.title}.`);
    expect(s?.notes[1]).toBe(
      `Status: ${formatStatus(m.status)}. Datum (Plan): ${formatPlanDate(m.planned)} (${formatPlanDateLong(m.planned)}). Veröffentlicht: ${formatPublished(m.published)}.`,
    );
    expect(s?.notes[2]).toMatch(new RegExp(`zum Stand ${formatStand(lang.stand)}`));
  });

  it("exist on every slide, so the presenter view never shows an empty or foreign placeholder", () => {
    for (const c of [lang, klein, sechs])
      for (const v of c.decks)
        for (const s of slidesOf(c, v)) expect(s.notes.length, `${v.id} ${s.kind}`).toBeGreaterThan(0);
  });

  it("count in correct German: „1 Baustein mit zusammen 12 Maßnahmen“, „1 Chance, 1 Risiko“", () => {
    const overview = only(slidesOf(klein, everything(klein)), "overview")[0]!;
    expect(overview.notes).toEqual(["1 Baustein mit zusammen 12 Maßnahmen."]);
    const c = structuredClone(sechs);
    const b = c.bausteine[0]!;
    b.chances = ["Eine Chance"];
    b.risks = ["Ein Risiko"];
    b.measures = b.measures.slice(0, 1);
    const section = only(slidesOf(c, everything(c)), "baustein").find((s) => s.ref?.baustein === b.id)!;
    expect(section.notes).toEqual(["1 Maßnahme, 1 Chance, 1 Risiko."]);
    expect(section.count).toBe("1 Maßnahme");
    for (const s of slidesOf(c, everything(c)))
      for (const n of s.notes) expect(n, s.kind).not.toMatch(/\b1 (Bausteine|Maßnahmen|Chancen|Risiken)\b/);
  });

  it("start with the speaker's own notes of a Maßnahme, a Baustein, an intro section and a variant, then the generated ones", () => {
    const c = structuredClone(lang);
    const b = c.bausteine[0]!;
    const m = b.measures[0]!;
    m.notes = ["Zur Maßnahme: erster Absatz.", "Zweiter Absatz."];
    b.notes = ["Zum Baustein."];
    c.intro[0]!.notes = ["Zur Einführung."];
    const plain = slidesOf(lang, everything(lang));
    const v = { ...everything(c), notes: ["Zur Variante."] };
    const slides = slidesOf(c, v);
    const generated = (pred: (s: SlideRecord) => boolean) => plain.find(pred)!.notes;
    const isMeasure = (s: SlideRecord) => s.kind === "measure" && s.ref?.measure === m.id;
    const isSection = (s: SlideRecord) => s.kind === "baustein" && s.ref?.baustein === b.id;
    const isIntro = (s: SlideRecord) => s.kind === "intro" && s.ref?.intro === c.intro[0]!.id;
    expect(slides.find(isMeasure)!.notes).toEqual([...m.notes, ...generated(isMeasure)]);
    expect(slides.find(isSection)!.notes).toEqual([...b.notes, ...generated(isSection)]);
    expect(slides.find(isIntro)!.notes).toEqual([...c.intro[0]!.notes, ...generated(isIntro)]);
    expect(slides[0]!.kind).toBe("title");
    expect(slides[0]!.notes).toEqual(["Zur Variante.", ...plain[0]!.notes]);
    // Each note is given once, on its own slide only.
    const all = slides.flatMap((s) => s.notes);
    for (const own of [...m.notes, ...b.notes, ...c.intro[0]!.notes, ...v.notes])
      expect(all.filter((n) => n === own)).toHaveLength(1);
  });

  it("put a Baustein's notes on its first shown slide, and a variant's on its first slide, when their usual slide is left out", () => {
    const c = structuredClone(lang);
    const b = c.bausteine[0]!;
    b.notes = ["Zum Baustein."];
    const v: DeckVariant = { id: "teil", occasion: "Teil", sections: ["bausteine"], parts: ["plan"], notes: ["Los."] };
    const slides = slidesOf(c, v);
    const first = slides.find((s) => s.ref?.baustein === b.id)!;
    expect(first.kind).toBe("plan");
    // The first slide is both: the variant's notes, then the Baustein's, then the generated ones.
    expect(slides[0]).toBe(first);
    expect(first.notes.slice(0, 2)).toEqual(["Los.", "Zum Baustein."]);
    expect(first.notes.length).toBeGreaterThan(2);
  });

  it("name the overdue Maßnahmen on the status slide when the Stand moves past their date", () => {
    const later = structuredClone(lang);
    later.stand = { unit: "month", year: 2030, month: 1 };
    const status = only(slidesOf(later, "gesamt"), "status")[0];
    expect(status?.notes[0]).toMatch(/^Überfällig zum Stand Januar 2030: /);
  });
});

describe("the closing slide", () => {
  it("shows the contact as far as the concept gives it, with mailto: and tel: links, and names it in the notes", () => {
    const own = load("eigene-worte");
    const closing = only(slidesOf(own, everything(own)), "closing")[0]!;
    expect(closing.contact).toEqual({
      heading: "Kontakt",
      person: "Dr. Jana Wellbrock",
      role: "Koordinatorin des Aktionsplans",
      address: ["Rathaus Nordweiler, Zimmer 214", "Am Deich 3", "26999 Nordweiler"],
      hours: "Sprechzeiten: Dienstag und Donnerstag, 9 – 12 Uhr",
      links: [
        {
          kind: "email",
          href: "mailto:aktionsplan@nordweiler.example",
          text: "aktionsplan@nordweiler.example",
          name: "aktionsplan@nordweiler.example (E-Mail schreiben)",
        },
        {
          kind: "phone",
          href: "tel:+494471882301",
          text: "Telefon: +49 (0)4471 88-2301",
          name: "Telefon: +49 (0)4471 88-2301 (anrufen)",
        },
      ],
    });
    expect(closing.notes[1]).toBe(
      "Kontakt: Dr. Jana Wellbrock, Koordinatorin des Aktionsplans, Rathaus Nordweiler, Zimmer 214, Am Deich 3, 26999 Nordweiler, Sprechzeiten: Dienstag und Donnerstag, 9 – 12 Uhr, aktionsplan@nordweiler.example, Telefon: +49 (0)4471 88-2301.",
    );
    expect(headingsOf(closing)).toEqual([]);
  });

  it("has no contact where the concept gives none, and shows only the parts given", () => {
    expect(only(slidesOf(klein, everything(klein)), "closing")[0]?.contact).toBeUndefined();
    const c = structuredClone(klein);
    c.contact = { phone: "07071 12-34" };
    const closing = only(slidesOf(c, everything(c)), "closing")[0]!;
    expect(closing.contact).toEqual({
      heading: "Kontakt",
      address: [],
      links: [
        { kind: "phone", href: "tel:070711234", text: "Telefon: 07071 12-34", name: "Telefon: 07071 12-34 (anrufen)" },
      ],
    });
  });
});

describe("headings and reading order, read off the records", () => {
  const deck = resolveDeck(lang, everything(lang));

  it("give every slide one H1 first and only H2 below it, except the closing slide, which has none", () => {
    for (const s of deck.slides) {
      const h = headingsOf(s);
      if (s.kind === "closing") expect(h).toEqual([]);
      else {
        expect(h[0]?.level, s.kind).toBe(1);
        expect(h.slice(1).every((x) => x.level === 2)).toBe(true);
      }
    }
  });

  it("name each Baustein's and Maßnahme's slides by their titles, and the fixed slides by their labels", () => {
    const b = lang.bausteine[0]!;
    const m = b.measures[0]!;
    const of = (kind: SlideKind, pred: (s: SlideRecord) => boolean = () => true) =>
      headingsOf(deck.slides.find((s) => s.kind === kind && pred(s))!);
    expect(of("title")).toEqual([{ level: 1, text: deck.title }]);
    expect(of("baustein", (s) => s.ref?.baustein === b.id)).toEqual([{ level: 1, text: b.title }]);
    expect(of("measure", (s) => s.ref?.measure === m.id)[0]).toEqual({ level: 1, text: m.title });
    expect(of("chances-risks").map((h) => h.text)).toEqual(["Chancen und Risiken", "Chancen", "Risiken"]);
    expect(of("overview").slice(1)).toEqual(lang.bausteine.map((x) => ({ level: 2, text: x.title })));
    expect(of("status")[0]!.text.startsWith("Stand der Maßnahmen")).toBe(true);
  });

  it("are plain text even where the slide's copy is hyphenated", () => {
    const hyphenated = resolveDeck(lang, everything(lang), {
      hyphenate: (s) => s.replace(/(\p{L}{4})(\p{L}{4})/gu, "$1\u00AD$2"),
    });
    expect(JSON.stringify(hyphenated.slides.map((s) => ("heading" in s ? s.heading : "")))).toContain("\u00AD");
    expect(readingOrder(hyphenated)).toEqual(readingOrder(deck));
    expect(JSON.stringify(readingOrder(hyphenated))).not.toContain("\u00AD");
    expect(JSON.stringify(hyphenated.slides.map((s) => [s.title, s.notes]))).not.toContain("\u00AD");
    expect(JSON.stringify(hyphenated.pdf)).not.toContain("\u00AD");
  });

  it("list the headings of all slides in slide order", () => {
    const order = readingOrder(deck);
    expect(order).toEqual(deck.slides.flatMap((s) => headingsOf(s).map((h) => h.text)));
    expect(order.length).toBeGreaterThan(deck.slides.length);
  });
});

describe("the status timeline in words and its legend", () => {
  const status = only(resolveDeck(lang, everything(lang)).slides, "status");

  it("names every Maßnahme of its page with its status and planned date, grouped by Baustein", () => {
    for (const s of status) {
      expect(s.timeline.description.startsWith(`Stand der Maßnahmen (Stand: ${formatStand(lang.stand)}).`)).toBe(true);
      for (const r of s.timeline.rows)
        expect(s.timeline.description).toContain(`${r.title} – ${r.status.label}, Datum (Plan) ${r.planned}`);
    }
  });

  it("explains every mark the page draws, and only those", () => {
    const later = structuredClone(lang);
    later.stand = { unit: "month", year: 2030, month: 1 };
    for (const s of only(resolveDeck(later, everything(later)).slides, "status")) {
      const marks = s.timeline.marks.map((m) => m.kind);
      expect(marks.includes("overdue")).toBe(s.timeline.rows.some((r) => r.overdue));
      expect(marks.includes("open")).toBe(s.timeline.rows.some((r) => r.open === "from"));
      expect(marks.includes("span")).toBe(s.timeline.rows.some((r) => r.spans.length > 0));
      expect(marks.at(-1)).toBe("stand");
    }
  });
});

describe("overdue for whom: the variant's `overdue`", () => {
  const later = structuredClone(lang);
  later.stand = { unit: "month", year: 2030, month: 1 };
  const slidesFor = (overdue?: "folien" | "notizen") =>
    resolveDeck(later, { ...everything(later), ...(overdue ? { overdue } : {}) }).slides;
  const marksOn = (slides: SlideRecord[]) => ({
    measures: only(slides, "measure").filter((s) => s.overdue).length,
    planRows: only(slides, "plan").flatMap((s) => s.rows.filter((r) => r.overdue)).length,
    timelineRows: only(slides, "status").flatMap((s) => s.timeline.rows.filter((r) => r.overdue)).length,
    legend: only(slides, "status").filter((s) => s.timeline.marks.some((m) => m.kind === "overdue")).length,
    described: only(slides, "status").filter((s) => s.timeline.description.includes("überfällig")).length,
  });

  it("shows the marks on the slides by default and with `folien`", () => {
    const byDefault = marksOn(slidesFor());
    expect(byDefault.measures).toBeGreaterThan(0);
    expect(byDefault.planRows).toBeGreaterThan(0);
    expect(byDefault.timelineRows).toBeGreaterThan(0);
    expect(byDefault.legend).toBeGreaterThan(0);
    expect(byDefault.described).toBeGreaterThan(0);
    expect(marksOn(slidesFor("folien"))).toEqual(byDefault);
  });

  it("with `notizen` keeps every mark off the slides (badge, table, timeline, legend, its description)", () => {
    expect(marksOn(slidesFor("notizen"))).toEqual({
      measures: 0,
      planRows: 0,
      timelineRows: 0,
      legend: 0,
      described: 0,
    });
  });

  it("with `notizen` leaves the presenter notes as they are: they still say what is overdue", () => {
    const notes = (slides: SlideRecord[]) => slides.map((s) => s.notes);
    expect(notes(slidesFor("notizen"))).toEqual(notes(slidesFor()));
    const status = only(slidesFor("notizen"), "status")[0]!;
    expect(status.notes[0]).toMatch(/^Überfällig zum Stand Januar 2030: /);
    const late = only(slidesFor("notizen"), "measure").filter((s) => s.notes.some((n) => n.startsWith("Achtung:")));
    expect(late.length).toBe(marksOn(slidesFor()).measures);
  });

  it("is checked: another value is a content error with file, line, column and the allowed values", () => {
    const dir = mkdtempSync(join(tmpdir(), "overdue-"));
    try {
      cpSync(`${FIXTURE_CONCEPTS}/kleinstadt`, dir, { recursive: true });
      const file = join(dir, "decks", "kurz.yaml");
      writeFileSync(file, `${readFileSync(file, "utf8")}overdue: publikum\n`);
      const lines = readFileSync(file, "utf8").split("\n");
      let message = "";
      try {
        loadConceptSync(dir, { displayDir: "inhalt" });
      } catch (e) {
        message = e instanceof Error ? e.message : String(e);
      }
      expect(message.split("\n")[0]).toBe(
        `inhalt/decks/kurz.yaml:${lines.length - 1}:10  overdue  Der Text „publikum“ ist hier nicht erlaubt. Erlaubt sind: „folien“, „notizen“.`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the records follow the data", () => {
  it("give a new Maßnahme a new slide, right after the others of its Baustein", () => {
    const changed = structuredClone(sechs);
    const b = changed.bausteine[1]!;
    b.measures.push(measure("neue-massnahme", "Neue Maßnahme"));
    const before = slidesOf(sechs, "gesamt");
    const after = slidesOf(changed, "gesamt");
    expect(after).toHaveLength(before.length + 1);
    const at = after.findIndex((s) => s.ref?.measure === "neue-massnahme");
    expect(after[at - 1]?.ref?.baustein).toBe(b.id);
    expect(after[at + 1]?.kind).toBe("chances-risks");
  });

  it("remove a removed Baustein's whole section", () => {
    const changed = structuredClone(sechs);
    const gone = changed.bausteine.splice(2, 1)[0]!;
    expect(slidesOf(changed, "gesamt").some((s) => s.ref?.baustein === gone.id)).toBe(false);
  });

  it("carry the PDF's metadata, and a renamed Baustein that the variant does not show changes it", () => {
    const v = variant(lang, "ausschuss");
    const hidden = lang.bausteine.find((b) => !v.blocks!.includes(b.id))!;
    const renamed = structuredClone(lang);
    renamed.bausteine.find((b) => b.id === hidden.id)!.title = "Ein neuer Titel";
    const before = resolveDeck(lang, v);
    const after = resolveDeck(renamed, v);
    expect(after.slides).toEqual(before.slides);
    expect(after.pdf.keywords).toContain("Ein neuer Titel");
    expect(JSON.stringify(after)).not.toBe(JSON.stringify(before));
    expect(before.pdf.bookmarks).toEqual(before.slides.map((s) => s.title));
  });

  it("hold no raw model: no parsed status, period or concept object reaches the browser", () => {
    for (const c of [lang, klein, sechs])
      for (const v of c.decks) {
        const json = JSON.stringify(resolveDeck(c, v));
        expect(json).not.toMatch(/"(unit|bausteine|decks|flyers|measures|chances|risks|why|details|period|periods)":/);
      }
  });
});
