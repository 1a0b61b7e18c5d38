/**
 * The one place that reads react-pdf's internal layout data (undocumented: the `_INTERNAL__LAYOUT__DATA_` that
 * `onRender` receives, its nodes' `type`, `props`, `box`, `lines` and `style`). It turns them into our own shape,
 * LayoutNode, which the checks of assert-fits.ts read, and refuses a shape it does not know with a German message
 * instead of checking nothing. test/read-layout.test.tsx pins the shape on a small real document.
 */
import { MARK_PROPS, type Marks } from "./components/mark.js";

/** A laid-out node: where it is and what it holds, in points. */
export interface LayoutNode {
  kind: "document" | "page" | "view" | "text" | "other";
  /** What the painter marked the node with (components/mark.ts). */
  marks: Marks;
  /** Distance from the top edge of its page to the node's top edge. */
  top: number;
  height: number;
  width: number;
  /** The room for a text's lines: its width without horizontal padding. */
  column: number;
  /** A text's lines: their characters and their width without trailing blanks. */
  lines: { text: string; width: number }[];
  fontSize?: number;
  children: LayoutNode[];
}

/** react-pdf changed the shape this module reads: the flyers cannot be checked until it is adapted. */
export class LayoutShapeError extends Error {
  constructor(detail: string) {
    super(
      `Das Layout von @react-pdf/renderer hat nicht mehr die erwartete Form: ${detail}. Ohne diese Angaben lässt sich nicht prüfen, ob der Flyer passt; bitte apps/flyer/src/read-layout.ts an die neue Version anpassen (apps/flyer/README.md, „Bei einem Update von react-pdf“).`,
    );
    this.name = "LayoutShapeError";
  }
}

const KINDS: Record<string, LayoutNode["kind"]> = {
  DOCUMENT: "document",
  PAGE: "page",
  VIEW: "view",
  TEXT: "text",
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;
const isNumber = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

/** The layout that react-pdf hands to the Document's `onRender`. */
export function layoutOfRender(renderProps: unknown): LayoutNode {
  if (!isRecord(renderProps) || !("_INTERNAL__LAYOUT__DATA_" in renderProps))
    throw new LayoutShapeError("„onRender“ erhält kein „_INTERNAL__LAYOUT__DATA_“ mehr");
  return readLayout(renderProps._INTERNAL__LAYOUT__DATA_);
}

/** react-pdf's layout tree (the document node) in our shape. */
export function readLayout(raw: unknown): LayoutNode {
  if (!isRecord(raw) || raw.type !== "DOCUMENT")
    throw new LayoutShapeError("die Wurzel ist kein Knoten vom Typ „DOCUMENT“");
  const root = readNode(raw, 0, "DOCUMENT");
  if (!root.children.some((c) => c.kind === "page"))
    throw new LayoutShapeError("das Dokument hat keine Knoten vom Typ „PAGE“");
  return root;
}

function readNode(raw: Record<string, unknown>, parentTop: number, path: string): LayoutNode {
  const type = raw.type;
  if (typeof type !== "string") throw new LayoutShapeError(`ein Knoten ohne „type“ (${path})`);
  const kind = KINDS[type] ?? "other";
  // The document's box is empty; every node that is laid out has its numbers.
  const box = raw.box;
  const hasBox = isRecord(box) && kind !== "document";
  if (hasBox)
    for (const key of ["top", "width", "height"] as const)
      if (!isNumber(box[key])) throw new LayoutShapeError(`„box.${key}“ ist keine Zahl (${path})`);
  const at = (key: string) => (hasBox && isNumber(box[key]) ? box[key] : 0);
  const top = parentTop + at("top");
  const props = isRecord(raw.props) ? raw.props : {};
  const style = isRecord(raw.style) ? raw.style : {};
  const children = Array.isArray(raw.children) ? raw.children : [];
  if (raw.children !== undefined && !Array.isArray(raw.children))
    throw new LayoutShapeError(`„children“ ist keine Liste (${path})`);
  return {
    kind,
    marks: marksOf(props),
    top,
    height: at("height"),
    width: at("width"),
    column: at("width") - at("paddingLeft") - at("paddingRight"),
    lines: kind === "text" && hasBox ? linesOf(raw.lines, path) : [],
    ...(isNumber(style.fontSize) ? { fontSize: style.fontSize } : {}),
    children: children.filter(isRecord).map((c, i) => readNode(c, top, `${path} › ${String(c.type)}[${i}]`)),
  };
}

function marksOf(props: Record<string, unknown>): Marks {
  const marks: Record<string, unknown> = {};
  for (const [key, prop] of Object.entries(MARK_PROPS)) if (props[prop] !== undefined) marks[key] = props[prop];
  return marks as Marks;
}

/** A text's lines, each as wide as its characters without the blanks at its end. */
function linesOf(raw: unknown, path: string): LayoutNode["lines"] {
  if (!Array.isArray(raw)) throw new LayoutShapeError(`ein gesetzter Text hat keine Liste „lines“ (${path})`);
  return raw.map((line: unknown, i) => {
    if (!isRecord(line) || typeof line.string !== "string" || !isNumber(line.xAdvance))
      throw new LayoutShapeError(`Zeile ${i + 1} eines Textes hat kein „string“ und „xAdvance“ (${path})`);
    let width = line.xAdvance;
    const trailing = line.string.length - line.string.trimEnd().length;
    if (trailing > 0) {
      const runs = Array.isArray(line.runs) ? line.runs : [];
      const last = runs.at(-1);
      const positions = isRecord(last) && Array.isArray(last.positions) ? last.positions : undefined;
      if (!positions) throw new LayoutShapeError(`Zeile ${i + 1} eines Textes hat keine „runs[].positions“ (${path})`);
      for (let k = 0; k < trailing && k < positions.length; k++) {
        const p = positions[positions.length - 1 - k];
        width -= isRecord(p) && isNumber(p.xAdvance) ? p.xAdvance : 0;
      }
    }
    return { text: line.string, width };
  });
}

/** Every node of a layout, depth first. */
export function* walkLayout(node: LayoutNode): Generator<LayoutNode> {
  yield node;
  for (const child of node.children) yield* walkLayout(child);
}
