import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findRepoRoot } from "./environment.js";
import { contentLocator } from "./locate-content.js";

const dir = join(findRepoRoot(), "fixtures", "concepts", "kleinstadt");
const locate = contentLocator(dir, "fixtures/concepts/kleinstadt");
/** The 1-based line of the first line of `file` that contains `text`. */
const lineOf = (file: string, text: string) =>
  readFileSync(join(dir, file), "utf8")
    .split("\n")
    .findIndex((l) => l.includes(text)) + 1;

describe("where a part of the concept is written", () => {
  it("finds a Maßnahme's field by the ids of its Baustein and of the Maßnahme, not by list position", () => {
    const file = "bausteine/01-informieren.yaml";
    const at = locate(["bausteine", "informieren", "measures", "rundbrief", "summary"]);
    expect(at).toMatch(new RegExp(`^fixtures/concepts/kleinstadt/${file.replace(".", "\\.")}:\\d+:\\d+$`));
    const line = Number(at!.split(":")[1]);
    expect(line).toBeGreaterThan(lineOf(file, "id: rundbrief"));
    expect(line).toBeLessThanOrEqual(lineOf(file, "id: rundbrief") + 4);
  });

  it("finds fields of concept.yaml, intro sections by id, and deck variants", () => {
    expect(locate(["concept", "closing"])).toBe(
      `fixtures/concepts/kleinstadt/concept.yaml:${lineOf("concept.yaml", "closing:")}:10`,
    );
    expect(locate(["concept", "intro", "ziele"])).toBe(
      `fixtures/concepts/kleinstadt/concept.yaml:${lineOf("concept.yaml", "id: ziele")}:5`,
    );
    expect(locate(["decks", "kurz", "occasion"])).toMatch(/decks\/kurz\.yaml:\d+:\d+$/);
  });

  it("answers nothing for a path that leads nowhere", () => {
    expect(locate(["bausteine", "gibt-es-nicht", "title"])).toBeUndefined();
    expect(locate(["decks", "gibt-es-nicht", "title"])).toBeUndefined();
    expect(locate(["sonstwas"])).toBeUndefined();
  });
});
