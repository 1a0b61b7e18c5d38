/**
 * Lists that grow adapt before they fail (section-kinds.ts): a Baustein with 50 Maßnahmen and 20 Chancen, on a panel
 * of the leaflet and on an A5 page. A list first takes less room and drops the planned dates where they cost a line,
 * then shows the entries that fit and a line „… und 37 weitere Maßnahmen im Bürgerportal“ – in the PDF's text, in
 * its structure tree and in the build's notes. Only when not even three entries fit does it fail, and the message
 * names the selection that would fit, as the line to write. Fixture concept `kleinstadt` with generated Bausteine.
 */
import { cpSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as brand from "@dus-opendata/brand";
import { loadConceptSync } from "@dus-opendata/concept/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createStyles,
  describeSection,
  MIN_SHOWN,
  prepareFlyer,
  type RenderedFlyer,
  renderFlyer,
  structureOf,
} from "../src/index.js";
import { haveTools, plainText, problemsOf, removeDir, repoRoot, run, runCli, tempDir } from "./helpers.js";
import { readTaggedPdf, type StructElement } from "./read-tagged-pdf.js";

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) removeDir(d);
});

const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

/** A Baustein file: `measures` entries of the given shape, `chances` Chancen. */
function baustein(id: string, title: string, measures: string[], chances: number): string {
  return [
    `id: ${id}`,
    `title: ${title}`,
    "subtitle: Eine lange Liste",
    "summary: Ein Baustein mit vielen Einträgen",
    "why:",
    "  title: Warum so viele?",
    "  text:",
    "    - Weil es viel zu tun gibt.",
    "measures:",
    ...measures,
    ...(chances
      ? [
          "chances:",
          ...range(chances).map(
            (i) => `  - Chance ${i} – rechtzeitig erfahren, was die Verwaltung in den nächsten Monaten plant und warum`,
          ),
        ]
      : []),
    "",
  ].join("\n");
}

const measure = (id: string, title: string, status: string, planned: string) =>
  [
    `  - id: ${id}`,
    `    title: ${title}`,
    "    summary:",
    `      - Beschreibung von ${title}.`,
    `    status: ${status}`,
    `    planned: ${planned}`,
    "    published: noch nicht",
  ].join("\n");

/** 50 Maßnahmen with short dates (they stand beside the status) and 20 Chancen. */
const MANY = baustein(
  "viele",
  "Viele Maßnahmen",
  range(50).map((i) =>
    measure(`massnahme-${i}`, `Maßnahme ${i} für die Verwaltung`, i % 2 ? "in Arbeit" : "erledigt", "ab Q2/2024"),
  ),
  20,
);
/** 12 Maßnahmen whose long status and date do not fit on one line. */
const DATES = baustein(
  "termine",
  "Termine",
  range(12).map((i) =>
    measure(`termin-${i}`, `Termin ${i} im Rathaus`, "noch nicht begonnen", "12.09.2026 (Foyer des Rathauses)"),
  ),
  0,
);

const LEAFLET = `format: din-lang-wickelfalz
occasion: Tag der Verwaltung
title: Gemeinsam digital
sections:
  - type: intro
    section: ausgangslage
    place: 2
  - type: intro
    section: ziele
    place: 3
  - type: chances
    block: viele
    title: Was uns hilft
    place: 3
  - type: measures
    block: viele
    title: Was wir tun
    place: 4
  - type: contact
    place: 6
  - type: portal
    place: 6
`;

const A5 = `format: a5
occasion: Probe
title: Lange Listen
sections:
  - type: measures
    block: viele
  - type: chances
    block: viele
    place: 2
`;

const LEAFLET_DATES = `format: din-lang-wickelfalz
occasion: Probe
title: Termine
sections:
  - type: measures
    block: termine
    place: 5
`;

