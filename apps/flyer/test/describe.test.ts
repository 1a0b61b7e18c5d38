/**
 * One description per flyer (elements.ts, section-kinds.ts, describe-flyer.ts): what is painted and what is tagged
 * come from the same elements, so every id the painter sets is exactly one element of the structure tree and no id
 * is given twice; an intro section's parts follow the one order every output uses. Fixture concepts only; no PDF.
 */

import { join } from "node:path";
import * as brand from "@dus-opendata/brand";
import { INTRO_PART_ORDER } from "@dus-opendata/concept";
import { loadConceptSync } from "@dus-opendata/concept/node";
import { describe, expect, it } from "vitest";
import {
  createStyles,
  describeFlyer,
  describeStructure,
  type FlyerElement,
  planPages,
  prepareFlyer,
  type StructureNode,
} from "../src/index.js";
import { loadFixture, repoRoot } from "./helpers.js";

const concepts = [
  loadFixture("beispielstadt"),
  loadFixture("lange-namen"),
  ...["kleinstadt", "lange-namen", "sechs-bausteine"].map((name) =>
    loadConceptSync(join(repoRoot, "fixtures", "concepts", name), { displayDir: name }),
  ),
];

/** The ids the painter sets as `structureId`: every element with a role that paints content (text, link, QR code). */
function paintedIds(el: FlyerElement): string[] {
  const own = el.id !== undefined ? [el.id] : [];
  return el.type === "text" || el.type === "qr" ? own : [...own, ...el.children.flatMap(paintedIds)];
}
const treeIds = (n: StructureNode): string[] => [...(n.id ? [n.id] : []), ...(n.children ?? []).flatMap(treeIds)];
const painted = (el: FlyerElement): FlyerElement[] =>
  el.type === "text" || el.type === "qr" ? [el] : [el, ...el.children.flatMap(painted)];

describe("jedes Element ist einmal beschrieben", () => {
  it("die Ids, die gemalt werden, sind genau die des Strukturbaums, keine doppelt, jeder Inhalt mit Rolle hat eine", () => {
    const s = createStyles(brand);
    let flyers = 0;
    for (const c of concepts)
      for (const f of c.flyers) {
        const prepared = prepareFlyer(c, f);
        const d = describeFlyer(prepared, planPages(prepared), s);
        const elements = [d.wordmark, d.titleBlock, ...d.sections.values()];
        const ids = elements.flatMap(paintedIds);
        expect(new Set(ids).size, f.id).toBe(ids.length);
        expect([...treeIds(d.structure)].sort(), f.id).toEqual([...ids].sort());
        for (const el of elements.flatMap(painted))
          if (el.role && (el.type === "text" || el.type === "link" || el.type === "qr"))
            expect(el.id, `${f.id}: ${el.role}`).toBeDefined();
        flyers++;
      }
    expect(flyers).toBeGreaterThanOrEqual(10);
  });

  it("ein Abschnitt der Einführung zeigt Text, Zitat, Aufzählung und Hinweis in der Reihenfolge aller Ausgaben", () => {
    const c = structuredClone(loadFixture("beispielstadt"));
    const leitbild = c.intro.find((s) => s.id === "leitbild");
    if (!leitbild) throw new Error("leitbild fehlt");
    leitbild.points = ["Beete", "Baumscheiben"];
    const flyer = {
      id: "probe",
      format: "a5" as const,
      occasion: "Probe",
      title: "Reihenfolge",
      sections: [{ type: "intro" as const, section: "leitbild" }],
    };
    const [section] = prepareFlyer(c, flyer).places.flat();
    expect(section?.data.kind === "text" && section.data.parts.map((p) => p.kind)).toEqual([...INTRO_PART_ORDER]);
    expect(INTRO_PART_ORDER).toEqual(["text", "quote", "points", "note"]);
    const sect = describeStructure(prepareFlyer(c, flyer)).children?.at(-1);
    expect(sect?.children?.map((n) => n.role)).toEqual(["H2", "P", "BlockQuote", "L", "P"]);
  });
});
