/**
 * The loader's text check (`checkText`): whoever knows what the outputs can show (the fonts, packages/brand) passes
 * it in; the loader runs it on every text and names each finding's file, line, column (of the character itself)
 * and field.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ContentError, loadConceptSync, type TextCheck } from "../src/node.js";
import { FIXTURE_CONCEPTS } from "./helpers.js";

const temps: string[] = [];
afterAll(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

/** Finds every „💔“ and every bell character. */
const check: TextCheck = (text) =>
  [...text.matchAll(new RegExp(`💔|${String.fromCharCode(7)}`, "gu"))].map((m) => ({
    index: m.index ?? 0,
    length: m[0].length,
    message: `Gefunden: U+${(m[0].codePointAt(0) as number).toString(16).toUpperCase()}.`,
  }));

function problems(dir: string): string[] {
  try {
    loadConceptSync(dir, { displayDir: "inhalt", checkText: check });
  } catch (e) {
    if (e instanceof ContentError)
      return e.problems.map((p) => `${p.file}:${p.line}:${p.column}  ${p.field}  ${p.message}`);
    throw e;
  }
  return [];
}

/** The order of ContentError: file, then line, then column. */
const byPlace = (a: string, b: string) => {
  const key = (s: string) => /^(.*?):(\d+):(\d+)/.exec(s) ?? ["", "", "0", "0"];
  const [, fa = "", la = "0", ca = "0"] = key(a);
  const [, fb = "", lb = "0", cb = "0"] = key(b);
  return fa.localeCompare(fb) || Number(la) - Number(lb) || Number(ca) - Number(cb);
};

function copyWith(edits: Record<string, (yaml: string) => string>): string {
  const dir = mkdtempSync(join(tmpdir(), "zeichen-"));
  temps.push(dir);
  cpSync(join(FIXTURE_CONCEPTS, "kleinstadt"), dir, { recursive: true });
  for (const [file, edit] of Object.entries(edits)) {
    const before = readFileSync(join(dir, file), "utf8");
    const after = edit(before);
    expect(after, file).not.toBe(before);
    writeFileSync(join(dir, file), after);
  }
  return dir;
}

describe("checkText: every text, each finding at its character", () => {
  it("finds nothing in a fixture concept, and the concept loads as without the check", () => {
    const dir = join(FIXTURE_CONCEPTS, "kleinstadt");
    expect(problems(dir)).toEqual([]);
    expect(loadConceptSync(dir, { checkText: check })).toEqual(loadConceptSync(dir));
  });

  it("in plain, quoted and block texts and in list entries: line and column of the character", () => {
    const dir = copyWith({
      "concept.yaml": (y) =>
        y
          .replace(/^claim: (.*)$/m, "claim: Klein 💔 fein")
          .replace(/^title: (.*)$/m, 'title: "Zwei \\u0007 Glocken"')
          .replace(/^closing: .*$/m, "closing: |\n  Erste Zeile\n  zweite 💔 und 💔\n"),
      "flyers/sprechstunde.yaml": (y) => y.replace(/^occasion: (.*)$/m, "occasion: 💔 $1"),
    });
    const lines = (file: string) => readFileSync(join(dir, file), "utf8").split("\n");
    const at = (file: string, text: string, nth = 0) => {
      const all = lines(file).flatMap((l, i) =>
        [...l.matchAll(new RegExp(text, "gu"))].map((m) => `${i + 1}:${(m.index ?? 0) + 1}`),
      );
      return all[nth];
    };
    const titleLine = lines("concept.yaml").findIndex((l) => l.startsWith("title: ")) + 1;
    expect(problems(dir)).toEqual(
      [
        `inhalt/concept.yaml:${at("concept.yaml", "💔")}  claim  Gefunden: U+1F494.`,
        // Written as an escape: the text is named where it starts.
        `inhalt/concept.yaml:${titleLine}:8  title  Gefunden: U+7.`,
        `inhalt/concept.yaml:${at("concept.yaml", "💔", 1)}  closing  Gefunden: U+1F494.`,
        `inhalt/concept.yaml:${at("concept.yaml", "💔", 2)}  closing  Gefunden: U+1F494.`,
        `inhalt/flyers/sprechstunde.yaml:${at("flyers/sprechstunde.yaml", "💔")}  occasion  Gefunden: U+1F494.`,
      ].sort(byPlace),
    );
  });

  it("texts are held composed (NFC), the form the fonts show: e with a combining acute is é", () => {
    const dir = copyWith({ "concept.yaml": (y) => y.replace(/^claim: (.*)$/m, "claim: Cafe\u0301 und Mu\u0308hle") });
    expect(loadConceptSync(dir).claim).toBe("Café und Mühle");
  });

  it("one mistake, one message: a field with another problem is not checked again", () => {
    const dir = copyWith({ "concept.yaml": (y) => y.replace(/^portal: .*$/m, "portal: http://💔.example") });
    const found = problems(dir);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/ {2}portal {2}„http:\/\/💔\.example“ ist keine gültige Adresse/);
  });
});
