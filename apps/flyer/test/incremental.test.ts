/**
 * Rendering only what changed is correct by construction: after a status edit the build renders exactly the flyers
 * that show that status, keeps the files of the others, and the output folder is byte for byte what a build into an
 * empty folder gives. Fixture concept `kleinstadt`: its leaflet `faltblatt` lists the status of „rundbrief“; the A5
 * flyer `sprechstunde` shows no status; the status of „auftaktveranstaltung“ is shown by no flyer.
 */
import { spawnSync } from "node:child_process";
import { cpSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { type BuildEvent, type BuiltFlyer, buildFlyers } from "../src/index.js";
import { appDir, removeDir, repoRoot, tempDir } from "./helpers.js";

const work = tempDir("inkrementell");
afterAll(() => removeDir(work));

const content = join(work, "inhalt");
cpSync(join(repoRoot, "fixtures", "concepts", "kleinstadt"), content, { recursive: true });
const measures = join(content, "bausteine", "01-informieren.yaml");

/** Sets the status of one Maßnahme in the fixture copy, as a maintainer would. */
function setStatus(measure: string, status: string): void {
  const yaml = readFileSync(measures, "utf8");
  const start = yaml.indexOf(`  - id: ${measure}\n`);
  const at = yaml.indexOf("    status: ", start);
  expect(start).toBeGreaterThan(0);
  const end = yaml.indexOf("\n", at);
  expect(yaml.slice(at, end)).not.toBe(`    status: ${status}`);
  writeFileSync(measures, `${yaml.slice(0, at)}    status: ${status}${yaml.slice(end)}`);
}

async function build(outDir: string, events: BuildEvent[] = []): Promise<BuiltFlyer[]> {
  return buildFlyers({ outDir, env: { CONTENT_DIR: content }, onEvent: (e) => events.push(e) });
}

/** Every file of a folder (manifest included) by its relative path. */
function files(folder: string): Map<string, Buffer> {
  const all = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else all.set(relative(folder, p), readFileSync(p));
    }
  };
  walk(folder);
  return all;
}

/** The same files with the same bytes, in a folder built incrementally and one built from scratch. */
function expectSameBytes(incremental: string, scratch: string): void {
  const a = files(incremental);
  const b = files(scratch);
  expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
  expect([...a.keys()].filter((k) => !a.get(k)?.equals(b.get(k) as Buffer))).toEqual([]);
}

const statusOf = (built: BuiltFlyer[]) => Object.fromEntries(built.map((f) => [f.id, f.status]));
const mtimes = (folder: string) =>
  Object.fromEntries([...files(folder).keys()].map((k) => [k, statSync(join(folder, k)).mtimeMs]));

