/**
 * Each flyer is its own transaction (build-flyers.ts): when one flyer does not fit, every other flyer is still
 * rendered and written; the one that failed keeps its last good files, byte for byte, and their manifest entries;
 * the manifest names it under `stale` with the reason; the command exits 1 with the problems and a German line
 * naming the flyers that are not up to date. Fixture concept `beispielstadt`; the claim, which both flyers show, and
 * a section too long for the leaflet's Feld 5 change at once.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type BuiltFlyer, buildFlyers, type Manifest } from "../src/index.js";
import { copyWithEdits, fixtureDir, haveTools, removeDir, run, runCli, tempDir } from "./helpers.js";

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) removeDir(d);
});
const temp = (name: string) => {
  const d = tempDir(name);
  dirs.push(d);
  return d;
};

const OFFICE_HOURS =
  "Wir beraten dienstags und donnerstags im Stadtteilbüro am Markt und nach Vereinbarung auch vor Ort an Ihrer Fläche.";
const CLAIM = "Grün verbindet alle";
/** The new claim (shown by both flyers) and, when `tooLong`, a section that does not fit on the leaflet's Feld 5. */
function content(tooLong: boolean): string {
  const dir = copyWithEdits(fixtureDir("beispielstadt"), {
    "concept.yaml": (y) => y.replace(/^claim: .*$/m, `claim: ${CLAIM}`),
    ...(tooLong
      ? {
          "flyers/faltblatt.yaml": (y: string) =>
            y.replace(
              "  - type: why\n",
              `  - type: text\n    title: Sprechstunden\n    text:\n      - ${Array(12).fill(OFFICE_HOURS).join(" ")}\n    place: 5\n  - type: why\n`,
            ),
        }
      : {}),
  });
  dirs.push(dir);
  return dir;
}

const build = (dir: string, outDir: string) => buildFlyers({ outDir, env: { CONTENT_DIR: dir } });
const statusOf = (built: BuiltFlyer[]) => Object.fromEntries(built.map((f) => [f.id, f.status]));
const manifestOf = (outDir: string) =>
  JSON.parse(readFileSync(join(outDir, ".manifest", "flyers.json"), "utf8")) as Manifest;
const pdfs = (outDir: string) =>
  Object.fromEntries(
    readdirSync(outDir)
      .filter((f) => f.endsWith(".pdf"))
      .sort()
      .map((f) => [f, readFileSync(join(outDir, f))]),
  );

const problem = (dir: string) =>
  `${dir}/flyers/faltblatt.yaml:38:5  sections[7]  Flyer „faltblatt“: Der Abschnitt „Sprechstunden“ (sections[7]) passt nicht mehr auf Feld 5 (Einklappseite innen): es fehlen 20 mm. Auf Feld 5 (Einklappseite innen) stehen: „Stand der Maßnahmen“ (sections[6]) mit 35 mm, „Sprechstunden“ (sections[7]) mit 140 mm, „Warum Treffen?“ (sections[8]) mit 16 mm; Platz ist für 188 mm. Die Liste „Stand der Maßnahmen“ (sections[6]) ist schon so knapp gesetzt, wie es geht (weniger Abstand). Bitte den Text kürzen oder einen Abschnitt mit „place“ auf ein anderes Feld legen; ein Flyer bekommt keine zusätzliche Seite.`;

