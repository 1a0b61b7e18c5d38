/**
 * Reads a PDF's logical structure from the raw objects (pdf-lib): pdf.js's struct tree hides attributes (/A, /C),
 * the written type names and the RoleMap chain, and it only shows the tree page by page, not in document order.
 */
import {
  PDFArray,
  PDFDict,
  type PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  type PDFObject,
  PDFRef,
  PDFString,
} from "pdf-lib";

/** The standard structure types of PDF 1.7 (ISO 32000-1, 14.8.4); PDF/UA-1 does not allow remapping them. */
export const STANDARD_TYPES = new Set([
  "Document",
  "Part",
  "Art",
  "Sect",
  "Div",
  "BlockQuote",
  "Caption",
  "TOC",
  "TOCI",
  "Index",
  "NonStruct",
  "Private",
  "P",
  "H",
  "H1",
  "H2",
  "H3",
  "H4",
  "H5",
  "H6",
  "L",
  "LI",
  "Lbl",
  "LBody",
  "Table",
  "TR",
  "TH",
  "TD",
  "THead",
  "TBody",
  "TFoot",
  "Span",
  "Quote",
  "Note",
  "Reference",
  "BibEntry",
  "Code",
  "Link",
  "Annot",
  "Ruby",
  "RB",
  "RT",
  "RP",
  "Warichu",
  "WT",
  "WP",
  "Figure",
  "Formula",
  "Form",
]);

/** A reference from the tree to marked content on a page (page is 1-based; undefined when not known). */
export interface MarkedContentRef {
  kind: "mcid";
  page: number | undefined;
  mcid: number;
}

export interface ObjectRef {
  kind: "object";
  page: number | undefined;
}

export interface StructElement {
  kind: "element";
  /** The type as written (/S). */
  type: string;
  /** The standard type it stands for: the type itself when standard, else followed through the RoleMap. */
  role: string;
  /** False when a non-standard type has no RoleMap entry ending in a standard type (or the chain is circular). */
  mapped: boolean;
  alt: string | undefined;
  actualText: string | undefined;
  /** /Scope from the element's attributes (/A, or its classes through the ClassMap). */
  scope: string | undefined;
  /** True when the attributes name the header cells this cell belongs to (/Headers). */
  headers: boolean;
  /** The page of the element's own /Pg, inherited from the nearest ancestor that has one. */
  page: number | undefined;
  kids: StructNode[];
}

export type StructNode = StructElement | MarkedContentRef | ObjectRef;

export interface StructTree {
  /** The elements directly below the StructTreeRoot. */
  kids: StructElement[];
  /** Every element, in tree order (depth first, as a reader meets them). */
  elements: StructElement[];
  roleMap: Map<string, string>;
}

const name = (o: PDFObject | undefined) => (o instanceof PDFName ? o.decodeText() : undefined);
const text = (o: PDFObject | undefined) =>
  o instanceof PDFString || o instanceof PDFHexString ? o.decodeText() : undefined;

/** Resolves a type through the RoleMap until a standard type; a missing entry or a loop leaves it unmapped. */
export function resolveRole(type: string, roleMap: Map<string, string>): { role: string; mapped: boolean } {
  const seen = new Set<string>();
  let current = type;
  while (!STANDARD_TYPES.has(current)) {
    const next = roleMap.get(current);
    if (next === undefined || seen.has(current)) return { role: current, mapped: false };
    seen.add(current);
    current = next;
  }
  return { role: current, mapped: true };
}

