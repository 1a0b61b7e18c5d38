/**
 * The installed Chromium still prints the way the deck's PDF rewriter relies on (src/chromium-contract.ts): the
 * probe page printed now has the shape of the checked-in fixture. On a Chromium upgrade that breaks an assumption,
 * this fails with the German message naming the file to adapt (apps/deck/README.md, „Chromium-Update“).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { browserIdentity } from "@dus-opendata/concept/node";
import { describe, expect, it } from "vitest";
import { contractProblems, observeChromiumPdf } from "../src/chromium-contract.js";
import { deckDir } from "../src/deck-dir.js";
import { printProbe } from "../src/export-pdf.js";
import { chromiumPath, requireChromium } from "./support.js";

const enabled = requireChromium();
const dir = join(deckDir, "test", "fixtures", "chromium");

describe.skipIf(!enabled)("the installed Chromium", () => {
  it("prints tagged PDFs the way the rewriter relies on", async () => {
    const { pages, chromium } = JSON.parse(readFileSync(join(dir, "probe.json"), "utf8")) as {
      pages: number;
      chromium: string;
    };
    const now = await printProbe(readFileSync(join(dir, "probe.html"), "utf8"), chromiumPath!);
    const problems = contractProblems(await observeChromiumPdf(now, pages), pages);
    expect(problems, `${browserIdentity(chromiumPath)} (die Vorlage stammt von ${chromium})`).toEqual([]);
    const fixture = await observeChromiumPdf(readFileSync(join(dir, "probe.pdf")), pages);
    expect((await observeChromiumPdf(now, pages)).roles).toEqual(fixture.roles);
  }, 120_000);
});
