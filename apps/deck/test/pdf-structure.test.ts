/** Edits of a tagged PDF's structure tree on a small hand-made document: detaching, list bodies, the RoleMap. */
import { PDFDict, PDFDocument, PDFName, PDFNull, type PDFRef } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { StructTree, wrapListBodies, writeRoleMap } from "../src/pdf-structure.js";

/**
 * Document > [Div (MCID 0: a background), L > LI (MCID 1, Lbl), Strong (MCID 2)]; one page, parent tree 0.
 */
async function sample() {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage();
  page.node.set(PDFName.of("StructParents"), pdf.context.obj(0));
  const c = pdf.context;
  const root = c.nextRef();
  const doc = c.nextRef();
  const ref = (o: Record<string, unknown>) => c.register(c.obj(o as never));
  const div = ref({ Type: "StructElem", S: "Div", P: doc, Pg: page.ref, K: 0 });
  const list = c.nextRef();
  const li = c.nextRef();
  const lbl = ref({ Type: "StructElem", S: "Lbl", P: li, Pg: page.ref });
  c.assign(li, c.obj({ Type: "StructElem", S: "LI", P: list, Pg: page.ref, K: [lbl, 1] } as never));
  c.assign(list, c.obj({ Type: "StructElem", S: "L", P: doc, K: [li] } as never));
  const strong = ref({ Type: "StructElem", S: "Strong", P: doc, Pg: page.ref, K: 2 });
  c.assign(doc, c.obj({ Type: "StructElem", S: "Document", P: root, K: [div, list, strong] } as never));
  const parents = c.obj([div, li, strong]);
  c.assign(root, c.obj({ Type: "StructTreeRoot", K: doc, ParentTree: { Nums: [0, parents] } } as never));
  pdf.catalog.set(PDFName.of("StructTreeRoot"), root);
  return { pdf, page, div, li, lbl, strong, parents };
}

describe("structure tree edits", () => {
  it("detaches marked content: the element loses it, the parent tree forgets it, an empty element goes", async () => {
    const { pdf, page, div, parents } = await sample();
    const tree = new StructTree(pdf);
    expect(tree.owner(page, 0)).toBe(div);
    tree.detachMcid(page, 0);
    expect(tree.owner(page, 0)).toBeUndefined();
    expect(parents.get(0)).toBe(PDFNull);
    expect(tree.elements().map((r) => tree.role(r))).toEqual(["Document", "L", "LI", "Lbl", "Strong"]);
    expect(pdf.context.lookup(div)).toBeUndefined();
    expect(() => tree.detachMcid(page, 0)).toThrow("Kein Strukturelement für MCID 0");
  });

  it("puts a list item's content into an LBody and points its marked content there", async () => {
    const { pdf, page, li } = await sample();
    const tree = new StructTree(pdf);
    expect(wrapListBodies(tree)).toBe(1);
    const kids = tree.kids(li);
    expect(kids.map((k) => (k.kind === "elem" ? tree.role(k.ref) : k.kind))).toEqual(["Lbl", "LBody"]);
    const body = (kids[1] as { ref: PDFRef }).ref;
    expect(tree.owner(page, 1)).toBe(body);
    expect(tree.dict(body).get(PDFName.of("P"))).toBe(li);
    expect(tree.kids(body)).toMatchObject([{ kind: "mcid", mcid: 1 }]);
    // A second run finds nothing left to wrap.
    expect(wrapListBodies(tree)).toBe(0);
  });

  it("maps the PDF 2.0 types Chromium writes to standard ones, and refuses a type it does not know", async () => {
    const { pdf, strong } = await sample();
    const tree = new StructTree(pdf);
    expect(writeRoleMap(tree)).toEqual({ Strong: "Span" });
    const map = tree.root.lookup(PDFName.of("RoleMap"), PDFDict);
    expect(map.get(PDFName.of("Strong"))).toBe(PDFName.of("Span"));
    tree.dict(strong).set(PDFName.of("S"), PDFName.of("Marquee"));
    expect(() => writeRoleMap(tree)).toThrow("Unbekannter Strukturtyp „Marquee“");
  });
});
