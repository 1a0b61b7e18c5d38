import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  BIND,
  bindPairs,
  hyphenateHeading,
  hyphenateText,
  hyphenateWord,
  hyphenationFor,
  keepWhole,
  lastWord,
  NBSP,
  SOFT_HYPHEN,
  setText,
} from "./index.js";

/** Soft hyphens and no-break spaces made visible: „|“ and „_“. */
const show = (s: string) => s.replaceAll(SOFT_HYPHEN, "|").replaceAll(NBSP, "_");

describe("hyphenateWord: German syllables, never fewer than three letters at a line's start or end", () => {
  it.each([
    ["Verwaltungsdaten", ["Ver", "wal", "tungs", "da", "ten"]],
    ["Softwareanbieter", ["Soft", "ware", "an", "bie", "ter"]],
    ["Dezernaten", ["Dezer", "na", "ten"]],
    ["Datenschutzgrundverordnung", ["Daten", "schutz", "grund", "ver", "ord", "nung"]],
    ["Veröffentlichung", ["Ver", "öf", "fent", "li", "chung"]],
    ["Fachämter,", ["Fachäm", "ter,"]],
    ["Maßnahmen", ["Maß", "nah", "men"]],
  ])("%s", (word, parts) => {
    expect(hyphenateWord(word)).toEqual(parts);
  });

  it("merges a two-letter fragment at either end into its neighbour („De-zer…“, „…ge-ben“ never)", () => {
    expect(hyphenateWord("Dezernaten")[0]).toBe("Dezer");
    expect(hyphenateWord("Interviewleitfaden")).toEqual(["Inter", "view", "leit", "fa", "den"]);
    expect(hyphenateWord("Abgabe")).toEqual(["Abgabe"]);
  });

  it("leaves words shorter than seven letters whole", () => {
    expect(hyphenateWord("keine")).toEqual(["keine"]);
    expect(hyphenateWord("Daten")).toEqual(["Daten"]);
  });

  it.each([
    "https://example.org/daten/katalog",
    "www.beispielstadt.de",
    "daten.beispielstadt.de",
    "team@beispielstadt.de",
    "/pfad/zur/datei",
    "Amt\u00A012",
    "z.\u00A0B.",
  ])("keeps %s whole", (word) => {
    expect(hyphenateWord(word)).toEqual([word]);
  });

  it("keeps every web address and e-mail address whole", () => {
    fc.assert(
      fc.property(fc.webUrl(), fc.emailAddress(), (url, mail) => {
        expect(hyphenateWord(url)).toEqual([url]);
        expect(hyphenateWord(mail)).toEqual([mail]);
      }),
    );
  });

  it("never leaves fewer than three letters at a line's end or start, and loses no letter", () => {
    const words = fc.stringMatching(/^[A-ZÄÖÜ]?[a-zäöüß]{6,30}$/);
    fc.assert(
      fc.property(words, (w) => {
        const parts = hyphenateWord(w);
        expect(parts.join("")).toBe(w);
        if (parts.length > 1) {
          expect((parts[0] ?? "").length).toBeGreaterThanOrEqual(3);
          expect((parts.at(-1) ?? "").length).toBeGreaterThanOrEqual(3);
        }
      }),
    );
  });

  it("takes soft hyphens in the text as the author's break points, with the same minimum", () => {
    expect(hyphenateWord(`Haus${SOFT_HYPHEN}tür${SOFT_HYPHEN}schlüs${SOFT_HYPHEN}sel`)).toEqual([
      "Haus",
      "tür",
      "schlüs",
      "sel",
    ]);
    expect(hyphenateWord(`Ab${SOFT_HYPHEN}gabe${SOFT_HYPHEN}frist`)).toEqual(["Abgabe", "frist"]);
  });

  it.each([
    [
      "Verwaltungsdaten-Informationsplattform",
      ["Ver", "wal", "tungs", "da", "ten-", "Infor", "ma", "ti", "ons", "platt", "form"],
    ],
    ["Datenschutz-Folgenabschätzung", ["Daten", "schutz-", "Fol", "gen", "ab", "schät", "zung"]],
    ["E-Mail-Adresse", ["E-Mail-", "Adresse"]],
    ["Bürger-Service", ["Bürger-", "Ser", "vice"]],
    ["Daten-Portal-Suche", ["Daten-", "Portal-", "Suche"]],
  ])(
    "breaks %s after its own hyphens first, then at syllables, three letters at least on either side",
    (word, parts) => {
      expect(hyphenateWord(word)).toEqual(parts);
    },
  );

  it("hyphenateHeading: the same break points, for every word of a heading, and addresses stay whole", () => {
    expect(hyphenateHeading("Verwaltungsdaten-Informationsplattform")).toEqual(
      hyphenateWord("Verwaltungsdaten-Informationsplattform"),
    );
    expect(hyphenateHeading("daten.beispielstadt.example/gruenflaechen-kataster")).toEqual([
      "daten.beispielstadt.example/gruenflaechen-kataster",
    ]);
    expect(hyphenateHeading("www.gruenflaechen-unterhaltung.example")).toEqual([
      "www.gruenflaechen-unterhaltung.example",
    ]);
  });

  it("keepWhole never breaks and drops soft hyphens", () => {
    expect(keepWhole(`Ver${SOFT_HYPHEN}waltung`)).toEqual(["Verwaltung"]);
  });
});

