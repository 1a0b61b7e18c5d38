/**
 * What pdf.js sees on each page: painting outside marked content, the text of each marked-content sequence, and
 * whether the page's part of the structure tree has any content.
 */
import { AnnotationMode, OPS, type PDFDocumentProxy } from "pdfjs-dist/legacy/build/pdf.mjs";

export interface PageContent {
  /** Painting operators (paths, text, images, shadings) that are neither tagged content nor an Artifact. */
  unmarked: number;
  /** Text of each marked-content sequence with an MCID on this page. */
  textByMcid: Map<number, string>;
  /** Content items and annotations that pdf.js's struct tree for this page reaches. */
  structLeaves: number;
}

/** Operators that put marks on the page (pdf.js folds path painting into constructPath; see isPainting). */
const PAINTING = new Set<number>([
  OPS.stroke,
  OPS.closeStroke,
  OPS.fill,
  OPS.eoFill,
  OPS.fillStroke,
  OPS.eoFillStroke,
  OPS.closeFillStroke,
  OPS.closeEOFillStroke,
  OPS.rawFillPath,
  OPS.showText,
  OPS.showSpacedText,
  OPS.nextLineShowText,
  OPS.nextLineSetSpacingShowText,
  OPS.shadingFill,
  OPS.paintXObject,
  OPS.paintImageMaskXObject,
  OPS.paintImageMaskXObjectGroup,
  OPS.paintImageXObject,
  OPS.paintInlineImageXObject,
  OPS.paintInlineImageXObjectGroup,
  OPS.paintImageXObjectRepeat,
  OPS.paintImageMaskXObjectRepeat,
  OPS.paintSolidColorImageMask,
]);

export function isPainting(fn: number, args: unknown): boolean {
  // A path ending in `n` (no painting, used for clipping) marks nothing.
  if (fn === OPS.constructPath) return Array.isArray(args) && args[0] !== OPS.endPath;
  return PAINTING.has(fn);
}

/** The tag of a marked-content operator; pdf.js sends names either as strings or as `{ name }` objects. */
function tagOf(arg: unknown): string | undefined {
  if (typeof arg === "string") return arg;
  if (arg && typeof arg === "object" && "name" in arg) return String((arg as { name: unknown }).name);
  return undefined;
}

/**
 * Counts painting operators outside any sequence that is an Artifact or carries an MCID (Matterhorn 01-005:
 * content that is neither marked as artifact nor tagged as real content). Nesting is tracked, so content inside
 * e.g. `/Span BDC` within a tagged sequence counts as tagged; content only inside optional-content or untagged
 * sequences does not.
 */
export function countUnmarked(fnArray: number[], argsArray: unknown[]): number {
  const stack: boolean[] = [];
  let covered = 0;
  let count = 0;
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i]!;
    const args = argsArray[i] as unknown[] | null;
    if (fn === OPS.beginMarkedContent || fn === OPS.beginMarkedContentProps) {
      const tag = tagOf(args?.[0]);
      const mcid = fn === OPS.beginMarkedContentProps ? args?.[1] : undefined;
      const covers = tag === "Artifact" || typeof mcid === "number";
      stack.push(covers);
      if (covers) covered++;
    } else if (fn === OPS.endMarkedContent) {
      if (stack.pop()) covered--;
    } else if (covered === 0 && isPainting(fn, args)) count++;
  }
  return count;
}

interface TextItemLike {
  str?: string;
  hasEOL?: boolean;
  type?: string;
  id?: string | null;
}

/** Text per MCID; nested sequences without an MCID add their text to the enclosing one. */
export function collectMarkedText(items: TextItemLike[]): Map<number, string> {
  const texts = new Map<number, string>();
  const stack: (number | undefined)[] = [];
  for (const item of items) {
    if (item.type === "beginMarkedContent" || item.type === "beginMarkedContentProps") {
      const own = item.id ? Number(/_mc(\d+)$/.exec(item.id)?.[1]) : Number.NaN;
      stack.push(Number.isInteger(own) ? own : stack[stack.length - 1]);
    } else if (item.type === "endMarkedContent") stack.pop();
    else if (typeof item.str === "string") {
      const mcid = stack[stack.length - 1];
      if (mcid === undefined) continue;
      texts.set(mcid, (texts.get(mcid) ?? "") + item.str + (item.hasEOL ? "\n" : ""));
    }
  }
  return texts;
}

interface StructTreeNodeLike {
  children?: (StructTreeNodeLike | { type?: string })[];
  type?: string;
}

function countLeaves(node: StructTreeNodeLike | { type?: string } | null | undefined): number {
  if (!node) return 0;
  if ("children" in node && Array.isArray(node.children))
    return node.children.reduce((n: number, c) => n + countLeaves(c), 0);
  return node.type === "content" || node.type === "object" ? 1 : 0;
}

export async function readPageContent(pdf: PDFDocumentProxy, pageNumber: number): Promise<PageContent> {
  const page = await pdf.getPage(pageNumber);
  try {
    // Annotations are not page content: their appearance is checked through the annotation, not marked content.
    const ops = await page.getOperatorList({ annotationMode: AnnotationMode.DISABLE });
    const text = await page.getTextContent({ includeMarkedContent: true });
    const tree = (await page.getStructTree()) as StructTreeNodeLike | null;
    return {
      unmarked: countUnmarked(ops.fnArray, ops.argsArray),
      textByMcid: collectMarkedText(text.items as TextItemLike[]),
      structLeaves: countLeaves(tree),
    };
  } finally {
    page.cleanup();
  }
}
