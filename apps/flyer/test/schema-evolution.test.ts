/**
 * A concept written for the first release (no `sender`, no `portalName`, no `purpose`, no `keywords`) still gives
 * every flyer: the footer names the organisation and the city, the portal section is headed with the default name.
 */
import { cpSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { footerLine, labels } from "@dus-opendata/concept";
import { loadConceptSync } from "@dus-opendata/concept/node";
import { afterAll, describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { prepareFlyer } from "../src/index.js";
import { removeDir, repoRoot, tempDir } from "./helpers.js";

const fixtures = join(repoRoot, "fixtures", "concepts");
const names = readdirSync(fixtures).filter((n) => !n.includes("."));
const temps: string[] = [];
afterAll(() => {
  for (const t of temps) removeDir(t);
});

function firstRelease(name: string): string {
  const dir = tempDir(`erste-fassung-${name}`);
  temps.push(dir);
  cpSync(join(fixtures, name), dir, { recursive: true });
  const file = join(dir, "concept.yaml");
  const doc = parseDocument(readFileSync(file, "utf8"));
  for (const key of ["sender", "portalName", "purpose", "keywords"]) doc.delete(key);
  writeFileSync(file, doc.toString({ lineWidth: 0 }));
  return dir;
}

describe("flyers of a concept without the fields added since the first release", () => {
  it.each(names)("%s: every flyer is prepared, with the derived sender and portal name", (name) => {
    const c = loadConceptSync(firstRelease(name));
    expect(c.flyers.length).toBeGreaterThan(0);
    const sender = `${c.organisation}, ${c.city}`;
    for (const flyer of c.flyers) {
      const prepared = prepareFlyer(c, flyer);
      expect(prepared.footerFields[0]).toEqual({ field: "sender", text: sender });
      expect(prepared.footer.replace(/\u00A0/g, " ")).toBe(footerLine({ sender, claim: c.claim }));
      const portals = prepared.places.flat().filter((s) => s.data.kind === "portal");
      for (const p of portals)
        if (flyer.sections[p.index]?.title === undefined) expect(p.data.title).toBe(labels.portal);
      expect(prepared.meta.keywords).toBeDefined();
    }
  });

  it("the fixtures have flyers with a portal section under its default heading", () => {
    const headed = names.flatMap((name) => {
      const c = loadConceptSync(firstRelease(name));
      return c.flyers.flatMap((f) =>
        prepareFlyer(c, f)
          .places.flat()
          .filter((s) => s.data.kind === "portal" && f.sections[s.index]?.title === undefined),
      );
    });
    expect(headed.length).toBeGreaterThan(0);
  });
});
