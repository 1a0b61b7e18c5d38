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
      return `Erwartet wird ${expected}, gefunden wurde ${describeValue(input)}.`;
    }
    case "too_small": {
      if (issue.origin === "string") return "Das Feld darf nicht leer sein.";
      if (issue.origin === "array")
        return `Die Liste braucht mindestens ${issue.minimum} ${Number(issue.minimum) === 1 ? "Eintrag" : "Einträge"}.`;
      return `Der Wert ist zu klein (mindestens ${issue.minimum}).`;
    }
    case "too_big":
      if (issue.origin === "array") return `Die Liste darf höchstens ${issue.maximum} Einträge haben.`;
      return `Der Wert ist zu groß (höchstens ${issue.maximum}).`;
    case "invalid_format": {
      if (issue.format === "regex")
        return `${q(String(input))} ist als Kennung nicht erlaubt: nur Kleinbuchstaben a–z, Ziffern und einzelne Bindestriche, z. B. „open-data-geburtstag“.`;
      if (issue.format === "url")
        return `${q(String(input))} ist keine gültige Adresse: erwartet wird eine vollständige https-Adresse, z. B. „https://opendata.duesseldorf.de“.`;
      return `${q(String(input))} hat nicht die erwartete Form (${issue.format}).`;
    }
    case "unrecognized_keys": {
      const keys = issue.keys;
      const hints = keys
        .map((k) => [k, closest(k, allowedKeys)] as const)
        .filter(([, h]) => h)
        .map(([k, h]) => `statt ${q(k)} vielleicht ${q(String(h))}?`);
      return `Unbekanntes Feld ${keys.map(q).join(", ")}. Erlaubt sind: ${allowedKeys.join(", ")}.${hints.length ? ` Meinten Sie ${hints.join(" ")}` : ""}`.replace(
        "Meinten Sie statt",
        "Meinten Sie, statt",
      );
    }
    case "invalid_value":
      return `${describeValue(input)} ist hier nicht erlaubt. Erlaubt sind: ${issue.values.map((v) => q(String(v))).join(", ")}.`.replace(
        /^./,
        (c) => c.toUpperCase(),
      );
    case "invalid_union": {
      const disc = (issue as { discriminator?: string }).discriminator;
      if (disc) return `Unbekannter Typ ${q(String((input as Record<string, unknown>)?.[disc]))}.`;
      return "Der Wert passt zu keiner der erlaubten Formen.";
    }
    case "custom":
      return issue.message;
    default:
      return issue.message;
  }
}

/** Plain-German message for a YAML parser error code. */
export function yamlMessage(code: string, original: string): string {
  switch (code) {
    case "TAB_AS_INDENT":
      return "Tabulatoren dürfen nicht zum Einrücken verwendet werden: bitte Leerzeichen nehmen.";
    case "DUPLICATE_KEY":
      return "Dieses Feld steht zweimal im selben Abschnitt: jedes Feld darf nur einmal vorkommen.";
    case "BAD_INDENT":
      return "Die Einrückung stimmt nicht: Einträge auf derselben Ebene müssen gleich weit eingerückt sein.";
    case "MISSING_CHAR":
      return "Hier fehlt ein Zeichen, z. B. ein schließendes Anführungszeichen oder eine schließende Klammer.";
    case "BLOCK_AS_IMPLICIT_KEY":
    case "MULTILINE_IMPLICIT_KEY":
      return "Hier fehlt vermutlich ein Doppelpunkt oder ein Text geht unerwartet über mehrere Zeilen.";
    case "UNEXPECTED_TOKEN":
      return "Unerwartetes Zeichen: bitte Einrückung, Doppelpunkte und Anführungszeichen prüfen.";
    case "TAG_RESOLVE_FAILED":
      return "Eigene YAML-Typen (mit „!“) sind in Inhaltsdateien nicht erlaubt.";
    case "BAD_ALIAS":
    case "ALIAS_PROPS":
      return "Verweise mit „*“ und „&“ (YAML-Anker) sind in Inhaltsdateien nicht erlaubt.";
    case "MULTIPLE_DOCS":
      return "Eine Inhaltsdatei darf nur ein Dokument enthalten (kein zweites „---“).";
    case "BAD_DQ_ESCAPE":
      return "Ungültiges Escape-Zeichen mit „\\“ in einem Text in doppelten Anführungszeichen.";
    case "BAD_SCALAR_START":
      return "Ein Text darf nicht mit diesem Zeichen beginnen: bitte in Anführungszeichen setzen.";
    case "KEY_OVER_1024_CHARS":
      return "Ein Feldname ist zu lang.";
    case "BLOCK_IN_FLOW":
      return "Ein eingerückter Block darf nicht innerhalb von eckigen oder geschweiften Klammern stehen.";
    default:
      return `Die Datei ist hier kein gültiges YAML (${code}).${original ? "" : ""}`;
  }
}
