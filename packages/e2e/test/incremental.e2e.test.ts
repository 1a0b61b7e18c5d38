/**
 * Regenerating only what changed is correct by construction: after a data-only edit (a status and a date) and
 * after a structural edit (a new Maßnahme), the incremental build – reusing the compiled app and every PDF whose
 * inputs did not change – gives exactly the bytes of a build from scratch (a freshly compiled app, empty output
 * folders) of the same content.
 */
import { execFileSync } from "node:child_process";
import { cpSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { buildAll, type Run } from "../src/build-outputs.js";
import { bausteinFiles, editYaml } from "../src/edit-content.js";
import { filesBelow, fixturesDir, requireChromium, tempDir } from "./support.js";

const enabled = requireChromium();
const dir = tempDir("inkrementell");
const content = join(dir, "content");
const incremental = join(dir, "inkrementell");
/** One freshly compiled app for both builds from scratch: it depends on the code only. */
const freshApp = join(dir, "app");

function expectSameBytes(a: string, b: string) {
  const x = filesBelow(a);
  const y = filesBelow(b);
  expect([...x.keys()].sort()).toEqual([...y.keys()].sort());
  const differ = [...x.keys()].filter((k) => !x.get(k)!.equals(y.get(k)!));
  expect(differ).toEqual([]);
}

const ok = (r: { decks: Run; flyers: Run }) => {
  expect(r.decks.stderr).toBe("");
  expect(r.decks.status).toBe(0);
  expect(r.flyers.stderr).toBe("");
  expect(r.flyers.status).toBe(0);
};

beforeAll(async () => {
  if (!enabled) return;
  cpSync(join(fixturesDir, "kleinstadt"), content, { recursive: true });
  ok(await buildAll({ content, out: incremental }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!enabled)("an incremental build equals a build from scratch", () => {
  it("after a data-only edit: no app build, the same bytes", async () => {
    editYaml(bausteinFiles(content)[0]!, (doc) => {
      doc.setIn(["measures", 0, "status"], "in Arbeit");
      doc.setIn(["measures", 0, "planned"], "ab Q4/2030");
    });
    const step = await buildAll({ content, out: incremental });
    ok(step);
    expect(step.decks.stdout).not.toContain("App gebaut");
    const scratch = join(dir, "neu-daten");
    const fresh = await buildAll({ content, out: scratch, appDir: freshApp });
    ok(fresh);
    expect(fresh.decks.stdout).toContain("App gebaut");
    expectSameBytes(incremental, scratch);
  });

  it("after a structural edit (a new Maßnahme): no app build, the same bytes", async () => {
    editYaml(bausteinFiles(content)[0]!, (doc) => {
      doc.addIn(["measures"], {
        id: "neue-sprechstunde",
        title: "Neue Sprechstunde",
        summary: ["Eine neue Maßnahme."],
        status: "noch nicht begonnen",
        planned: "für 2030 geplant",
        published: "noch nicht",
      });
    });
    const step = await buildAll({ content, out: incremental });
    ok(step);
    expect(step.decks.stdout).not.toContain("App gebaut");
    const scratch = join(dir, "neu-struktur");
    ok(await buildAll({ content, out: scratch, appDir: freshApp }));
    expectSameBytes(incremental, scratch);
  });
});

/**
 * A variant that shows only some Bausteine (lange-namen, ausschuss): its PDF's keywords name every Baustein, so
 * renaming one it does not show must print it again — the reuse key is everything that goes into the PDF.
 */
describe.skipIf(!enabled)("an incremental build of variants that select Bausteine", () => {
  const dir2 = tempDir("inkrementell-auswahl");
  const content2 = join(dir2, "content");
  const out2 = join(dir2, "inkrementell");
  afterAll(() => rmSync(dir2, { recursive: true, force: true }));

  it("prints a variant's PDF again when a Baustein it does not show is renamed (its keywords), the same bytes", async () => {
    cpSync(join(fixturesDir, "lange-namen"), content2, { recursive: true });
    ok(await buildAll({ content: content2, out: out2 }));
    const shown = parseDocument(readFileSync(join(content2, "decks", "ausschuss.yaml"), "utf8")).get("blocks");
    const ids = (shown as { items: { value: string }[] }).items.map((x) => x.value);
    const hidden = bausteinFiles(content2).find(
      (f) => !ids.includes(String(parseDocument(readFileSync(f, "utf8")).get("id"))),
    )!;
    editYaml(hidden, (doc) => doc.set("title", "Umbenannter Baustein"));
    const step = await buildAll({ content: content2, out: out2 });
    ok(step);
    expect(step.decks.stdout).toMatch(/Präsentation ausschuss: PDF \(/);
    expect(pdfKeywords(join(out2, "decks", "ausschuss.pdf"))).toContain("Umbenannter Baustein");
    const scratch = join(dir2, "neu");
    ok(await buildAll({ content: content2, out: scratch, appDir: join(dir2, "app") }));
    expectSameBytes(out2, scratch);
  });
});

function pdfKeywords(file: string): string {
  const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
  return /^Keywords:\s*(.*)$/m.exec(info)?.[1] ?? "";
}