describe("hyphenationFor: the react-pdf callback of one paragraph", () => {
  it("keeps the paragraph's last word whole and hyphenates the others", () => {
    const callback = hyphenationFor("Die Verwaltung spricht mit Dezernaten");
    expect(callback("Dezernaten")).toEqual(["Dezernaten"]);
    expect(callback("Verwaltung")).toEqual(["Ver", "wal", "tung"]);
  });

  it("sees a bound pair as the last word", () => {
    expect(lastWord(`Wir sprechen mit den${NBSP}Softwareanbietern`)).toBe(`den${NBSP}Softwareanbietern`);
    expect(hyphenationFor(`mit den${NBSP}Softwareanbietern`)(`den${NBSP}Softwareanbietern`)).toEqual([
      `den${NBSP}Softwareanbietern`,
    ]);
  });
});

describe("setText: the text as the flyers set it", () => {
  it("binds abbreviations, numbers and dates", () => {
    expect(show(bindPairs("z. B. Amt 12, d. h. am 6. Dezember, u. a. Nr. 3 und S. 4"))).toBe(
      "z._B. Amt_12, d._h. am 6._Dezember, u._a. Nr._3 und S._4",
    );
  });

  it("binds the last two words when they fit the column, and collapses white space", () => {
    expect(show(setText("Wir  sprechen\nmit den Ämtern"))).toBe("Wir sprechen mit den_Ämtern");
    expect(show(setText("Ein Gespräch über Verwaltungsdatenbestände", BIND.heading))).toBe(
      "Ein Gespräch über Verwaltungsdatenbestände",
    );
    expect(show(setText("Eins"))).toBe("Eins");
  });
});

describe("hyphenateText: the same rules as soft hyphens, for the deck", () => {
  it("hyphenates every word but the last, with the minimum fragments, and keeps addresses whole", () => {
    expect(
      show(hyphenateText("Softwareanbieter und Dezernaten nutzen daten.beispielstadt.de für Verwaltungsdaten")),
    ).toBe("Soft|ware|an|bie|ter und Dezer|na|ten nutzen daten.beispielstadt.de für Verwaltungsdaten");
  });

  it("never hyphenates the last word („Softwareanbie-ter“, „Dezerna-ten“ at a paragraph's end)", () => {
    expect(show(hyphenateText("Gespräche mit Softwareanbieter"))).toBe("Gesprä|che mit Softwareanbieter");
    expect(show(hyphenateText("Gespräche mit den Dezernaten."))).toBe("Gesprä|che mit den Dezernaten.");
  });

  it("binds pairs, keeps white space and replaces soft hyphens already in the text", () => {
    expect(show(hyphenateText(`Zum Beispiel z. B. Amt 12\n  und Ver${SOFT_HYPHEN}waltung.`))).toBe(
      "Zum Bei|spiel z._B. Amt_12\n  und Verwaltung.",
    );
    expect(hyphenateText("")).toBe("");
  });

  it("puts no soft hyphen after a hyphen of the word: the browser breaks there by itself", () => {
    expect(show(hyphenateText("Die Verwaltungsdaten-Informationsplattform wächst"))).toBe(
      "Die Ver|wal|tungs|da|ten-Infor|ma|ti|ons|platt|form wächst",
    );
  });

  it("gives the same break points as the react-pdf callback", () => {
    const text = "Die Veröffentlichung der Verwaltungsdaten im Datenschutzgrundverordnungskontext gelingt";
    const callback = hyphenationFor(text);
    const fromCallback = text
      .split(" ")
      .map((w) => callback(w).join(SOFT_HYPHEN))
      .join(" ");
    expect(hyphenateText(text)).toBe(fromCallback);
  });
});
