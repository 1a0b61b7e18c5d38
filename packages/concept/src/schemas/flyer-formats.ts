/**
 * The one definition of the flyer formats: trim size and the pages or panels a flyer's sections are placed on.
 * The schema takes the allowed `place` numbers and their names from here, the flyer app its page geometry.
 *
 * Each sheet (PDF page) lists its panels from left to right with their width; `place` counts the panels in the
 * order a reader meets them. The DIN-lang Wickelfalz (roll fold) from A4 landscape: page 1 is the outside, page 2
 * the inside (the back of page 1 when the sheet is turned over its vertical axis). The panel folded in first is
 * 97 mm wide, the others 100 mm, so that it lies flat inside the closed leaflet:
 *
 *   outside (page 1):  | 3 Einklappseite außen 97 | 6 Rückseite 100 | 1 Titel 100 |      folds at 97 and 197 mm
 *   inside  (page 2):  | 2 innen links 100 | 4 innen Mitte 100 | 5 Einklappseite innen 97 |  folds at 100 and 200 mm
 */
export interface FlyerPanelDefinition {
  place: number;
  /** German name for messages and the fold documentation, e.g. „Einklappseite außen“. */
  name: string;
  widthMm: number;
}

export interface FlyerFormatDefinition {
  /** German description for the build list and messages, e.g. „A4 hoch“. */
  label: string;
  widthMm: number;
  heightMm: number;
  /** Flat pages (A4, A5: `place` is the page) or the panels of a folded leaflet (`place` is the panel). */
  kind: "pages" | "panels";
  /** Per PDF page, its panels from left to right. */
  sheets: readonly (readonly FlyerPanelDefinition[])[];
}

const flat = (label: string, widthMm: number, heightMm: number): FlyerFormatDefinition => ({
  label,
  widthMm,
  heightMm,
  kind: "pages",
  sheets: [1, 2].map((place) => [{ place, name: `Seite ${place}`, widthMm }]),
});

export const FLYER_FORMAT_DEFINITIONS = {
  a4: flat("A4 hoch", 210, 297),
  a5: flat("A5 hoch", 148, 210),
  "din-lang-wickelfalz": {
    label: "DIN lang, Wickelfalz aus A4 quer",
    widthMm: 297,
    heightMm: 210,
    kind: "panels",
    sheets: [
      [
        { place: 3, name: "Einklappseite außen", widthMm: 97 },
        { place: 6, name: "Rückseite", widthMm: 100 },
        { place: 1, name: "Titel", widthMm: 100 },
      ],
      [
        { place: 2, name: "innen links", widthMm: 100 },
        { place: 4, name: "innen Mitte", widthMm: 100 },
        { place: 5, name: "Einklappseite innen", widthMm: 97 },
      ],
    ],
  },
} as const satisfies Record<string, FlyerFormatDefinition>;

export type FlyerFormat = keyof typeof FLYER_FORMAT_DEFINITIONS;

export const FLYER_FORMATS = Object.keys(FLYER_FORMAT_DEFINITIONS) as [FlyerFormat, ...FlyerFormat[]];

/** Every panel of a format, ordered by place. */
export function flyerPlaces(format: FlyerFormat): FlyerPanelDefinition[] {
  const def: FlyerFormatDefinition = FLYER_FORMAT_DEFINITIONS[format];
  return def.sheets.flat().sort((a, b) => a.place - b.place);
}

/** How many pages (A4, A5) or panels (Wickelfalz) a format has; `place` counts them from 1. */
export const FLYER_PLACES = Object.fromEntries(FLYER_FORMATS.map((f) => [f, flyerPlaces(f).length])) as Record<
  FlyerFormat,
  number
>;

/** „1 Titel, 2 innen links, 3 Einklappseite außen, …“: the panels of a folded format by place, for messages. */
export function describePlaces(format: FlyerFormat): string {
  return flyerPlaces(format)
    .map((p) => `${p.place} ${p.name}`)
    .join(", ");
}
