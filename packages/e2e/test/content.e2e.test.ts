/**
 * content/ is the team's and changes: its outputs (out/, built by `pnpm build` before the tests) are checked by
 * invariants only, never by its words or numbers: every deck and flyer is there, holds every fact of the model,
 * embeds only the brand font, keeps everything inside its box, and names no fixture concept's city, office or portal.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { conceptWordPattern } from "../../concept/test/concept-words.js";
import { root } from "../src/build-outputs.js";
import { checkOutputs } from "../src/check-outputs.js";
import { identityWords } from "../src/identity-words.js";
import { contentDir, fixtureNames, fixturesDir, launch, requireChromium } from "./support.js";

const enabled = requireChromium();
const out = join(root, "out");
let browser: Browser | undefined;

beforeAll(async () => {
  if (enabled) browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe.skipIf(!enabled)("the outputs of content/ (out/)", () => {
  it("are built", () => {
    expect(existsSync(join(out, "decks")), "pnpm build zuerst").toBe(true);
  });

  it("hold every fact of the model, only the brand font, nothing outside its box, no fixture's identity", async () => {
    const words = fixtureNames.flatMap((n) => identityWords(join(fixturesDir, n)));
    const problems = await checkOutputs({ content: contentDir, out, browser, foreign: conceptWordPattern(words) });
    expect(problems).toEqual([]);
  });
});
