/**
 * The logical structure of a tagged PDF as pdf-lib objects, with the few edits the deck's export needs: taking
 * marked content out of the tree (it becomes an artifact), moving kids between elements while the parent tree
 * (marked content → element) stays correct, and removing elements that are left without content.
 */
import {
  PDFArray,
  PDFDict,
  type PDFDocument,
  PDFName,
  PDFNull,
  PDFNumber,
  type PDFObject,
  type PDFPage,
  PDFRef,
} from "pdf-lib";

const N = (name: string) => PDFName.of(name);

// pdf-lib decodes a name's #xx escapes on every call; names are interned, so each is decoded once.
const nameTexts = new Map<PDFName, string>();
export function nameText(name: PDFName): string {
  let text = nameTexts.get(name);
  if (text === undefined) {
    text = name.decodeText();
    nameTexts.set(name, text);
  }
  return text;
}

/** One entry of an element's /K: a child element, a marked-content sequence on a page, or an annotation. */
export type Kid =
  | { kind: "elem"; ref: PDFRef }
  | { kind: "mcid"; mcid: number; page: PDFRef | undefined; raw: PDFObject }
  | { kind: "objr"; obj: PDFRef | undefined; page: PDFRef | undefined; raw: PDFObject };

export class StructureError extends Error {}

export class StructTree {
  readonly root: PDFDict;
  /** StructParents / StructParent key → array of elements by MCID, or the element of an annotation. */
  private readonly parents: Map<number, PDFObject>;

  constructor(readonly pdf: PDFDocument) {
    const root = pdf.catalog.lookupMaybe(N("StructTreeRoot"), PDFDict);
    if (!root) throw new StructureError("Die PDF hat keine Struktur (StructTreeRoot fehlt).");
    this.root = root;
    this.parents = new Map();
    const tree = root.lookupMaybe(N("ParentTree"), PDFDict);
    if (tree) this.readNumberTree(tree);
  }

  private readNumberTree(node: PDFDict) {
    const nums = node.lookupMaybe(N("Nums"), PDFArray);
    if (nums)
      for (let i = 0; i + 1 < nums.size(); i += 2) {
        const key = nums.lookup(i, PDFNumber).asNumber();
        this.parents.set(key, nums.get(i + 1));
      }
    const kids = node.lookupMaybe(N("Kids"), PDFArray);
    if (kids) for (let i = 0; i < kids.size(); i++) this.readNumberTree(kids.lookup(i, PDFDict));
  }

  dict(ref: PDFRef): PDFDict {
    return this.pdf.context.lookup(ref, PDFDict);
  }

  role(ref: PDFRef): string {
    return nameText(this.dict(ref).lookup(N("S"), PDFName));
  }

  /** The elements' references, depth first in structure order. */
  elements(): PDFRef[] {
    const out: PDFRef[] = [];
    const visit = (ref: PDFRef) => {
      out.push(ref);
      for (const k of this.kids(ref)) if (k.kind === "elem") visit(k.ref);
    };
    for (const k of this.rootKids()) visit(k);
    return out;
  }

  rootKids(): PDFRef[] {
    const k = this.root.get(N("K"));
    const items = k instanceof PDFArray ? k.asArray() : k ? [k] : [];
    return items.filter((x): x is PDFRef => x instanceof PDFRef);
  }

  kids(ref: PDFRef): Kid[] {
    const elem = this.dict(ref);
    const page = elem.get(N("Pg"));
    const pg = page instanceof PDFRef ? page : undefined;
    const k = elem.get(N("K"));
    const items = k instanceof PDFArray ? k.asArray() : k ? [k] : [];
    return items.map((raw): Kid => {
      if (raw instanceof PDFNumber) return { kind: "mcid", mcid: raw.asNumber(), page: pg, raw };
      const d = raw instanceof PDFRef ? this.pdf.context.lookup(raw) : raw;
      if (!(d instanceof PDFDict)) throw new StructureError(`Unerwarteter Eintrag in /K eines Elements ${ref}`);
      const typeName = d.lookupMaybe(N("Type"), PDFName);
      const type = typeName && nameText(typeName);
      const dPg = d.get(N("Pg"));
      const kidPage = dPg instanceof PDFRef ? dPg : pg;
      if (type === "MCR") return { kind: "mcid", mcid: d.lookup(N("MCID"), PDFNumber).asNumber(), page: kidPage, raw };
      if (type === "OBJR") {
        const obj = d.get(N("Obj"));
        return { kind: "objr", obj: obj instanceof PDFRef ? obj : undefined, page: kidPage, raw };
      }
      if (raw instanceof PDFRef) return { kind: "elem", ref: raw };
      throw new StructureError(`Strukturelement ohne eigenes Objekt unter ${ref}`);
    });
  }

