/**
 * Two clean builds of the same content give identical bytes: the site files and the PDF (whose creation date
 * comes from the Stand and whose document ID is derived from its content, not from Chromium's random one).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { standDate } from "@dus-opendata/concept";
import { loadConceptSync } from "@dus-opendata/concept/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDecks, fixtureConcept, requireChromium } from "./support.js";

const enabled = requireChromium();
const dir = mkdtempSync(join(tmpdir(), "deck-twice-"));

function files(d: string): string[] {
  return readdirSync(d).flatMap((f) => (statSync(join(d, f)).isDirectory() ? files(join(d, f)) : [join(d, f)]));
}

function buildInto(out: string) {
  const r = buildDecks(fixtureConcept("kleinstadt"), out);
  if (r.status !== 0) throw new Error(r.stderr);
}

beforeAll(() => {
  if (!enabled) return;
  buildInto(join(dir, "a"));
  buildInto(join(dir, "b"));
}, 300_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!enabled)("two builds of the same content", () => {
  it("give byte-identical PDFs", () => {
    const concept = loadConceptSync(fixtureConcept("kleinstadt"));
    for (const d of concept.decks) {
      const a = readFileSync(join(dir, "a", `${d.id}.pdf`));
      const b = readFileSync(join(dir, "b", `${d.id}.pdf`));
      expect(a.length).toBeGreaterThan(10_000);
      expect(a.equals(b), d.id).toBe(true);
      // Neither the clock nor a random ID is inside: the date is the Stand's.
      expect(a.toString("latin1")).toContain(`/CreationDate (D:${standDate(concept).replace(/-/g, "")}000000Z)`);
    }
  });

  it("give identical site files", () => {
    const a = files(join(dir, "a"))
      .map((f) => relative(join(dir, "a"), f))
      .sort();
    const b = files(join(dir, "b"))
      .map((f) => relative(join(dir, "b"), f))
      .sort();
    expect(a).toEqual(b);
    expect(a.length).toBeGreaterThan(10);
    for (const f of a) expect(readFileSync(join(dir, "a", f)).equals(readFileSync(join(dir, "b", f))), f).toBe(true);
  });
});
