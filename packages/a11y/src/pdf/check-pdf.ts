/** Every PDF check on one file, in the order the table shows them. */
import type { CheckResult } from "../report.js";
import { checkMarkedContent, checkSoftHyphens } from "./check-content.js";
import { checkLang, checkPdfUa, checkTagged, checkTitle } from "./check-document.js";
import {
  checkFigures,
  checkHeadings,
  checkPageStructure,
  checkReadingOrder,
  checkRoles,
  checkTableHeaders,
} from "./check-structure.js";
import { type PdfFacts, readPdf } from "./read-pdf.js";

export function runPdfChecks(facts: PdfFacts, readingOrder: string[] | undefined): CheckResult[] {
  return [
    checkTagged(facts),
    checkLang(facts),
    checkTitle(facts),
    checkPdfUa(facts),
    checkRoles(facts),
    checkHeadings(facts),
    checkFigures(facts),
    checkMarkedContent(facts),
    checkPageStructure(facts),
    checkTableHeaders(facts),
    checkSoftHyphens(facts),
    checkReadingOrder(facts, readingOrder),
  ];
}

/** Checks a PDF; a file that cannot be read gives one failed check that says why. */
export async function checkPdf(file: string, readingOrder: string[] | undefined): Promise<CheckResult[]> {
  let facts: PdfFacts;
  try {
    facts = await readPdf(file);
  } catch (e) {
    return [
      {
        id: "readable",
        name: "Lesbar",
        ok: false,
        detail: `kann nicht als PDF gelesen werden: ${e instanceof Error ? e.message : String(e)}`,
      },
    ];
  }
  return runPdfChecks(facts, readingOrder);
}
