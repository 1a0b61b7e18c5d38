import type { z } from "zod";
import { closest, q } from "../notation/period.js";

const TYPE_NAMES: Record<string, string> = {
  string: "ein Text",
  number: "eine Zahl",
  int: "eine ganze Zahl",
  boolean: "ein Ja/Nein-Wert",
  array: "eine Liste",
  object: "ein Abschnitt mit Feldern",
  null: "ein leerer Wert",
  undefined: "nichts",
};

function describeValue(v: unknown): string {
  if (v === null) return TYPE_NAMES.null ?? "";
  if (Array.isArray(v)) return TYPE_NAMES.array ?? "";
  if (typeof v === "number") return `die Zahl ${v}`;
  if (typeof v === "boolean") return `der Wert ${v ? "true" : "false"}`;
  if (typeof v === "string") return `der Text ${q(v)}`;
  return TYPE_NAMES[typeof v] ?? typeof v;
}

/** Plain-German message for a zod issue; the value found in the file helps to see the mistake. */
export function issueMessage(issue: z.core.$ZodIssue, input: unknown, allowedKeys: string[]): string {
  const key = issue.path[issue.path.length - 1];
  switch (issue.code) {
    case "invalid_type": {
      if (input === undefined) return `Pflichtfeld ${q(String(key))} fehlt.`;
      const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
      // `risks:` with nothing after it: the list was emptied, but YAML reads an empty value, not an empty list.
      const emptied =
        issue.expected === "array" && input === null
          ? " Eine leere Liste wird „[]“ geschrieben; wo die Liste leer sein darf, kann das Feld auch ganz fehlen."
          : "";
      return `Erwartet wird ${expected}, gefunden wurde ${describeValue(input)}.${emptied}`;
    }
    case "too_small": {
      if (issue.origin === "string") return "Das Feld darf nicht leer sein.";
      if (issue.origin === "array")
        return Number(issue.minimum) === 1
          ? "Die Liste darf nicht leer sein: sie braucht mindestens einen Eintrag."
          : `Die Liste braucht mindestens ${issue.minimum} Einträge.`;
      return `Der Wert ist zu klein (mindestens ${issue.minimum}).`;
    }
    case "too_big":
      if (issue.origin === "array") return `Die Liste darf höchstens ${issue.maximum} Einträge haben.`;
      return `Der Wert ist zu groß (höchstens ${issue.maximum}).`;
    case "invalid_format": {
      if (issue.format === "regex")
        return `${q(String(input))} ist als Kennung nicht erlaubt: nur Kleinbuchstaben a–z, Ziffern und einzelne Bindestriche, z. B. „tag-der-offenen-tuer“.`;
      if (issue.format === "url")
        return `${q(String(input))} ist keine gültige Adresse: erwartet wird eine vollständige https-Adresse, z. B. „https://daten.beispielstadt.de“.`;
      return `${q(String(input))} hat nicht die erwartete Form (${issue.format}).`;
    }
    case "unrecognized_keys": {
      const keys = issue.keys;
      const hints = keys.map((k) => closest(k, allowedKeys)).filter((h): h is string => h !== undefined);
      const hint = keys.length === 1 && hints[0] ? ` Meinten Sie ${q(hints[0])}?` : "";
      return `Unbekanntes Feld ${keys.map(q).join(", ")}.${hint} Erlaubt sind: ${allowedKeys.join(", ")}.`;
    }
    case "invalid_value":
      // A missing choice (`format:` left out or left empty) is a missing field, not a value that is not allowed.
      if (input === undefined || input === null)
        return `${input === undefined ? `Pflichtfeld ${q(String(key))} fehlt` : `Das Feld ${q(String(key))} ist leer`}. Erlaubt sind: ${issue.values.map((v) => q(String(v))).join(", ")}.`;
      return `${describeValue(input)} ist hier nicht erlaubt. Erlaubt sind: ${issue.values.map((v) => q(String(v))).join(", ")}.`.replace(
        /^./,
        (c) => c.toUpperCase(),
      );
    case "invalid_union": {
      const { discriminator, options } = issue as { discriminator?: string; options?: unknown[] };
      if (discriminator) {
        const allowed = (options ?? []).map(String);
        const list = allowed.map(q).join(", ");
        // The issue sits at the discriminator itself: `input` is the value of `type`, not the section.
        if (input === undefined || input === null)
          return `Pflichtfeld ${q(discriminator)} fehlt. Erlaubt sind: ${list}.`;
        const hint = closest(String(input), allowed);
        return `Unbekannter Typ ${q(String(input))}. Erlaubt sind: ${list}.${hint ? ` Meinten Sie ${q(hint)}?` : ""}`;
      }
      return "Der Wert passt zu keiner der erlaubten Formen.";
    }
    case "custom":
      return issue.message;
    default:
      return issue.message;
  }
}

