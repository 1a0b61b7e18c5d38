import type { Concept, DeckVariant, Measure } from "@dus-opendata/concept";
import { parsePlanDate, parsePublished, parseStatus } from "@dus-opendata/concept";
import { describe, expect, it } from "vitest";
import { buildOutline } from "../src/outline.js";
import { realConcept } from "./support.js";

const concept = realConcept();
const variant = (id: string): DeckVariant => {
  const v = concept.decks.find((d) => d.id === id);
  if (!v) throw new Error(id);
  return v;
};
const kinds = (c: Concept, id: string) => buildOutline(c, variant(id)).slides.map((s) => s.kind);

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

describe("slide outline of the real content", () => {
  it("gives the POA deck every section in order: 38 slides", () => {
    const k = kinds(concept, "poa");
    expect(k).toHaveLength(38);
    expect(k.slice(0, 8)).toEqual(["title", "intro", "intro", "intro", "intro", "intro", "intro", "overview"]);
    // Baustein 1: section, why, plan, six Maßnahmen (two of them with a detail slide), Chancen und Risiken
    expect(k.slice(8, 20)).toEqual([
      "baustein",
      "why",
      "plan",
      "measure",
      "details",
      "measure",
      "details",
      "measure",
      "measure",
      "measure",
      "measure",
      "chances-risks",
    ]);
    expect(k.slice(-2)).toEqual(["status", "closing"]);
    expect(k.filter((x) => x === "measure")).toHaveLength(14);
    expect(k.filter((x) => x === "baustein")).toHaveLength(3);
    expect(k.filter((x) => x === "chances-risks")).toHaveLength(3);
  });

  it("gives the Library Lab deck its chosen intro and parts: 33 slides, no Chancen und Risiken", () => {
    const k = kinds(concept, "library-lab");
    expect(k).toHaveLength(33);
    expect(k.filter((x) => x === "intro")).toHaveLength(4);
    expect(k).not.toContain("chances-risks");
    expect(k.filter((x) => x === "measure")).toHaveLength(14);
  });

  it("gives the short deck for heads of department exactly its selection", () => {
    const o = buildOutline(concept, variant("entscheider"));
    expect(o.title).toBe("Impulse für Entscheider");
    expect(o.slides.map((s) => s.kind)).toEqual([
      "title",
      "intro",
      "intro",
      "intro",
      "overview",
      "plan",
      "measure",
      "measure",
      "measure",
      "chances-risks",
      "status",
      "closing",
    ]);
    expect(o.slides.filter((s) => s.kind === "measure").map((s) => s.measure)).toEqual([
      "impulse-fuer-entscheider",
      "aemtergespraeche",
      "offene-arbeitsgruppe",
    ]);
  });

  it("puts the full status and the overdue state into the presenter notes, as of the Stand", () => {
    const s = buildOutline(concept, variant("poa")).slides.find((x) => x.measure === "open-data-geburtstag");
    expect(s?.notes).toEqual([
      "Baustein 2: Miteinander reden.",
      "Status: in Arbeit. Datum (Plan): 06.12.2018 (Foyer TVG II) (6. Dezember 2018 (Foyer TVG II)). Veröffentlicht: noch nicht.",
      "Nicht überfällig zum Stand November 2018.",
    ]);
    const status = buildOutline(concept, variant("poa")).slides.find((x) => x.kind === "status");
    expect(status?.notes).toEqual(["Keine Maßnahme ist zum Stand November 2018 überfällig."]);
  });
});

describe("slide outline follows the data", () => {
  it("gives a new Maßnahme a new slide, right after the others of its Baustein", () => {
    const changed = structuredClone(concept);
    changed.bausteine[2]!.measures.push(measure("neue-massnahme", "Neue Maßnahme"));
    const before = buildOutline(concept, variant("poa")).slides;
    const after = buildOutline(changed, variant("poa")).slides;
    expect(after).toHaveLength(before.length + 1);
    const at = after.findIndex((s) => s.measure === "neue-massnahme");
    expect(after[at - 1]?.measure).toBe("kartenworkshop");
    expect(after[at + 1]?.kind).toBe("chances-risks");
  });

  it("removes a removed Baustein's whole section", () => {
    const changed = structuredClone(concept);
    changed.bausteine = changed.bausteine.filter((b) => b.id !== "miteinander-reden");
    const after = buildOutline(changed, variant("poa")).slides;
    expect(after).toHaveLength(38 - 9);
    expect(after.some((s) => s.baustein === "miteinander-reden")).toBe(false);
  });

  it("marks a Maßnahme overdue in the notes when its date passed before the Stand", () => {
    const changed = structuredClone(concept);
    changed.stand = { unit: "month", year: 2019, month: 3 };
    const s = buildOutline(changed, variant("poa")).slides.find((x) => x.kind === "status");
    expect(s?.notes[0]).toBe(
      "Überfällig zum Stand März 2019: Projektdokumentation (12/2018), Open-Data-Geburtstag (06.12.2018 (Foyer TVG II)), Seminarangebot „Was ist Open Data?“ (12/2018 und 02/2019).",
    );
  });
});
