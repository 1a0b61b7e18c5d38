/** Checks of the structure tree: roles, headings, figures, table headers, structure on every page, reading order. */
import { type CheckResult, formatPages, plural, quote } from "../report.js";
import type { PdfFacts } from "./read-pdf.js";
import type { StructElement, StructNode } from "./read-struct-tree.js";

const NO_TREE = "kein Strukturbaum";

/**
 * Text for comparisons: soft hyphens removed, whitespace collapsed, and a word broken at a line end with a visible
 * hyphen joined again („Verwal- tungsdaten“ → „Verwaltungsdaten“). The PDFs give such a hyphen an empty /ActualText,
 * so assistive technology reads the word whole, but pdf.js's text does not apply /ActualText inside marked content;
 * the same rule is applied to the expected text, so a hyphen that belongs to the text („Verwaltungs- und …“) compares
 * equal either way.
 */
export function normaliseText(text: string): string {
  return text
    .replace(/\u00AD/g, "")
    .replace(/\s+/g, " ")
    .replace(/(\p{L})- (\p{Ll})/gu, "$1$2")
    .trim();
}

/** The first page an element's content lies on. */
function pageOf(node: StructNode): number | undefined {
  if (node.kind !== "element") return node.page;
  for (const kid of node.kids) {
    const p = pageOf(kid);
    if (p !== undefined) return p;
  }
  return node.page;
}

const onPage = (el: StructElement) => {
  const p = pageOf(el);
  return p === undefined ? "" : ` (Seite ${p})`;
};

/**
 * The text of an element: its /ActualText, or the text of its marked content in tree order. Sequences are joined
 * with a space unless one already ends or begins with whitespace (Chromium starts a run with its leading space).
 */
export function elementText(el: StructElement, f: PdfFacts): string {
  if (el.actualText !== undefined) return normaliseText(el.actualText);
  let text = "";
  const walk = (node: StructNode) => {
    if (node.kind === "element") {
      if (node.actualText !== undefined) append(node.actualText);
      else node.kids.forEach(walk);
    } else if (node.kind === "mcid" && node.page !== undefined) {
      append(f.content[node.page - 1]?.textByMcid.get(node.mcid) ?? "");
    }
  };
  const append = (part: string) => {
    if (!part) return;
    text += text && !/\s$/.test(text) && !/^\s/.test(part) ? ` ${part}` : part;
  };
  walk(el);
  return normaliseText(text);
}

export function checkRoles(f: PdfFacts): CheckResult {
  const base = { id: "roles", name: "Strukturtypen (RoleMap)" };
  if (!f.tree) return { ...base, ok: false, detail: NO_TREE };
  const unmapped = new Map<string, number>();
  const mapped = new Map<string, string>();
  for (const el of f.tree.elements) {
    if (!el.mapped) unmapped.set(el.type, (unmapped.get(el.type) ?? 0) + 1);
    else if (el.type !== el.role) mapped.set(el.type, el.role);
  }
  if (unmapped.size)
    return {
      ...base,
      ok: false,
      detail: `ohne Zuordnung zu einem Standardtyp: ${[...unmapped].map(([t, n]) => `${t} (${n}×)`).join(", ")}`,
    };
  const via = [...mapped].map(([from, to]) => `${from} → ${to}`).join(", ");
  return {
    ...base,
    ok: true,
    detail: `${f.tree.elements.length} Elemente, alle Standardtypen${via ? ` oder zugeordnet: ${via}` : ""}`,
  };
}

export function checkHeadings(f: PdfFacts): CheckResult {
  const base = { id: "headings", name: "Überschriften" };
  if (!f.tree) return { ...base, ok: false, detail: NO_TREE };
  const headings = f.tree.elements.filter((el) => /^H[1-6]$/.test(el.role));
  if (headings.length === 0) return { ...base, ok: false, detail: "keine Überschrift (H1–H6)" };
  const level = (el: StructElement) => Number(el.role.slice(1));
  const problems: string[] = [];
  const first = headings[0]!;
  if (level(first) !== 1)
    problems.push(`erste Überschrift ist ${first.role} ${quote(elementText(first, f))}${onPage(first)}, erwartet H1`);
  for (let i = 1; i < headings.length; i++) {
    const prev = headings[i - 1]!;
    const cur = headings[i]!;
    if (level(cur) > level(prev) + 1)
      problems.push(`Sprung ${prev.role} → ${cur.role} bei ${quote(elementText(cur, f))}${onPage(cur)}`);
  }
  const counts = [1, 2, 3, 4, 5, 6]
    .map((n) => [n, headings.filter((h) => level(h) === n).length] as const)
    .filter(([, c]) => c > 0)
    .map(([n, c]) => `H${n} ×${c}`)
    .join(", ");
  return {
    ...base,
    ok: problems.length === 0,
    detail: problems.length ? problems.join("; ") : `${counts}, ohne Sprung`,
  };
}

