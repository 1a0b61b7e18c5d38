/**
 * A range and a status of the concept's own scale on a flyer: the status line shows the range in canonical form,
 * the badge the concept's word in the colour of its kind; the Bausteine panel counts in the concept's words.
 */
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { statusColors } from "@dus-opendata/brand";
import { loadConceptSync } from "@dus-opendata/concept/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixtureDir, haveTools, plainText, type Rendered, removeDir, renderFlyers, run, tempDir } from "./helpers.js";

const tools = haveTools("pdftotext", "qpdf");

/** The fill colour operator react-pdf writes for a hex colour („0.4823529411764706 0.24705882352941178 0.6274509803921569 scn“). */
function fillOperator(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255);
  return `${r} ${g} ${b} scn`;
}

describe.skipIf(!tools)("a range and „verzögert“ on a flyer", () => {
  let dir: string;
  let content: string;
  let flyers: Map<string, Rendered>;

  beforeAll(async () => {
    dir = tempDir("status-scale");
    content = join(dir, "inhalt");
    cpSync(fixtureDir("beispielstadt"), content, { recursive: true });
    const b = join(content, "bausteine", "01-beete.yaml");
    writeFileSync(
      b,
      readFileSync(b, "utf8")
        .replace(
          "status: in Arbeit\n    planned: ab Q2/2024",
          "status: verzögert\n    planned: 30. Juni 2021 – 30. November 2022",
        )
        .replace("status: erledigt\n", "status: umgesetzt\n"),
    );
    const c = join(content, "concept.yaml");
    writeFileSync(
      c,
      readFileSync(c, "utf8").replace(
        /^stand:/m,
        "statuses:\n  - label: noch nicht begonnen\n    kind: offen\n  - label: in Arbeit\n    kind: in-arbeit\n  - label: verzögert\n    kind: verzögert\n  - label: abgeschlossen\n    kind: erledigt\n    synonyms: [umgesetzt]\n  - label: stattgefunden\n    kind: stattgefunden\n    year: true\nstand:",
      ),
    );
    flyers = await renderFlyers(loadConceptSync(content), dir);
  });
  afterAll(() => removeDir(dir));

  it("shows the range canonically and the concept's words in the status lines", () => {
    const t = plainText(run("pdftotext", ["-raw", flyers.get("faltblatt")?.screenPath ?? "", "-"]));
    expect(t).toMatch(/verzögert Datum \(Plan\): 30\.06\.2021 – 30\.11\.2022/);
    expect(t).toContain("abgeschlossen");
    expect(t).not.toContain("umgesetzt");
  });

  it("paints the „verzögert“ badge in the colour of its kind", () => {
    const qdf = join(dir, "faltblatt-qdf.pdf");
    run("qpdf", ["--qdf", "--object-streams=disable", flyers.get("faltblatt")?.screenPath ?? "", qdf]);
    const streams = readFileSync(qdf, "latin1");
    expect(statusColors.delayed).toBe("#7B3FA0");
    expect(streams).toContain(fillOperator(statusColors.delayed));
  });

  it("counts the Bausteine's Maßnahmen in the concept's words", () => {
    const t = plainText(run("pdftotext", ["-raw", flyers.get("handzettel")?.screenPath ?? "", "-"]));
    expect(t).toContain("Zwei Maßnahmen · 1 verzögert · 1 abgeschlossen");
  });
});
