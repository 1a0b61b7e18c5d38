import { assertNever } from "./assert-never.js";
import type { BausteinData } from "./schemas/baustein.js";
import type { FlyerData, FlyerSection } from "./schemas/flyer.js";
import type { Measure } from "./schemas/measure.js";
import { aAccusative, DEFAULT_TERMS, inThe, type Terms, theNominative } from "./terms.js";

/** A problem in a content file, at a field path, before it is located by line and column. */
export interface FieldProblem {
  path: (string | number)[];
  message: string;
}

/** The Bausteine and Maßnahmen a flyer may point to; undefined for an id that is unknown or whose file is broken. */
export interface FlyerLookup {
  baustein(id: string): BausteinData | undefined;
  measure(id: string): Measure | undefined;
  /** What the concept calls its parts, for the messages (default: today's words). */
  terms?: Terms;
}

/** What a selection chooses from, as the message names it: „Der Baustein „X“ nennt“ + „eine Chance“ / „Chancen“. */
interface SelectionList {
  owner: string;
  one: string;
  many: string;
}

const PARAGRAPHS = { one: "einen Absatz", many: "Absätze" };
const POINTS = { one: "einen Kernpunkt", many: "Kernpunkte" };

/** „Die Auswahl 9 gibt es nicht: Der Baustein „X“ nennt 5 Chancen; erlaubt sind 1 bis 5.“ */
function checkSelection(
  selection: number[] | undefined,
  length: number,
  path: (string | number)[],
  list: SelectionList,
): FieldProblem[] {
  const has = length === 1 ? `nur ${list.one}; erlaubt ist 1` : `${length} ${list.many}; erlaubt sind 1 bis ${length}`;
  return (selection ?? []).flatMap((n, j) =>
    n > length ? [{ path: [...path, j], message: `Die Auswahl ${n} gibt es nicht: ${list.owner} ${has}.` }] : [],
  );
}

function checkSection(s: FlyerSection, at: (...rest: (string | number)[]) => (string | number)[], find: FlyerLookup) {
  const t = find.terms ?? DEFAULT_TERMS;
  const theBaustein = theNominative(t.baustein);
  switch (s.type) {
    case "why": {
      const b = find.baustein(s.block);
      return b
        ? checkSelection(s.paragraphs, b.why.text.length, at("paragraphs"), {
            owner: `Die Begründung „${b.why.title}“ hat`,
            ...PARAGRAPHS,
          })
        : [];
    }
    case "chances": {
      const b = find.baustein(s.block);
      if (!b) return [];
      if (b.chances.length === 0)
        return [
          {
            path: at("block"),
            message: `${theBaustein} „${b.title}“ nennt keine ${t.chance.many}: der Abschnitt hätte keinen Inhalt. Bitte ${inThe(t.baustein)} ${t.chance.many} nennen oder den Abschnitt entfernen.`,
          },
        ];
      return checkSelection(s.items, b.chances.length, at("items"), {
        owner: `${theBaustein} „${b.title}“ nennt`,
        one: aAccusative(t.chance),
        many: t.chance.many,
      });
    }
    case "measures": {
      const b = find.baustein(s.block);
      if (!b || b.measures.length > 0) return [];
      return [
        {
          path: at("block"),
          message: `${theBaustein} „${b.title}“ hat noch keine ${t.measure.many}: der Abschnitt hätte keinen Inhalt. Bitte ${inThe(t.baustein)} ${t.measure.many} eintragen oder den Abschnitt entfernen.`,
        },
      ];
    }
    case "measure": {
      const m = find.measure(s.measure);
      if (!m) return [];
      if (s.part === "details") {
        const points = m.details?.points;
        if (!points)
          return [
            {
              path: at("part"),
              message: `${theNominative(t.measure)} „${m.title}“ hat keinen Zusatzblock mit Kernpunkten („details.points“); hier passt nur „summary“.`,
            },
          ];
        return [
          ...(s.paragraphs
            ? [{ path: at("paragraphs"), message: "„paragraphs“ gilt nur für „summary“; für Kernpunkte „items“." }]
            : []),
          ...checkSelection(s.items, points.length, at("items"), {
            owner: `Der Zusatzblock von „${m.title}“ hat`,
            ...POINTS,
          }),
        ];
      }
      return [
        ...(s.items
          ? [{ path: at("items"), message: "„items“ gilt nur für „details“; für Absätze „paragraphs“." }]
          : []),
        ...checkSelection(s.paragraphs, m.summary.length, at("paragraphs"), {
          owner: `Die Beschreibung von „${m.title}“ hat`,
          ...PARAGRAPHS,
        }),
      ];
    }
    case "intro":
    case "bausteine":
    case "text":
    case "steps":
    case "portal":
    case "contact":
      return [];
    default:
      return assertNever(s, "Abschnitt");
  }
}

/**
 * What a flyer selects from the concept that is not there: a paragraph, Chance or key point past the end of its
 * list, `part: details` on a Maßnahme without key points, a section about a list that is empty. Unknown ids are
 * reported by the reference check; here they are skipped. Pure: the loader locates the problems in the file.
 */
export function checkFlyerSelections(flyer: FlyerData, find: FlyerLookup): FieldProblem[] {
  return flyer.sections.flatMap((s, i) => checkSection(s, (...rest) => ["sections", i, ...rest], find));
}
