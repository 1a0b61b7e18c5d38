import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LineCounter, parseDocument, stringify } from "yaml";
import { findIndentationMistake, findMergedLines } from "./indentation.js";

const MEASURE = [
  "measures:",
  "  - id: erste",
  "    title: Erste",
  "    summary:",
  "      - Ein Absatz.",
  "    status: erledigt",
  "    planned: 09/2017",
  "chances:",
  "  - Eine Chance",
];

/** The lines above with line `n` (1-based) replaced. */
const withLine = (n: number, line: string) => MEASURE.map((l, i) => (i === n - 1 ? line : l)).join("\n");

function merged(text: string) {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  expect(doc.errors).toEqual([]);
  return findMergedLines(doc, text, lines).map((m) => ({
    ...lines.linePos(m.offset),
    field: m.field,
    message: m.message,
  }));
}

describe("findIndentationMistake: which line, how many spaces are expected, what it is read as", () => {
  it("a field indented too far after a text is read as more of that text", () => {
    expect(findIndentationMistake(withLine(7, "      planned: 09/2017"), 6)).toEqual({
      line: 7,
      indent: 6,
      message:
        "Die Zeile ist zu weit eingerückt: 6 Leerzeichen, erwartet werden 4 Leerzeichen wie bei „status“ in Zeile 6. So eingerückt, wird sie als Fortsetzung des Textes in Zeile 6 gelesen.",
    });
  });

  it("a field indented between two levels belongs to neither", () => {
    expect(findIndentationMistake(withLine(3, "   title: Erste"), 3)).toEqual({
      line: 3,
      indent: 3,
      message:
        "Die Zeile ist nicht weit genug eingerückt: 3 Leerzeichen, erwartet werden 4 Leerzeichen wie bei „id“ in Zeile 2. So eingerückt, lässt sie sich keinem Abschnitt darüber zuordnen.",
    });
  });

  it("a field at the indentation of a list is read as part of the list", () => {
    expect(findIndentationMistake(withLine(6, "      status: erledigt"), 6)?.message).toBe(
      "Die Zeile ist zu weit eingerückt: 6 Leerzeichen, erwartet werden 4 Leerzeichen wie bei „summary“ in Zeile 4. So eingerückt, gehört sie zur Liste darüber (Zeile 5), deren Einträge mit „- “ beginnen.",
    );
  });

  it("a list entry that fits no list", () => {
    const text = ["chances:", "    - Eine Chance", "   - Zweite Chance"].join("\n");
    expect(findIndentationMistake(text, 3)?.message).toBe(
      "Die Zeile ist nicht weit genug eingerückt: 3 Leerzeichen, erwartet werden 4 Leerzeichen wie „- “ in Zeile 2. So eingerückt, lässt sie sich keiner Liste darüber zuordnen.",
    );
  });

  it("finds nothing in well-indented files, also with block texts, quotes over lines and brackets", () => {
    const text = [
      "title: Ein Titel",
      "intro: |",
      "  Ein Absatz",
      "      tief eingerückt: im Block ist alles Text",
      "why:",
      '  title: "Warum',
      '      über zwei Zeilen?"',
      "  text: [Eins,",
      "     Zwei]",
      "list:",
      "- ohne Einrückung",
      "- zweiter",
      "plain:",
      "  ein Text auf eigener Zeile",
      "  - und einer weiteren",
      "last: x",
    ].join("\n");
    expect(parseDocument(text).errors).toEqual([]);
    for (let line = 1; line <= 16; line++) expect(findIndentationMistake(text, line)).toBeUndefined();
  });

  it("leaves other mistakes to the parser: a missing colon, an explicit key", () => {
    expect(findIndentationMistake("id: a\nwhy\n  title: x\n", 2)).toBeUndefined();
    expect(findIndentationMistake("? a\n: b\n   c: d\n", 3)).toBeUndefined();
  });

  it("reports only near the line where the parser stopped", () => {
    expect(findIndentationMistake(withLine(7, "      planned: 09/2017"), 12)).toBeUndefined();
  });
});

