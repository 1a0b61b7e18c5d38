import { linkDescription } from "@dus-opendata/concept";
import type { ViewProps } from "@react-pdf/renderer";
import type { Marks } from "./components/mark.js";

/**
 * A flyer as one description: every element declares once what it is (its role in the structure tree: heading,
 * paragraph, list, figure, link, or nothing, so that what it paints is an artifact) and how it is painted (its
 * style). The painter (components/paint.tsx) maps it to react-pdf, the tagger (`structureOf`) to the structure
 * tree that the patched @react-pdf/render reads; `identify` gives both the same ids.
 */

/** Standard structure types of PDF 1.7 that the flyers use. */
export type Role =
  | "Document"
  | "Sect"
  | "Div"
  | "H1"
  | "H2"
  | "H3"
  | "P"
  | "L"
  | "LI"
  | "Lbl"
  | "LBody"
  | "BlockQuote"
  | "Figure"
  | "Link"
  | "Table"
  | "TR"
  | "TH"
  | "TD";

/** A react-pdf style: an object or a list of them, later ones winning. */
export type Style = NonNullable<ViewProps["style"]>;

/**
 * How a text may break inside words: `prose` (German hyphenation except in its last word, and checked for runts),
 * `words` (the same, without the runt check), `heading` (the headings' rule), `whole` (never: names, addresses,
 * counts), `default` (the callback registered for the whole document).
 */
export type Hyphenation = "prose" | "words" | "heading" | "whole" | "default";

/** The type of an artifact (ISO 32000-1, 14.8.2.2). */
export type ArtifactType = "Pagination" | "Layout" | "Page" | "Background";

interface Tagged {
  /** Its element in the structure tree; without one, it belongs to the element around it (or is an artifact). */
  role?: Role;
  /** Attributes of its element, e.g. `{ O: "List", ListNumbering: "Disc" }`. */
  attributes?: Record<string, string>;
  /** The id that painting and tagging share; given by `identify`, never written by hand. */
  id?: string;
  /**
   * Its place among its siblings in the structure tree where the painting puts it elsewhere: elements are read in
   * ascending order, equal ones as painted (default 0).
   */
  order?: number;
}

/** A box that is painted (react-pdf's View): its background and borders are artifacts, its children content. */
export interface ViewElement extends Tagged {
  type: "view";
  style?: Style;
  marks?: Marks;
  /** `false`: never split across pages. */
  wrap?: false;
  artifact?: ArtifactType;
  children: FlyerElement[];
}

/** An element of the structure tree that paints nothing of its own (its children are painted where it stands). */
export interface GroupElement extends Tagged {
  type: "group";
  role: Role;
  children: FlyerElement[];
}

export interface TextElement extends Tagged {
  type: "text";
  text: string;
  style: Style;
  hyphenation: Hyphenation;
  marks?: Marks;
}

/** A link (role Link), with its description („Link zu …“) as the annotation's /Contents. */
export interface LinkElement extends Tagged {
  type: "link";
  role: "Link";
  url: string;
  /** What the link does, where the address alone does not say it (default: linkDescription of the url). */
  description?: string;
  style?: Style;
  children: FlyerElement[];
}

/** The QR code of an address (role Figure, with its alternative text). */
export interface QrElement extends Tagged {
  type: "qr";
  role: "Figure";
  url: string;
  size: number;
  alt: string;
}

export type FlyerElement = ViewElement | GroupElement | TextElement | LinkElement | QrElement;

/** A painted box. */
export const view = (
  style: Style | undefined,
  children: (FlyerElement | undefined | false)[] = [],
  more: Omit<ViewElement, "type" | "style" | "children"> = {},
): ViewElement => ({ type: "view", ...(style ? { style } : {}), ...more, children: present(children) });

/** An element of the structure tree around elements that paint themselves. */
export const group = (
  role: Role,
  children: (FlyerElement | undefined | false)[],
  attributes?: Record<string, string>,
) => ({ type: "group", role, ...(attributes ? { attributes } : {}), children: present(children) }) as GroupElement;

