import { describe, expect, it } from "vitest";
import {
  type Change,
  type ChangeSummary,
  changeLine,
  changeRows,
  changeSummaryLine,
  changeSummarySentence,
  computeChanges,
  formatChangeCounts,
  summariseChanges,
} from "./changes.js";
import type { Baustein } from "./model.js";
import { bausteinSchema } from "./schemas/baustein.js";
import { parseStand } from "./schemas/concept.js";
import type { Terms } from "./terms.js";
import { verlaufOf, verlaufTable } from "./verlauf.js";

interface M {
  id: string;
  title?: string;
  status?: string;
  planned?: string;
  published?: string;
}

/** A Baustein from plain data, through the schema, so notations are parsed as in the loader. */
function baustein(id: string, number: number, measures: M[], extra: { chances?: string[]; risks?: string[] } = {}) {
  const data = bausteinSchema.parse({
    id,
    title: `Baustein ${id.toUpperCase()}`,
    summary: "Zusammenfassung",
    why: { title: "Warum?", text: ["Weil."] },
    measures: measures.map((m) => ({
      id: m.id,
      title: m.title ?? `Maßnahme ${m.id}`,
      summary: ["Text."],
      status: m.status ?? "in Arbeit",
      planned: m.planned ?? "laufend",
      published: m.published ?? "noch nicht",
    })),
    chances: extra.chances ?? [],
    risks: extra.risks ?? [],
  });
  return { ...data, number } satisfies Baustein;
}

function state(stand: string, bausteine: Baustein[]) {
  const r = parseStand(stand);
  if (!r.ok) throw new Error(r.error);
  return { stand: r.value, bausteine };
}

/** The changes of one Maßnahme `x` in Baustein `a`, from `before` to `after`, between the Stände 06/2018 and 11/2018. */
function one(before: Omit<M, "id">, after: Omit<M, "id">, stands: [string, string] = ["06/2018", "11/2018"]) {
  return computeChanges(
    state(stands[0], [baustein("a", 1, [{ id: "x", ...before }])]),
    state(stands[1], [baustein("a", 1, [{ id: "x", ...after }])]),
  );
}

const brief = (changes: readonly Change[]) => changes.map((c) => [c.item, c.id, c.change, c.before, c.after]);
const zero = () => summariseChanges([]);
const summary = (counts: Partial<ChangeSummary>): ChangeSummary => ({ ...zero(), ...counts });