describe("ein Flyer, der nicht passt, hält die anderen nicht auf", () => {
  const out = temp("transaktion");

  it("die anderen werden gesetzt und geschrieben; er behält seine letzten guten Dateien und Einträge; Exit 1 mit den Problemen und einer Zeile, die ihn nennt", async () => {
    expect(statusOf(await build(fixtureDir("beispielstadt"), out))).toEqual({
      faltblatt: "rendered",
      handzettel: "rendered",
    });
    const before = pdfs(out);
    const manifestBefore = manifestOf(out);
    const broken = content(true);

    const r = runCli(["build"], { CONTENT_DIR: broken, FLYER_OUT_DIR: out });
    expect(r.status).toBe(1);
    const lines = r.stdout.split("\n");
    expect(lines[0]).toBe("Flyer: alle neu zu setzen (faltblatt, handzettel)");
    expect(lines).toContain("  faltblatt: nicht gesetzt, die bisherigen PDFs bleiben unverändert");
    expect(r.stdout).toMatch(new RegExp(`\n  ${out}/handzettel\\.pdf +2 Seiten +[\\d,]+ kB +Bildschirm +gesetzt in`));
    expect(r.stdout).toMatch(/\nFlyer fertig \(\d+(,\d)? s\): 1 neu gesetzt, 0 unverändert, 1 nicht aktuell\.\n$/);
    expect(r.stderr).toBe(
      `${problem(broken)}\n\n1 Fehler in 1 Datei. Bitte korrigieren und erneut prüfen.\nNicht aktuell: „faltblatt“ (die bisherigen PDFs bleiben unverändert); alle anderen Flyer sind geschrieben.\n`,
    );

    // The leaflet's files untouched, the A4 flyer's rewritten with the new claim.
    const after = pdfs(out);
    expect(Object.keys(after)).toEqual(Object.keys(before));
    expect(after["faltblatt.pdf"]?.equals(before["faltblatt.pdf"] as Buffer)).toBe(true);
    expect(after["faltblatt-druck.pdf"]?.equals(before["faltblatt-druck.pdf"] as Buffer)).toBe(true);
    expect(after["handzettel.pdf"]?.equals(before["handzettel.pdf"] as Buffer)).toBe(false);
    if (haveTools("pdftotext"))
      expect(run("pdftotext", [join(out, "handzettel.pdf"), "-"]).replace(/\s+/g, " ")).toContain(CLAIM);

    const manifest = manifestOf(out);
    expect(manifest.files.filter((f) => f.path.startsWith("faltblatt"))).toEqual(
      manifestBefore.files.filter((f) => f.path.startsWith("faltblatt")),
    );
    const handzettel = manifest.files.filter((f) => f.path.startsWith("handzettel"));
    expect(handzettel.map((f) => f.path)).toEqual(["handzettel.pdf", "handzettel-druck.pdf"]);
    expect(handzettel[0]?.key).not.toBe(manifestBefore.files.find((f) => f.path === "handzettel.pdf")?.key);
    expect(manifest.stale).toEqual([
      {
        output: "faltblatt",
        files: ["faltblatt.pdf", "faltblatt-druck.pdf"],
        reason: `Der Flyer „faltblatt“ lässt sich nicht setzen (1 Fehler in ${broken}/flyers/faltblatt.yaml); es gelten weiter die PDFs des letzten erfolgreichen Builds.`,
        problems: [problem(broken)],
      },
    ]);
  });

  it("ohne frühere Dateien: die anderen werden geschrieben, er fehlt, das Manifest nennt ihn", async () => {
    const fresh = temp("transaktion-neu");
    const broken = content(true);
    const built = await build(broken, fresh);
    expect(statusOf(built)).toEqual({ faltblatt: "failed", handzettel: "rendered" });
    expect(built.find((f) => f.id === "faltblatt")?.files).toEqual([]);
    expect(built.find((f) => f.id === "faltblatt")?.problems?.map((p) => `${p.file}:${p.line}:${p.column}`)).toEqual([
      `${broken}/flyers/faltblatt.yaml:38:5`,
    ]);
    expect(Object.keys(pdfs(fresh))).toEqual(["handzettel-druck.pdf", "handzettel.pdf"]);
    const manifest = manifestOf(fresh);
    expect(manifest.files.map((f) => f.path)).toEqual(["handzettel.pdf", "handzettel-druck.pdf"]);
    expect(manifest.stale?.map((s) => s.reason)).toEqual([
      `Der Flyer „faltblatt“ lässt sich nicht setzen (1 Fehler in ${broken}/flyers/faltblatt.yaml); es gibt noch keine PDFs von ihm.`,
    ]);
  });

  it("sobald er wieder passt, wird er gesetzt, das Manifest nennt nichts mehr als veraltet, und der Ordner gleicht einem Build von Grund auf", async () => {
    const fixed = content(false);
    expect(statusOf(await build(fixed, out))).toEqual({ faltblatt: "rendered", handzettel: "unchanged" });
    expect(manifestOf(out).stale).toBeUndefined();
    expect(existsSync(join(out, ".manifest", "flyers.json"))).toBe(true);
    const scratch = temp("transaktion-leer");
    await build(fixed, scratch);
    const a = pdfs(out);
    const b = pdfs(scratch);
    expect(Object.keys(a)).toEqual(Object.keys(b));
    for (const f of Object.keys(a)) expect(a[f]?.equals(b[f] as Buffer), f).toBe(true);
    expect(readFileSync(join(out, ".manifest", "flyers.json"))).toEqual(
      readFileSync(join(scratch, ".manifest", "flyers.json")),
    );
  });
});
