import { type Geometry, geometryOf, mm } from "./formats.js";
import type { PreparedFlyer, PreparedSection } from "./prepare-flyer.js";

/**
 * A box that content flows into from the top. Everything in it is measured after layout: content taller
 * than `height` (or a line wider than its column) fails the build, naming the section.
 */
export interface Frame {
  id: string;
  /** German name for messages, e.g. „Feld 5 (Einklappseite innen)“ or „Seite 1“. */
  label: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Headings beside the text (wide pages) or above it (panels). */
  headings: "side" | "top";
  sections: PreparedSection[];
  /**
   * What comes before the sections: the leaflet's cover (wordmark, occasion, title, subtitle), the flat flyer's
   * wordmark, or its title block on the red band.
   */
  cover?: "wordmark" | "band";
  /** A frame that grows with its content (the wordmark, the flat flyer's title block): Fit names its height. */
  elastic?: "wordmark" | "band";
  /** Points this frame gave up to the wordmark, the title band or the footer, which took the lines they needed. */
  yielded?: Yield[];
}

/** A coloured area that runs to the trim and on into the bleed where it touches an edge. */
export interface Band {
  x: number;
  y: number;
  width: number;
  height: number;
  color: "primary";
}

export interface PagePlan {
  number: number;
  frames: Frame[];
  bands: Band[];
  /** Footer line at the bottom of the page (flat flyers) or of a panel (leaflet: the back). */
  footer?: { x: number; width: number; bottom: number; height: number; pageLabel?: string; label: string };
  folds: number[];
}

/**
 * Heights that the title block on a flat flyer's band and the footer need, measured after a first layout: the band
 * and the footer take the lines they need, and the frames beside them give up that room.
 */
export interface Fit {
  wordmark?: number;
  band?: number;
  footer?: number;
  /** Sections set more compactly, by field (`sections[3]`): how many steps of section-kinds.ts they have taken. */
  steps?: Record<string, number>;
  /** Lists shortened to fit, by field: how many of their entries they show. */
  shown?: Record<string, number>;
}

export interface Yield {
  to: "wordmark" | "band" | "footer";
  by: number;
}

/**
 * Both fits together: the larger height, the further step, the shorter list. A fit only ever grows (and a list only
 * ever gets shorter), so rendering with the merged fit until a layout asks for nothing more ends.
 */
export function mergeFit(a: Fit, b: Fit): Fit {
  const out: Fit = { ...a };
  for (const key of ["wordmark", "band", "footer"] as const) {
    const v = Math.max(a[key] ?? 0, b[key] ?? 0);
    if (v > 0) out[key] = v;
  }
  const steps = { ...a.steps };
  for (const [field, step] of Object.entries(b.steps ?? {})) steps[field] = Math.max(steps[field] ?? 0, step);
  if (Object.keys(steps).length) out.steps = steps;
  const shown = { ...a.shown };
  for (const [field, n] of Object.entries(b.shown ?? {})) shown[field] = Math.min(shown[field] ?? n, n);
  if (Object.keys(shown).length) out.shown = shown;
  return out;
}

/** The growths that took room from a frame, if any. */
const yields = (...ys: Yield[]) => {
  const list = ys.filter((y) => y.by > 0);
  return list.length ? { yielded: list } : {};
};

export interface Plan {
  geometry: Geometry;
  pages: PagePlan[];
  /** The step of section-kinds.ts each section is set at, by field; a section not named is set as planned. */
  steps: Record<string, number>;
  /** How many entries each shortened list shows, by field; a list not named shows all. */
  shown: Record<string, number>;
}

/** Outer margins of the flat formats and of the leaflet's panels. */
export const MARGINS = {
  a4: { x: mm(20), top: mm(16), bottom: mm(14) },
  a5: { x: mm(14), top: mm(12), bottom: mm(11) },
  panel: { x: mm(9), top: mm(9), bottom: mm(9) },
} as const;
/** The red strip along the top edge of every page and panel. */
export const STRIP = mm(5);
/** Where the red field of the leaflet's cover begins, as a share of the height. */
export const COVER_FIELD = 0.45;
/** Height reserved for the footer above the bottom margin: one line on wide pages, two on narrow ones. */
export const FOOTER = mm(9);
export const FOOTER_NARROW = mm(13);

/**
 * Where everything goes: frames, coloured bands and footers per page, from the format's geometry and, where a first
 * layout showed it, the room the title block and the footer need (`fit`). Pure.
 */
