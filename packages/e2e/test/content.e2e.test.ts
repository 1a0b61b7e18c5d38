/**
 * content/ is the team's and changes: its outputs (out/, built by `pnpm build` before the tests) are checked by
 * invariants only, never by its words or numbers: every deck and flyer is there, holds every fact of the model,
 * embeds only the brand font, keeps everything inside its box, and names no fixture concept's city, office or portal.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
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

  it("are listed on the overview page, every link relative and leading to a file that is there", () => {
    const html = readFileSync(join(out, "index.html"), "utf8");
    const links = [...html.matchAll(/<a href="([^"]+)"/g)].map((m) => m[1]!);
    const outputs = [
      ...readdirSync(join(out, "decks")).flatMap((f) =>
        f.endsWith(".pdf") ? [`decks/${f}`] : f.startsWith(".") ? [] : [`decks/${f}/index.html`],
      ),
      ...readdirSync(join(out, "flyers"))
        .filter((f) => f.endsWith(".pdf"))
        .map((f) => `flyers/${f}`),
      ...readdirSync(join(out, "bericht"))
        .filter((f) => f.endsWith(".pdf"))
        .map((f) => `bericht/${f}`),
    ];
    expect(links.sort()).toEqual(outputs.sort());
    for (const l of links) expect(existsSync(join(out, l)), l).toBe(true);
    expect(html).not.toMatch(/(href|src)="(https?:|\/)/);
  });

  it("pass the page checks on the overview page: axe-core WCAG 2.1 AA, keyboard, link purpose, no other host", () => {
    const run = spawnSync(
      join(root, "node_modules", ".bin", "tsx"),
      ["packages/a11y/src/cli.ts", "--json", "out/index.html"],
      {
        cwd: root,
        encoding: "utf8",
      },
    );
    const checks = (JSON.parse(run.stdout) as { files: { checks: { id: string; ok: boolean; detail: string }[] }[] })
      .files[0]!.checks;
    expect(checks.filter((c) => !c.ok)).toEqual([]);
    expect(checks.map((c) => c.id)).toEqual(["axe-page", "keyboard-page", "link-purpose", "links-local", "local-only"]);
    expect(run.status).toBe(0);
  });
});
