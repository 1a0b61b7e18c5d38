import type { FlyerFormat } from "@dus-opendata/concept";

/** PDF points per millimetre. */
export const PT_PER_MM = 72 / 25.4;
export const mm = (v: number) => v * PT_PER_MM;

/** Bleed on every side of the print file. */
export const BLEED = mm(3);
/** Crop and fold marks start 1 mm outside the bleed and are 5 mm long. */
export const MARK_OFFSET = mm(4);
export const MARK_LENGTH = mm(5);
/** Room around the trim for bleed and marks: the print file's MediaBox is the trim plus this on every side. */
export const SLUG = mm(10);

/** One panel of a folded leaflet, or the whole page of a flat flyer; `x` and `width` in points from the trim's left edge. */
export interface Panel {
  place: number;
  /** German name for messages and the fold documentation. */
  name: string;
  x: number;
  width: number;
}

export interface Sheet {
  /** Panels in reading order (the order of the content stream). */
  panels: Panel[];
  /** Fold positions in points from the trim's left edge. */
  folds: number[];
}

export interface Geometry {
  format: FlyerFormat;
  /** German description for the build list. */
  label: string;
  width: number;
  height: number;
  kind: "pages" | "panels";
  sheets: Sheet[];
}

function flat(format: FlyerFormat, label: string, wMm: number, hMm: number): Geometry {
  const width = mm(wMm);
  const panel = (place: number): Sheet => ({ panels: [{ place, name: `Seite ${place}`, x: 0, width }], folds: [] });
  return { format, label, width, height: mm(hMm), kind: "pages", sheets: [panel(1), panel(2)] };
}

/**
 * DIN lang, Wickelfalz (roll fold) from A4 landscape: PDF page 1 is the outside, page 2 the inside (the back of page 1
 * when the sheet is turned over its vertical axis). The panel that is folded in first is 97 mm wide, the others 100 mm,
 * so it lies flat inside the closed leaflet. Places count in the order a reader meets them.
 *
 *   outside (page 1):  | 3 Einklappseite außen 97 | 6 Rückseite 100 | 1 Titel 100 |      folds at 97 and 197 mm
 *   inside  (page 2):  | 2 innen links 100 | 4 innen Mitte 100 | 5 Einklappseite innen 97 |  folds at 100 and 200 mm
 */
export const ROLL_FOLD_PANELS_MM = { outside: [97, 100, 100], inside: [100, 100, 97] } as const;

function rollFold(): Geometry {
  const p = (place: number, name: string, xMm: number, wMm: number): Panel => ({
    place,
    name: `Feld ${place} (${name})`,
    x: mm(xMm),
    width: mm(wMm),
  });
  return {
    format: "din-lang-wickelfalz",
    label: "DIN lang, Wickelfalz (A4 quer)",
    width: mm(297),
    height: mm(210),
    kind: "panels",
    sheets: [
      {
        panels: [p(1, "Titel", 197, 100), p(3, "Einklappseite außen", 0, 97), p(6, "Rückseite", 97, 100)],
        folds: [mm(97), mm(197)],
      },
      {
        panels: [p(2, "innen links", 0, 100), p(4, "innen Mitte", 100, 100), p(5, "Einklappseite innen", 200, 97)],
        folds: [mm(100), mm(200)],
      },
    ],
  };
}

export function geometryOf(format: FlyerFormat): Geometry {
  switch (format) {
    case "a4":
      return flat(format, "A4 hoch", 210, 297);
    case "a5":
      return flat(format, "A5 hoch", 148, 210);
    case "din-lang-wickelfalz":
      return rollFold();
  }
}
