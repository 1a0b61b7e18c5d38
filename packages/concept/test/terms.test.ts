/**
 * The concept's own terms (`terms:` in concept.yaml): every word the outputs generate follows them. On the fixture
 * „eigene-worte“ (Kapitel, Verpflichtung, Vorteil, Hürde), no generated text of the deck records, the PDF metadata,
 * `pnpm check` or `pnpm status` says „Baustein“, „Maßnahme“, „Chance“ or „Risiko“; without `terms:` the words are
 * today's.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import {
  conceptSchema,
  DEFAULT_TERMS,
  type DeckVariant,
  dativeOf,
  documentMetadata,
  resolveDeck,
  termsOf,
} from "../src/index.js";
import { loadConceptSync } from "../src/node.js";
import { FIXTURE_CONCEPTS, runCli } from "./helpers.js";

const NAME = "eigene-worte";
const DIR = `fixtures/concepts/${NAME}`;
const own = loadConceptSync(`${FIXTURE_CONCEPTS}/${NAME}`, { displayDir: DIR });
/** The fixture's concept.yaml as written, for the schema alone. */
const rawConcept = () =>
  parse(readFileSync(`${FIXTURE_CONCEPTS}/${NAME}/concept.yaml`, "utf8")) as Record<string, unknown>;
const usual = loadConceptSync(`${FIXTURE_CONCEPTS}/kleinstadt`, { displayDir: "fixtures/concepts/kleinstadt" });

/** Today's nouns, in any form they take in a generated sentence. */
const TODAYS = /Baustein|Maßnahme|Chance|Risik/;

const everything: DeckVariant = {
  id: "alles",
  occasion: "Alles",
  sections: ["title", "intro", "overview", "bausteine", "status", "closing"],
};

