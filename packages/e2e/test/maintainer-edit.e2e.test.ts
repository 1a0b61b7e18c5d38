/**
 * A maintainer's typical edits to a copy of content/ – a new Maßnahme, a Chance dropped, a status and a date
 * changed, a new Baustein – and the whole chain still holds: `pnpm check` passes, every deck and flyer builds, and
 * the outputs pass the same invariants as content/'s, now with the new Maßnahme and Baustein in them.
 */
import { spawnSync } from "node:child_process";
import { cpSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadConceptSync } from "@dus-opendata/concept/node";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildAll, type Run, root } from "../src/build-outputs.js";
import { checkOutputs, letters, pdfText } from "../src/check-outputs.js";
import { bausteinFiles, editYaml, firstWith } from "../src/edit-content.js";
import { contentDir, launch, requireChromium, tempDir } from "./support.js";

const enabled = requireChromium();
const dir = tempDir("bearbeitet");
const content = join(dir, "content");
const out = join(dir, "out");
let browser: Browser | undefined;
let built: { decks: Run; flyers: Run };
const NEW_MEASURE = "Sprechstunde für Fachämter";
const NEW_BAUSTEIN = "Austausch";

beforeAll(async () => {
  if (!enabled) return;
  cpSync(contentDir, content, { recursive: true });
  const files = bausteinFiles(content);
  // A new Maßnahme at the end of the last Baustein.
  editYaml(files.at(-1)!, (doc) => {
    doc.addIn(["measures"], {
      id: "sprechstunde-fachaemter",
      title: NEW_MEASURE,
      summary: ["Einmal im Monat beantworten wir Fragen der Fachämter."],
      status: "noch nicht begonnen",
      planned: "ab Q3/2019",
      published: "noch nicht",
    });
  });
  // One Chance fewer.
  const withChances = firstWith(content, "chances", 2);
  if (withChances) editYaml(withChances, (doc) => doc.deleteIn(["chances", 0]));
  // A status and a date move.
  editYaml(files[0]!, (doc) => {
    doc.setIn(["measures", 0, "status"], "in Arbeit");
    doc.setIn(["measures", 0, "planned"], "ab 03/2019");
  });
  // A new, short Baustein after the others.
  writeFileSync(
    join(content, "bausteine", "99-austausch.yaml"),
    [
      "id: austausch",
      `title: ${NEW_BAUSTEIN}`,
      "summary: Regelmäßiger Austausch mit den Fachämtern",
      "why:",
      "  title: Warum Austausch?",
      "  text:",
      "    - Wer sich kennt, fragt nach.",
      "measures:",
      "  - id: stammtisch",
      "    title: Stammtisch",
      "    summary:",
      "      - Ein offenes Treffen im Quartal.",
      "    status: noch nicht begonnen",
      "    planned: für 2019 geplant",
      "    published: noch nicht",
      "chances:",
      "  - Kurze Wege",
      "risks: []",
      "",
    ].join("\n"),
  );
  built = await buildAll({ content, out });
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!enabled)("content/ after a maintainer's typical edits", () => {
  it("passes pnpm check", () => {
    const r = spawnSync(join(root, "node_modules", ".bin", "tsx"), ["packages/concept/src/cli.ts", "check"], {
      cwd: root,
      env: { ...process.env, CONTENT_DIR: content },
      encoding: "utf8",
    });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  });

  it("builds every deck and flyer", () => {
    expect(built.decks.stderr).toBe("");
    expect(built.decks.status).toBe(0);
    expect(built.flyers.stderr).toBe("");
    expect(built.flyers.status).toBe(0);
  });

  it("shows the new Maßnahme and the new Baustein, and the outputs pass every invariant", async () => {
    const decks = loadConceptSync(content).decks.map((d) => letters(pdfText(join(out, "decks", `${d.id}.pdf`))));
    expect(decks.some((t) => t.includes(letters(NEW_MEASURE)))).toBe(true);
    expect(decks.some((t) => t.includes(letters(NEW_BAUSTEIN)))).toBe(true);
    expect(await checkOutputs({ content, out, browser })).toEqual([]);
  });
});