  private setKids(ref: PDFRef, kids: Kid[]) {
    const elem = this.dict(ref);
    const raw = kids.map((k) => (k.kind === "elem" ? k.ref : k.raw));
    if (raw.length === 0) elem.delete(N("K"));
    else if (raw.length === 1) elem.set(N("K"), raw[0]!);
    else elem.set(N("K"), this.pdf.context.obj(raw));
  }

  /** The array of elements by MCID of a page (its /StructParents entry in the parent tree). */
  pageParents(page: PDFPage): PDFArray | undefined {
    const key = page.node.lookupMaybe(N("StructParents"), PDFNumber)?.asNumber();
    if (key === undefined) return undefined;
    const entry = this.parents.get(key);
    const arr = entry instanceof PDFRef ? this.pdf.context.lookup(entry) : entry;
    return arr instanceof PDFArray ? arr : undefined;
  }

  /** The element that owns marked-content sequence `mcid` of the page. */
  owner(page: PDFPage, mcid: number): PDFRef | undefined {
    const arr = this.pageParents(page);
    if (!arr || mcid >= arr.size()) return undefined;
    const ref = arr.get(mcid);
    return ref instanceof PDFRef ? ref : undefined;
  }

  /**
   * Takes marked-content sequences of a page out of the structure (the caller marks them as artifacts in the
   * content): their elements no longer list them, the parent tree no longer points to the elements, and
   * elements left without any content are removed.
   */
  detachMcids(page: PDFPage, mcids: readonly number[]): void {
    const arr = this.pageParents(page);
    const byOwner = new Map<PDFRef, Set<number>>();
    for (const mcid of mcids) {
      const owner = arr && mcid < arr.size() ? arr.get(mcid) : undefined;
      if (!(owner instanceof PDFRef)) throw new StructureError(`Kein Strukturelement für MCID ${mcid} auf der Seite`);
      byOwner.set(owner, (byOwner.get(owner) ?? new Set()).add(mcid));
      arr!.set(mcid, PDFNull);
    }
    for (const [owner, gone] of byOwner) {
      const kids = this.kids(owner);
      const rest = kids.filter((k) => !(k.kind === "mcid" && gone.has(k.mcid) && k.page === page.ref));
      if (kids.length - rest.length !== gone.size)
        throw new StructureError(`MCID ${[...gone].join(", ")} fehlt im Element ${owner}`);
      this.setKids(owner, rest);
      if (rest.length === 0) this.removeEmpty(owner);
    }
  }

  detachMcid(page: PDFPage, mcid: number): void {
    this.detachMcids(page, [mcid]);
  }

  /** Removes an element without content, and then its ancestors that are left empty. */
  private removeEmpty(ref: PDFRef) {
    const parent = this.dict(ref).get(N("P"));
    if (!(parent instanceof PDFRef)) return;
    const parentDict = this.pdf.context.lookup(parent);
    if (parentDict === this.root) {
      const kids = this.rootKids().filter((k) => k !== ref);
      this.root.set(N("K"), this.pdf.context.obj(kids));
    } else {
      const kids = this.kids(parent).filter((k) => !(k.kind === "elem" && k.ref === ref));
      this.setKids(parent, kids);
      if (kids.length === 0) this.removeEmpty(parent);
    }
    this.removeIdEntry(ref);
    this.pdf.context.delete(ref);
  }

  private removeIdEntry(ref: PDFRef) {
    const id = this.dict(ref).get(N("ID"));
    if (!id) return;
    const ids = this.root.lookupMaybe(N("IDTree"), PDFDict)?.lookupMaybe(N("Names"), PDFArray);
    if (!ids) return;
    for (let i = ids.size() - 2; i >= 0; i -= 2)
      if (ids.get(i + 1) === ref) {
        ids.remove(i + 1);
        ids.remove(i);
      }
  }

