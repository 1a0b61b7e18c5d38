/** Checks of the page content: everything marked (Matterhorn 01-005), no soft hyphen inside an extracted word. */
import { type CheckResult, formatCount, plural } from "../report.js";
import type { PdfFacts } from "./read-pdf.js";

export function checkMarkedContent(f: PdfFacts): CheckResult {
  const base = { id: "marked-content", name: "Inhalt markiert (01-005)" };
  const perPage = f.content.map((c) => c.unmarked);
  const total = perPage.reduce((a, b) => a + b, 0);
  if (total === 0)
    return {
      ...base,
      ok: true,
      detail: `alles Gezeichnete ist Inhalt mit MCID oder Artefakt (${plural(f.pages, "Seite", "Seiten")})`,
      data: { perPage },
    };
  const pages = perPage
    .map((n, i) => [i + 1, n] as const)
    .filter(([, n]) => n > 0)
    // No-break spaces keep each "S. 3: 396" together when the table wraps the detail.
    .map(([p, n]) => `S.\u00A0${p}:\u00A0${formatCount(n)}`);
  return {
    ...base,
    ok: false,
    detail: `${plural(total, "Zeichenoperation", "Zeichenoperationen")} außerhalb markierter Inhalte – ${pages.join(", ")}`,
    data: { perPage },
  };
}

/** A soft hyphen after a letter and before a letter (possibly across a line break). */
const SOFT_HYPHEN_IN_WORD = /(?<=\p{L})\u00AD(?=\s*\p{L})/gu;
const WORD_WITH_SOFT_HYPHEN = /\p{L}[\p{L}\u00AD]*\u00AD\s*\p{L}[\p{L}\u00AD]*/gu;

export function checkSoftHyphens(f: PdfFacts): CheckResult {
  const base = { id: "soft-hyphens", name: "Keine weichen Trennstriche" };
  if (!f.text.ok) return { ...base, ok: false, detail: f.text.error };
  const count = [...f.text.value.matchAll(SOFT_HYPHEN_IN_WORD)].length;
  if (count === 0) return { ...base, ok: true, detail: "kein U+00AD in einem Wort (pdftotext)" };
  const words = [
    ...new Set([...f.text.value.matchAll(WORD_WITH_SOFT_HYPHEN)].map((m) => m[0].replace(/\u00AD\s*/g, "·"))),
  ];
  return {
    ...base,
    ok: false,
    detail: `${count === 1 ? "1 weicher Trennstrich (U+00AD) in einem Wort" : `${formatCount(count)} weiche Trennstriche (U+00AD) in Wörtern`} (pdftotext), z. B. ${words.slice(0, 4).join(", ")} (· = U+00AD)`,
    data: { count, examples: words.slice(0, 20) },
  };
}