export function checkFigures(f: PdfFacts): CheckResult {
  const base = { id: "figures", name: "Alternativtext für Abbildungen" };
  if (!f.tree) return { ...base, ok: false, detail: NO_TREE };
  const figures = f.tree.elements.filter((el) => el.role === "Figure");
  if (figures.length === 0) return { ...base, ok: true, detail: "keine Abbildungen" };
  const missing = figures.filter((el) => !el.alt?.trim());
  if (missing.length === 0)
    return {
      ...base,
      ok: true,
      detail: `${plural(figures.length, "Abbildung", "Abbildungen")}, ${figures.length === 1 ? "mit" : "alle mit"} /Alt`,
    };
  const pages = missing.map(pageOf).filter((p): p is number => p !== undefined);
  return {
    ...base,
    ok: false,
    detail: `${missing.length} von ${plural(figures.length, "Abbildung", "Abbildungen")} ohne /Alt${pages.length ? ` (Seite ${formatPages(pages)})` : ""}`,
  };
}

/**
 * Matterhorn 15-003: a TH needs /Scope unless its table is organised with /Headers and IDs; a table counts as so
 * organised when every TD in it names its header cells.
 */
export function checkTableHeaders(f: PdfFacts): CheckResult {
  const base = { id: "table-headers", name: "Tabellenköpfe mit Scope" };
  if (!f.tree) return { ...base, ok: false, detail: NO_TREE };
  const tables = f.tree.elements.filter((el) => el.role === "Table");
  if (tables.length === 0) return { ...base, ok: true, detail: "keine Tabellen" };
  const cells = (el: StructElement, role: string): StructElement[] =>
    el.kids.flatMap((k) =>
      k.kind !== "element" || k.role === "Table" ? [] : k.role === role ? [k, ...cells(k, role)] : cells(k, role),
    );
  let total = 0;
  const missing: string[] = [];
  for (const table of tables) {
    const ths = cells(table, "TH");
    const tds = cells(table, "TD");
    total += ths.length;
    const byHeaders = tds.length > 0 && tds.every((td) => td.headers);
    if (byHeaders) continue;
    for (const th of ths) if (!th.scope) missing.push(`${quote(elementText(th, f), 40)}${onPage(th)}`);
  }
  if (total === 0) return { ...base, ok: true, detail: `${plural(tables.length, "Tabelle", "Tabellen")} ohne TH` };
  if (missing.length === 0)
    return { ...base, ok: true, detail: `${total} TH, ${total === 1 ? "mit" : "alle mit"} /Scope oder /Headers` };
  const shown = missing.slice(0, 5).join(", ") + (missing.length > 5 ? ", …" : "");
  return { ...base, ok: false, detail: `${missing.length} von ${total} TH ohne /Scope: ${shown}` };
}

export function checkPageStructure(f: PdfFacts): CheckResult {
  const base = { id: "page-structure", name: "Struktur auf jeder Seite" };
  const noKey: number[] = [];
  const empty: number[] = [];
  for (let i = 0; i < f.pages; i++) {
    if (f.structParents[i] === undefined) noKey.push(i + 1);
    else if ((f.content[i]?.structLeaves ?? 0) === 0) empty.push(i + 1);
  }
  const problems: string[] = [];
  if (noKey.length) problems.push(`ohne /StructParents: Seite ${formatPages(noKey)}`);
  if (empty.length) problems.push(`ohne Inhalt im Strukturbaum: Seite ${formatPages(empty)}`);
  return {
    ...base,
    ok: problems.length === 0,
    detail: problems.length
      ? problems.join("; ")
      : f.pages === 1
        ? "die Seite hat Struktur"
        : `alle ${f.pages} Seiten haben Struktur`,
  };
}

/** The headings of the structure tree, in tree order, against the order the build expects. */
export function checkReadingOrder(f: PdfFacts, expected: string[] | undefined): CheckResult {
  const base = { id: "reading-order", name: "Lesereihenfolge (Überschriften)" };
  if (!expected) return { ...base, ok: false, detail: "keine erwartete Lesereihenfolge im Manifest" };
  if (!f.tree) return { ...base, ok: false, detail: NO_TREE };
  const want = expected.map(normaliseText);
  const found = f.tree.elements.filter((el) => /^H[1-6]$/.test(el.role)).map((el) => elementText(el, f));
  const at = want.findIndex((w, i) => found[i] !== w);
  const differs = at >= 0 ? at : found.length > want.length ? want.length : -1;
  if (differs < 0)
    return {
      ...base,
      ok: true,
      detail: `${plural(want.length, "Überschrift", "Überschriften")} in der erwarteten Reihenfolge`,
      data: { found },
    };
  const shown = (s: string | undefined) => (s === undefined ? "nichts" : quote(s));
  return {
    ...base,
    ok: false,
    detail:
      `Überschrift ${differs + 1}: erwartet ${shown(want[differs])}, gefunden ${shown(found[differs])}` +
      (want.length !== found.length ? ` (${want.length} erwartet, ${found.length} gefunden)` : ""),
    data: { expected: want, found },
  };
}
