/**
 * Marks a View so that assertFits can find it in react-pdf's layout tree: react-pdf keeps unknown props on
 * its nodes and writes nothing of them into the PDF.
 */
export function mark(m: { frame?: string; field?: string; paragraph?: boolean }): object {
  return {
    ...(m.frame ? { "data-frame": m.frame } : {}),
    ...(m.field ? { "data-field": m.field } : {}),
    ...(m.paragraph ? { "data-paragraph": true } : {}),
  };
}