export function planPages(f: PreparedFlyer, fit: Fit = {}): Plan {
  const geometry = geometryOf(f.format);
  const { width: W, height: H } = geometry;
  const strip: Band = { x: 0, y: 0, width: W, height: STRIP, color: "primary" };
  const at = (place: number) => f.places[place - 1] ?? [];

  if (geometry.kind === "panels") {
    const m = MARGINS.panel;
    const footerHeight = Math.max(FOOTER_NARROW, fit.footer ?? 0);
    const footerGrowth = footerHeight - FOOTER_NARROW;
    const pages = geometry.sheets.map((sheet, i): PagePlan => {
      const frames: Frame[] = [];
      const bands: Band[] = [strip];
      for (const p of sheet.panels) {
        const x = p.x + m.x;
        const width = p.width - 2 * m.x;
        const top = STRIP + m.top;
        if (p.place === 1) {
          // The cover: wordmark on paper, sections of place 1 beneath it, the title white on a red field that
          // runs into the bleed at the right and bottom edges and keeps clear of the fold. Reading order: wordmark,
          // title, sections.
          const field: Band = { x, y: H * COVER_FIELD, width: W - x, height: H - H * COVER_FIELD, color: "primary" };
          bands.push(field);
          const wordmark = Math.max(mm(22), fit.wordmark ?? 0);
          frames.push(
            {
              id: "wortmarke",
              label: `die Wortmarke auf ${p.name}`,
              x,
              y: top,
              width,
              height: wordmark,
              headings: "top",
              sections: [],
              cover: "wordmark",
              elastic: "wordmark",
            },
            {
              id: "titel",
              label: `${p.name}, rotes Titelfeld`,
              x: x + mm(7),
              y: field.y + mm(9),
              width: width - mm(7),
              height: field.height - mm(9) - m.bottom,
              headings: "top",
              sections: [],
              cover: "band",
            },
            {
              id: "feld-1",
              label: p.name,
              x,
              y: top + wordmark + mm(6),
              width,
              height: field.y - mm(6) - (top + wordmark + mm(6)),
              headings: "top",
              sections: at(1),
              ...yields({ to: "wordmark", by: wordmark - mm(22) }),
            },
          );
          continue;
        }
        const bottom = p.place === 6 ? footerHeight : 0;
        frames.push({
          id: `feld-${p.place}`,
          label: p.name,
          x,
          y: top,
          width,
          height: H - top - m.bottom - bottom,
          headings: "top",
          sections: at(p.place),
          ...(p.place === 6 ? yields({ to: "footer", by: footerGrowth }) : {}),
        });
      }
      const back = sheet.panels.find((p) => p.place === 6);
      return {
        number: i + 1,
        frames,
        bands,
        footer: back && {
          x: back.x + m.x,
          width: back.width - 2 * m.x,
          bottom: m.bottom,
          height: footerHeight,
          label: `die Fußzeile auf ${back.name}`,
        },
        folds: sheet.folds,
      };
    });
    return { geometry, pages, steps: { ...fit.steps }, shown: { ...fit.shown } };
  }

  const m = f.format === "a5" ? MARGINS.a5 : MARGINS.a4;
  const width = W - 2 * m.x;
  const headings = width >= 400 ? "side" : "top";
  const plannedFooter = width >= 400 ? FOOTER : FOOTER_NARROW;
  const footerHeight = Math.max(plannedFooter, fit.footer ?? 0);
  const footerGrowth = footerHeight - plannedFooter;
  const bodyBottom = H - m.bottom - footerHeight - mm(4);

  const pages = Array.from({ length: f.pages }, (_, i): PagePlan => {
    const number = i + 1;
    const pageLabel = f.pages > 1 ? `Seite ${number} von ${f.pages}` : undefined;
    const footer = {
      x: m.x,
      width,
      bottom: m.bottom,
      height: footerHeight,
      pageLabel,
      label: `die Fußzeile von Seite ${number}`,
    };
    if (number === 1) {
      // Wordmark on paper, then the red band with occasion, title and subtitle, running into the bleed left and right.
      const wordmark = Math.max(mm(18), fit.wordmark ?? 0);
      const bandTop = m.top + wordmark + mm(4);
      // The band holds the title block with 8 mm above and 6 mm below it; it grows when the block needs more.
      const plannedBand = mm(f.format === "a5" ? 40 : 50);
      const bandHeight = Math.max(plannedBand, (fit.band ?? 0) + mm(14));
      const bandGrowth = bandHeight - plannedBand;
      const band: Band = { x: 0, y: bandTop, width: W, height: bandHeight, color: "primary" };
      const bodyTop = bandTop + bandHeight + mm(10);
      return {
        number,
        bands: [band],
        frames: [
          {
            id: "wortmarke",
            label: "die Wortmarke auf Seite 1",
            x: m.x,
            y: m.top,
            width,
            height: wordmark,
            headings,
            sections: [],
            cover: "wordmark",
            elastic: "wordmark",
          },
          {
            id: "titel",
            label: "Titelband von Seite 1",
            x: m.x,
            y: bandTop + mm(8),
            width,
            height: bandHeight - mm(14),
            headings,
            sections: [],
            cover: "band",
            elastic: "band",
          },
          {
            id: "seite-1",
            label: "Seite 1",
            x: m.x,
            y: bodyTop,
            width,
            height: bodyBottom - bodyTop,
            headings,
            sections: at(1),
            ...yields(
              { to: "wordmark", by: wordmark - mm(18) },
              { to: "band", by: bandGrowth },
              { to: "footer", by: footerGrowth },
            ),
          },
        ],
        footer,
        folds: [],
      };
    }
    const top = STRIP + m.top;
    return {
      number,
      bands: [strip],
      frames: [
        {
          id: `seite-${number}`,
          label: `Seite ${number}`,
          x: m.x,
          y: top,
          width,
          height: bodyBottom - top,
          headings,
          sections: at(number),
          ...yields({ to: "footer", by: footerGrowth }),
        },
      ],
      footer,
      folds: [],
    };
  });
  return { geometry, pages, steps: { ...fit.steps }, shown: { ...fit.shown } };
}
