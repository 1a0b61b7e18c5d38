/** Checks of the document as a whole: tagged, language, title, the PDF/UA identifier. */
import { type CheckResult, quote } from "../report.js";
import type { PdfFacts } from "./read-pdf.js";

export function checkTagged(f: PdfFacts): CheckResult {
  const problems: string[] = [];
  if (!f.marked) problems.push("MarkInfo /Marked ist nicht true");
  if (f.suspects) problems.push("MarkInfo /Suspects ist true");
  if (!f.tree) problems.push("kein Strukturbaum (StructTreeRoot)");
  else if (f.tree.elements.length === 0) problems.push("Strukturbaum ohne Elemente");
  return {
    id: "tagged",
    name: "Getaggt",
    ok: problems.length === 0,
    detail: problems.length
      ? problems.join("; ")
      : `MarkInfo /Marked true, ${f.tree!.elements.length} Strukturelemente`,
  };
}

export function checkLang(f: PdfFacts): CheckResult {
  const lang = f.lang?.trim();
  const ok = !!lang && /^de(-DE)?$/i.test(lang);
  return {
    id: "lang",
    name: "Sprache (/Lang)",
    ok,
    detail: ok ? lang! : lang ? `/Lang ${quote(lang)}, erwartet de-DE oder de` : "kein /Lang im Katalog",
  };
}

/** The values of an XMP property, whether written as an element (possibly in rdf:Alt/Seq) or as an attribute. */
export function readXmpProperty(xmp: string, property: string): string[] {
  const values: string[] = [];
  const escaped = property.replace(":", "\\:");
  const element = new RegExp(`<${escaped}(?:\\s[^>]*)?>([\\s\\S]*?)</${escaped}>`, "g");
  for (const m of xmp.matchAll(element)) {
    const inner = m[1] ?? "";
    const items = [...inner.matchAll(/<rdf:li(?:\s[^>]*)?>([\s\S]*?)<\/rdf:li>/g)].map((li) => li[1] ?? "");
    values.push(...(items.length ? items : [inner]));
  }
  for (const m of xmp.matchAll(new RegExp(`\\s${escaped}="([^"]*)"`, "g"))) values.push(m[1] ?? "");
  return values.map((v) => decodeXml(v).trim());
}

function decodeXml(s: string): string {
  return s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(Number.parseInt(h, 16)))
    .replace(/&amp;/g, "&");
}

export function checkTitle(f: PdfFacts): CheckResult {
  const problems: string[] = [];
  if (f.displayDocTitle === undefined) problems.push("ViewerPreferences /DisplayDocTitle fehlt");
  else if (!f.displayDocTitle) problems.push("ViewerPreferences /DisplayDocTitle ist false");
  const title = f.xmp ? readXmpProperty(f.xmp, "dc:title").find((t) => t !== "") : undefined;
  if (!title) {
    const info = f.infoTitle?.trim() ? ` (Info-Titel ${quote(f.infoTitle.trim())})` : "";
    problems.push(
      f.xmp ? `kein dc:title in den XMP-Metadaten${info}` : `keine XMP-Metadaten, also kein dc:title${info}`,
    );
  }
  return {
    id: "title",
    name: "Dokumenttitel",
    ok: problems.length === 0,
    detail: problems.length ? problems.join("; ") : `dc:title ${quote(title!)}, DisplayDocTitle true`,
  };
}

export function checkPdfUa(f: PdfFacts): CheckResult {
  const result = (ok: boolean, detail: string): CheckResult => ({ id: "pdfua", name: "PDF/UA-Kennung", ok, detail });
  if (!f.xmp) return result(false, "keine XMP-Metadaten, also kein pdfuaid:part");
  const parts = readXmpProperty(f.xmp, "pdfuaid:part");
  if (parts.length === 0) return result(false, "kein pdfuaid:part in den XMP-Metadaten");
  if (parts[0] !== "1") return result(false, `pdfuaid:part ${parts[0]}, erwartet 1`);
  if (!f.tree || f.tree.elements.length === 0)
    return result(false, "falscher Anspruch: pdfuaid:part 1 ohne Strukturbaum");
  return result(true, "pdfuaid:part 1");
}
