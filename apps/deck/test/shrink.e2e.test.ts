/**
 * Text that would have to shrink below the brand's minimum size: a Maßnahme's description four times as long as
 * usual. The build warns with the file and line where the text is written, and `pnpm a11y` fails the site; a
 * normal description builds without a word.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { buildDecks, fixtureConcept, requireChromium, root } from "./support.js";

const enabled = requireChromium();
const dir = mkdtempSync(join(tmpdir(), "deck-klein-"));
const content = join(dir, "content");
const out = join(dir, "decks");
let build: ReturnType<typeof buildDecks>;
let file = "";
let line = 0;

beforeAll(() => {
  if (!enabled) return;
  cpSync(fixtureConcept("kleinstadt"), content, { recursive: true });
  writeFileSync(join(content, "decks", "eine.yaml"), "occasion: Probe\nsections: [bausteine]\nparts: [measures]\n");
  for (const f of readdirSync(join(content, "decks"))) if (f !== "eine.yaml") rmSync(join(content, "decks", f));
  file = join(content, "bausteine", readdirSync(join(content, "bausteine"))[0]!);
  const doc = parseDocument(readFileSync(file, "utf8"));
  const summary = (doc.getIn(["measures", 1, "summary"]) as { items: { value: string }[] }).items.map((x) => x.value);
  const long = Array.from({ length: 4 }, () => summary)
    .flat()
    .join(" ")
    .repeat(5);
  doc.setIn(["measures", 1, "summary"], [long, long]);
  writeFileSync(file, doc.toString());
  // The description's first paragraph, as the loader locates it: id, title, „summary:“, then the paragraph.
  const measureId = String(doc.getIn(["measures", 1, "id"]));
  line =
    readFileSync(file, "utf8")
      .split("\n")
      .findIndex((l) => l.includes(`id: ${measureId}`)) +
    1 +
    3;
  build = buildDecks(content, out, { DECK_VARIANTS: "eine" });
}, 600_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!enabled)("a text too long for its slide", () => {
  it("is a warning of the build that names the file and line where it is written", () => {
    expect(build.stderr).toBe("");
    expect(build.status).toBe(0);
    const warnings = build.stdout.split("\n").filter((l) => l.startsWith("Warnung: "));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      new RegExp(
        `^Warnung: ${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:${line}:\\d+  Präsentation eine, Folie 2: Der Text „.{20,}…“ passt nur in \\d+ px auf die Folie \\(Mindestgröße 16 px\\)\\. Bitte kürzen oder auf mehrere Absätze aufteilen\\.$`,
      ),
    );
  });

  it("fails pnpm a11y on the site (Schriftgröße), naming the slide", () => {
    const run = spawnSync(
      join(root, "node_modules", ".bin", "tsx"),
      ["packages/a11y/src/cli.ts", "--json", join(out, "eine")],
      {
        cwd: root,
        encoding: "utf8",
      },
    );
    expect(run.status).toBe(1);
    const checks = (JSON.parse(run.stdout) as { files: { checks: { id: string; ok: boolean; detail: string }[] }[] })
      .files[0]!.checks;
    const size = checks.find((c) => c.id === "text-size")!;
    expect(size.ok).toBe(false);
    expect(size.detail).toMatch(/^Folie 2: „.+“ in \d+ px/);
    expect(checks.filter((c) => !c.ok).map((c) => c.id)).toEqual(["text-size"]);
  });
});