/** The fixture concept `kleinstadt` with the generated Bausteine and only these flyers. */
function listConcept(flyers: Record<string, string>): string {
  const dir = tempDir("listen");
  dirs.push(dir);
  cpSync(join(repoRoot, "fixtures", "concepts", "kleinstadt"), dir, { recursive: true });
  writeFileSync(join(dir, "bausteine", "02-viele.yaml"), MANY);
  writeFileSync(join(dir, "bausteine", "03-termine.yaml"), DATES);
  for (const f of readdirSync(join(dir, "flyers"))) rmSync(join(dir, "flyers", f));
  for (const [id, yaml] of Object.entries(flyers)) writeFileSync(join(dir, "flyers", `${id}.yaml`), yaml);
  return dir;
}

/** An element of the structure tree by the text of its heading, and its children's roles. */
const sectionOf = (root: StructElement | undefined, heading: string) => {
  const walk = (el: StructElement): StructElement | undefined =>
    el.role === "Sect" && el.children[0]?.text === heading ? el : el.children.map(walk).find(Boolean);
  return root ? walk(root) : undefined;
};

describe("lange Listen passen sich an, bevor sie scheitern", () => {
  const tools = haveTools("pdftotext", "pdfinfo");
  const dir = listConcept({ faltblatt: LEAFLET, "liste-a5": A5, termine: LEAFLET_DATES });
  const out = join(dir, "out");
  let cli: ReturnType<typeof runCli>;
  const text = (id: string, page: number) =>
    plainText(run("pdftotext", ["-raw", "-f", String(page), "-l", String(page), join(out, `${id}.pdf`), "-"]));
  beforeAll(() => {
    cli = runCli(["build"], { CONTENT_DIR: dir, FLYER_OUT_DIR: out });
  });

  it("der Build nennt jede gekürzte Liste und was sie weglässt in einem Hinweis", () => {
    expect(cli.stderr).toBe("");
    expect(cli.status).toBe(0);
    expect(cli.stdout.split("\n").filter((l) => l.includes("Hinweis:"))).toEqual([
      "    Hinweis: „Was uns hilft“ (sections[2]) gekürzt auf 13 von 20 Chancen, damit alles Platz hat.",
      "    Hinweis: „Was wir tun“ (sections[3]) gekürzt auf 13 von 50 Maßnahmen, damit alles Platz hat.",
      "    Hinweis: „Viele Maßnahmen“ (sections[0]) gekürzt auf 6 von 50 Maßnahmen, damit alles Platz hat.",
      "    Hinweis: „Chancen“ (sections[1]) gekürzt auf 14 von 20 Chancen, damit alles Platz hat.",
      "    Hinweis: „Termine“ (sections[0]) ohne das geplante Datum der Maßnahmen, damit alles Platz hat.",
    ]);
  });

  it.runIf(tools)(
    "auf einem Feld des Faltblatts: die ersten Einträge, dann „… und 37 weitere Maßnahmen im Bürgerportal“, auch im Strukturbaum",
    async () => {
      const inside = text("faltblatt", 2);
      expect(inside).toContain(
        "Maßnahme 13 für die Verwaltung in Arbeit Datum (Plan): ab Q2/2024 … und 37 weitere Maßnahmen im Bürgerportal",
      );
      expect(inside).toContain("Maßnahme 1 für die Verwaltung in Arbeit Datum (Plan): ab Q2/2024");
      expect(inside).not.toContain("Maßnahme 14 ");
      expect(text("faltblatt", 1)).toContain(
        "Chance 13 – rechtzeitig erfahren, was die Verwaltung in den nächsten Monaten plant und warum … und 7 weitere Chancen im Bürgerportal",
      );
      const tree = (await readTaggedPdf(join(out, "faltblatt.pdf"))).root;
      const measures = sectionOf(tree, "Was wir tun");
      expect(measures?.children.map((c) => c.role)).toEqual(["H2", "L", "P"]);
      expect(measures?.children[1]?.children).toHaveLength(13);
      expect(measures?.children[2]?.text).toBe("… und 37 weitere Maßnahmen im Bürgerportal");
      const chances = sectionOf(tree, "Was uns hilft");
      expect(chances?.children.map((c) => c.role)).toEqual(["H2", "L", "P"]);
      expect(chances?.children[1]?.children).toHaveLength(13);
      expect(chances?.children[2]?.text).toBe("… und 7 weitere Chancen im Bürgerportal");
    },
  );

  it.runIf(tools)(
    "auf einer A5-Seite: Maßnahmen auf Seite 1, Chancen auf Seite 2, jede Liste mit ihrer Zeile",
    async () => {
      expect(text("liste-a5", 1)).toContain(
        "Maßnahme 6 für die Verwaltung erledigt Datum (Plan): ab Q2/2024 … und 44 weitere Maßnahmen im Bürgerportal",
      );
      expect(text("liste-a5", 2)).toContain(
        "Chance 14 – rechtzeitig erfahren, was die Verwaltung in den nächsten Monaten plant und warum … und 6 weitere Chancen im Bürgerportal",
      );
      const tree = (await readTaggedPdf(join(out, "liste-a5-druck.pdf"))).root;
      expect(sectionOf(tree, "Viele Maßnahmen")?.children.map((c) => `${c.role} ${c.children.length}`)).toEqual([
        "H2 0",
        "L 6",
        "P 0",
      ]);
      expect(sectionOf(tree, "Chancen")?.children.at(-1)?.text).toBe("… und 6 weitere Chancen im Bürgerportal");
    },
  );

  it.runIf(tools)(
    "Daten, die nicht neben dem Status Platz haben, fallen vor dem Kürzen weg; die übrigen bleiben stehen",
    async () => {
      const page = text("termine", 2);
      for (const i of range(12)) expect(page).toContain(`Termin ${i} im Rathaus noch nicht begonnen`);
      expect(page).not.toContain("Foyer des Rathauses");
      expect(page).not.toContain("weitere");
      // In the leaflet the dates stand beside the status: dropping them would free nothing, so they stay.
      expect(text("faltblatt", 2)).toContain("Datum (Plan): ab Q2/2024");
      const tree = (await readTaggedPdf(join(out, "termine.pdf"))).root;
      const first = sectionOf(tree, "Termine")?.children[1]?.children[0];
      expect(first?.children[0]?.children.map((p) => p.text)).toEqual(["Termin 1 im Rathaus", "noch nicht begonnen"]);
    },
  );
});

