/**
 * Every fixture concept (another city, another shape) builds end to end, decks and flyers, and its outputs pass
 * the same checks as content/: every fact present, only the brand font, nothing outside its box on any slide, and
 * no word of this repository's own concept (content/).
 */
import { rmSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { conceptWordPattern, conceptWords } from "../../concept/test/concept-words.js";
import { buildAll, type Run } from "../src/build-outputs.js";
import { checkOutputs } from "../src/check-outputs.js";
import { contentDir, fixtureNames, fixturesDir, launch, requireChromium, tempDir } from "./support.js";

const enabled = requireChromium();
let browser: Browser | undefined;
const temps: string[] = [];

beforeAll(async () => {
  if (enabled) browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

describe.skipIf(!enabled).each(fixtureNames)("fixture concept %s", (name) => {
  const content = join(fixturesDir, name);
  const out = tempDir(name);
  temps.push(out);
  let built: { decks: Run; flyers: Run };

  beforeAll(async () => {
    built = await buildAll({ content, out });
  });

  it("builds every deck variant and every flyer", () => {
    expect(built.decks.stderr, built.decks.stdout).toBe("");
    expect(built.decks.status).toBe(0);
    expect(built.flyers.stderr, built.flyers.stdout).toBe("");
    expect(built.flyers.status).toBe(0);
  });

  it("holds every fact, only the brand font, nothing outside its box, no word of content/", async () => {
    const problems = await checkOutputs({
      content,
      out,
      browser,
      foreign: conceptWordPattern(conceptWords(contentDir)),
    });
    expect(problems).toEqual([]);
  });
});
