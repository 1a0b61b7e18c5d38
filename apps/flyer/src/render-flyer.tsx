import * as defaultBrand from "@dus-opendata/brand";
import { ttfFonts } from "@dus-opendata/brand/node";
import { type Concept, type Flyer, joinGerman } from "@dus-opendata/concept";
import { ContentError, type ContentProblem } from "@dus-opendata/concept/node";
import { hyphenateWord } from "@dus-opendata/typeset";
import { type DocumentProps, Font, renderToBuffer } from "@react-pdf/renderer";
import type { ReactElement } from "react";
import { finishPdfs } from "./add-print-marks.js";
import { assertFits, measureFit } from "./assert-fits.js";
import { FlyerDocument } from "./components/flyer-document.js";
import { describeFlyer } from "./describe-flyer.js";
import { readingOrder } from "./elements.js";
import type { Geometry } from "./formats.js";
import { locateFlyerError } from "./locate-flyer-error.js";
import { type Fit, mergeFit, type Plan, planPages } from "./plan-pages.js";
import { FlyerError, type PreparedFlyer, prepareFlyer } from "./prepare-flyer.js";
import type { LayoutNode } from "./read-layout.js";
import { capLists, omissions } from "./section-kinds.js";
import { type Brand, createStyles } from "./styles.js";

const registered = new Set<string>();

/** Registers the brand font (TTF, embedded as subsets) and German hyphenation, once per process and family. */
export function registerFonts(brand: Brand = defaultBrand): void {
  if (registered.has(brand.fontFamily)) return;
  const files = ttfFonts().filter((f) => f.family === brand.fontFamily);
  Font.register({
    family: brand.fontFamily,
    fonts: files.map((f) => ({ src: f.path, fontWeight: f.weight, fontStyle: f.style })),
  });
  Font.registerHyphenationCallback(hyphenateWord);
  registered.add(brand.fontFamily);
}

export interface RenderedFlyer {
  id: string;
  geometry: Geometry;
  pages: number;
  /** Page = trim size, links clickable. */
  screen: Uint8Array;
  /** Trim + bleed + crop and fold marks. */
  print: Uint8Array;
  /** The layout (read-layout.ts) and the plan it was laid out to, for checks in tests. */
  layout: LayoutNode;
  plan: Plan;
  /** The headings (H1, H2, H3) in the order the structure tree presents them, from the model. */
  readingOrder: string[];
  /**
   * What a section left out to fit (section-kinds.ts), in German, e.g. „„Sechs Bausteine“ (sections[3]) ohne …“ or
   * „„Was wir tun“ (sections[4]) ohne das geplante Datum der Maßnahmen und gekürzt auf 8 von 50 Maßnahmen“.
   */
  omissions: string[];
}

export interface RenderOptions {
  /** Brand tokens; the `watch` command passes freshly loaded ones. */
  brand?: Brand;
  /** Tagged PDF/UA-1 (default). Untagged only to measure what tagging costs (bench/render.ts). */
  tagged?: boolean;
  /**
   * Lay out and check only (`check`): no screen and print files are made (`screen` and `print` stay empty), which
   * spares the post-processing of both; layout and its problems are exactly those of a build.
   */
  layoutOnly?: boolean;
}

/**
 * How often a flyer is laid out at most: once, once more when the title block or a footer needs more room, once per
 * step a section takes to fit (section-kinds.ts: at most four; sections step together), and up to twice for a list
 * that is shortened (the entries that fit, then once more if the line about the others needs two lines).
 */
const PASSES = 10;

/** Renders one flyer of a concept: prepareFlyer, then renderPrepared. */
export function renderFlyer(concept: Concept, flyer: Flyer, options: RenderOptions = {}): Promise<RenderedFlyer> {
  return renderPrepared(prepareFlyer(concept, flyer), options);
}

/** Renders every flyer of a loaded concept; throws one ContentError listing the problems of all flyers. */
export async function renderAll(
  concept: Concept,
  content: { abs: string; display: string },
  options: RenderOptions = {},
): Promise<RenderedFlyer[]> {
  const rendered: RenderedFlyer[] = [];
  const problems: ContentProblem[] = [];
  for (const flyer of concept.flyers) {
    try {
      rendered.push(await renderFlyer(concept, flyer, options));
    } catch (e) {
      if (!(e instanceof FlyerError)) throw e;
      problems.push(...locateFlyerError(e, content.abs, content.display));
    }
  }
  if (problems.length) throw new ContentError(problems);
  return rendered;
}

/**
 * Renders a prepared flyer, reading nothing else (its key, keyFlyer, covers exactly this input and the code): one
 * react-pdf pass (fonts registered once), another one when the title block of a flat flyer or a footer needs more
 * lines than planned (the frames beside them give up the room) or a section must adapt to fit, the layout checked
 * with assertFits (throws FlyerError naming the flyer and the field), then cut to a screen file and marked up as a
 * print file. The same content gives the same bytes.
 */
export async function renderPrepared(prepared: PreparedFlyer, options: RenderOptions = {}): Promise<RenderedFlyer> {
  const brand = options.brand ?? defaultBrand;
  registerFonts(brand);
  const tagged = options.tagged ?? true;
  const styles = createStyles(brand);
  let plan = planPages(prepared);
  const caps = capLists(
    plan.pages.flatMap((p) => p.frames),
    styles,
  );
  let fit: Fit = Object.keys(caps).length ? { shown: caps } : {};
  let described = describeFlyer(prepared, plan, styles);
  let layout: LayoutNode | undefined;
  let rendered = new Uint8Array();
  for (let pass = 1; pass <= PASSES; pass++) {
    plan = planPages(prepared, fit);
    described = describeFlyer(prepared, plan, styles);
    const element = (
      <FlyerDocument
        flyer={prepared}
        plan={plan}
        styles={styles}
        described={described}
        onLayout={(l) => (layout = l)}
        tagged={tagged}
      />
    ) as unknown as ReactElement<DocumentProps>;
    rendered = new Uint8Array(await renderToBuffer(element));
    if (!layout) throw new Error("react-pdf hat kein Layout geliefert.");
    const need = measureFit(layout, plan);
    if (!need) break;
    fit = mergeFit(fit, need);
  }
  if (!layout) throw new Error("react-pdf hat kein Layout geliefert.");
  assertFits(layout, plan, prepared);
  const { screen, print } = options.layoutOnly
    ? { screen: new Uint8Array(), print: new Uint8Array() }
    : await finishPdfs(rendered, {
        geometry: plan.geometry,
        meta: prepared.meta,
        markColor: brand.colors.ink,
      });
  const left = prepared.places.flat().flatMap((section) => {
    const parts = omissions(section.data, plan.steps[section.field], plan.shown[section.field]);
    return parts.length
      ? [`„${section.data.title.replace(/\u00A0/g, " ")}“ (${section.field}) ${joinGerman(parts)}`]
      : [];
  });
  return {
    id: prepared.id,
    geometry: plan.geometry,
    pages: plan.pages.length,
    screen,
    print,
    layout,
    plan,
    readingOrder: readingOrder(described.structure),
    omissions: left,
  };
}
