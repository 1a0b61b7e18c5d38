/**
 * Design tokens shared by every output: the deck (CSS pixels on a 1280 × 720 canvas) and the flyers (PDF points).
 * No app defines its own colours or fonts.
 */

import type { StatusKind } from "@dus-opendata/concept";

/** Colours; every text colour has a contrast of at least 4.5:1 on the background it is used on (see brand.test.ts). */
export const colors = {
  /** The brand red, for the wordmark, rules and headings. */
  primary: "#B4001E",
  /** Darker red for text on tinted backgrounds. */
  primaryDark: "#8C0017",
  /** Main text. */
  ink: "#1E2730",
  /** Secondary text: captions, footers. */
  muted: "#4F5B66",
  /** Page background. */
  paper: "#FFFFFF",
  /** Tinted panels and boxes. */
  surface: "#F3F4F6",
  /** Light rules and borders (not for text). */
  rule: "#D5D9DE",
  /** Soft red tint behind highlighted panels. */
  tint: "#FBEAEC",
  /** Text on primary backgrounds. */
  onPrimary: "#FFFFFF",
  /** Links. */
  link: "#0B5394",
} as const;

export type ColorName = keyof typeof colors;

/**
 * Badge colours per status kind (white text on them). Keyed by the concept's status kinds: a kind added there
 * fails to compile here until it has a colour.
 */
export const statusColors: Readonly<Record<StatusKind, string>> = {
  "not-started": "#5B6670",
  "in-progress": "#1F5FA6",
  delayed: "#7B3FA0",
  "took-place": "#1D6F6A",
  done: "#1E7540",
  dropped: "#8B4A62",
  unknown: "#6F6F6F",
};

/** Warning colour for overdue Maßnahmen (text on paper or white text on it). */
export const warningColor = "#9A4A00";

/** Pairs that carry text, checked for contrast. */
export const textPairs: [foreground: string, background: string, where: string][] = [
  [colors.ink, colors.paper, "Fließtext"],
  [colors.muted, colors.paper, "Nebentext"],
  [colors.ink, colors.surface, "Text auf Flächen"],
  [colors.muted, colors.surface, "Nebentext auf Flächen"],
  [colors.primary, colors.paper, "Überschriften"],
  [colors.primaryDark, colors.tint, "Überschriften auf Tönung"],
  [colors.ink, colors.tint, "Text auf Tönung"],
  [colors.onPrimary, colors.primary, "Text auf Rot"],
  [colors.link, colors.paper, "Verweise"],
  [warningColor, colors.paper, "überfällig"],
  ...Object.entries(statusColors).map(([k, c]) => [colors.paper, c, `Status ${k}`] as [string, string, string]),
];

/** The one font family of every output: Source Sans 3 (SIL Open Font License 1.1). */
export const fontFamily = "Source Sans 3";

export const fontWeights = { regular: 400, semibold: 600, bold: 700 } as const;

/** Type scale of the deck, in CSS pixels on the 1280 × 720 slide canvas. */
export const deckType = {
  display: 60,
  title: 40,
  heading: 30,
  lead: 26,
  body: 22,
  small: 18,
  footer: 14,
  /**
   * No text of the content is set smaller on a slide (12 pt on the 960 × 540 pt page): a box whose text would need
   * less is a warning in the build and a failure in `pnpm a11y`.
   */
  minimum: 16,
  lineHeight: 1.35,
} as const;

/** Type scale of the printed flyers, in PDF points; nothing below 9 pt. */
export const printType = {
  display: 26,
  title: 17,
  heading: 12.5,
  body: 10,
  small: 9,
  lineHeight: 1.35,
} as const;

/** Spacing steps (deck px / print pt use the same ratios). */
export const space = [0, 4, 8, 12, 16, 24, 32, 48, 64] as const;

/** Corner radius of boxes and badges. */
export const radius = { box: 6, badge: 999 } as const;

/**
 * The typographic wordmark: no city logo (not ours to ship), but the city and the organisation set in the brand
 * font with a red rule, and the claim beneath. The words come from the content; this is how they are set.
 */
export const wordmark = {
  ruleColor: colors.primary,
  ruleWidth: 4,
  city: { weight: fontWeights.bold, color: colors.primary, scale: 1 },
  organisation: { weight: fontWeights.semibold, color: colors.ink, scale: 0.9 },
  claim: { weight: fontWeights.regular, color: colors.muted, scale: 0.8, italic: true },
} as const;

/** WCAG relative luminance of a #RRGGBB colour. */
export function luminance(hex: string): number {
  const n = Number.parseInt(hex.slice(1), 16);
  const channel = (v: number) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}

/** WCAG contrast ratio of two #RRGGBB colours. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** The tokens as CSS custom properties, for the deck's stylesheet. */
export function cssVariables(): string {
  const lines = [
    ...Object.entries(colors).map(([k, v]) => `--brand-${kebab(k)}: ${v};`),
    ...Object.entries(statusColors).map(([k, v]) => `--status-${k}: ${v};`),
    `--brand-warning: ${warningColor};`,
    `--brand-font: "${fontFamily}", sans-serif;`,
    ...Object.entries(deckType).map(([k, v]) => `--type-${kebab(k)}: ${k === "lineHeight" ? v : `${v}px`};`),
    `--radius-box: ${radius.box}px;`,
  ];
  return `:root {\n  ${lines.join("\n  ")}\n}\n`;
}

function kebab(s: string): string {
  return s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}
