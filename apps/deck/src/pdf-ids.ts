/**
 * Chromium names structure elements after its DOM node numbers („node00000182“), which differ from one run to the
 * next: the same content would give other bytes. The IDs are renamed in the order of the structure tree
 * („e00001“, „e00002“, …), in the elements, in the table cells' /Headers and in the ID tree, which becomes one
 * sorted leaf.
 */
import { PDFArray, PDFDict, type PDFDocument, PDFHexString, PDFName, type PDFObject, PDFRef, PDFString } from "pdf-lib";

const N = PDFName.of;

const text = (o: PDFObject | undefined): string | undefined =>
  o instanceof PDFString || o instanceof PDFHexString ? o.decodeText() : undefined;

export function renumberStructureIds(pdf: PDFDocument): number {
  const root = pdf.catalog.lookupMaybe(N("StructTreeRoot"), PDFDict);
  if (!root) return 0;
  const { context } = pdf;
  const order: PDFDict[] = [];
  const seen = new Set<PDFDict>();
  const visit = (o: PDFObject | undefined) => {
    const value = o instanceof PDFRef ? context.lookup(o) : o;
    if (value instanceof PDFArray) for (const k of value.asArray()) visit(k);
    else if (value instanceof PDFDict && !seen.has(value)) {
      const type = value.lookupMaybe(N("Type"), PDFName)?.decodeText();
      if (type && type !== "StructElem") return;
      seen.add(value);
      order.push(value);
      visit(value.get(N("K")));
    }
  };
  visit(root.get(N("K")));

  const renamed = new Map<string, string>();
  const names: [string, PDFObject][] = [];
  for (const el of order) {
    const old = text(el.get(N("ID")));
    if (old === undefined) continue;
    const id = `e${String(renamed.size + 1).padStart(5, "0")}`;
    renamed.set(old, id);
    el.set(N("ID"), PDFString.of(id));
    names.push([id, context.getObjectRef(el) ?? el]);
  }
  // Table cells name their header cells by ID.
  for (const el of order) {
    const a = el.lookup(N("A"));
    for (const attrs of a instanceof PDFArray ? a.asArray() : a ? [a] : []) {
      const dict = attrs instanceof PDFRef ? context.lookup(attrs) : attrs;
      const headers = dict instanceof PDFDict ? dict.lookupMaybe(N("Headers"), PDFArray) : undefined;
      if (!headers) continue;
      const list = headers
        .asArray()
        .map((h) => text(h))
        .filter((h): h is string => h !== undefined);
      if (dict instanceof PDFDict)
        dict.set(
          N("Headers"),
          context.obj(list.flatMap((h) => (renamed.has(h) ? [PDFString.of(renamed.get(h)!)] : []))),
        );
    }
  }
  // The old tree's nodes hold the old names: they go, not only out of reach but out of the file.
  const drop = (o: PDFObject | undefined) => {
    if (o instanceof PDFRef) {
      const node = context.lookup(o);
      context.delete(o);
      if (node instanceof PDFDict) drop(node.get(N("Kids")));
    } else if (o instanceof PDFArray) for (const k of o.asArray()) drop(k);
    else if (o instanceof PDFDict) drop(o.get(N("Kids")));
  };
  drop(root.get(N("IDTree")));
  if (names.length) root.set(N("IDTree"), context.register(context.obj({ Names: names.flat() as PDFObject[] })));
  else root.delete(N("IDTree"));
  return names.length;
}
