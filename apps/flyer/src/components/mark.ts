/**
 * What the checks of the layout (assert-fits.ts) find again in react-pdf's layout tree: react-pdf keeps unknown props
 * on its nodes and writes nothing of them into the PDF. Written here (`mark`), read in read-layout.ts, both through
 * MARK_PROPS.
 */
export interface Marks {
  /** A frame of the plan (plan-pages.ts) or a footer, by its id. */
  frame?: string;
  /** The field a box shows: a section (`sections[3]`), the title, the wordmark. */
  field?: string;
  /** Running text: checked for a last line with a single word. */
  paragraph?: boolean;
  /** The portal's address in the section of this field: its width is checked, and it adapts (section-kinds.ts). */
  address?: string;
  /** An entry of the list in the section of this field (a Maßnahme, a Chance): lists shorten to fit. */
  entry?: string;
  /** The line that says how many entries of the list in the section of this field are left out. */
  more?: string;
  /** A detail of an entry of that list, which it drops before it shortens (a Maßnahme's planned date). */
  detail?: string;
}

/** The prop each mark is kept in. */
export const MARK_PROPS = {
  frame: "data-frame",
  field: "data-field",
  paragraph: "data-paragraph",
  address: "data-address",
  entry: "data-entry",
  more: "data-more",
  detail: "data-detail",
} as const satisfies Record<keyof Marks, string>;

/** The props that carry these marks. */
export function mark(m: Marks): object {
  const props: Record<string, string | boolean> = {};
  for (const key of Object.keys(MARK_PROPS) as (keyof Marks)[]) {
    const value = m[key];
    if (value) props[MARK_PROPS[key]] = value;
  }
  return props;
}

/**
 * Names the element of the structure tree (elements.ts) that a node's painting belongs to; its children inherit it.
 * Read by the patched @react-pdf/render; without a structure tree it does nothing.
 */
export const tag = (structureId: string): object => ({ structureId });

/** Everything the node paints is an artifact of this type (ISO 32000-1, 14.8.2.2), not content. */
export const artifact = (type: "Pagination" | "Layout" | "Page" | "Background"): object => ({ artifact: type });
