import type { SectionData } from "./prepare-flyer.js";

/**
 * How a section is set, step by step, when its first layout shows that it does not fit: every step stays within the
 * brand's type scale (nothing below its smallest size, 9 pt), and a later step never undoes an earlier one.
 * - portal: the address beside the QR code; below it on the section's full width; there in the small size.
 * - contact: the address in the body size; in the small size.
 * - bausteine: the overview as planned; with less room between the Bausteine; their summaries in the small size;
 *   without their summaries, then also with less room. A panel holds six Bausteine with one-line summaries in the small size, but not with
 *   summaries of two lines or more (the usual „one sentence“): an overview of titles, counts and statuses is still
 *   the overview, and the summaries are in the deck. The build names every section it had to set without them.
 * A section at its last step that still does not fit is reported by assertFits, with the field that causes it.
 */
export interface SectionLayout {
  /** The portal's address beneath the QR code, on the section's full width, instead of beside it. */
  addressBelow: boolean;
  /** The address in the brand's small size instead of the body size. */
  addressSmall: boolean;
  /** Less room above and below each Baustein of the overview. */
  tight: boolean;
  /** The Bausteine's summaries in the small size. */
  smallSummaries: boolean;
  /** The overview without the Bausteine's summaries. */
  noSummaries: boolean;
}

const PLAIN: SectionLayout = {
  addressBelow: false,
  addressSmall: false,
  tight: false,
  smallSummaries: false,
  noSummaries: false,
};
const TIGHT: SectionLayout = { ...PLAIN, tight: true };

const STEPS: Partial<Record<SectionData["kind"], SectionLayout[]>> = {
  portal: [PLAIN, { ...PLAIN, addressBelow: true }, { ...PLAIN, addressBelow: true, addressSmall: true }],
  contact: [PLAIN, { ...PLAIN, addressSmall: true }],
  // Without summaries the overview has room again for the planned spacing before it needs to be tight.
  bausteine: [
    PLAIN,
    TIGHT,
    { ...TIGHT, smallSummaries: true },
    { ...PLAIN, noSummaries: true },
    { ...TIGHT, noSummaries: true },
  ],
};

/** What a section of this kind does when it does not fit: its address is too wide, or its frame overflows. */
export const ADAPTS_TO: Partial<Record<SectionData["kind"], "address" | "height">> = {
  portal: "address",
  contact: "address",
  bausteine: "height",
};

/** The last step of a kind (0: it does not adapt). */
export const lastStep = (kind: SectionData["kind"]) => (STEPS[kind]?.length ?? 1) - 1;

/** The layout of a section of this kind at this step. */
export function sectionLayout(kind: SectionData["kind"], step = 0): SectionLayout {
  const steps = STEPS[kind];
  return steps?.[Math.min(step, steps.length - 1)] ?? PLAIN;
}

/** What a reader misses at this step, in German for the build's list; undefined when nothing is left out. */
export function omission(kind: SectionData["kind"], step = 0): string | undefined {
  return sectionLayout(kind, step).noSummaries ? "ohne die Kurzbeschreibungen der Bausteine" : undefined;
}
