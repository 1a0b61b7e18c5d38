import { describe, expect, it } from "vitest";
import { DEFAULT_TERMS, type Noun, noneOf, thisAccusative, toThe } from "./terms.js";
import {
  countDative,
  countMore,
  countNumber,
  countWords,
  displayAddress,
  footerLine,
  joinGerman,
  linkDescription,
  qrAlt,
  teamLines,
  webLinkName,
} from "./wording.js";

const { baustein, measure, chance, risk } = DEFAULT_TERMS;
const kapitel: Noun = { one: "Kapitel", many: "Kapitel", dative: "Kapiteln", gender: "n" };

describe("count phrases", () => {
  it.each([
    [0, baustein, "Keine Bausteine"],
    [1, baustein, "Ein Baustein"],
    [3, baustein, "Drei Bausteine"],
    [12, baustein, "Zwölf Bausteine"],
    [13, baustein, "13 Bausteine"],
    [0, measure, "Keine Maßnahmen"],
    [1, measure, "Eine Maßnahme"],
    [14, measure, "14 Maßnahmen"],
    [1, kapitel, "Ein Kapitel"],
    [3, kapitel, "Drei Kapitel"],
  ])("in words: %i → %s", (n, noun, text) => {
    expect(countWords(n, noun)).toBe(text);
  });

  it("in digits take the singular for one and the plural otherwise („1 Baustein“, never „1 Bausteine“)", () => {
    expect(countNumber(1, baustein)).toBe("1 Baustein");
    expect(countNumber(12, measure)).toBe("12 Maßnahmen");
    expect(countNumber(1, chance)).toBe("1 Chance");
    expect(countNumber(1, risk)).toBe("1 Risiko");
    expect(countNumber(0, risk)).toBe("0 Risiken");
    expect(countDative(1, baustein)).toBe("1 Baustein");
    expect(countDative(3, baustein)).toBe("3 Bausteinen");
    expect(countDative(2, kapitel)).toBe("2 Kapiteln");
  });

  it("say how many more there are, with the adjective inflected by number and gender", () => {
    expect(countMore(1, measure)).toBe("1 weitere Maßnahme");
    expect(countMore(3, measure)).toBe("3 weitere Maßnahmen");
    expect(countMore(1, baustein)).toBe("1 weiterer Baustein");
    expect(countMore(1, risk)).toBe("1 weiteres Risiko");
    expect(countMore(1, kapitel)).toBe("1 weiteres Kapitel");
    expect(countMore(20, chance)).toBe("20 weitere Chancen");
  });

  it("inflect the article by gender", () => {
    expect(thisAccusative(baustein)).toBe("diesen Baustein");
    expect(thisAccusative(measure)).toBe("diese Maßnahme");
    expect(thisAccusative(kapitel)).toBe("dieses Kapitel");
    expect(toThe(measure)).toBe("zur Maßnahme");
    expect(toThe(kapitel)).toBe("zum Kapitel");
    expect(noneOf(measure)).toBe("Keine Maßnahme");
    expect(noneOf(baustein)).toBe("Kein Baustein");
    expect(noneOf(kapitel)).toBe("Kein Kapitel");
  });
});

describe("the other shared rules", () => {
  it("join lists the German way", () => {
    expect(joinGerman([])).toBe("");
    expect(joinGerman(["a"])).toBe("a");
    expect(joinGerman(["a", "b"])).toBe("a und b");
    expect(joinGerman(["a", "b", "c"], "oder")).toBe("a, b oder c");
  });

  it("show an address without scheme and trailing slash, and say where a link leads", () => {
    expect(displayAddress("https://daten.beispielstadt.example/")).toBe("daten.beispielstadt.example");
    expect(displayAddress("https://daten.example/pfad/")).toBe("daten.example/pfad");
    expect(linkDescription("https://daten.example")).toBe("Link zu daten.example");
    expect(qrAlt("https://daten.example")).toBe("QR-Code: Link zu daten.example");
    const portal = { url: "https://daten.example", name: "Datenportal" };
    expect(webLinkName("https://daten.example", "daten.ex\u00ADample", portal)).toBe(
      "Datenportal daten.example (öffnet in neuem Fenster)",
    );
    expect(webLinkName("https://anderes.example", "anderes.example", portal)).toBe(
      "anderes.example (öffnet in neuem Fenster)",
    );
  });

  it("set the footer from the sender and the claim, as the content writes them", () => {
    expect(footerLine({ sender: "Amt für Digitales der Stadt Beispielstadt", claim: "Gemeinsam mehr erreichen" })).toBe(
      "Amt für Digitales der Stadt Beispielstadt · Gemeinsam mehr erreichen",
    );
    // Nothing is taken away or guessed: the city's name in front stays as written.
    expect(footerLine({ sender: "Stadt Beispielstadt – Amt für Digitales", claim: "Offen" })).toBe(
      "Stadt Beispielstadt – Amt für Digitales · Offen",
    );
  });

  it("start a new line of a team's name at a comma", () => {
    expect(teamLines("Team Daten, Sachgebiet im Hauptamt")).toEqual(["Team Daten", "Sachgebiet im Hauptamt"]);
    expect(teamLines("Team Daten")).toEqual(["Team Daten"]);
  });
});