describe("computeChanges", () => {
  it("finds nothing between a state and itself", () => {
    const s = state("11/2018", [baustein("a", 1, [{ id: "x" }, { id: "y" }], { chances: ["C"], risks: ["R"] })]);
    const r = computeChanges(s, s);
    expect(r.changes).toEqual([]);
    expect(r.summary).toEqual(zero());
    expect(r.asOf).toEqual({ before: "2018-11-30", after: "2018-11-30" });
  });

  it("a status change, old → new; open → completed counts as completed, completed → open as reopened", () => {
    const done = one({ status: "in Arbeit" }, { status: "erledigt" });
    expect(done.changes).toEqual([
      {
        item: "maßnahme",
        id: "x",
        title: "Maßnahme x",
        baustein: { id: "a", title: "Baustein A", number: 1, removed: false },
        change: "status",
        before: "in Arbeit",
        after: "erledigt",
        from: { kind: "in-progress" },
        to: { kind: "done" },
        completed: true,
        reopened: false,
      },
    ]);
    expect(done.summary).toEqual(summary({ completed: 1 }));
    const took = one({ status: "noch nicht begonnen" }, { status: "2018 stattgefunden" });
    expect(took.summary).toEqual(summary({ completed: 1 }));
    const started = one({ status: "noch nicht begonnen" }, { status: "in Arbeit" });
    expect(started.summary).toEqual(summary({ otherStatus: 1 }));
    const reopened = one({ status: "erledigt" }, { status: "in Arbeit" });
    expect(reopened.changes[0]).toMatchObject({ completed: false, reopened: true });
    expect(reopened.summary).toEqual(summary({ otherStatus: 1 }));
    // Another year is another status; the same status in other spacing is none.
    expect(brief(one({ status: "2018 stattgefunden" }, { status: "2019 stattgefunden" }).changes)).toEqual([
      ["maßnahme", "x", "status", "2018 stattgefunden", "2019 stattgefunden"],
    ]);
    expect(one({ status: "in  Arbeit" }, { status: "in Arbeit" }).changes).toEqual([]);
  });

  it.each([
    ["12/2018", "02/2019", "later"],
    ["02/2019", "12/2018", "earlier"],
    ["12/2018 und 02/2019", "12/2018 und 04/2019", "later"],
    ["12/2018 und 04/2019", "01/2019 und 04/2019", "later"],
    ["2019", "Q4/2019", "later"],
    ["Q4/2019", "2019", "earlier"],
    ["ab 2019", "ab Q2/2019", "later"],
    ["für 2019 geplant", "für 2018 geplant", "earlier"],
    ["06.12.2018", "07.12.2018", "later"],
    ["06.12.2018 (Foyer)", "06.12.2018 (Saal)", "changed"],
    ["12/2018", "ab 12/2018", "changed"],
    ["laufend", "12/2019", "changed"],
    ["12/2019", "noch nicht geplant", "changed"],
  ])("Datum (Plan) %s → %s: %s", (from, to, direction) => {
    const r = one({ planned: from }, { planned: to }, ["01/2018", "02/2018"]);
    expect(r.changes).toHaveLength(1);
    expect(r.changes[0]).toMatchObject({ change: "datum", before: from, after: to, direction });
    const key = direction === "later" ? "slipped" : direction === "earlier" ? "advanced" : "replanned";
    expect(r.summary).toEqual(summary({ [key]: 1 }));
  });

  it("compares Datum (Plan) by its value, not its text", () => {
    expect(one({ planned: "9/2017" }, { planned: "09/2017" }, ["01/2017", "02/2017"]).changes).toEqual([]);
    expect(one({ planned: "06.12.2018  (Foyer)" }, { planned: "06.12.2018 (Foyer)" }).changes).toEqual([]);
  });

  it("Veröffentlicht: published now, or changed otherwise", () => {
    const now = one({ published: "noch nicht" }, { published: "11/2018 (Intranet)" });
    expect(brief(now.changes)).toEqual([["maßnahme", "x", "veröffentlicht", "noch nicht", "11/2018 (Intranet)"]]);
    expect(now.changes[0]).toMatchObject({ newlyPublished: true, to: { kind: "on" } });
    expect(now.summary).toEqual(summary({ published: 1 }));
    const other = one({ published: "11/2018" }, { published: "seit 11/2018" });
    expect(other.summary).toEqual(summary({ otherPublished: 1 }));
  });

  it("overdue as of the current Stand and not as of the earlier one: „überfällig“ with Datum (Plan) after", () => {
    const became = one({ planned: "09/2018" }, { planned: "09/2018" });
    expect(became.changes).toEqual([
      expect.objectContaining({
        change: "überfällig",
        before: null,
        after: "09/2018",
        planned: { kind: "on", period: { unit: "month", year: 2018, month: 9 } },
        deadline: "2018-09-30",
      }),
    ]);
    expect(became.summary).toEqual(summary({ overdue: 1 }));
    // Overdue at both Stände, completed, or due on the last day of the Stand: not a change.
    expect(one({ planned: "05/2018" }, { planned: "05/2018" }).changes).toEqual([]);
    expect(one({ planned: "09/2018", status: "erledigt" }, { planned: "09/2018", status: "erledigt" }).changes).toEqual(
      [],
    );
    expect(one({ planned: "11/2018" }, { planned: "11/2018" }).changes).toEqual([]);
    // Completed since: a status change, no longer overdue.
    expect(brief(one({ planned: "05/2018" }, { planned: "05/2018", status: "erledigt" }).changes)).toEqual([
      ["maßnahme", "x", "status", "in Arbeit", "erledigt"],
    ]);
    // Moved to a date that has passed too: both.
    expect(brief(one({ planned: "12/2018" }, { planned: "10/2018" }).changes)).toEqual([
      ["maßnahme", "x", "datum", "12/2018", "10/2018"],
      ["maßnahme", "x", "überfällig", null, "10/2018"],
    ]);
  });

  it("new and removed Maßnahmen: the status after, or before; a new one may be overdue at once", () => {
    const r = computeChanges(
      state("06/2018", [baustein("a", 1, [{ id: "alt", status: "erledigt" }, { id: "bleibt" }])]),
      state("11/2018", [
        baustein("a", 1, [{ id: "bleibt" }, { id: "neu", status: "noch nicht begonnen", planned: "10/2018" }]),
      ]),
    );
    expect(brief(r.changes)).toEqual([
      ["maßnahme", "neu", "neu", null, "noch nicht begonnen"],
      ["maßnahme", "neu", "überfällig", null, "10/2018"],
      ["maßnahme", "alt", "entfallen", "erledigt", null],
    ]);
    expect(r.summary).toEqual(summary({ new: 1, removed: 1, overdue: 1 }));
  });

  it("matches by id: a renamed Maßnahme is the same one, and one moved to another Baustein too", () => {
    const r = computeChanges(
      state("06/2018", [baustein("a", 1, [{ id: "x", title: "Alter Titel" }, { id: "y" }]), baustein("b", 2, [])]),
      state("11/2018", [
        baustein("a", 1, [{ id: "x", title: "Neuer Titel", status: "erledigt" }]),
        baustein("b", 2, [{ id: "y" }]),
      ]),
    );
    expect(r.changes).toEqual([
      expect.objectContaining({ id: "x", title: "Neuer Titel", formerTitle: "Alter Titel", change: "status" }),
    ]);
    const renamedOnly = one({ title: "Alt" }, { title: "Neu" });
    expect(renamedOnly.changes).toEqual([]);
  });

  it("new and removed Bausteine: their Maßnahmen one by one, their Chancen and Risiken with them", () => {
    const r = computeChanges(
      state("06/2018", [
        baustein("a", 1, [{ id: "x" }]),
        baustein("weg", 2, [{ id: "w1" }, { id: "w2", status: "erledigt" }], { chances: ["C"] }),
      ]),
      state("11/2018", [baustein("a", 1, [{ id: "x" }]), baustein("neu", 2, [{ id: "n1" }], { risks: ["R"] })]),
    );
    expect(
      r.changes.map((c) => [c.item, c.id, c.change, c.before, c.after, c.baustein.id, c.baustein.removed]),
    ).toEqual([
      ["baustein", "neu", "neu", null, "Baustein NEU", "neu", false],
      ["maßnahme", "n1", "neu", null, "in Arbeit", "neu", false],
      ["baustein", "weg", "entfallen", "Baustein WEG", null, "weg", true],
      ["maßnahme", "w1", "entfallen", "in Arbeit", null, "weg", true],
      ["maßnahme", "w2", "entfallen", "erledigt", null, "weg", true],
    ]);
    expect(r.summary).toEqual(summary({ new: 1, removed: 2, newBausteine: 1, removedBausteine: 1 }));
  });

  it("Chancen and Risiken by their text within their Baustein; spacing does not count, repeats do", () => {
    const r = computeChanges(
      state("06/2018", [
        baustein("a", 1, [], { chances: ["Bleibt", "Doppelt", "Doppelt", "Weg"], risks: ["Risiko  alt"] }),
        baustein("b", 2, [], { chances: ["Anderswo"] }),
      ]),
      state("11/2018", [
        baustein("a", 1, [], {
          chances: ["Doppelt", "Bleibt", "Neu", "Anderswo"],
          risks: ["Risiko alt", "Risiko neu"],
        }),
        baustein("b", 2, [], { chances: [] }),
      ]),
    );
    expect(brief(r.changes)).toEqual([
      ["chance", "a", "neu", null, "Neu"],
      ["chance", "a", "neu", null, "Anderswo"],
      ["chance", "a", "entfallen", "Doppelt", null],
      ["chance", "a", "entfallen", "Weg", null],
      ["risiko", "a", "neu", null, "Risiko neu"],
      ["chance", "b", "entfallen", "Anderswo", null],
    ]);
    expect(r.changes[0]?.title).toBe("Neu");
    expect(r.summary).toEqual(summary({ newChances: 2, removedChances: 3, newRisks: 1 }));
  });
});

