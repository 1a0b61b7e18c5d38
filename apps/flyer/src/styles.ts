import type * as BrandModule from "@dus-opendata/brand";
import { createContext, useContext } from "react";

/** The brand tokens as the flyer reads them; passed in (not imported by components) so `watch` can reload them. */
export type Brand = typeof BrandModule;

/** Every text style of the flyers: colour, background it sits on, size, weight. Nothing here defines a colour. */
export function createStyles(brand: Brand) {
  const { colors, statusColors, printType: t, fontFamily, fontWeights: w, space, radius, wordmark } = brand;
  const type = (size: number, weight: number, color: string, italic = false) => ({
    fontFamily,
    fontSize: size,
    // react-pdf reads a number as a factor of the font size, which is set next to it.
    lineHeight: t.lineHeight,
    fontWeight: weight,
    fontStyle: italic ? ("italic" as const) : ("normal" as const),
    color,
  });
  return {
    brand,
    /** Height of one line of a text style, in points. */
    leading: (style: { fontSize: number; lineHeight: number }) => style.fontSize * style.lineHeight,
    space,
    radius,
    colors,
    statusColors,
    page: { fontFamily, backgroundColor: colors.paper },
    body: type(t.body, w.regular, colors.ink),
    bodyStrong: type(t.body, w.semibold, colors.ink),
    small: type(t.small, w.regular, colors.muted),
    smallStrong: type(t.small, w.semibold, colors.muted),
    heading: type(t.heading, w.bold, colors.primary),
    panelHeading: type(t.title, w.bold, colors.primary),
    itemTitle: type(t.heading, w.bold, colors.ink),
    label: type(t.small, w.bold, colors.primary),
    quote: type(t.heading, w.regular, colors.ink, true),
    note: type(t.body, w.regular, colors.ink),
    link: { ...type(t.body, w.semibold, colors.link), textDecoration: "none" as const },
    /** The address where the body size does not fit: the brand's smallest size. */
    linkSmall: { ...type(t.small, w.semibold, colors.link), textDecoration: "none" as const },
    /** The Bausteine's summaries where the overview must be set tighter. */
    summarySmall: type(t.small, w.regular, colors.ink),
    badge: type(t.small, w.semibold, colors.paper),
    stepNumber: type(t.body, w.bold, colors.onPrimary),
    wordmarkCity: type(t.heading * wordmark.city.scale, wordmark.city.weight, wordmark.city.color),
    wordmarkOrganisation: type(
      t.heading * wordmark.organisation.scale,
      wordmark.organisation.weight,
      wordmark.organisation.color,
    ),
    wordmarkClaim: type(t.heading * wordmark.claim.scale, wordmark.claim.weight, wordmark.claim.color, true),
    kicker: type(t.heading, w.bold, colors.primary),
    display: type(t.display, w.bold, colors.primary),
    lead: type(t.heading, w.regular, colors.ink),
    kickerOnPrimary: type(t.heading, w.semibold, colors.onPrimary),
    displayOnPrimary: type(t.display, w.bold, colors.onPrimary),
    leadOnPrimary: type(t.heading, w.regular, colors.onPrimary),
    callToAction: type(t.heading, w.bold, colors.primaryDark),
  };
}

export type Styles = ReturnType<typeof createStyles>;

/**
 * Text colour on background, for each text style above; brand.test.ts checks the brand's pairs,
 * flyer tests check that every pair used here has at least 4.5:1.
 */
export function usedTextPairs(brand: Brand): [style: string, foreground: string, background: string][] {
  const s = createStyles(brand);
  const { colors, statusColors } = brand;
  const onPaper = [
    "body",
    "bodyStrong",
    "small",
    "smallStrong",
    "heading",
    "panelHeading",
    "itemTitle",
    "label",
    "quote",
    "link",
    "linkSmall",
    "summarySmall",
    "wordmarkCity",
    "wordmarkOrganisation",
    "wordmarkClaim",
    "kicker",
    "display",
    "lead",
  ] as const;
  return [
    ...onPaper.map((k) => [k, s[k].color, colors.paper] as [string, string, string]),
    ["note", s.note.color, colors.surface],
    ["callToAction", s.callToAction.color, colors.tint],
    ["kickerOnPrimary", s.kickerOnPrimary.color, colors.primary],
    ["displayOnPrimary", s.displayOnPrimary.color, colors.primary],
    ["leadOnPrimary", s.leadOnPrimary.color, colors.primary],
    ["stepNumber", s.stepNumber.color, colors.primary],
    ...Object.entries(statusColors).map(([k, c]) => [`badge ${k}`, s.badge.color, c] as [string, string, string]),
  ];
}

export const StylesContext = createContext<Styles | null>(null);

export function useStyles(): Styles {
  const s = useContext(StylesContext);
  if (!s) throw new Error("useStyles outside of a FlyerDocument");
  return s;
}