describe("was auch gekürzt nicht passt", () => {
  const SITTINGS =
    "Wir beraten dienstags und donnerstags im Stadtteilbüro am Markt und nach Vereinbarung auch vor Ort an Ihrer Fläche.";
  const withText = (yaml: string, before: string, sentences: number, place: number) =>
    yaml.replace(
      before,
      `  - type: text\n    title: Sprechstunden\n    text:\n      - ${Array(sentences).fill(SITTINGS).join(" ")}\n    place: ${place}\n${before}`,
    );

  it("weniger als drei Maßnahmen haben Platz: die Meldung nennt die Auswahl, die passt, als Zeile – und sie passt", async () => {
    const leaflet = withText(LEAFLET, "  - type: measures\n", 12, 4);
    const dir = listConcept({ faltblatt: leaflet });
    expect(await problemsOf(dir)).toEqual([
      "inhalt/flyers/faltblatt.yaml:20:5  sections[4]  Flyer „faltblatt“: Der Abschnitt „Was wir tun“ (sections[4]) passt nicht mehr auf Feld 4 (innen Mitte): es fehlen 8 mm. Auf Feld 4 (innen Mitte) stehen: „Sprechstunden“ (sections[3]) mit 135 mm, „Was wir tun“ (sections[4]) mit 52 mm; Platz ist für 188 mm. Die Liste „Was wir tun“ (sections[4]) ist schon so knapp gesetzt, wie es geht (weniger Abstand und gekürzt auf 3 von 50 Maßnahmen). Bitte den Text kürzen oder einen Abschnitt mit „place“ auf ein anderes Feld legen; ein Flyer bekommt keine zusätzliche Seite. Abhilfe: im Abschnitt eine Auswahl treffen, z. B.\n      measures: [massnahme-1, massnahme-2]",
    ]);
    // The line as the message writes it, in the section: the flyer is built, with the two and no line about others.
    writeFileSync(
      join(dir, "flyers", "faltblatt.yaml"),
      leaflet.replace(
        "    block: viele\n    title: Was wir tun\n",
        "    block: viele\n    measures: [massnahme-1, massnahme-2]\n    title: Was wir tun\n",
      ),
    );
    const concept = loadConceptSync(dir, { displayDir: "inhalt" });
    const r = await renderFlyer(concept, concept.flyers[0] as (typeof concept.flyers)[number]);
    // Only the Chancen on Feld 3 are still shortened.
    expect(r.plan.shown).toEqual({ "sections[2]": 13 });
    expect(r.omissions).toEqual(["„Was uns hilft“ (sections[2]) gekürzt auf 13 von 20 Chancen"]);
    if (!haveTools("pdftotext")) return;
    const page = plainText(pdfText(r, 2));
    expect(page).toContain("Maßnahme 2 für die Verwaltung erledigt Datum (Plan): ab Q2/2024");
    expect(page).not.toContain("weitere");
  });

  it("bei Chancen nennt sie „items“ mit den Nummern, die passen", async () => {
    const a5 = withText(A5, "  - type: chances\n", 14, 2);
    const dir = listConcept({ "liste-a5": a5 });
    expect(await problemsOf(dir)).toEqual([
      "inhalt/flyers/liste-a5.yaml:12:5  sections[2]  Flyer „liste-a5“: Der Abschnitt „Chancen“ (sections[2]) passt nicht mehr auf Seite 2: es fehlen 1 mm. Auf Seite 2 stehen: „Sprechstunden“ (sections[1]) mit 111 mm, „Chancen“ (sections[2]) mit 46 mm; Platz ist für 165 mm. Die Liste „Chancen“ (sections[2]) ist schon so knapp gesetzt, wie es geht (weniger Abstand und gekürzt auf 3 von 20 Chancen). Bitte den Text kürzen oder einen Abschnitt mit „place“ auf eine andere Seite legen; ein Flyer bekommt keine zusätzliche Seite. Abhilfe: im Abschnitt eine Auswahl treffen, z. B.\n      items: [1, 2, 3]",
    ]);
  });
});