describe("ein Build setzt nur, was sich geändert hat", () => {
  const out = join(work, "out");

  it("der erste Build setzt alle Flyer; der zweite keinen und schreibt nichts", async () => {
    expect(statusOf(await build(out))).toEqual({ faltblatt: "rendered", sprechstunde: "rendered" });
    const before = mtimes(out);
    const events: BuildEvent[] = [];
    expect(statusOf(await build(out, events))).toEqual({ faltblatt: "unchanged", sprechstunde: "unchanged" });
    expect(events[0]).toMatchObject({ kind: "plan", render: [], unchanged: ["faltblatt", "sprechstunde"] });
    expect(mtimes(out)).toEqual(before);
  });

  it("ein Status, den ein Flyer zeigt: nur dieser wird gesetzt, und der Ordner gleicht Byte für Byte einem Build in einen leeren Ordner", async () => {
    const sprechstunde = readFileSync(join(out, "sprechstunde.pdf"));
    const faltblatt = readFileSync(join(out, "faltblatt.pdf"));
    setStatus("rundbrief", "noch nicht begonnen");
    expect(statusOf(await build(out))).toEqual({ faltblatt: "rendered", sprechstunde: "unchanged" });
    expect(readFileSync(join(out, "faltblatt.pdf")).equals(faltblatt)).toBe(false);
    expect(readFileSync(join(out, "sprechstunde.pdf")).equals(sprechstunde)).toBe(true);
    const scratch = join(work, "neu-1");
    expect(statusOf(await build(scratch))).toEqual({ faltblatt: "rendered", sprechstunde: "rendered" });
    expectSameBytes(out, scratch);
  });

  it("ein Status, den kein Flyer zeigt: nichts wird gesetzt, keine Datei geschrieben, dieselben Bytes wie von Grund auf", async () => {
    const before = mtimes(out);
    setStatus("auftaktveranstaltung", "in Arbeit");
    expect(statusOf(await build(out))).toEqual({ faltblatt: "unchanged", sprechstunde: "unchanged" });
    expect(mtimes(out)).toEqual(before);
    const scratch = join(work, "neu-2");
    await build(scratch);
    expectSameBytes(out, scratch);
  });

  it("eine von Hand geänderte oder fehlende Datei wird neu gesetzt", async () => {
    const original = readFileSync(join(out, "sprechstunde-druck.pdf"));
    writeFileSync(join(out, "sprechstunde-druck.pdf"), Buffer.concat([original, Buffer.from("\n%x\n")]));
    removeDir(join(out, "faltblatt.pdf"));
    expect(statusOf(await build(out))).toEqual({ faltblatt: "rendered", sprechstunde: "rendered" });
    expect(readFileSync(join(out, "sprechstunde-druck.pdf")).equals(original)).toBe(true);
    expectSameBytes(out, join(work, "neu-2"));
  });

  it("das Manifest nennt je Datei Pfad, Seiten, Größe, Lesereihenfolge, Schlüssel und Prüfsumme", () => {
    const manifest = JSON.parse(readFileSync(join(out, ".manifest", "flyers.json"), "utf8"));
    expect(manifest.files.map((f: { path: string }) => f.path)).toEqual([
      "faltblatt.pdf",
      "faltblatt-druck.pdf",
      "sprechstunde.pdf",
      "sprechstunde-druck.pdf",
    ]);
    for (const f of manifest.files) {
      const bytes = readFileSync(join(out, f.path));
      expect(Object.keys(f)).toEqual(["path", "pages", "bytes", "readingOrder", "key", "sha256"]);
      expect(f.bytes).toBe(bytes.length);
      expect(f.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(f.key).toMatch(/^[0-9a-f]{64}$/);
    }
    // Screen and print come from one render: one key per flyer.
    expect(manifest.files[0].key).toBe(manifest.files[1].key);
    expect(manifest.files[0].key).not.toBe(manifest.files[2].key);
  });

  it("die CLI (pnpm build): ohne zu setzenden Flyer lädt sie @react-pdf/renderer nicht und sagt je Flyer „unverändert“", () => {
    // A resolve hook that fails the process as soon as anything imports the renderer.
    const hooks = join(work, "kein-renderer.mjs");
    writeFileSync(
      hooks,
      `export async function resolve(specifier, context, next) {
  if (specifier === "@react-pdf/renderer") throw new Error("@react-pdf/renderer geladen");
  return next(specifier, context);
}`,
    );
    const register = join(work, "registrieren.mjs");
    writeFileSync(
      register,
      `import { register } from "node:module";\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`,
    );
    const cli = (env: NodeJS.ProcessEnv) =>
      spawnSync(process.execPath, ["--import", pathToFileURL(register).href, "scripts/flyer.mjs", "build"], {
        cwd: appDir,
        encoding: "utf8",
        env: { ...process.env, CONTENT_DIR: content, FLYER_OUT_DIR: out, ...env },
        timeout: 120_000,
      });
    const r = cli({});
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(
      /^ {2}faltblatt: unverändert \(.*faltblatt\.pdf, .*faltblatt-druck\.pdf\)\n {2}sprechstunde: unverändert \(.*sprechstunde\.pdf, .*sprechstunde-druck\.pdf\)\nFlyer fertig \(\d+(,\d)? s\): 0 neu gesetzt, 2 unverändert\.\n$/,
    );
    // The hook does catch the renderer: with a flyer to render, the same command fails.
    setStatus("rundbrief", "erledigt");
    const failing = cli({});
    expect(failing.status).not.toBe(0);
    expect(failing.stderr).toContain("@react-pdf/renderer geladen");
  });
});
