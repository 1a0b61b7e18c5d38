/**
 * The compiled app holds only what the deck uses: none of the parts of Slidev that slides.md switches off or
 * vite.config.ts maps to stand-ins (src/unused/) is in it, and it stays small. Each part is recognised by a string
 * of its own code, which the test first finds in the installed package, so a marker that no longer exists there
 * fails instead of passing for ever. And every page of Slidev that the deck uses still opens without an error:
 * the slides with the quick overview and the go-to dialog, the presenter view, the overview and notes pages, and
 * the print view that the PDF export prints.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join, relative } from "node:path";
import { type StaticServer, serveStatic } from "@dus-opendata/serve";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureApp } from "../src/app-build.js";
import type { DeckData } from "../src/deck-data.js";
import { buildDecks, fixtureConcept, launch, requireChromium, root } from "./support.js";

const appDir = join(root, "apps", "deck");
/** A dependency of the package in `dir`, as installed: pnpm puts it next to that package. */
function beside(dir: string, name: string): string {
  let modules = dir;
  while (basename(modules) !== "node_modules") modules = dirname(modules);
  return realpathSync(join(modules, name));
}
/** Slidev's client as installed, and the packages it imports. */
const client = beside(realpathSync(join(appDir, "node_modules", "@slidev", "cli")), "@slidev/client");
const besideClient = (name: string) => beside(client, name);

/**
 * Parts the deck does not use, each with a file of its package and a string of its code there. Measured
 * (apps/deck/scripts/measure-app.ts): with them the app had 592 modules, 1,107 kB in 59 files; without them 336
 * modules, 680 kB in 57 files. A Slidev deck with one Monaco code block compiles 2,125 modules into 28 MB.
 */
const PARTS: { part: string; file: () => string; marker: string }[] = [
  {
    part: "Monaco (code editor)",
    file: () => join(besideClient("monaco-editor"), "esm/vs/editor/editor.api.js"),
    marker: "MonacoEnvironment",
  },
  {
    part: "TypeScript (Monaco's worker and types, twoslash)",
    file: () => join(besideClient("typescript"), "lib/typescript.js"),
    marker: "Debug Failure.",
  },
  {
    part: "twoslash (type popups on code)",
    file: () => join(besideClient("@shikijs/vitepress-twoslash"), "dist/client.mjs"),
    marker: "vitepress:codeGroupTabActivate",
  },
  {
    part: "recording (recordrtc)",
    file: () => join(besideClient("recordrtc"), "RecordRTC.js"),
    marker: "RecordRTC",
  },
  {
    part: "drawing (drauu)",
    file: () => join(beside(besideClient("drauu"), "@drauu/core"), "dist/index.mjs"),
    marker: "eraseLine",
  },
  {
    part: "v-mark (rough-notation)",
    file: () => join(besideClient("@slidev/rough-notation"), "dist/index.mjs"),
    marker: "_resizeListener",
  },
  {
    part: "v-motion (@vueuse/motion)",
    file: () => join(besideClient("@vueuse/motion"), "dist/index.mjs"),
    marker: "MotionGroup",
  },
  {
    part: "Shiki's languages (every grammar, here Python's)",
    file: () => join(beside(besideClient("shiki"), "@shikijs/langs"), "dist/python.mjs"),
    marker: "annotated-parameter",
  },
  {
    part: "Shiki's themes (every editor colour theme)",
    file: () => join(beside(besideClient("shiki"), "@shikijs/themes"), "dist/vitesse-dark.mjs"),
    marker: "activityBar.activeBorder",
  },
  {
    part: "mermaid (diagrams)",
    file: () => join(besideClient("mermaid"), "dist/mermaid.core.mjs"),
    marker: "Syntax error in text",
  },
  {
    part: "elkjs (mermaid's graph layout, EPL-2.0 or GPL-3.0: must not ship, scripts/licence-report.mjs)",
    file: () => join(beside(besideClient("mermaid"), "elkjs"), "lib/elk.bundled.js"),
    marker: "org.eclipse.elk",
  },
  {
    part: "Shiki Magic Move (its stylesheet)",
    file: () => join(besideClient("@shikijs/magic-move"), "dist/style.css"),
    marker: "shiki-magic-move",
  },
  {
    part: "GitHub alert boxes (their stylesheet)",
    file: () => join(besideClient("markdown-it-github-alerts"), "styles/github-base.css"),
    marker: "markdown-alert",
  },
  {
    part: "the YAML parser (of Slidev's Markdown parser)",
    file: () => join(besideClient("yaml"), "dist/schema/tags.js"),
    marker: "tag:yaml.org,2002:",
  },
  {
    part: "Vue's template compiler",
    file: () =>
      join(
        beside(beside(besideClient("vue"), "@vue/compiler-dom"), "@vue/compiler-core"),
        "dist/compiler-core.esm-bundler.js",
      ),
    marker: "COMPILER_INLINE_TEMPLATE",
  },
  {
    part: "zod (the concept's schemas)",
    file: () => join(realpathSync(join(root, "packages", "concept", "node_modules", "zod")), "v4/core/errors.js"),
    marker: "$ZodError",
  },
];
/** Bound of the whole app on disk: 120 kB of room above the measured 680 kB, well below the 1,107 kB with the parts. */
const MAX_BYTES = 800_000;
const MAX_FILES = 64;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)],
  );
}