describe("findMergedLines: a list entry indented too far becomes part of the entry before it", () => {
  it("in a list of texts and in the paragraphs of a summary", () => {
    const text = [
      "risks:",
      "  - Zu viele Informationen",
      "    - Das Interesse schwindet",
      "summary:",
      "  - Ein Absatz, der über",
      "    zwei Zeilen geht.",
      "    - Ein zweiter Absatz",
    ].join("\n");
    expect(merged(text)).toEqual([
      {
        line: 3,
        col: 5,
        field: "risks[0]",
        message:
          "Diese Zeile ist zu weit eingerückt (4 Leerzeichen) und wird deshalb als Teil des Listeneintrags in Zeile 2 gelesen: „Zu viele Informationen - Das Interesse schwindet“. Als eigener Eintrag muss sie so weit eingerückt sein wie der Eintrag in Zeile 2: „- “ nach 2 Leerzeichen. Gehört „- “ zum Text, bitte den ganzen Text in Anführungszeichen setzen.",
      },
      expect.objectContaining({ line: 7, col: 5, field: "summary[0]" }),
    ]);
  });

  it("in the text of a field", () => {
    expect(merged("title: Ein Titel\n  - mit Strich\n")).toEqual([
      {
        line: 2,
        col: 3,
        field: "title",
        message:
          "Diese Zeile ist weiter eingerückt als „title“ in Zeile 1 und wird deshalb als Teil von dessen Text gelesen: „Ein Titel - mit Strich“. Gehört „- “ zum Text, bitte den ganzen Text in Anführungszeichen setzen; sonst die Einrückung prüfen.",
      },
    ]);
  });

  it("accepts quoted and block texts with „- “ on a line of their own, and texts over lines without it", () => {
    expect(merged('a: "Eins\n  - zwei"\nb: |\n  Eins\n  - zwei\nc: Eins\n  zwei - drei\nd:\n  - x - y\n')).toEqual([]);
  });

  it("finds no indentation mistake and no list entry in a text in what the YAML library writes", () => {
    const pieces = fc.constantFrom("- ", " - ", ": ", " #", "|", ">", "[", "{", '"', "'", "\n", "  ", "ä", "x");
    // Texts as content holds them: trimmed, not empty, single blanks (the library folds after a run of blanks).
    const text = fc
      .oneof(
        fc.string({ minLength: 1, maxLength: 30 }),
        fc.array(fc.oneof(pieces, fc.string({ maxLength: 6 })), { minLength: 1, maxLength: 12 }).map((p) => p.join("")),
      )
      .map((t) => t.replace(/ {2,}/g, " ").trim())
      .filter((t) => t.length > 0);
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: "small" }, text, fc.array(tie("node"), { maxLength: 4 }), tie("map")),
      map: fc.dictionary(fc.stringMatching(/^[a-z][a-zA-Z]{0,8}$/), tie("node"), { minKeys: 1, maxKeys: 4 }),
    }));
    fc.assert(
      fc.property(value.map, (data) => {
        const yaml = stringify(data, { lineWidth: 40, minContentWidth: 10 });
        const lines = new LineCounter();
        const doc = parseDocument(yaml, { lineCounter: lines });
        expect(doc.errors).toEqual([]);
        expect(doc.toJS()).toEqual(data);
        const count = yaml.split("\n").length;
        for (let line = 1; line <= count; line++) expect(findIndentationMistake(yaml, line), yaml).toBeUndefined();
        // Unfolded, no text runs over lines where it could take in a list entry. (Folded, the library may start a
        // line with „- “ inside a text, which is refused like a list entry indented too far: who writes content
        // with the library writes it with `lineWidth: 0`.)
        const flat = stringify(data, { lineWidth: 0 });
        const flatLines = new LineCounter();
        expect(findMergedLines(parseDocument(flat, { lineCounter: flatLines }), flat, flatLines)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  }, 30_000);
});
