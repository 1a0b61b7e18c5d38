import { describe, expect, it } from "vitest";
import {
  formatPublished,
  isPublished,
  PUBLISHED_FORMS,
  type Published,
  parsePublished,
  publishedSortKey,
} from "./published.js";

const FORMS =
  "Erlaubt sind „noch nicht“, ein Datum „MM/JJJJ“ oder „TT.MM.JJJJ“, auch in Worten (z. B. „November 2022“, " +
  "„30. November 2022“) und mit Ort in Klammern (z. B. „11/2018 (Intranet)“, „10/2018 (Druck)“), „seit MM/JJJJ“ " +
  "(z. B. „seit 12/2017“) oder eine Fundstelle ohne Datum, die mit einem Wort beginnt und eine Seite oder Nummer nennt (z. B. „im 3. NAP, Seite 28 – 29“).";

function parsed(input: string): Published {
  const r = parsePublished(input);
  if (!r.ok) throw new Error(`expected ${input} to parse: ${r.error}`);
  return r.value;
}

function error(input: string): string {
  const r = parsePublished(input);
  if (r.ok) throw new Error(`expected ${input} to be rejected, got ${JSON.stringify(r.value)}`);
  return r.error;
}

describe("parsePublished", () => {
  it("lists the allowed forms", () => {
    expect(PUBLISHED_FORMS).toBe(FORMS);
  });

  it.each([
    ["11/2018 (Intranet)", { kind: "on", period: { unit: "month", year: 2018, month: 11 }, channel: "Intranet" }],
    ["10/2018 (Druck)", { kind: "on", period: { unit: "month", year: 2018, month: 10 }, channel: "Druck" }],
    ["seit 12/2017", { kind: "since", period: { unit: "month", year: 2017, month: 12 } }],
    ["noch nicht", { kind: "not-yet" }],
  ] as const)("reads %s and writes it back exactly", (text, value) => {
    expect(parsed(text)).toEqual(value);
    expect(formatPublished(parsed(text))).toBe(text);
  });

  it.each([
    ["11/2018", "11/2018"],
    ["06.12.2018 (Foyer)", "06.12.2018 (Foyer)"],
    ["seit 12/2017 (Intranet)", "seit 12/2017 (Intranet)"],
    ["11/2018(Intranet)", "11/2018 (Intranet)"],
    ["noch  nicht", "noch nicht"],
    ["1/2019", "01/2019"],
  ])("also reads %j, written canonically as %j", (input, canonical) => {
    expect(formatPublished(parsed(input))).toBe(canonical);
  });

  it.each([
    ["", `„Veröffentlicht“ ist leer. ${FORMS}`],
    ["seit", `„seit“ ist keine gültige Angabe für „Veröffentlicht“. ${FORMS}`],
    ["nicht", `„nicht“ ist keine gültige Angabe für „Veröffentlicht“. ${FORMS}`],
    ["noch nich", `„noch nich“ ist keine gültige Angabe für „Veröffentlicht“. ${FORMS} Meinten Sie „noch nicht“?`],
    ["Noch nicht", `„Noch nicht“ ist keine gültige Angabe für „Veröffentlicht“. ${FORMS} Meinten Sie „noch nicht“?`],
    ["ab 11/2018", `„ab 11/2018“ ist keine gültige Angabe für „Veröffentlicht“. ${FORMS}`],
    ["im Intranet", `„im Intranet“ ist keine gültige Angabe für „Veröffentlicht“. ${FORMS}`],
    ["(Intranet)", `„(Intranet)“ ist keine gültige Angabe für „Veröffentlicht“. ${FORMS}`],
    [
      "11/2018 (Intranet) (Druck)",
      `„11/2018 (Intranet) (Druck)“ ist keine gültige Angabe für „Veröffentlicht“. ${FORMS}`,
    ],
    ["seit seit 12/2017", `„seit seit 12/2017“ ist keine gültige Angabe für „Veröffentlicht“. ${FORMS}`],
    ["13/2018 (Intranet)", `Den Monat 13 gibt es nicht: Monate gehen von 01 bis 12. ${FORMS}`],
    ["seit 00/2017", `Den Monat 00 gibt es nicht: Monate gehen von 01 bis 12. ${FORMS}`],
    ["31.11.2018", `Den 31.11.2018 gibt es nicht: der November 2018 hat 30 Tage. ${FORMS}`],
    ["11/1989", `Das Jahr 1989 liegt außerhalb von 1990 bis 2100. ${FORMS}`],
    ["2018", `„2018“ ist für „Veröffentlicht“ zu ungenau: bitte den Monat angeben. ${FORMS}`],
    ["seit 2017", `„seit 2017“ ist für „Veröffentlicht“ zu ungenau: bitte den Monat angeben. ${FORMS}`],
    ["Q1/2019 (Druck)", `„Q1/2019 (Druck)“ ist für „Veröffentlicht“ zu ungenau: bitte den Monat angeben. ${FORMS}`],
  ])("rejects %j with an exact message", (input, message) => {
    expect(error(input)).toBe(message);
  });

  it("orders by date, not yet published last", () => {
    const texts = ["noch nicht", "11/2018 (Intranet)", "seit 12/2017", "10/2018 (Druck)"];
    const sorted = texts
      .map(parsed)
      .sort((a, b) => publishedSortKey(a).localeCompare(publishedSortKey(b)))
      .map(formatPublished);
    expect(sorted).toEqual(["seit 12/2017", "10/2018 (Druck)", "11/2018 (Intranet)", "noch nicht"]);
    expect(texts.map((t) => isPublished(parsed(t)))).toEqual([false, true, true, true]);
  });
});

