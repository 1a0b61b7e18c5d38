/**
 * What the outputs can show, read from the fonts they embed, and the check that refuses everything else: strings of
 * the kinds the „Big List of Naughty Strings“ collects (emoji, CJK, right-to-left scripts, combining marks, control
 * and zero-width characters), each refused or accepted for the reason the fonts give.
 */
import { describe, expect, it } from "vitest";
import { checkOutputCharacters, deckFaces, fontCodePoints, inRanges, outputCodePoints, ttfFonts } from "./node.js";

const codes = (s: string) => [...s].map((c) => (c.codePointAt(0) as number).toString(16));
const flagged = (text: string) => checkOutputCharacters(text).map((f) => text.slice(f.index, f.index + f.length));

describe("the characters of the outputs, from the fonts' character maps", () => {
  it("reads every face: the six TTF files of the flyers, the four faces of the deck with their subsets", () => {
    expect(ttfFonts()).toHaveLength(6);
    const faces = deckFaces();
    expect(faces.map((f) => `${f.weight} ${f.style}`).sort()).toEqual([
      "400 italic",
      "400 normal",
      "600 normal",
      "700 normal",
    ]);
    for (const f of faces) for (const file of f.files) expect(file.path).toMatch(/\.woff2$/);
  });

  it("German and its typography are shown in every face", () => {
    const shown = outputCodePoints();
    for (const c of "AaZzÄäÖöÜüßẞ„“‚‘»«–—…€§°·×½")
      expect(inRanges(shown, c.codePointAt(0) as number), `${c} ${codes(c)}`).toBe(true);
  });

  it("is the intersection: Greek and Cyrillic are in the TTF files, but the deck loads no subset for them", () => {
    const ttf = fontCodePoints(ttfFonts()[0]?.path ?? "");
    for (const c of ["Ω", "д"]) {
      expect(inRanges(ttf, c.codePointAt(0) as number)).toBe(true);
      expect(inRanges(outputCodePoints(), c.codePointAt(0) as number)).toBe(false);
    }
  });
});

describe("checkOutputCharacters", () => {
  it("accepts ordinary text, line ends and tabs, the no-break and the soft hyphen", () => {
    expect(checkOutputCharacters("Straße „Äpfel“ – 5 € · z.\u00A0B. Ver\u00ADwaltung\nZeile\tzwei")).toEqual([]);
  });

  it("refuses an emoji, naming it and its code point", () => {
    expect(checkOutputCharacters("Herzlich 💔 willkommen")).toEqual([
      {
        index: 9,
        length: 2,
        message:
          "Das Zeichen „💔“ (U+1F494) kann keine Schrift der Ausgaben darstellen: Folien und Flyer setzen Source Sans 3 (lateinische Schrift mit den Akzenten west- und mitteleuropäischer Sprachen) und zeigen nur, was diese Schrift hat. Bitte ersetzen oder weglassen.",
      },
    ]);
  });

  it.each([
    ["emoji with a joiner", "Familie 👨‍👩‍👧 da", "👨‍👩‍👧"],
    ["emoji with a variation selector", "Liebe ❤️", "❤️"],
    ["Japanese", "Daten 日本語 offen", "日本語"],
    ["Korean", "한국어", "한국어"],
    ["Arabic", "مرحبا بالعالم", "مرحبا"],
    ["Hebrew", "שלום", "שלום"],
    ["a combining mark with nothing to compose", "q\u0301", "q\u0301"],
    ["stacked combining marks (Zalgo)", "Z\u0351\u0360a", "Z\u0351\u0360"],
    ["a zero-width joiner between letters", "a\u200Db", "a\u200D"],
    ["a zero-width non-joiner", "Auf\u200Clage", "f\u200C"],
    ["a special space", "a\u2002b", "\u2002"],
  ])("refuses %s", (_, text, bad) => {
    expect(flagged(text)).toContain(bad);
  });

  it("accepts what Unicode composes into a character of the fonts: e with a combining acute is é", () => {
    expect(checkOutputCharacters("Cafe\u0301, Mu\u0308ller")).toEqual([]);
  });

  it.each([
    ["bell", "Ding\u0007", "U+0007"],
    ["escape of a terminal colour", "\u001B[31mrot", "U+001B"],
    ["next line (C1)", "a\u0085b", "U+0085"],
    ["null", "a\u0000b", "U+0000"],
  ])("refuses the control character %s", (_, text, code) => {
    const [f] = checkOutputCharacters(text);
    expect(f?.message).toBe(
      `Das Steuerzeichen ${code} ist in Texten nicht erlaubt: es ist unsichtbar und kommt meist durch Kopieren aus einem anderen Programm in den Text. Bitte entfernen.`,
    );
  });

  it("refuses characters that change the writing direction", () => {
    for (const c of ["\u202E", "\u200F", "\u2066"]) {
      const [f] = checkOutputCharacters(`a${c}b`);
      expect(f?.message).toMatch(/^Das Steuerzeichen U\+[0-9A-F]{4} ändert die Schreibrichtung/);
    }
  });

  it("reports characters no font has that stand together once, and each such run of a text", () => {
    expect(flagged("日本 und 中文")).toEqual(["日本", "中文"]);
  });
});
