/**
 * The installed Chromium still prints the way the deck's PDF rewriter relies on (src/chromium-contract.ts): the
 * probe pages printed now have the shape of the checked-in fixtures. On a Chromium upgrade that breaks an assumption,
 * this fails with the German message naming the file to adapt (apps/deck/README.md, „Chromium-Update“).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { browserIdentity } from "@dus-opendata/concept/node";
import { describe, expect, it } from "vitest";
import { contractProblems, observeChromiumPdf } from "../src/chromium-contract.js";
import { deckDir } from "../src/deck-dir.js";
import { printProbe } from "../src/export-pdf.js";
import { chromiumPath, requireChromium } from "./support.js";

const enabled = requireChromium();
const dir = join(deckDir, "test", "fixtures", "chromium");
const PROBES = readdirSync(dir)
  .filter((f) => f.endsWith(".html"))
  .map((f) => f.replace(/\.html$/, ""))
  .sort();

describe.skipIf(!enabled)("the installed Chromium", () => {
  it.each(PROBES)(
    "prints %s the way the rewriter relies on",
    async (probe) => {
      const { pages, chromium } = JSON.parse(readFileSync(join(dir, `${probe}.json`), "utf8")) as {
        pages: number;
        chromium: string;
      };
      const now = await printProbe(readFileSync(join(dir, `${probe}.html`), "utf8"), chromiumPath!);
      const problems = contractProblems(await observeChromiumPdf(now, pages), pages);
      expect(problems, `${browserIdentity(chromiumPath)} (die Vorlage stammt von ${chromium})`).toEqual([]);
      const fixture = await observeChromiumPdf(readFileSync(join(dir, `${probe}.pdf`)), pages);
      expect((await observeChromiumPdf(now, pages)).roles).toEqual(fixture.roles);
    },
    120_000,
  );
});
