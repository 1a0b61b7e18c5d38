import { FLYER_FORMAT_DEFINITIONS, type FlyerFormat, type FlyerFormatDefinition } from "@dus-opendata/concept";

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

/**
 * The roll fold's panel widths in mm, left to right: outside (page 1) and inside (page 2). Panels, widths and places
 * are defined once, in the concept package (FLYER_FORMAT_DEFINITIONS, with the fold diagram).
 */
export const ROLL_FOLD_PANELS_MM = {
  outside: FLYER_FORMAT_DEFINITIONS["din-lang-wickelfalz"].sheets[0].map((p) => p.widthMm),
  inside: FLYER_FORMAT_DEFINITIONS["din-lang-wickelfalz"].sheets[1].map((p) => p.widthMm),
} as const;

/** The geometry of a format, from its definition: panels placed left to right, folds between them. */
export function geometryOf(format: FlyerFormat): Geometry {
  const d: FlyerFormatDefinition = FLYER_FORMAT_DEFINITIONS[format];
  const sheets = d.sheets.map((defs): Sheet => {
    let left = 0;
    const panels = defs.map((p): Panel => {
      const panel = {
        place: p.place,
        name: d.kind === "panels" ? `Feld ${p.place} (${p.name})` : p.name,
        x: mm(left),
        width: mm(p.widthMm),
      };
      left += p.widthMm;
      return panel;
    });
    // Panels in reading order (the order of the content stream); folds between neighbours.
    return { panels: [...panels].sort((a, b) => a.place - b.place), folds: panels.slice(1).map((p) => p.x) };
  });
  return { format, label: d.label, width: mm(d.widthMm), height: mm(d.heightMm), kind: d.kind, sheets };
}
