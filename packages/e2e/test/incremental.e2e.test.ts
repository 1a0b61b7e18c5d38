/**
 * Regenerating only what changed is correct by construction: after a data-only edit (a status and a date) and
 * after a structural edit (a new Maßnahme), the incremental build – reusing the compiled app and every PDF whose
 * inputs did not change – gives exactly the bytes of a build from scratch (a freshly compiled app, empty output
 * folders) of the same content.
 */
import { cpSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildAll, type Run } from "../src/build-outputs.js";
import { bausteinFiles, editYaml } from "../src/edit-content.js";
import { fixturesDir, requireChromium, tempDir } from "./support.js";

const enabled = requireChromium();
const dir = tempDir("inkrementell");
const content = join(dir, "content");
const incremental = join(dir, "inkrementell");
/** One freshly compiled app for both builds from scratch: it depends on the code only. */
const freshApp = join(dir, "app");

function files(folder: string): Map<string, Buffer> {
  const all = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else all.set(relative(folder, p), readFileSync(p));
    }
  };
  walk(folder);
  return all;
}

function expectSameBytes(a: string, b: string) {
  const x = files(a);
  const y = files(b);
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
