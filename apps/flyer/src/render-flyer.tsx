import * as defaultBrand from "@dus-opendata/brand";
import { ttfFonts } from "@dus-opendata/brand/node";
import type { Concept, Flyer } from "@dus-opendata/concept";
import { ContentError, type ContentProblem } from "@dus-opendata/concept/node";
import { hyphenateWord } from "@dus-opendata/typeset";
import { type DocumentProps, Font, renderToBuffer } from "@react-pdf/renderer";
import type { ReactElement } from "react";
import { omission } from "./adapt-sections.js";
import { finishPdfs } from "./add-print-marks.js";
import { assertFits, measureFit } from "./assert-fits.js";
import { FlyerDocument } from "./components/flyer-document.js";
import { describeStructure, readingOrder } from "./describe-structure.js";
import type { Geometry } from "./formats.js";
import { locateFlyerError } from "./locate-flyer-error.js";
import { type Fit, mergeFit, type Plan, planPages } from "./plan-pages.js";
import { FlyerError, type PreparedFlyer, prepareFlyer } from "./prepare-flyer.js";
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
  /** react-pdf's layout tree and the plan it was laid out to, for checks in tests. */
  layout: unknown;
  plan: Plan;
  /** The headings (H1, H2, H3) in the order the structure tree presents them, from the model. */
  readingOrder: string[];
  /** What a section left out to fit (adapt-sections.ts), in German, e.g. „„Sechs Bausteine“ (sections[3]) ohne …“. */
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
 * How often a flyer is laid out at most: once, once more when the title block or a footer needs more room, and once
 * per step a section takes to fit (adapt-sections.ts: at most four; sections step together).
 */
const PASSES = 8;

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
  let fit: Fit = {};
  let structure = describeStructure(prepared);
  let plan = planPages(prepared, fit);
  let layout: unknown;
  let rendered = new Uint8Array();
  for (let pass = 1; pass <= PASSES; pass++) {
    plan = planPages(prepared, fit);
    structure = describeStructure(prepared, plan.steps);
    const element = (
      <FlyerDocument
        flyer={prepared}
        plan={plan}
        styles={styles}
        onLayout={(l) => (layout = l)}
        {...(tagged ? { structure } : {})}
      />
    ) as unknown as ReactElement<DocumentProps>;
    rendered = new Uint8Array(await renderToBuffer(element));
    const need = measureFit(layout, plan);
    if (!need) break;
    fit = mergeFit(fit, need);
  }
  assertFits(layout, plan, prepared);
  const { screen, print } = options.layoutOnly
    ? { screen: new Uint8Array(), print: new Uint8Array() }
    : await finishPdfs(rendered, {
        geometry: plan.geometry,
        meta: prepared.meta,
        markColor: brand.colors.ink,
      });
  const omissions = prepared.places.flat().flatMap((section) => {
    const left = omission(section.data.kind, plan.steps[section.field]);
    return left ? [`„${section.data.title.replace(/\u00A0/g, " ")}“ (${section.field}) ${left}`] : [];
  });
  return {
    id: prepared.id,
    geometry: plan.geometry,
    pages: plan.pages.length,
    screen,
    print,
    layout,
    plan,
    readingOrder: readingOrder(structure),
    omissions,
  };
}
