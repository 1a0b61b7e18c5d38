/**
 * Marks a View so that assertFits can find it in react-pdf's layout tree: react-pdf keeps unknown props on
 * its nodes and writes nothing of them into the PDF.
 */
export function mark(m: { frame?: string; field?: string; paragraph?: boolean; address?: string }): object {
  return {
    // The portal's address in the section of this field: its width is checked, and it adapts (adapt-sections.ts).
    ...(m.address ? { "data-address": m.address } : {}),
    ...(m.frame ? { "data-frame": m.frame } : {}),
    ...(m.field ? { "data-field": m.field } : {}),
    ...(m.paragraph ? { "data-paragraph": true } : {}),
  };
}

/**
 * Names the element of the structure tree (describeStructure) that a node's painting belongs to; its children
 * inherit it. Read by the patched @react-pdf/render; without a structure tree it does nothing.
 */
export const tag = (structureId: string): object => ({ structureId });

/** Everything the node paints is an artifact of this type (ISO 32000-1, 14.8.2.2), not content. */
export const artifact = (type: "Pagination" | "Layout" | "Page" | "Background"): object => ({ artifact: type });
