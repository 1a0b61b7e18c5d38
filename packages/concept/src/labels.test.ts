import { describe, expect, it } from "vitest";
import { countWords, labels } from "./labels.js";

describe("countWords", () => {
  const bausteine = { one: labels.baustein, many: labels.bausteine };
  const massnahmen = { one: labels.measure, many: labels.measures, feminine: true };

  it.each([
    [0, bausteine, "Keine Bausteine"],
    [1, bausteine, "Ein Baustein"],
    [3, bausteine, "Drei Bausteine"],
    [4, bausteine, "Vier Bausteine"],
    [12, bausteine, "Zwölf Bausteine"],
    [13, bausteine, "13 Bausteine"],
    [0, massnahmen, "Keine Maßnahmen"],
    [1, massnahmen, "Eine Maßnahme"],
    [14, massnahmen, "14 Maßnahmen"],
  ])("%i → %s", (n, noun, text) => {
    expect(countWords(n, noun)).toBe(text);
  });
});

describe("labels", () => {
  it("name every status kind in the concept's words", () => {
    expect(labels.statusKinds).toEqual({
      "not-started": "noch nicht begonnen",
      "in-progress": "in Arbeit",
      "took-place": "stattgefunden",
      done: "erledigt",
    });
    expect([labels.status, labels.planned, labels.published]).toEqual(["Status", "Datum (Plan)", "Veröffentlicht"]);
  });
});
