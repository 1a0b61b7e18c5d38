import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ContentError, loadConceptSync } from "@dus-opendata/concept/node";
import { afterEach, describe, expect, it } from "vitest";
import { renderAll } from "../src/index.js";
import { copyContent, removeDir, repoRoot, runCli } from "./helpers.js";

const LONG =
  "Dieser Satz ist nur dazu da, den Abschnitt so lang zu machen, dass er nicht mehr in sein Feld passt, und er wiederholt sich deshalb einige Male. ";

let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) removeDir(d);
  dirs = [];
});

/** A copy of content/ with one flyer file changed by `edit`. */
function contentWith(flyer: string, edit: (yaml: string) => string): string {
  const dir = copyContent();
  dirs.push(dir);
  const file = join(dir, "flyers", `${flyer}.yaml`);
  const before = readFileSync(file, "utf8");
  const after = edit(before);
  expect(after).not.toBe(before);
  writeFileSync(file, after);
  return dir;
}

async function problemsOf(dir: string): Promise<ContentError> {
  const concept = loadConceptSync(dir, { displayDir: "inhalt" });
  try {
    await renderAll(concept, { abs: dir, display: "inhalt" });
  } catch (e) {
    if (e instanceof ContentError) return e;
    throw e;
  }
  throw new Error("Der Flyer passt, obwohl er nicht passen dürfte.");
}

const longPoint = (yaml: string) =>
  yaml.replace(
    "      - Veröffentlicht werden nur Daten,",
    `      - ${LONG.repeat(6).trim()}\n      - Veröffentlicht werden nur Daten,`,
  );

describe("ein Flyer, der nicht mehr passt", () => {
  it("nennt Flyer, Datei mit Zeile, Abschnitt und Feld und wie viel fehlt", async () => {
    const dir = contentWith("aemtergespraeche", longPoint);
    const err = await problemsOf(dir);
    expect(err.problems).toHaveLength(1);
    const [p] = err.problems;
    expect(p?.file).toBe("inhalt/flyers/aemtergespraeche.yaml");
    // The long text pushes the next section of the panel over its bottom edge: that one is located, both are named.
    expect(p?.field).toBe("sections[9]");
    expect(p?.line).toBe(
      readFileSync(join(dir, "flyers", "aemtergespraeche.yaml"), "utf8")
        .split("\n")
        .indexOf("  - type: measures") + 1,
    );
    expect(p?.message).toMatch(
      /^Flyer „aemtergespraeche“: Der Abschnitt „Miteinander reden“ \(sections\[9\]\) passt nicht mehr auf Feld 5 \(Einklappseite innen\): es fehlen \d+ mm\. Auf Feld 5 \(Einklappseite innen\) stehen: „Was passiert mit den Daten\?“ \(sections\[8\]\) mit \d+ mm, „Miteinander reden“ \(sections\[9\]\) mit \d+ mm; Platz ist für \d+ mm\./,
    );
    expect(err.summary).toContain("1 Fehler in 1 Datei");
  });

  it("nennt bei einer zu langen Schlagzeile das Feld „title“", async () => {
    const dir = contentWith("basis-informationen", (y) =>
      y.replace(/^title: .*$/m, `title: ${"Open Data in der Düsseldorfer Verwaltung ".repeat(6).trim()}`),
    );
    const err = await problemsOf(dir);
    expect(err.problems.map((p) => `${p.field}  ${p.message}`).join("\n")).toMatch(
      /^title {2}Flyer „basis-informationen“: Die Schlagzeile \(„title“\) passt nicht mehr auf Titelband von Seite 1/,
    );
    expect(err.problems[0]?.line).toBe(8);
  });

  it("meldet ein Wort, das breiter ist als seine Spalte", async () => {
    const dir = contentWith("aemtergespraeche", (y) =>
      y.replace("title: Der Ablauf", "title: Datenbereitstellungsvereinbarungsentwurfsüberarbeitung"),
    );
    const err = await problemsOf(dir);
    expect(err.message).toContain(
      "„Datenbereitstellungsvereinbarungsentwurfsüberarbeitung“ ist zu breit für die Spalte",
    );
    expect(err.problems[0]?.field).toBe("sections[7]");
  });

  it("meldet eine Auswahl, die es nicht gibt, an ihrer Stelle (schon beim Laden, wie pnpm check)", () => {
    const dir = contentWith("aemtergespraeche", (y) => y.replace("items: [1, 2, 3, 4]", "items: [1, 9]"));
    let err: unknown;
    try {
      loadConceptSync(dir, { displayDir: "inhalt" });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ContentError);
    const problems = (err as ContentError).problems;
    expect(problems).toHaveLength(1);
    expect(problems[0]?.field).toBe("sections[3].items[1]");
    expect(problems[0]?.message).toBe(
      "Die Auswahl 9 gibt es nicht: Der Baustein „Miteinander reden“ nennt 5 Chancen; erlaubt sind 1 bis 5.",
    );
  });

  it("lässt den Build mit Exit 1 und einer deutschen Meldung ohne Stacktrace scheitern; out/ bleibt, wie es war", () => {
    const dir = contentWith("aemtergespraeche", longPoint);
    const out = join(repoRoot, "out", "flyers");
    const snapshot = () =>
      existsSync(out)
        ? Object.fromEntries(
            readdirSync(out)
              .filter((f) => f.endsWith(".pdf"))
              .map((f) => [f, readFileSync(join(out, f)).toString("base64")]),
          )
        : {};
    const before = snapshot();
    const r = runCli(["build"], { CONTENT_DIR: dir });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(
      /flyers\/aemtergespraeche\.yaml:\d+:\d+ {2}sections\[9\] {2}Flyer „aemtergespraeche“: Der Abschnitt „Miteinander reden“ \(sections\[9\]\) passt nicht mehr auf Feld 5 .*„Was passiert mit den Daten\?“ \(sections\[8\]\)/,
    );
    expect(r.stderr).toContain("1 Fehler in 1 Datei.");
    expect(r.stderr).toContain("Die bisherigen PDFs in out/flyers bleiben unverändert.");
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(snapshot()).toEqual(before);
  });
});
