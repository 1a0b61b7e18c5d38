/**
 * The deck's section `changes` resolved from a real git history (a temporary repository): the slides „Seit dem
 * letzten Stand (…)“ with the summary first and one line per change, split over slides; the slide „Verlauf“ with the
 * status counts of every Stand; without history no slide, and the notes and the build's notices say why. And the
 * digest of the history the builds key their outputs with.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { CHANGES_PER_SLIDE, type Concept, resolveDeck, type SlideOf, VERLAUF_STANDS_PER_SLIDE } from "../src/index.js";
import { loadConceptSync, readProgress } from "../src/node.js";
import { FIXTURE_CONCEPTS } from "./helpers.js";
import { git, HistoryRepo, klimaHistory, removeTemps, tempFolder } from "./history-repo.js";

afterAll(removeTemps);
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const DECK = ["occasion: Sitzung des Umweltausschusses", "sections: [title, changes, status, closing]", ""].join("\n");

let h: ReturnType<typeof klimaHistory>;
let current: Concept;
beforeAll(() => {
  h = klimaHistory();
  // Uncommitted: a new Stand, a renamed Maßnahme that is now done, and the variant that shows the changes.
  h.repo
    .stand("06/2025")
    .measure(h.files.verwaltung, "hitzekarte", "title", "Neue Hitzekarte")
    .measure(h.files.verwaltung, "hitzekarte", "status", "erledigt")
    .write("decks/bericht.yaml", DECK);
  current = loadConceptSync(h.repo.content);
});

const deckOf = (c: Concept, seit?: string, dir = h.repo.content) => {
  const v = c.decks.find((d) => d.id === "bericht");
  if (!v) throw new Error("bericht");
  const progress = readProgress(dir, c, seit ? { seit } : {});
  return { deck: resolveDeck(c, v, { history: progress.history }), progress };
};
const ofKind = <K extends "changes" | "verlauf">(slides: { kind: string }[], kind: K) =>
  slides.filter((s) => s.kind === kind) as SlideOf<K>[];
const lines = (s: SlideOf<"changes">) =>
  s.items.map((e) => `${e.subject}${e.former ? ` (${e.former})` : ""}: ${e.detail}`);

describe("section changes", () => {
  it("compares with the previous Stand, uncommitted edits included; a renamed Maßnahme shows its earlier title", () => {
    const { deck } = deckOf(current);
    const [slide, ...more] = ofKind(deck.slides, "changes");
    expect(more).toEqual([]);
    expect(slide?.heading).toBe("Seit dem letzten Stand (Januar 2025)");
    expect(slide?.title).toBe("Seit dem letzten Stand (Januar 2025)");
    expect(slide?.summary).toBe("Seit dem letzten Bericht erledigt: 1");
    expect(lines(slide!)).toEqual(["Neue Hitzekarte (früher: Hitzekarte für die Stadtplanung): in Arbeit → erledigt"]);
    expect(slide?.kicker).toBe(
      `Stand: Juni 2025 · Vergleich mit dem vorigen Stand Januar 2025 (Commit ${h.third.short} vom 20.01.2025)`,
    );
    expect(slide?.notes[0]).toBe("Seit dem letzten Bericht wurde 1 Maßnahme erledigt.");
    // The slides sit where the variant lists the section.
    expect([...new Set(deck.slides.map((s) => s.kind))]).toEqual(["title", "changes", "verlauf", "status", "closing"]);
    expect(deck.notices).toBeUndefined();
  });

  it("SEIT names an earlier Stand: every kind of change, the summary first, split evenly over slides", () => {
    const { deck } = deckOf(current, "06/2024");
    const slides = ofKind(deck.slides, "changes");
    const all = slides.flatMap(lines);
    expect(all.length).toBe(20);
    expect(slides.map((s) => s.items.length)).toEqual([7, 7, 6]);
    expect(CHANGES_PER_SLIDE).toBe(8);
    expect(slides.map((s) => s.heading)).toEqual([
      "Seit dem Stand Juni 2024 (1/3)",
      "Seit dem Stand Juni 2024 (2/3)",
      "Seit dem Stand Juni 2024 (3/3)",
    ]);
    for (const s of slides)
      expect(s.summary).toBe(
        "Seit dem Stand Juni 2024 erledigt: 2, neu: 2, entfallen: 3, Status geändert: 1, verschoben: 1, vorgezogen: 1, " +
          "Datum (Plan) geändert: 1, überfällig geworden: 1, veröffentlicht: 1, Veröffentlicht geändert: 1, " +
          "neuer Baustein: 1, entfallener Baustein: 1, neue Chance: 1, entfallene Chance: 1, neues Risiko: 1, " +
          "entfallenes Risiko: 1",
      );
    expect(all).toEqual(
      expect.arrayContaining([
        "Risiko „Kosten für den Betrieb“: neu",
        "Neue Hitzekarte (früher: Hitzekarte für die Stadtplanung): in Arbeit → erledigt",
        "Schulung für Kartenprogramme: noch nicht begonnen → in Arbeit",
        "Leitfaden Klima in der Planung: Datum (Plan): für Q2/2027 geplant → für Q1/2027 geplant",
        "Vortrag in der Planungsrunde: entfallen",
        "Klimabericht 2028: Datum (Plan): 12/2028 → 06/2029",
        "Abschlussarbeiten: Veröffentlicht: noch nicht → 12/2024 (Hochschulseite)",
        "Mitmachtag: überfällig (Datum (Plan): 10/2024)",
        "Klimawerkstatt: neu",
        "Baustein „Presse“: entfallen",
        "Hitzewarnungen: entfallen",
        "Baustein „Vereine“: neu",
      ]),
    );
    // A rename alone is no change.
    expect(all.some((l) => l.startsWith("Interaktive Karte der Messstationen"))).toBe(false);
  });

  it("Verlauf: the status counts of every Stand, oldest first, the current one marked, as bars and as a table", () => {
    const { deck } = deckOf(current);
    const [slide] = ofKind(deck.slides, "verlauf");
    expect(slide?.heading).toBe("Verlauf");
    const v = slide!.verlauf;
    expect(v.bars.map((b) => b.label)).toEqual(["06/2024", "01/2025", "06/2025 (aktuell)"]);
    expect(v.table.head).toEqual(["Stand", "noch nicht begonnen", "in Arbeit", "stattgefunden", "erledigt", "Gesamt"]);
    expect(v.table.rows.map((r) => r[0])).toEqual(v.bars.map((b) => b.label));
    for (const [i, b] of v.bars.entries()) {
      expect(b.segments.reduce((n, s) => n + s.count, 0)).toBe(b.total);
      expect(v.table.rows[i]?.slice(1).map(Number)).toEqual([...b.segments.map((s) => s.count), b.total]);
    }
    expect(v.max).toBe(Math.max(...v.bars.map((b) => b.total)));
    expect(v.description).toMatch(/^Verlauf: Maßnahmen nach Status an 3 Ständen\. Juni 2024: /);
    expect(v.description).toContain("Juni 2025 (aktuell): ");
    expect(slide?.kicker).toBe("3 Stände · Stand: Juni 2025");
  });

  it("without history: no slide; the neighbouring slide's notes and the build's notices say why", () => {
    const dir = join(tempFolder(), "inhalt");
    const repo = new HistoryRepo("sechs-bausteine", "inhalt", dir.replace(/\/inhalt$/, ""));
    repo.write("decks/bericht.yaml", DECK);
    // A folder in a repository without any commit.
    const c = loadConceptSync(repo.content);
    const { deck } = deckOf(c, undefined, repo.content);
    expect([...new Set(deck.slides.map((s) => s.kind))]).toEqual(["title", "status", "closing"]);
    const why = `Keine Folien „Seit dem letzten Stand“ und „Verlauf“. Kein früherer Stand gefunden: Der Inhaltsordner ${repo.content} ist im Git-Repository ${repo.root} noch in keinem Commit enthalten.`;
    expect(deck.slides[0]?.notes.at(-1)).toBe(why);
    expect(deck.notices).toEqual([why]);
  });

  it("resolved without history (a preview, a test): no slide, and the notes say the history was not read", () => {
    const c = loadConceptSync(join(FIXTURE_CONCEPTS, "sechs-bausteine"));
    const v = { ...c.decks[0]!, sections: ["changes" as const, "title" as const] };
    const deck = resolveDeck(c, v);
    expect(deck.slides.map((s) => s.kind)).toEqual(["title"]);
    expect(deck.slides[0]?.notes.at(-1)).toBe(
      "Keine Folien „Seit dem letzten Stand“ und „Verlauf“. Kein früherer Stand gefunden: Die Geschichte der Inhalte wurde für diese Ausgabe nicht gelesen.",
    );
  });
});

describe("Verlauf of a long history", () => {
  it("shows the latest Stände that fit one slide, and says how many there are", () => {
    const repo = new HistoryRepo("sechs-bausteine");
    for (let month = 1; month <= 10; month++) {
      repo.stand(`${String(month).padStart(2, "0")}/2024`);
      repo.commit(`Stand ${month}/2024`, `2024-${String(month).padStart(2, "0")}-28`);
    }
    repo.stand("11/2024").write("decks/bericht.yaml", DECK);
    const c = loadConceptSync(repo.content);
    const { deck } = deckOf(c, undefined, repo.content);
    const [slide] = ofKind(deck.slides, "verlauf");
    expect(VERLAUF_STANDS_PER_SLIDE).toBe(8);
    expect(slide?.verlauf.bars.map((b) => b.label)).toEqual([
      "04/2024",
      "05/2024",
      "06/2024",
      "07/2024",
      "08/2024",
      "09/2024",
      "10/2024",
      "11/2024 (aktuell)",
    ]);
    expect(slide?.verlauf.table.rows.length).toBe(8);
    expect(slide?.kicker).toBe("die letzten 8 von 11 Ständen · Stand: November 2024");
  });
});

describe("the digest of the history used", () => {
  it("stays the same for a commit outside the content and for committing the current Stand; a new Stand changes it", () => {
    const repo = klimaHistory().repo;
    repo.stand("06/2025");
    const digest = () => readProgress(repo.content, loadConceptSync(repo.content)).digest;
    const before = digest();
    writeFileSync(join(repo.root, "NOTIZEN.md"), "nichts\n");
    // Only the file outside the content folder: the new Stand stays uncommitted.
    git(repo.root, ["add", "NOTIZEN.md"]);
    git(repo.root, ["commit", "--quiet", "-m", "Notizen"], "2025-02-01T12:00:00+01:00");
    expect(git(repo.root, ["status", "--porcelain"])).toContain("concept.yaml");
    expect(digest()).toBe(before);
    // The current state committed: the same versions of the earlier Stände are read.
    repo.commit("Stand Juni 2025", "2025-06-10");
    expect(digest()).toBe(before);
    repo.stand("12/2025");
    expect(digest()).not.toBe(before);
    const seit = readProgress(repo.content, loadConceptSync(repo.content), { seit: "06/2024" }).digest;
    expect(seit).not.toBe(digest());
  });

  it("SEIT naming a Stand that does not exist is a usage error with the Stände there are", () => {
    const r = readProgress(h.repo.content, current, { seit: "03/2019" });
    expect(r.unknown).toBe(
      "Den Stand „03/2019“ gibt es in der Geschichte von " +
        `${h.repo.content} nicht, auch keine Revision dieses Namens. Vorhanden sind: 01/2025, 06/2024.`,
    );
  });
});
