/**
 * Every character is shown as written, or refused: a flyer build whose content holds a character that no embedded
 * font can show (here an emoji and a control character) writes nothing and names file, line, column, field, the
 * character and its code point, as `pnpm check` does.
 */
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { removeDir, repoRoot, runCli, tempDir } from "./helpers.js";

const temps: string[] = [];
afterAll(() => {
  for (const t of temps) removeDir(t);
});

describe("Zeichen, die keine Schrift der Flyer hat", () => {
  it("build: Exit 1, je Zeichen Datei:Zeile:Spalte, Feld, Zeichen und Codepunkt; nichts geschrieben", () => {
    const dir = tempDir("zeichen");
    const out = tempDir("zeichen-out");
    temps.push(dir, out);
    cpSync(join(repoRoot, "fixtures", "concepts", "kleinstadt"), dir, { recursive: true });
    const file = join(dir, "flyers", "sprechstunde.yaml");
    const yaml = readFileSync(file, "utf8");
    const line = yaml.split("\n").findIndex((l) => l.startsWith("title: ")) + 1;
    writeFileSync(file, yaml.replace(/^title: .*$/m, 'title: "Herzlich 💔 willkommen\\u0007"'));
    const r = runCli(["build"], { CONTENT_DIR: dir, FLYER_OUT_DIR: out });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(
      `${dir}/flyers/sprechstunde.yaml:${line}:18  title  Das Zeichen „💔“ (U+1F494) kann keine Schrift der Ausgaben darstellen: Folien und Flyer setzen Source Sans 3`,
    );
    expect(r.stderr).toContain(
      `${dir}/flyers/sprechstunde.yaml:${line}:8  title  Das Steuerzeichen U+0007 ist in Texten nicht erlaubt`,
    );
    expect(r.stderr).toContain("2 Fehler in 1 Datei.");
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });
});
