/**
 * Reads what a tagged PDF offers assistive technology, the way the checks of PDF/UA-1 look at it: the structure tree
 * in document order (pdf-lib walks /StructTreeRoot; the text of each marked-content sequence comes from pdf.js),
 * pdf.js's per-page structure trees, mark info and XMP, the link annotations, and the painting operators that lie
 * outside any marked content (Matterhorn 01-005).
 */
import { readFileSync } from "node:fs";
import { isPainting } from "@dus-opendata/a11y/pdf-content";
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  type PDFObject,
  PDFRef,
  PDFString,
} from "pdf-lib";
import { getDocument, OPS } from "pdfjs-dist/legacy/build/pdf.mjs";

export interface StructElement {
  role: string;
  alt?: string;
  /** Attribute dictionary (/A), e.g. `{ O: "List", ListNumbering: "Disc" }`. */
  attributes?: Record<string, string>;
  /** The text of this element's own marked content, white space folded. */
  text: string;
  /** The text of the whole subtree. */
  fullText: string;
  /** Link annotations reached through OBJR: their /Contents and URI. */
  annotations: { contents: string; uri: string; structParent: number | undefined; page: number }[];
  /** Page numbers (1-based) of this element's own content. */
  pages: number[];
  children: StructElement[];
}

export interface PageReport {
  number: number;
  structParents: number | undefined;
  tabs: string | undefined;
  /** Roles in pdf.js's structure tree of this page, depth first. */
  pdfjsRoles: string[];
  /** Marked-content ids that pdf.js finds in the content and in the page's structure tree. */
  contentIds: string[];
  treeIds: string[];
  /** Painting operators outside any marked-content sequence. */
  unmarkedPainting: number;
  /** Marked-content sequences by tag (Artifact, P, H1, …) at the top level of the content. */
  sequences: Record<string, number>;
}

export interface TaggedPdf {
  marked: boolean;
  lang: string | undefined;
  displayDocTitle: boolean;
  xmp: { title: string | undefined; pdfuaPart: string | undefined; raw: string };
  root: StructElement | undefined;
  pages: PageReport[];
  /** Problems of the parent tree: an MCID or annotation whose entry does not lead back to its element. */
  parentTreeProblems: string[];
}

const text = (o: PDFObject | undefined) =>
  o instanceof PDFString || o instanceof PDFHexString ? o.decodeText() : undefined;
const fold = (s: string) => s.replace(/\s+/g, " ").trim();