let app: string;
beforeAll(async () => {
  app = (await ensureApp(root, appDir)).dir;
}, 300_000);

describe("the compiled app", () => {
  it.each(PARTS)("contains nothing of $part", ({ file, marker }) => {
    const source = file();
    expect(readFileSync(source, "utf8"), `${source} no longer contains „${marker}“`).toContain(marker);
    const found = files(join(app, "assets")).filter((f) => readFileSync(f, "latin1").includes(marker));
    expect(found.map((f) => relative(app, f))).toEqual([]);
  });

  it("has no Monaco chunk, no web worker and not Slidev's logo (its info dialog is off)", () => {
    const names = files(app).map((f) => relative(app, f));
    expect(existsSync(join(app, "assets", "monaco"))).toBe(false);
    expect(names.filter((n) => /worker/i.test(n))).toEqual([]);
    const sha = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");
    const logo = sha(readFileSync(join(client, "assets", "logo.png")));
    expect(files(app).filter((f) => sha(readFileSync(f)) === logo)).toEqual([]);
  });

  it(`stays under ${MAX_BYTES / 1000} kB in at most ${MAX_FILES} files`, () => {
    const all = files(app);
    const bytes = all.reduce((sum, f) => sum + statSync(f).size, 0);
    expect(bytes).toBeLessThan(MAX_BYTES);
    expect(all.length).toBeLessThanOrEqual(MAX_FILES);
  });
});

const enabled = requireChromium();
const out = mkdtempSync(join(tmpdir(), "deck-slim-"));
const VARIANT = "kurz";
let browser: Browser;
let server: StaticServer;
let data: DeckData;

beforeAll(async () => {
  if (!enabled) return;
  // The site only (no browser for the PDF export): the print view is opened below.
  const r = buildDecks(fixtureConcept("kleinstadt"), out, {
    CHROMIUM_PATH: "/nicht/vorhanden/chromium",
    DECK_VARIANTS: VARIANT,
  });
  if (r.status !== 0) throw new Error(r.stderr || r.stdout);
  data = JSON.parse(readFileSync(join(out, VARIANT, "deck-data.json"), "utf8"));
  server = await serveStatic(out);
  browser = await launch();
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(out, { recursive: true, force: true });
});

/** A page of the site, collecting uncaught errors and the console's errors. */
async function open(hash: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  await page.goto(`${server.url}/${VARIANT}/index.html${hash}`);
  return { page, errors };
}

describe.skipIf(!enabled)("every page of Slidev the deck uses", () => {
  it("the slides, with the quick overview (o) and the go-to dialog (g)", async () => {
    const { page, errors } = await open("#/1");
    await page.locator(".slidev-page-1 .concept-slide").waitFor();
    await page.keyboard.press("ArrowRight");
    await page.locator(".slidev-page-2 .concept-slide").waitFor();
    await page.keyboard.press("o");
    await page.waitForFunction((n) => document.querySelectorAll(".concept-slide").length >= n, data.slides.length);
    await page.keyboard.press("Escape");
    await page.keyboard.press("g");
    await page.locator("#slidev-goto-input").fill(data.slides[1]!.title.split(" ")[0]!);
    await page.locator("#slidev-goto-dialog li").first().waitFor();
    await page.keyboard.press("Escape");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("the presenter view with its notes", async () => {
    const { page, errors } = await open("#/presenter/2");
    await page.locator(".slidev-presenter").waitFor();
    await page.locator(".slidev-note").first().waitFor();
    expect(await page.locator(".slidev-note").first().innerText()).not.toBe("");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("the overview and notes pages", async () => {
    const { page, errors } = await open("#/overview");
    await page.waitForFunction((n) => document.querySelectorAll(".concept-slide").length >= n, data.slides.length);
    await page.goto(`${server.url}/${VARIANT}/index.html#/notes`);
    await page.locator(".slidev-note").first().waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it("the print view, one page per slide", async () => {
    const { page, errors } = await open("?print=true#/print");
    await page.waitForFunction(
      (n) => document.querySelectorAll(".print-slide-container .concept-slide").length === n,
      data.slides.length,
    );
    expect(errors).toEqual([]);
    await page.close();
  });
});
