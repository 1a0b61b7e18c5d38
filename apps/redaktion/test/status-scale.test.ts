import { describe, expect, it } from "vitest";
import { readStatus, statusScale, unknownChoice, writeStatus } from "../src/shared/status-scale.js";

describe("the Status choice follows the concept's scale", () => {
  it("offers the default scale where concept.yaml defines none, with „verzögert“ and „ohne Angabe“", () => {
    expect(statusScale(undefined).map((c) => writeStatus(c, 2018))).toEqual([
      "erledigt",
      "in Arbeit",
      "verzögert",
      "noch nicht begonnen",
      "2018 stattgefunden",
      "ohne Angabe",
    ]);
  });

  it("offers the concept's own words, each its own choice also where two share a kind, and reads synonyms", () => {
    const choices = statusScale([
      { label: "begrenzt", kind: "in-arbeit" },
      { label: "substanziell", kind: "in-arbeit" },
      { label: "abgeschlossen", kind: "erledigt", synonyms: ["umgesetzt"] },
      { label: "durchgeführt", kind: "stattgefunden", year: true },
    ]);
    expect(choices.map((c) => [c.key, c.kind])).toEqual([
      ["begrenzt", "in-progress"],
      ["substanziell", "in-progress"],
      ["abgeschlossen", "done"],
      ["durchgeführt", "took-place"],
      ["ohne Angabe", "unknown"],
    ]);
    expect(readStatus("substanziell", choices)).toEqual({ key: "substanziell" });
    expect(readStatus("umgesetzt", choices)).toEqual({ key: "abgeschlossen" });
    expect(readStatus("2021 durchgeführt", choices)).toEqual({ key: "durchgeführt", year: 2021 });
    expect(readStatus("erledigt", choices)).toBeUndefined();
    expect(unknownChoice(choices)?.label).toBe("ohne Angabe");
  });

  it("keeps the words of a scale that has a mistake (reported in concept.yaml)", () => {
    const choices = statusScale([
      { label: "begrenzt", kind: "fertig" },
      { label: "abgeschlossen", kind: "erledigt" },
    ]);
    expect(choices.map((c) => c.label)).toEqual(["begrenzt", "abgeschlossen", "ohne Angabe"]);
  });
});