export async function readTaggedPdf(path: string): Promise<TaggedPdf> {
  const bytes = new Uint8Array(readFileSync(path));
  const lib = await PDFDocument.load(bytes, { updateMetadata: false });
  const pdfjs = await getDocument({ data: bytes.slice(), verbosity: 0 }).promise;
  const ctx = lib.context;
  const deref = (o: PDFObject | undefined) => (o instanceof PDFRef ? ctx.lookup(o) : o);
  const pageRefs = lib.getPages().map((p) => p.ref);
  const pageNumber = (ref: PDFObject | undefined) =>
    ref instanceof PDFRef ? pageRefs.findIndex((r) => r.objectNumber === ref.objectNumber) + 1 : 0;

  // Text of every marked-content sequence, by pdf.js's id „p<page ref>R_mc<MCID>“.
  const mcText = new Map<string, string>();
  const pages: PageReport[] = [];
  for (let n = 1; n <= pdfjs.numPages; n++) {
    const page = await pdfjs.getPage(n);
    const content = await page.getTextContent({ includeMarkedContent: true });
    const open: (string | null)[] = [];
    for (const item of content.items) {
      if ("type" in item) {
        if (item.type === "beginMarkedContentProps" || item.type === "beginMarkedContent") open.push(item.id ?? null);
        else if (item.type === "endMarkedContent") open.pop();
      } else {
        const id = open.findLast((x) => x !== null);
        if (id) mcText.set(id, (mcText.get(id) ?? "") + item.str + (item.hasEOL ? "\n" : ""));
      }
    }
    const ops = await page.getOperatorList();
    let depth = 0;
    let unmarked = 0;
    const sequences: Record<string, number> = {};
    ops.fnArray.forEach((fn, k) => {
      const args = ops.argsArray[k] as unknown[];
      if (fn === OPS.beginMarkedContent || fn === OPS.beginMarkedContentProps) {
        if (depth === 0) sequences[String(args[0])] = (sequences[String(args[0])] ?? 0) + 1;
        depth++;
      } else if (fn === OPS.endMarkedContent) depth--;
      else if (depth === 0 && isPainting(fn, args)) unmarked++;
    });
    const tree = await page.getStructTree();
    const roles: string[] = [];
    const treeIds: string[] = [];
    const walk = (node: { role?: string; type?: string; id?: string; children?: unknown[] }) => {
      if (node.role) roles.push(node.role);
      if (node.type === "content" && node.id) treeIds.push(node.id);
      for (const c of node.children ?? []) walk(c as typeof node);
    };
    if (tree) walk(tree as never);
    const dict = lib.getPage(n - 1).node;
    pages.push({
      number: n,
      structParents: (dict.get(PDFName.of("StructParents")) as PDFNumber | undefined)?.asNumber(),
      tabs: (dict.get(PDFName.of("Tabs")) as PDFName | undefined)?.decodeText(),
      pdfjsRoles: roles,
      contentIds: [...content.items.flatMap((i) => ("type" in i && i.id ? [i.id] : []))],
      treeIds,
      unmarkedPainting: unmarked,
      sequences,
    });
  }

  const catalog = lib.catalog;
  const markInfo = catalog.lookupMaybe(PDFName.of("MarkInfo"), PDFDict);
  const viewer = catalog.lookupMaybe(PDFName.of("ViewerPreferences"), PDFDict);
  const structRoot = catalog.lookupMaybe(PDFName.of("StructTreeRoot"), PDFDict);
  const parentTree = structRoot?.lookupMaybe(PDFName.of("ParentTree"), PDFDict);
  const parentEntries = new Map<number, PDFObject>();
  const collectNums = (node: PDFDict | undefined) => {
    if (!node) return;
    const nums = node.lookupMaybe(PDFName.of("Nums"), PDFArray);
    for (let i = 0; nums && i < nums.size(); i += 2)
      parentEntries.set((nums.lookup(i) as PDFNumber).asNumber(), nums.get(i + 1));
    const kids = node.lookupMaybe(PDFName.of("Kids"), PDFArray);
    for (let i = 0; kids && i < kids.size(); i++) collectNums(kids.lookup(i, PDFDict));
  };
  collectNums(parentTree);
  const problems: string[] = [];

  const readElement = (ref: PDFRef | undefined, dict: PDFDict): StructElement => {
    const role = (dict.get(PDFName.of("S")) as PDFName).decodeText();
    const el: StructElement = {
      role,
      text: "",
      fullText: "",
      annotations: [],
      pages: [],
      children: [],
    };
    const alt = text(dict.get(PDFName.of("Alt")));
    if (alt !== undefined) el.alt = alt;
    const a = deref(dict.get(PDFName.of("A")));
    if (a instanceof PDFDict)
      el.attributes = Object.fromEntries(
        a.entries().map(([k, v]) => [k.decodeText(), v instanceof PDFName ? v.decodeText() : String(v)]),
      );
    const pg = dict.get(PDFName.of("Pg"));
    const own: string[] = [];
    const content = (mcid: number, pageRef: PDFObject | undefined) => {
      const number = pageNumber(pageRef);
      if (!el.pages.includes(number)) el.pages.push(number);
      const key = pageRef instanceof PDFRef ? `p${pageRef.objectNumber}R_mc${mcid}` : "";
      own.push(mcText.get(key) ?? "");
      // The parent tree must lead from the page's MCID back to this element.
      const page = lib.getPage(number - 1).node;
      const sp = (page.get(PDFName.of("StructParents")) as PDFNumber | undefined)?.asNumber();
      const entry = sp === undefined ? undefined : deref(parentEntries.get(sp));
      const back = entry instanceof PDFArray ? entry.get(mcid) : undefined;
      if (!(back instanceof PDFRef) || back.objectNumber !== ref?.objectNumber)
        problems.push(`${role}: MCID ${mcid} auf Seite ${number} führt im ParentTree nicht zurück`);
    };
    const kid = (k: PDFObject | undefined) => {
      if (k instanceof PDFNumber) return content(k.asNumber(), pg);
      const d = deref(k);
      if (!(d instanceof PDFDict)) return;
      const type = (d.get(PDFName.of("Type")) as PDFName | undefined)?.decodeText();
      if (type === "MCR")
        return content((d.get(PDFName.of("MCID")) as PDFNumber).asNumber(), d.get(PDFName.of("Pg")) ?? pg);
      if (type === "OBJR") {
        const annot = d.lookup(PDFName.of("Obj"), PDFDict);
        const action = annot.lookupMaybe(PDFName.of("A"), PDFDict);
        const sp = (annot.get(PDFName.of("StructParent")) as PDFNumber | undefined)?.asNumber();
        const entry = sp === undefined ? undefined : parentEntries.get(sp);
        if (!(entry instanceof PDFRef) || entry.objectNumber !== ref?.objectNumber)
          problems.push(`${role}: Annotation führt im ParentTree nicht zurück`);
        el.annotations.push({
          contents: text(annot.get(PDFName.of("Contents"))) ?? "",
          uri: text(action?.get(PDFName.of("URI"))) ?? "",
          structParent: sp,
          page: pageNumber(d.get(PDFName.of("Pg"))),
        });
        return;
      }
      el.children.push(readElement(k instanceof PDFRef ? k : undefined, d));
    };
    const kids = dict.get(PDFName.of("K"));
    const list = deref(kids);
    if (list instanceof PDFArray) for (let i = 0; i < list.size(); i++) kid(list.get(i));
    else if (kids !== undefined) kid(kids);
    el.text = fold(own.join(""));
    el.fullText = fold([el.text, ...el.children.map((c) => c.fullText)].join(" "));
    return el;
  };

  let root: StructElement | undefined;
  const top = deref(structRoot?.get(PDFName.of("K")));
  const first = top instanceof PDFArray ? top.get(0) : structRoot?.get(PDFName.of("K"));
  const firstDict = deref(first);
  if (firstDict instanceof PDFDict) root = readElement(first instanceof PDFRef ? first : undefined, firstDict);

  const md = await pdfjs.getMetadata();
  const xmp = md.metadata as { get(name: string): string | undefined; getRaw(): string } | null;
  await pdfjs.loadingTask.destroy();
  return {
    marked: markInfo?.get(PDFName.of("Marked"))?.toString() === "true",
    lang: text(catalog.get(PDFName.of("Lang"))),
    displayDocTitle: viewer?.get(PDFName.of("DisplayDocTitle"))?.toString() === "true",
    xmp: {
      title: xmp?.get("dc:title") ?? undefined,
      pdfuaPart: xmp?.get("pdfuaid:part") ?? undefined,
      raw: xmp?.getRaw() ?? "",
    },
    root,
    pages,
    parentTreeProblems: problems,
  };
}

/** Every element of a tree, depth first. */
export function* elements(root: StructElement | undefined): Generator<StructElement> {
  if (!root) return;
  yield root;
  for (const c of root.children) yield* elements(c);
}

/** The tree as an indented outline of roles and text, for readable expectations: „H2 Kontakt“. */
export function outline(root: StructElement | undefined, depth = 0): string[] {
  if (!root) return [];
  const label = [root.role, root.alt ? `[${root.alt}]` : "", root.text].filter(Boolean).join(" ");
  return [`${"  ".repeat(depth)}${label}`, ...root.children.flatMap((c) => outline(c, depth + 1))];
}