  /**
   * Creates an element of type `role` under `parent` at position `at` of its kids and moves the given kids
   * into it; marked content and annotations among them are re-pointed in the parent tree.
   */
  wrapKids(parent: PDFRef, role: string, moved: Kid[], at: number): PDFRef {
    const parentDict = this.dict(parent);
    const context = this.pdf.context;
    const wrapper = context.obj({ Type: "StructElem", S: role, P: parent });
    const pg = parentDict.get(N("Pg"));
    if (pg) wrapper.set(N("Pg"), pg);
    const ref = context.register(wrapper);
    for (const k of moved) {
      if (k.kind === "elem") this.dict(k.ref).set(N("P"), ref);
      else if (k.kind === "mcid") this.repointMcid(k, ref);
      else this.repointObjr(k, ref);
    }
    this.setKids(ref, moved);
    const rest = this.kids(parent).filter((k) => !moved.some((m) => sameKid(m, k)));
    rest.splice(at, 0, { kind: "elem", ref });
    this.setKids(parent, rest);
    return ref;
  }

  private repointMcid(k: Extract<Kid, { kind: "mcid" }>, to: PDFRef) {
    const page = k.page && this.pdf.getPages().find((p) => p.ref === k.page);
    if (!page) throw new StructureError(`Markierter Inhalt ${k.mcid} ohne Seite`);
    const arr = this.pageParents(page);
    if (!arr) throw new StructureError("Seite ohne Eintrag im ParentTree");
    arr.set(k.mcid, to);
  }

  private repointObjr(k: Extract<Kid, { kind: "objr" }>, to: PDFRef) {
    const annot = k.obj && this.pdf.context.lookup(k.obj);
    const key = annot instanceof PDFDict ? annot.lookupMaybe(N("StructParent"), PDFNumber)?.asNumber() : undefined;
    if (key === undefined) return;
    const nums = this.root.lookupMaybe(N("ParentTree"), PDFDict)?.lookupMaybe(N("Nums"), PDFArray);
    if (!nums) throw new StructureError("ParentTree ohne /Nums");
    for (let i = 0; i + 1 < nums.size(); i += 2) if (nums.lookup(i, PDFNumber).asNumber() === key) nums.set(i + 1, to);
    this.parents.set(key, to);
  }
}

function sameKid(a: Kid, b: Kid): boolean {
  if (a.kind === "elem" && b.kind === "elem") return a.ref === b.ref;
  if (a.kind === "mcid" && b.kind === "mcid") return a.mcid === b.mcid && a.page === b.page;
  if (a.kind === "objr" && b.kind === "objr") return a.obj === b.obj;
  return false;
}

/** Structure types of PDF 1.7 (ISO 32000-1, 14.8.4): everything else needs an entry in the RoleMap. */
export const STANDARD_ROLES = new Set(
  (
    "Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct Private P H H1 H2 H3 H4 H5 H6 " +
    "L LI Lbl LBody Table TR TH TD THead TBody TFoot Span Quote Note Reference BibEntry Code Link Annot " +
    "Ruby RB RT RP Warichu WT WP Figure Formula Form"
  ).split(" "),
);

/** PDF 2.0 types that Chromium writes, mapped to their nearest PDF 1.7 type. */
export const ROLE_MAP: Readonly<Record<string, string>> = {
  Strong: "Span",
  Em: "Span",
  Aside: "Div",
  Sub: "Span",
  Title: "P",
  FENote: "Note",
  DocumentFragment: "Div",
};

/**
 * Writes a RoleMap for every non-standard type in the tree. A type that is neither standard nor known here is
 * an error: a new Chromium would otherwise produce a document whose structure no reader can interpret.
 */
export function writeRoleMap(tree: StructTree): Record<string, string> {
  const used = new Set(tree.elements().map((r) => tree.role(r)));
  const map: Record<string, string> = {};
  for (const role of [...used].sort()) {
    if (STANDARD_ROLES.has(role)) continue;
    const target = ROLE_MAP[role];
    if (!target) throw new StructureError(`Unbekannter Strukturtyp „${role}“ ohne Zuordnung (RoleMap).`);
    map[role] = target;
  }
  if (Object.keys(map).length) tree.root.set(N("RoleMap"), tree.pdf.context.obj(map));
  else tree.root.delete(N("RoleMap"));
  return map;
}

/** LI holds Lbl and LBody (ISO 32000-1, table 336): Chromium puts the item's content directly into LI. */
export function wrapListBodies(tree: StructTree): number {
  let wrapped = 0;
  for (const ref of tree.elements()) {
    if (tree.role(ref) !== "LI") continue;
    const kids = tree.kids(ref);
    const body = kids.filter((k) => !(k.kind === "elem" && ["Lbl", "LBody"].includes(tree.role(k.ref))));
    if (!body.length) continue;
    const at = kids.indexOf(body[0]!);
    tree.wrapKids(ref, "LBody", body, at);
    wrapped++;
  }
  return wrapped;
}
