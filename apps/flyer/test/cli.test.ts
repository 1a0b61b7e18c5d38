import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadRepoConcept, removeDir, repoRoot, runCli } from "./helpers.js";

/** A folder of its own, not the repository's out/ (other packages' tests read that one meanwhile). */
const out = mkdtempSync(join(tmpdir(), "flyer-cli-"));
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const read = () =>
  Object.fromEntries(
    readdirSync(out)
      .filter((f) => f.endsWith(".pdf"))
      .map((f) => [f, readFileSync(join(out, f))]),
  );

describe("tsx src/cli.tsx", () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of [...dirs, out]) removeDir(d);
  });

  it("build schreibt jeden Flyer als Bildschirm- und Druck-PDF in den Ausgabeordner, Zeile für Zeile; der zweite Build setzt nichts neu und gibt dieselben Bytes", () => {
    // Without a manifest every flyer is rendered: one line per file as it is done.
    const first = runCli(["build"], { FLYER_OUT_DIR: out });
    expect(first.stderr).toBe("");
    expect(first.status).toBe(0);
    const ids = loadRepoConcept().flyers.map((f) => f.id);
    expect(ids.length).toBeGreaterThan(0);
    expect(first.stdout).toMatch(new RegExp(`^Flyer: alle neu zu setzen \\(${ids.join(", ")}\\)\n`));
    for (const id of ids) {
      expect(first.stdout).toMatch(
        new RegExp(`\n  ${esc(out)}/${id}\\.pdf +\\d Seiten? +[\\d,]+ kB +Bildschirm +gesetzt in [\\d,]+ s\n`),
      );
      expect(first.stdout).toMatch(new RegExp(`\n  ${esc(out)}/${id}-druck\\.pdf +\\d Seiten? +[\\d,]+ kB +Druck`));
    }
    expect(first.stdout).toMatch(
      new RegExp(`\nFlyer fertig \\(\\d+(,\\d)? s\\): ${ids.length} neu gesetzt, 0 unverändert\\.\n$`),
    );
    const a = read();
    const second = runCli(["build"], { FLYER_OUT_DIR: out });
    expect(second.status).toBe(0);
    expect(second.stdout).toBe(
      `${ids.map((id) => `  ${id}: unverändert (${out}/${id}.pdf, ${out}/${id}-druck.pdf)\n`).join("")}Flyer fertig (${/\((\d+(,\d)?) s\)/.exec(second.stdout)?.[1]} s): 0 neu gesetzt, ${ids.length} unverändert.\n`,
    );
    const b = read();
    expect(Object.keys(a).sort()).toEqual(Object.keys(b).sort());
    for (const f of Object.keys(a)) expect(Buffer.compare(a[f] as Buffer, b[f] as Buffer), f).toBe(0);
    // No temporary files left behind by the safe writes of this build.
    expect(readdirSync(out).filter((f) => f.includes(`.${second.pid}.tmp`))).toEqual([]);
  });

  it("meldet Inhaltsfehler mit Datei, Zeile und Spalte, ohne Stacktrace, Exit 1", () => {
    // A fixture concept: what the test edits must be there, whatever content/ holds today.
    const dir = mkdtempSync(join(tmpdir(), "flyer-cli-inhalt-"));
    dirs.push(dir);
    cpSync(join(repoRoot, "fixtures", "concepts", "kleinstadt"), dir, { recursive: true });
    const id = "sprechstunde";
    const file = join(dir, "flyers", `${id}.yaml`);
    writeFileSync(file, readFileSync(file, "utf8").replace(/^format: .*$/m, "format: din-lang"));
    const r = runCli(["build"], { CONTENT_DIR: dir });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`flyers/${id}\\.yaml:\\d+:9 {2}format {2}`));
    expect(r.stderr).toContain("1 Fehler in 1 Datei.");
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });

  it("falscher Aufruf: Exit 2 mit Hilfe auf Deutsch", () => {
    const r = runCli(["bauen"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("Unbekannter Befehl „bauen“.");
    expect(r.stderr).toContain("Aufruf:");
  });
});