describe("the summary in words", () => {
  it("the short line: every count that is not zero, in a fixed order, nouns in singular or plural", () => {
    expect(formatChangeCounts(summary({ slipped: 1, new: 1, completed: 2 }))).toBe(
      "erledigt: 2, neu: 1, verschoben: 1",
    );
    expect(changeSummaryLine(summary({ slipped: 1, new: 1, completed: 2 }))).toBe(
      "Seit dem letzten Bericht erledigt: 2, neu: 1, verschoben: 1",
    );
    expect(formatChangeCounts(summary({ newBausteine: 1, newRisks: 2, removedChances: 1 }))).toBe(
      "neuer Baustein: 1, entfallene Chance: 1, neue Risiken: 2",
    );
    expect(formatChangeCounts(summary({ newBausteine: 2, newRisks: 1, removedRisks: 3 }))).toBe(
      "neue Bausteine: 2, neues Risiko: 1, entfallene Risiken: 3",
    );
    expect(changeSummaryLine(zero(), { since: "Seit dem Stand Juni 2018" })).toBe(
      "Seit dem Stand Juni 2018 keine Änderungen",
    );
  });

  it("the sentence: the verb second after „Seit …“, agreeing with each count, „und“ before the last", () => {
    expect(changeSummarySentence(summary({ completed: 2, new: 1, slipped: 1 }))).toBe(
      "Seit dem letzten Bericht wurden 2 Maßnahmen erledigt, 1 Maßnahme ist neu und 1 Maßnahme wurde verschoben.",
    );
    expect(changeSummarySentence(summary({ completed: 1 }))).toBe(
      "Seit dem letzten Bericht wurde 1 Maßnahme erledigt.",
    );
    expect(changeSummarySentence(summary({ new: 3, removed: 1 }), { since: "Seit dem Stand Juni 2018" })).toBe(
      "Seit dem Stand Juni 2018 sind 3 Maßnahmen neu und 1 Maßnahme ist entfallen.",
    );
    expect(changeSummarySentence(summary({ otherStatus: 2, overdue: 1, newRisks: 2, removedBausteine: 1 }))).toBe(
      "Seit dem letzten Bericht haben 2 Maßnahmen einen anderen Status, 1 Maßnahme ist überfällig geworden, 1 Baustein ist entfallen und 2 Risiken sind neu.",
    );
    expect(changeSummarySentence(summary({ otherPublished: 1, replanned: 2 }))).toBe(
      "Seit dem letzten Bericht haben 2 Maßnahmen ein anderes Datum (Plan) und 1 Maßnahme hat eine andere Angabe „Veröffentlicht“.",
    );
    expect(changeSummarySentence(zero())).toBe("Seit dem letzten Bericht hat sich nichts geändert.");
  });

  it("with a concept's own nouns: the adjective and the verb agree with them", () => {
    const terms: Terms = {
      baustein: { one: "Handlungsfeld", many: "Handlungsfelder", dative: "Handlungsfeldern", gender: "n" },
      measure: { one: "Verpflichtung", many: "Verpflichtungen", dative: "Verpflichtungen", gender: "f" },
      chance: { one: "Vorteil", many: "Vorteile", dative: "Vorteilen", gender: "m" },
      risk: { one: "Hürde", many: "Hürden", dative: "Hürden", gender: "f" },
    };
    const counts = summary({ completed: 1, newBausteine: 1, removedBausteine: 2, newChances: 1, newRisks: 1 });
    expect(formatChangeCounts(counts, terms)).toBe(
      "erledigt: 1, neues Handlungsfeld: 1, entfallene Handlungsfelder: 2, neuer Vorteil: 1, neue Hürde: 1",
    );
    expect(changeSummarySentence(counts, { terms })).toBe(
      "Seit dem letzten Bericht wurde 1 Verpflichtung erledigt, 1 Handlungsfeld ist neu, 2 Handlungsfelder sind entfallen, 1 Vorteil ist neu und 1 Hürde ist neu.",
    );
    const r = computeChanges(state("06/2018", []), state("11/2018", [baustein("a", 1, [{ id: "x" }])]));
    expect(r.changes.map((c) => changeLine(c, terms))).toEqual(["Handlungsfeld „Baustein A“: neu", "Maßnahme x: neu"]);
  });

  it("one line per change, as the slides write them", () => {
    const r = computeChanges(
      state("06/2018", [baustein("a", 1, [{ id: "x", planned: "12/2018" }, { id: "weg" }], { chances: ["Alt"] })]),
      state("11/2018", [
        baustein("a", 1, [
          { id: "x", title: "Rundbrief", status: "erledigt", planned: "02/2019", published: "11/2018" },
        ]),
        baustein("b", 2, [{ id: "spaet", planned: "10/2018" }]),
      ]),
    );
    expect(r.changes.map((c) => changeLine(c))).toEqual([
      "Rundbrief: in Arbeit → erledigt",
      "Rundbrief: Datum (Plan): 12/2018 → 02/2019",
      "Rundbrief: Veröffentlicht: noch nicht → 11/2018",
      "Maßnahme weg: entfallen",
      "Chance „Alt“: entfallen",
      "Baustein „Baustein B“: neu",
      "Maßnahme spaet: neu",
      "Maßnahme spaet: überfällig (Datum (Plan): 10/2018)",
    ]);
    expect(changeRows(r.changes)[0]).toEqual({
      item: "maßnahme",
      baustein: "Baustein A",
      id: "x",
      title: "Rundbrief",
      change: "status",
      before: "in Arbeit",
      after: "erledigt",
    });
  });
});

