import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { formatFieldPath } from "./content-error.js";
import { issueMessage, yamlMessage } from "./messages.js";

const issue = (fields: Record<string, unknown>) =>
  ({ path: [], message: "", ...fields }) as unknown as z.core.$ZodIssue;

describe("issueMessage", () => {
  it.each([
    [issue({ code: "invalid_type", expected: "string", path: ["title"] }), undefined, "Pflichtfeld „title“ fehlt."],
    [issue({ code: "invalid_type", expected: "string" }), ["a"], "Erwartet wird ein Text, gefunden wurde eine Liste."],
    [issue({ code: "invalid_type", expected: "array" }), 3, "Erwartet wird eine Liste, gefunden wurde die Zahl 3."],
    [issue({ code: "invalid_type", expected: "array" }), "x", "Erwartet wird eine Liste, gefunden wurde der Text „x“."],
    [
      issue({ code: "invalid_type", expected: "object" }),
      false,
      "Erwartet wird ein Abschnitt mit Feldern, gefunden wurde der Wert false.",
    ],
    [issue({ code: "too_small", origin: "string", minimum: 1 }), "", "Das Feld darf nicht leer sein."],
    [
      issue({ code: "too_small", origin: "array", minimum: 1 }),
      [],
      "Die Liste darf nicht leer sein: sie braucht mindestens einen Eintrag.",
    ],
    [issue({ code: "too_small", origin: "array", minimum: 2 }), [], "Die Liste braucht mindestens 2 Einträge."],
    [issue({ code: "too_big", origin: "number", maximum: 6 }), 7, "Der Wert ist zu groß (höchstens 6)."],
    [
      issue({ code: "invalid_value", values: ["a4", "a5"] }),
      "a3",
      "Der Text „a3“ ist hier nicht erlaubt. Erlaubt sind: „a4“, „a5“.",
    ],
    [
      issue({ code: "invalid_value", values: ["a4", "a5"], path: ["format"] }),
      undefined,
      "Pflichtfeld „format“ fehlt. Erlaubt sind: „a4“, „a5“.",
    ],
    [
      issue({ code: "invalid_value", values: ["a4", "a5"], path: ["format"] }),
      null,
      "Das Feld „format“ ist leer. Erlaubt sind: „a4“, „a5“.",
    ],
    [
      issue({ code: "invalid_union", discriminator: "type", options: ["intro", "measures"], path: ["s", 0, "type"] }),
      "measurs",
      "Unbekannter Typ „measurs“. Erlaubt sind: „intro“, „measures“. Meinten Sie „measures“?",
    ],
    [
      issue({ code: "invalid_union", discriminator: "type", options: ["intro", "measures"], path: ["s", 0, "type"] }),
      undefined,
      "Pflichtfeld „type“ fehlt. Erlaubt sind: „intro“, „measures“.",
    ],
    [issue({ code: "invalid_union", errors: [] }), 1, "Der Wert passt zu keiner der erlaubten Formen."],
    [issue({ code: "custom", message: "Eigene Meldung." }), "x", "Eigene Meldung."],
  ])("%#: %j", (i, input, message) => {
    expect(issueMessage(i, input, [])).toBe(message);
  });

  it("names unknown fields, the allowed ones, and a close match", () => {
    const unknown = (key: string) => issue({ code: "unrecognized_keys", keys: [key] });
    expect(issueMessage(unknown("titel"), undefined, ["id", "title", "summary"])).toBe(
      "Unbekanntes Feld „titel“. Meinten Sie „title“? Erlaubt sind: id, title, summary.",
    );
    expect(issueMessage(unknown("farbe"), undefined, ["id", "title"])).toBe(
      "Unbekanntes Feld „farbe“. Erlaubt sind: id, title.",
    );
  });
});

describe("yamlMessage", () => {
  it.each([
    ["TAB_AS_INDENT", "", "Tabulatoren dürfen nicht zum Einrücken verwendet werden: bitte Leerzeichen nehmen."],
    [
      "MISSING_CHAR",
      'Missing closing "quote',
      'Das Anführungszeichen „"“, das hier beginnt, wird nie geschlossen: am Ende des Textes fehlt „"“.',
    ],
    [
      "MISSING_CHAR",
      "Missing closing 'quote",
      "Das Anführungszeichen „'“, das hier beginnt, wird nie geschlossen: am Ende des Textes fehlt „'“.",
    ],
    [
      "BAD_INDENT",
      "Flow sequence in block collection must be sufficiently indented and end with a ]",
      "Die eckige Klammer „[“, die hier beginnt, wird nicht geschlossen: am Ende der Liste fehlt „]“.",
    ],
    [
      "BAD_INDENT",
      "Flow mapping in block collection must be sufficiently indented and end with a }",
      "Die geschweifte Klammer „{“, die hier beginnt, wird nicht geschlossen: am Ende fehlt „}“.",
    ],
    [
      "BAD_INDENT",
      "All mapping items must start at the same column",
      "Die Einrückung stimmt nicht: Einträge auf derselben Ebene müssen gleich weit eingerückt sein.",
    ],
    [
      "MISSING_CHAR",
      "Missing , or : between flow map items",
      "Zwischen zwei Einträgen in Klammern fehlt ein Komma, oder nach einem Feldnamen der Doppelpunkt.",
    ],
    ["MISSING_CHAR", "Missing , between flow sequence items", "Zwischen zwei Einträgen in Klammern fehlt ein Komma."],
    [
      "MISSING_CHAR",
      "Implicit map keys need to be followed by map values",
      "Hier fehlt der Doppelpunkt nach dem Feldnamen: jedes Feld wird als „feld: wert“ geschrieben.",
    ],
    [
      "BLOCK_AS_IMPLICIT_KEY",
      "Nested mappings are not allowed in compact mappings",
      'Unerwarteter Doppelpunkt: ein Text, der „: “ enthält, muss in Anführungszeichen stehen, z. B. „title: "Rückblick: Was war?"“.',
    ],
    [
      "RESOURCE_EXHAUSTION",
      "Maximum call stack size exceeded",
      "Die Datei ist zu tief verschachtelt: bitte Einrückung und Klammern prüfen.",
    ],
    [
      "SOMETHING_NEW",
      "Something new",
      "Die Datei ist hier kein gültiges YAML (SOMETHING_NEW): bitte Einrückung, Doppelpunkte und Anführungszeichen prüfen.",
    ],
  ])("%s (%s)", (code, original, message) => {
    expect(yamlMessage(code, original)).toBe(message);
  });
});

describe("formatFieldPath", () => {
  it.each([
    [["measures", 0, "status"], "measures[0].status"],
    [["sections", 2, "measures", 1], "sections[2].measures[1]"],
    [["id"], "id"],
    [[], "(Datei)"],
  ] as const)("%j → %s", (path, text) => {
    expect(formatFieldPath(path)).toBe(text);
  });
});
