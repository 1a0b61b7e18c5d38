import * as defaultBrand from "@dus-opendata/brand";
import {
  type FlyerElement,
  identify,
  type StructureNode,
  structureOf,
  text,
  type ViewElement,
  view,
} from "./elements.js";
import { type Plan, planPages } from "./plan-pages.js";
import type { PreparedFlyer } from "./prepare-flyer.js";
import { describeSection } from "./section-kinds.js";
import { createStyles, type Styles } from "./styles.js";

/**
 * A flyer described once (elements.ts): the cover's elements and each section's, as the plan places and adapts
 * them. FlyerDocument paints it; `structure` is its structure tree, in the order the flyer is read.
 */
export interface DescribedFlyer {
  /** The brand's wordmark: city and organisation beside a red rule, the claim beneath. */
  wordmark: ViewElement;
  /** Occasion, title and subtitle, white on the red band or field. */
  titleBlock: ViewElement;
  /** Each section by its field (`sections[3]`), described for the frame it is set in. */
  sections: Map<string, ViewElement>;
  structure: StructureNode;
}

function describeWordmark(f: PreparedFlyer, s: Styles): ViewElement {
  const { wordmark } = s.brand;
  return view(
    undefined,
    [
      view({ flexDirection: "row" }, [
        view({ width: wordmark.ruleWidth, backgroundColor: wordmark.ruleColor, marginRight: s.space[2] }, []),
        // The column takes the rest of the frame's width, so a long name wraps inside it.
        view({ flexGrow: 1, flexShrink: 1, flexBasis: 0 }, [
          text("P", f.wordmark.city, s.wordmarkCity, "whole"),
          text("P", f.wordmark.organisation, s.wordmarkOrganisation, "whole"),
        ]),
      ]),
      text(
        "P",
        f.wordmark.claim,
        [s.wordmarkClaim, { marginTop: s.space[1], marginLeft: wordmark.ruleWidth + s.space[2] }],
        "whole",
      ),
    ],
    { role: "Div", marks: { field: "(Wortmarke)" } },
  );
}

function describeTitleBlock(f: PreparedFlyer, s: Styles): ViewElement {
  return view(undefined, [
    view(undefined, [text("P", f.occasion, s.kickerOnPrimary, "whole")], { marks: { field: "occasion" } }),
    view({ marginTop: s.space[1] }, [text("H1", f.title, s.displayOnPrimary, "heading")], {
      marks: { field: "title" },
    }),
    f.subtitle !== undefined &&
      view({ marginTop: s.space[2] }, [text("P", f.subtitle, s.leadOnPrimary, "words")], {
        marks: { field: "subtitle" },
      }),
  ]);
}

/**
 * The flyer's elements for a plan: the cover, then every section in the frame the plan puts it in, at the step and
 * with the entries the plan gives it (adapted to fit), each with the ids that painting and tagging share. The
 * structure tree follows the order the flyer is read: the wordmark, occasion, title (H1) and subtitle of the cover,
 * then every section by its place (1 to 6 on the leaflet, the pages of a flat flyer) and, within a place, in the
 * order of the flyer file. Footers, bands, rules and marks have no element: they are artifacts.
 */
export function describeFlyer(f: PreparedFlyer, plan: Plan, s: Styles): DescribedFlyer {
  const wordmark = identify(describeWordmark(f, s), "wortmarke");
  const titleBlock = identify(describeTitleBlock(f, s), "titel");
  const sections = new Map<string, ViewElement>();
  for (const page of plan.pages)
    for (const frame of page.frames)
      frame.sections.forEach((section, i) => {
        const shown = plan.shown[section.field];
        const described = describeSection(section, {
          s,
          width: frame.width,
          headings: frame.headings,
          first: i === 0,
          step: plan.steps[section.field] ?? 0,
          ...(shown === undefined ? {} : { shown }),
        });
        sections.set(section.field, identify(described, section.field));
      });
  const inReadingOrder: FlyerElement[] = [
    wordmark,
    titleBlock,
    ...f.places.flat().flatMap((section) => sections.get(section.field) ?? []),
  ];
  return {
    wordmark,
    titleBlock,
    sections,
    structure: { role: "Document", children: inReadingOrder.flatMap(structureOf) },
  };
}

/**
 * The structure tree of a flyer, as it is tagged for this plan (by default as planned, before any section adapts),
 * with the brand's styles (which change nothing in it).
 */
export function describeStructure(
  f: PreparedFlyer,
  plan: Plan = planPages(f),
  styles: Styles = createStyles(defaultBrand),
): StructureNode {
  return describeFlyer(f, plan, styles).structure;
}