/** Plain-German message for a YAML parser error; `original` is the parser's English message, used to tell cases apart. */
export function yamlMessage(code: string, original: string): string {
  switch (code) {
    case "TAB_AS_INDENT":
      return "Tabulatoren dürfen nicht zum Einrücken verwendet werden: bitte Leerzeichen nehmen.";
    case "DUPLICATE_KEY":
      return "Dieses Feld steht zweimal im selben Abschnitt: jedes Feld darf nur einmal vorkommen.";
    case "BAD_INDENT":
      if (/end with (a )?\]/.test(original))
        return "Die eckige Klammer „[“, die hier beginnt, wird nicht geschlossen: am Ende der Liste fehlt „]“.";
      if (/end with (a )?\}/.test(original))
        return "Die geschweifte Klammer „{“, die hier beginnt, wird nicht geschlossen: am Ende fehlt „}“.";
      return "Die Einrückung stimmt nicht: Einträge auf derselben Ebene müssen gleich weit eingerückt sein.";
    case "MISSING_CHAR":
      if (/closing "quote/.test(original))
        return 'Das Anführungszeichen „"“, das hier beginnt, wird nie geschlossen: am Ende des Textes fehlt „"“.';
      if (/closing 'quote/.test(original))
        return "Das Anführungszeichen „'“, das hier beginnt, wird nie geschlossen: am Ende des Textes fehlt „'“.";
      if (/end with (a )?\]/.test(original))
        return "Die eckige Klammer „[“, die hier beginnt, wird nicht geschlossen: am Ende der Liste fehlt „]“.";
      if (/end with (a )?\}/.test(original))
        return "Die geschweifte Klammer „{“, die hier beginnt, wird nicht geschlossen: am Ende fehlt „}“.";
      if (/Missing , or : between/.test(original))
        return "Zwischen zwei Einträgen in Klammern fehlt ein Komma, oder nach einem Feldnamen der Doppelpunkt.";
      if (/Missing , between/.test(original)) return "Zwischen zwei Einträgen in Klammern fehlt ein Komma.";
      if (/followed by map values/.test(original))
        return "Hier fehlt der Doppelpunkt nach dem Feldnamen: jedes Feld wird als „feld: wert“ geschrieben.";
      if (/Missing space after :/.test(original)) return "Nach dem Doppelpunkt fehlt ein Leerzeichen.";
      if (/Comments must be separated/.test(original))
        return "Vor einem Kommentar mit „#“ muss ein Leerzeichen stehen.";
      if (/without - indicator/.test(original)) return "Vor diesem Listeneintrag fehlt „- “.";
      return "Hier fehlt ein Zeichen, z. B. ein Doppelpunkt, ein Komma, ein Anführungszeichen oder eine Klammer.";
    case "BLOCK_AS_IMPLICIT_KEY":
      if (/Nested mappings/.test(original))
        return 'Unerwarteter Doppelpunkt: ein Text, der „: “ enthält, muss in Anführungszeichen stehen, z. B. „title: "Rückblick: Was war?"“.';
      return "Hier fehlt vermutlich ein Doppelpunkt, oder ein Text geht unerwartet über mehrere Zeilen.";
    case "MULTILINE_IMPLICIT_KEY":
      return "Hier fehlt vermutlich der Doppelpunkt nach dem Feldnamen („feld: wert“), oder ein Text geht in der nächsten Zeile ohne Einrückung weiter.";
    case "UNEXPECTED_TOKEN":
      return "Unerwartetes Zeichen: bitte Einrückung, Doppelpunkte und Anführungszeichen prüfen.";
    case "TAG_RESOLVE_FAILED":
    case "BAD_COLLECTION_TYPE":
    case "MULTIPLE_TAGS":
      return "Typangaben mit „!“ (z. B. „!include“ oder „!!str“) sind in Inhaltsdateien nicht erlaubt.";
    case "BAD_ALIAS":
    case "ALIAS_PROPS":
    case "MULTIPLE_ANCHORS":
      return "Anker und Verweise mit „&“ und „*“ sind in Inhaltsdateien nicht erlaubt: bitte den Inhalt an jeder Stelle ausschreiben.";
    case "MULTIPLE_DOCS":
      return "Eine Inhaltsdatei darf nur ein Dokument enthalten (kein zweites „---“).";
    case "BAD_DQ_ESCAPE":
      return "Ungültige Zeichenfolge mit „\\“ in einem Text in doppelten Anführungszeichen: einen Rückstrich bitte als „\\\\“ schreiben oder den Text in einfache Anführungszeichen setzen.";
    case "BAD_SCALAR_START":
      return "Ein Text darf nicht mit diesem Zeichen beginnen: bitte den Text in Anführungszeichen setzen.";
    case "KEY_OVER_1024_CHARS":
      return "Ein Feldname ist zu lang, oder hier fehlt ein Doppelpunkt.";
    case "BLOCK_IN_FLOW":
      return "Ein eingerückter Block darf nicht innerhalb von eckigen oder geschweiften Klammern stehen.";
    case "BAD_DIRECTIVE":
      return "Anweisungen mit „%“ am Zeilenanfang sind in Inhaltsdateien nicht erlaubt.";
    case "NON_STRING_KEY":
      return "Feldnamen müssen einfache Wörter sein, keine Listen oder Abschnitte.";
    case "RESOURCE_EXHAUSTION":
      return "Die Datei ist zu tief verschachtelt: bitte Einrückung und Klammern prüfen.";
    default:
      return `Die Datei ist hier kein gültiges YAML (${code}): bitte Einrückung, Doppelpunkte und Anführungszeichen prüfen.`;
  }
}