/** The text of a page of a rendered flyer's screen file. */
function pdfText(r: RenderedFlyer, page: number): string {
  const dir = tempDir("seite");
  dirs.push(dir);
  writeFileSync(join(dir, "f.pdf"), r.screen);
  return run("pdftotext", ["-raw", "-f", String(page), "-l", String(page), join(dir, "f.pdf"), "-"]);
}

describe("die Zeile nach einer gekürzten Liste", () => {
  it("spricht von einer weiteren Maßnahme im Singular und steht im Strukturbaum als Absatz nach der Liste", () => {
    const dir = listConcept({ "liste-a5": A5 });
    const concept = loadConceptSync(dir, { displayDir: "inhalt" });
    const [section] = prepareFlyer(concept, concept.flyers[0] as (typeof concept.flyers)[number]).places.flat();
    if (!section) throw new Error("Abschnitt fehlt");
    const s = createStyles(brand);
    const at = { s, width: 300, headings: "top" as const, first: true, step: 0 };
    const tree = structureOf(describeSection(section, { ...at, shown: 49 }));
    expect(tree[0]?.children?.map((c) => c.role)).toEqual(["H2", "L", "P"]);
    expect(tree[0]?.children?.[1]?.children).toHaveLength(49);
    const more = (shown: number) =>
      JSON.stringify(describeSection(section, { ...at, shown })).match(/"text":"(… und [^"]*)"/)?.[1];
    expect(more(49)).toBe("… und 1 weitere Maßnahme im\u00A0Bürgerportal");
    expect(more(MIN_SHOWN)).toBe("… und 47 weitere Maßnahmen im\u00A0Bürgerportal");
    expect(more(50)).toBeUndefined();
  });
});