export const text = (
  role: Role | undefined,
  content: string,
  style: Style,
  hyphenation: Hyphenation,
  marks?: Marks,
): TextElement => ({
  type: "text",
  ...(role ? { role } : {}),
  text: content,
  style,
  hyphenation,
  ...(marks ? { marks } : {}),
});

export const link = (url: string, children: FlyerElement[], style?: Style, description?: string): LinkElement => ({
  type: "link",
  role: "Link",
  url,
  ...(description ? { description } : {}),
  ...(style ? { style } : {}),
  children,
});

export const qr = (url: string, size: number, alt: string): QrElement => ({
  type: "qr",
  role: "Figure",
  url,
  size,
  alt,
});

/** A list's attributes (ISO 32000-1, 14.8.5.5). */
export const listAttributes = (numbering: "Disc" | "Decimal" | "None") => ({ O: "List", ListNumbering: numbering });

function present(children: (FlyerElement | undefined | false)[]): FlyerElement[] {
  return children.filter((c): c is FlyerElement => !!c);
}

/** Whether the element paints content of its own, which the structure tree must own by id. */
const ownsContent = (el: FlyerElement) =>
  el.role !== undefined && (el.type === "text" || el.type === "link" || el.type === "qr");

/**
 * Gives every element that paints content under a role its id, `<prefix>#<n>` in document order; the painter sets it
 * as `structureId`, the tagger as the element's id. Returns a copy.
 */
export function identify<E extends FlyerElement>(el: E, prefix: string): E {
  let n = 0;
  const walk = (e: FlyerElement): FlyerElement => {
    const id = ownsContent(e) ? { id: `${prefix}#${n++}` } : {};
    if (e.type === "text" || e.type === "qr") return { ...e, ...id };
    return { ...e, ...id, children: e.children.map(walk) } as FlyerElement;
  };
  return walk(el) as E;
}

/**
 * One element of the structure tree as the patched @react-pdf/render reads it from the Document's `structureTree`
 * prop: nodes that paint name it with `structureId`. `text` is not written to the PDF: it is the heading text the
 * reading-order contract lists.
 */
export interface StructureNode {
  role: Role;
  id?: string;
  alt?: string;
  /** The link annotation's /Contents (what the link does), for a Link. */
  contents?: string;
  attributes?: Record<string, string>;
  text?: string;
  children?: StructureNode[];
}

/** Text as read aloud and listed: no-break spaces as blanks. */
const spoken = (s: string) => s.replace(/\u00A0/g, " ");

/**
 * The structure tree of described elements: an element with a role is an element of the tree, one without is
 * transparent (its children's elements take its place). Headings carry their text for the reading order; siblings
 * follow their `order`, then the painting.
 */
export function structureOf(el: FlyerElement): StructureNode[] {
  return inOrder(collect(el));
}

interface Collected {
  node: StructureNode;
  order: number;
}

const inOrder = (list: Collected[]) => [...list].sort((a, b) => a.order - b.order).map((c) => c.node);

function collect(el: FlyerElement): Collected[] {
  const below = el.type === "text" || el.type === "qr" ? [] : el.children.flatMap(collect);
  if (!el.role) return el.order === undefined ? below : below.map((c) => ({ ...c, order: el.order ?? 0 }));
  const children = inOrder(below);
  const node: StructureNode = {
    role: el.role,
    ...(el.id ? { id: el.id } : {}),
    ...(el.type === "qr" ? { alt: el.alt } : {}),
    ...(el.type === "link" ? { contents: el.description ?? linkDescription(el.url) } : {}),
    ...(el.attributes ? { attributes: el.attributes } : {}),
    ...(el.type === "text" && /^H\d$/.test(el.role) ? { text: spoken(el.text) } : {}),
    ...(children.length ? { children } : {}),
  };
  return [{ node, order: el.order ?? 0 }];
}

/** The texts of the headings (H1, H2, H3) in the order the structure tree presents them. */
export function readingOrder(tree: StructureNode): string[] {
  const out: string[] = [];
  const walk = (n: StructureNode) => {
    if (/^H\d$/.test(n.role) && n.text !== undefined) out.push(n.text);
    for (const c of n.children ?? []) walk(c);
  };
  walk(tree);
  return out;
}
