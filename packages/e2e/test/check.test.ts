/**
 * `pnpm check` (scripts/check.mjs) checks everything the build checks: the content with every character against
 * the outputs' fonts, and the layout of every flyer, reporting what `pnpm build` would report, with the same lines;
 * it writes nothing. The build runs the same check of the content before it starts.
 */
import { spawnSync } from "node:child_process";
import { cpSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { root } from "../src/build-outputs.js";
import { fixturesDir, tempDir } from "./support.js";

const temps: string[] = [];
afterAll(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

const run = (script: string, args: string[], env: NodeJS.ProcessEnv) =>
  spawnSync(process.execPath, [join(root, script), ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: "utf8",
    timeout: 120_000,
  });
const pnpmCheck = (content: string, env: NodeJS.ProcessEnv = {}) =>
  run("scripts/check.mjs", [], { CONTENT_DIR: content, ...env });

/** A copy of a fixture concept with files changed. */
function fixtureWith(name: string, edits: Record<string, (yaml: string) => string>): string {
  const dir = tempDir(`check-${name}`);
  temps.push(dir);
  cpSync(join(fixturesDir, name), dir, { recursive: true });
  for (const [file, edit] of Object.entries(edits)) {
    const before = readFileSync(join(dir, file), "utf8");
    const after = edit(before);
    expect(after, file).not.toBe(before);
    writeFileSync(join(dir, file), after);
  }
  return dir;
}

/** Every file below a folder with its size and modification time. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rel of readdirSync(dir, { recursive: true, encoding: "utf8" })) {
    const s = statSync(join(dir, rel));
    if (s.isFile()) out[rel] = `${s.size}:${s.mtimeMs}`;
  }
  return out;
}

const TOO_LONG = Array.from({ length: 40 }, () => "Ein Absatz, der immer weiter geht und nicht mehr passt.").join(" ");

describe("pnpm check", () => {
  it("a fixture concept: exit 0 and one line with the counts and that every flyer fits", () => {
    const r = pnpmCheck(join(fixturesDir, "kleinstadt"), { FLYER_OUT_DIR: tempDir("check-leer") });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(
      "Alles in Ordnung: 1 Baustein, 12 Maßnahmen, 2 Chancen, 0 Risiken, 2 Deck-Varianten, 2 Flyer; jeder Flyer passt.\n",
    );
  });

  it("a flyer text far too long: the problem the build reports, with the same line; nothing written", () => {
    const dir = fixtureWith("kleinstadt", {
      "flyers/sprechstunde.yaml": (y) =>
        y.replace(
          "  - type: contact\n",
          `  - type: text\n    title: Viel zu viel\n    text:\n      - ${TOO_LONG}\n  - type: contact\n`,
        ),
    });
    const out = tempDir("check-out");
    temps.push(out);
    const before = snapshot(out);
    const check = pnpmCheck(dir, { FLYER_OUT_DIR: out });
    expect(check.status).toBe(1);
    expect(check.stdout).toBe("");
    expect(snapshot(out)).toEqual(before);
    const lines = check.stderr.split("\n").filter((l) => l.startsWith(dir));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /flyers\/sprechstunde\.yaml:\d+:5 {2}sections\[2\] {2}Flyer „sprechstunde“: Der Abschnitt „Viel zu viel“ \(sections\[2\]\) passt nicht mehr auf Seite 1: es fehlen \d+ mm\./,
    );
    expect(check.stderr).toContain("\n\n1 Fehler in 1 Datei. Bitte korrigieren und erneut prüfen.\n");
    // The build of the flyers reports exactly that line.
    const build = run("apps/flyer/scripts/flyer.mjs", ["build"], { CONTENT_DIR: dir, FLYER_OUT_DIR: out });
    expect(build.status).toBe(1);
    expect(build.stderr.split("\n").filter((l) => l.startsWith(dir))).toEqual(lines);
  });

  it("a character no font of the outputs has: file:line:col of the character, field, character and code point", () => {
    const dir = fixtureWith("kleinstadt", {
      "bausteine/01-informieren.yaml": (y) => y.replace(/^title: (.*)$/m, "title: $1 💔"),
    });
    const line =
      readFileSync(join(dir, "bausteine", "01-informieren.yaml"), "utf8")
        .split("\n")
        .findIndex((l) => l.startsWith("title: ")) + 1;
    const column = (
      readFileSync(join(dir, "bausteine", "01-informieren.yaml"), "utf8").split("\n")[line - 1] ?? ""
    ).indexOf("💔");
    const r = pnpmCheck(dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      `${dir}/bausteine/01-informieren.yaml:${line}:${column + 1}  title  Das Zeichen „💔“ (U+1F494) kann keine Schrift der Ausgaben darstellen: Folien und Flyer setzen Source Sans 3 (lateinische Schrift mit den Akzenten west- und mitteleuropäischer Sprachen) und zeigen nur, was diese Schrift hat. Bitte ersetzen oder weglassen.\n\n1 Fehler in 1 Datei. Bitte korrigieren und erneut prüfen.\n`,
    );
  });

  it("a Maßnahme of a Baustein the variant does not show, as in the loader", () => {
    const dir = fixtureWith("lange-namen", {
      "decks/ausschuss.yaml": (y) => y.replace(/^measures: \[.*\]$/m, "measures: [grundkurs]"),
    });
    const r = pnpmCheck(dir);
    expect(r.status, r.stdout).toBe(1);
    expect(r.stderr).toMatch(
      /decks\/ausschuss\.yaml:9:12 {2}measures\[0\] {2}Die Maßnahme „grundkurs“ gehört zum Baustein „fortbildung“/,
    );
  });

  it("wrong usage: exit 2 and how to call it", () => {
    const r = run("scripts/check.mjs", ["--alles"], {});
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("Unbekannte Angabe „--alles“.");
    expect(r.stderr).toContain("Aufruf: pnpm check");
  });

  it("the build checks the content with the same check before it starts: a character no font has stops it", () => {
    const dir = fixtureWith("kleinstadt", {
      "concept.yaml": (y) => y.replace(/^claim: (.*)$/m, "claim: $1 ❤️"),
    });
    const r = run("scripts/turbo.mjs", ["build"], { CONTENT_DIR: dir, CI: "" });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(
      /concept\.yaml:\d+:\d+ {2}claim {2}Die Zeichenfolge „❤️“ \(U\+2764 U\+FE0F\) kann keine Schrift/,
    );
    expect(r.stderr).toContain("Der Build wurde nicht gestartet; die bisherigen Ausgaben in out/ bleiben unverändert.");
  });
});