describe("the Verlauf", () => {
  it("counts every status at every state, also statuses no Maßnahme has, and marks the current state", () => {
    const june = state("06/2018", [baustein("a", 1, [{ id: "x", status: "noch nicht begonnen" }, { id: "y" }])]);
    const nov = state("30.11.2018", [
      baustein("a", 1, [{ id: "x" }, { id: "y", status: "erledigt" }]),
      baustein("b", 2, [{ id: "z", status: "2018 stattgefunden" }]),
    ]);
    const entries = verlaufOf([
      { stand: june.stand, concept: june, commit: { oid: "a".repeat(40), short: "aaaaaaa", date: "2018-06-29" } },
      { stand: nov.stand, concept: nov },
    ]);
    expect(entries.map((e) => [e.label, e.longLabel, e.current, e.total, e.counts.map((c) => c.count)])).toEqual([
      ["06/2018", "Juni 2018", false, 2, [1, 1, 0, 0]],
      ["30.11.2018", "30. November 2018", true, 3, [0, 1, 1, 1]],
    ]);
    expect(entries[0]?.counts.map((c) => [c.kind, c.label])).toEqual([
      ["not-started", "noch nicht begonnen"],
      ["in-progress", "in Arbeit"],
      ["took-place", "stattgefunden"],
      ["done", "erledigt"],
    ]);
    expect(verlaufTable(entries)).toEqual({
      head: ["Stand", "noch nicht begonnen", "in Arbeit", "stattgefunden", "erledigt", "Gesamt"],
      rows: [
        ["06/2018", "1", "1", "0", "0", "2"],
        ["30.11.2018 (aktuell)", "0", "1", "1", "1", "3"],
      ],
    });
  });
});