describe("a concept's own terms", () => {
  it("are read from concept.yaml, with the dative plural derived where it is left out", () => {
    expect(termsOf(own)).toEqual({
      baustein: { one: "Kapitel", many: "Kapitel", dative: "Kapiteln", gender: "n" },
      measure: { one: "Verpflichtung", many: "Verpflichtungen", dative: "Verpflichtungen", gender: "f" },
      chance: { one: "Vorteil", many: "Vorteile", dative: "Vorteilen", gender: "m" },
      risk: { one: "Hürde", many: "Hürden", dative: "Hürden", gender: "f" },
    });
    expect(dativeOf("Handlungsfelder")).toBe("Handlungsfeldern");
    expect(dativeOf("Kapitel")).toBe("Kapiteln");
    expect(dativeOf("Projekts")).toBe("Projekts");
  });

  it("are today's words where the concept names none, or only some", () => {
    expect(termsOf(usual)).toEqual(DEFAULT_TERMS);
    const partial = conceptSchema.safeParse({
      ...rawConcept(),
      terms: { measure: { singular: "Vorhaben", plural: "Vorhaben", gender: "das" } },
    });
    expect(partial.success, JSON.stringify(partial.error?.issues)).toBe(true);
    expect(partial.data?.terms).toEqual({
      ...DEFAULT_TERMS,
      measure: { one: "Vorhaben", many: "Vorhaben", dative: "Vorhaben", gender: "n" },
    });
  });

  it("refuse a gender that is not an article, naming the three allowed", () => {
    const r = conceptSchema.safeParse({
      ...rawConcept(),
      terms: { baustein: { singular: "Feld", plural: "Felder", gender: "n" } },
    });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path.join("."))).toEqual(["terms.baustein.gender"]);
    // As pnpm check says it: file, line, column, field, what is allowed.
    const dir = mkdtempSync(join(tmpdir(), "terms-"));
    try {
      cpSync(`${FIXTURE_CONCEPTS}/${NAME}`, dir, { recursive: true });
      const file = join(dir, "concept.yaml");
      writeFileSync(file, readFileSync(file, "utf8").replace("    gender: das\n", "    gender: sächlich\n"));
      const out = runCli(["check"], dir);
      expect(out.code).toBe(1);
      expect(out.stderr.split("\n")[0]).toBe(
        `${dir}/concept.yaml:42:13  terms.baustein.gender  Der Text „sächlich“ ist hier nicht erlaubt. Erlaubt sind: „der“, „die“, „das“.`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("leave no word of today's in the deck records of any variant, also with every section and part", () => {
    const slides = [...own.decks, everything].flatMap((v) => resolveDeck(own, v).slides);
    const text = JSON.stringify(slides);
    expect(text).not.toMatch(TODAYS);
    for (const word of ["Kapitel 1", "2 Kapitel", "Verpflichtungen", "Vorteile", "Hürden", "Stand der Verpflichtungen"])
      expect(text).toContain(word);
    // Counted and inflected the concept's way.
    expect(text).toContain("Zwei Kapitel für eine offene Stadtverwaltung");
    expect(text).toContain("11 Verpflichtungen in 2 Kapiteln");
    expect(text).toContain("Vorteile und Hürden");
    expect(text).toContain("6 Verpflichtungen, 2 Vorteile, 1 Hürde.");
  });

  it("word a selection, an empty Kapitel and empty lists in the concept's words", () => {
    const c = structuredClone(own);
    const k = c.bausteine[1]!;
    k.measures = [];
    k.chances = [];
    const slides = resolveDeck(c, { ...everything, blocks: [k.id] }).slides;
    const text = JSON.stringify(slides);
    expect(text).not.toMatch(TODAYS);
    expect(text).toContain("Auswahl: 1 von 2 Kapiteln");
    expect(text).toContain("Für dieses Kapitel sind noch keine Verpflichtungen benannt.");
    expect(text).toContain("Keine Vorteile benannt.");
    expect(text).toContain("0 Verpflichtungen, 0 Vorteile, 2 Hürden.");
  });

  it("leave no word of today's in the PDF metadata of the deck and the flyers", () => {
    for (const medium of ["deck", "flyer"] as const)
      expect(JSON.stringify(documentMetadata(own, { title: own.title, occasion: "Anlass", medium }))).not.toMatch(
        TODAYS,
      );
  });

  it("name the parts in the messages about references and selections", () => {
    const dir = mkdtempSync(join(tmpdir(), "terms-"));
    try {
      cpSync(`${FIXTURE_CONCEPTS}/${NAME}`, dir, { recursive: true });
      writeFileSync(
        join(dir, "decks", "falsch.yaml"),
        "occasion: Probe\nsections: [bausteine]\nblocks: [finanzen]\nmeasures: [haushalt]\n",
      );
      writeFileSync(
        join(dir, "flyers", "falsch.yaml"),
        "format: a5\noccasion: Probe\ntitle: Probe\nsections:\n  - type: measures\n    block: transparenz\n    measures: [stadtteilforen]\n  - type: chances\n    block: transparenz\n    items: [7]\n",
      );
      const out = runCli(["check"], dir);
      expect(out.code).toBe(1);
      const messages = out.stderr
        .split("\n\n")[0]!
        .split("\n")
        .map((l) => l.split("  ").at(-1));
      expect(messages).toEqual([
        "Das Kapitel „finanzen“ gibt es nicht. Vorhanden sind: transparenz, mitwirkung.",
        "Die Verpflichtung „haushalt“ gibt es nicht. Vorhanden sind: ratsinformation, haushalt-interaktiv, vertragsregister, akteneinsicht, gutachten, ratssitzungen, beteiligungsportal, stadtteilforen, jugendbeirat, buergerhaushalt, leitlinien.",
        "Die Verpflichtung „stadtteilforen“ gehört zum Kapitel „mitwirkung“, nicht zu „transparenz“.",
        "Die Auswahl 7 gibt es nicht: Das Kapitel „Transparenz“ nennt 2 Vorteile; erlaubt sind 1 bis 2.",
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("follow into pnpm check and pnpm status, as a table and as JSON", () => {
    const check = runCli(["check"], DIR);
    expect(check.code).toBe(0);
    expect(check.stdout).toMatch(/^Alles in Ordnung: 2 Kapitel, 11 Verpflichtungen, 3 Vorteile, 3 Hürden, /);
    const table = runCli(["status", "--as-of", "2022-10-31"], DIR);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).not.toMatch(TODAYS);
    expect(table.stdout).toMatch(/^Kapitel +Verpflichtung +Status/m);
    expect(table.stdout).toContain("11 Verpflichtungen in 2 Kapiteln");
    const json = runCli(["status", "--json"], DIR);
    expect(json.code).toBe(0);
    const rows = JSON.parse(json.stdout) as { baustein: string; title: string; status: string; planned: string }[];
    expect(rows.map((r) => r.baustein)).toEqual([...Array(6).fill("Transparenz"), ...Array(5).fill("Mitwirkung")]);
    // Its ranges in canonical form and its own status words, „ohne Angabe“ for the one without a status.
    expect(rows.map((r) => `${r.status} · ${r.planned}`)).toEqual([
      "abgeschlossen · 30.06.2021 – 30.11.2022",
      "substanziell · 01/2021 – 01/2023",
      "nicht begonnen · Q2/2023",
      "verzögert · Q4/2021 – Q4/2022 (neu: 2. Quartal 2023)",
      "begrenzt · 30.06.2021 – 30.11.2022",
      "ohne Angabe · bis 30.11.2022",
      "substanziell · 01/2021 – 01/2023",
      "2022 durchgeführt · Q4/2021 – Q4/2022",
      "begrenzt · Q4/2021 – Q4/2022",
      "nicht begonnen · 01/2023",
      "abgeschlossen · 30.11.2022",
    ]);
    expect(json.stdout).not.toMatch(/"[^"]*(?:Baustein|Maßnahme)[^"]*"\s*[,}\]]/);
  });
});