describe("Veröffentlicht in words and as a place", () => {
  it.each([
    ["November 2022", "11/2022", { kind: "on", period: { unit: "month", year: 2022, month: 11 } }],
    ["30. November 2022", "30.11.2022", { kind: "on", period: { unit: "day", year: 2022, month: 11, day: 30 } }],
    [
      "seit Dezember 2017 (Intranet)",
      "seit 12/2017 (Intranet)",
      { kind: "since", period: { unit: "month", year: 2017, month: 12 }, channel: "Intranet" },
    ],
    ["im 3. NAP, Seite 28 – 29", "im 3. NAP, Seite 28 – 29", { kind: "place", place: "im 3. NAP, Seite 28 – 29" }],
    [
      "Fundstelle im 3. NAP, Seite 28 – 29",
      "Fundstelle im 3. NAP, Seite 28 – 29",
      { kind: "place", place: "Fundstelle im 3. NAP, Seite 28 – 29" },
    ],
    [
      "11/2018 (Intranet)",
      "11/2018 (Intranet)",
      { kind: "on", period: { unit: "month", year: 2018, month: 11 }, channel: "Intranet" },
    ],
  ] as const)("reads %j, written as %j", (input, canonical, value) => {
    expect(parsed(input)).toEqual(value);
    expect(formatPublished(parsed(input))).toBe(canonical);
    expect(parsed(canonical)).toEqual(value);
  });

  it("a place counts as published and sorts after every date, before „noch nicht“", () => {
    const place = parsed("im 3. NAP, Seite 28");
    expect(isPublished(place)).toBe(true);
    expect(publishedSortKey(place) > publishedSortKey(parsed("12/2100"))).toBe(true);
    expect(publishedSortKey(place) < publishedSortKey(parsed("noch nicht"))).toBe(true);
  });

  it.each([
    [
      "im Amtsblatt 2019, Seite 4",
      `„im Amtsblatt 2019, Seite 4“ ist keine gültige Angabe für „Veröffentlicht“. ${FORMS}`,
    ],
    ["Novmber 2022", `Den Monat „Novmber“ gibt es nicht: Meinten Sie „November“? ${FORMS}`],
    ["Novmber, Seite 3", `„Novmber, Seite 3“ ist keine gültige Angabe für „Veröffentlicht“. ${FORMS}`],
    ["bis Seite 3", `„bis Seite 3“ ist keine gültige Angabe für „Veröffentlicht“. ${FORMS}`],
    ["seit Seite 3", `„seit Seite 3“ ist keine gültige Angabe für „Veröffentlicht“. ${FORMS}`],
    ["2. Quartal 2023", `„2. Quartal 2023“ ist für „Veröffentlicht“ zu ungenau: bitte den Monat angeben. ${FORMS}`],
  ])("rejects %j with an exact message", (input, message) => {
    expect(error(input)).toBe(message);
  });
});