export function readStructTree(doc: PDFDocument): StructTree | undefined {
  const { context, catalog } = doc;
  const root = catalog.lookup(PDFName.of("StructTreeRoot"));
  if (!(root instanceof PDFDict)) return undefined;
  const deref = (o: PDFObject | undefined) => (o instanceof PDFRef ? context.lookup(o) : o);
  const pageOf = new Map(doc.getPages().map((p, i) => [p.ref.toString(), i + 1]));

  const roleMap = new Map<string, string>();
  const roleDict = deref(root.get(PDFName.of("RoleMap")));
  if (roleDict instanceof PDFDict)
    for (const [key, value] of roleDict.entries()) {
      const to = name(deref(value));
      if (to) roleMap.set(key.decodeText(), to);
    }
  const classMap = deref(root.get(PDFName.of("ClassMap")));

  /** Attribute dictionaries of an element: /A (a dict or an array with revision numbers) and its /C classes. */
  function attributes(el: PDFDict): PDFDict[] {
    const found: PDFDict[] = [];
    const add = (o: PDFObject | undefined) => {
      const v = deref(o);
      if (v instanceof PDFDict) found.push(v);
      else if (v instanceof PDFArray) for (const item of v.asArray()) add(item);
    };
    add(el.get(PDFName.of("A")));
    const classes = deref(el.get(PDFName.of("C")));
    const names = classes instanceof PDFArray ? classes.asArray().map((c) => name(deref(c))) : [name(classes)];
    if (classMap instanceof PDFDict) for (const c of names) if (c) add(classMap.get(PDFName.of(c)));
    return found;
  }

  const elements: StructElement[] = [];
  const visited = new Set<PDFDict>();

  function readElement(dict: PDFDict, inheritedPage: number | undefined): StructElement {
    visited.add(dict);
    const type = name(dict.get(PDFName.of("S"))) ?? "";
    const { role, mapped } = resolveRole(type, roleMap);
    const pg = dict.get(PDFName.of("Pg"));
    const page = (pg instanceof PDFRef && pageOf.get(pg.toString())) || inheritedPage;
    const attrs = attributes(dict);
    const scope = attrs.map((a) => name(deref(a.get(PDFName.of("Scope"))))).find(Boolean);
    const headers = attrs.some((a) => {
      const h = deref(a.get(PDFName.of("Headers")));
      return h instanceof PDFArray ? h.size() > 0 : h !== undefined;
    });
    const element: StructElement = {
      kind: "element",
      type,
      role,
      mapped,
      alt: text(deref(dict.get(PDFName.of("Alt")))),
      actualText: text(deref(dict.get(PDFName.of("ActualText")))),
      scope,
      headers,
      page,
      kids: [],
    };
    elements.push(element);
    element.kids = readKids(dict.get(PDFName.of("K")), page);
    return element;
  }

  function readKids(k: PDFObject | undefined, page: number | undefined): StructNode[] {
    const raw = deref(k);
    if (raw === undefined) return [];
    const items = raw instanceof PDFArray ? raw.asArray() : [k!];
    const kids: StructNode[] = [];
    for (const item of items) {
      const value = deref(item);
      if (value instanceof PDFNumber) kids.push({ kind: "mcid", page, mcid: value.asNumber() });
      else if (value instanceof PDFDict && !visited.has(value)) {
        const type = name(value.get(PDFName.of("Type")));
        const pg = value.get(PDFName.of("Pg"));
        const at = (pg instanceof PDFRef && pageOf.get(pg.toString())) || page;
        if (type === "MCR") {
          const mcid = deref(value.get(PDFName.of("MCID")));
          if (mcid instanceof PDFNumber) kids.push({ kind: "mcid", page: at, mcid: mcid.asNumber() });
        } else if (type === "OBJR") kids.push({ kind: "object", page: at });
        else kids.push(readElement(value, page));
      }
    }
    return kids;
  }

  const top = readKids(root.get(PDFName.of("K")), undefined).filter((n): n is StructElement => n.kind === "element");
  return { kids: top, elements, roleMap };
}

/** Each page's /StructParents (the key of its marked content in the parent tree), 1-based pages in order. */
export function readStructParents(doc: PDFDocument): (number | undefined)[] {
  return doc.getPages().map((p) => {
    const v = p.node.lookup(PDFName.of("StructParents"));
    return v instanceof PDFNumber ? v.asNumber() : undefined;
  });
}
