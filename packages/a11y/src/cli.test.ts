/**
 * `pnpm a11y` as a user runs it, in a folder laid out like the repository's out/: what it finds, what it prints,
 * its exit codes.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requireChromium } from "../test/chromium.js";
import { goodPdf, writePdf } from "../test/make-pdf.js";
import { main } from "./cli.js";

const ORDER = ["Probedokument", "Erster Abschnitt", "Zweiter Abschnitt", "Unterabschnitt"];
const SITES = join(import.meta.dirname, "..", "test", "fixtures", "sites");

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(argv: string[], cwd: string): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const stdoutWrite = process.stdout.write;
  const stderrWrite = process.stderr.write;
  process.stdout.write = ((chunk: string | Uint8Array) => out.push(String(chunk)) > 0) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => err.push(String(chunk)) > 0) as typeof process.stderr.write;
  try {
    const code = await main(argv, cwd);
    return { code, stdout: out.join(""), stderr: err.join("") };
  } finally {
    process.stdout.write = stdoutWrite;
    process.stderr.write = stderrWrite;
  }
}

const roots: string[] = [];
const newRoot = () => {
  const root = mkdtempSync(join(tmpdir(), "a11y-cli-"));
  roots.push(root);
  return root;
};
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

/** A folder like the repository root after a build: out/<app>/… and out/<app>/.manifest/<app>.json. */
function project(files: Record<string, Uint8Array>, manifest: Record<string, object[]>): string {
  const root = newRoot();
  for (const [path, bytes] of Object.entries(files)) {
    mkdirSync(join(root, path, ".."), { recursive: true });
    writeFileSync(join(root, path), bytes);
  }
  for (const [app, entries] of Object.entries(manifest)) {
    mkdirSync(join(root, "out", app, ".manifest"), { recursive: true });
    writeFileSync(join(root, "out", app, ".manifest", `${app}.json`), JSON.stringify({ stand: "", files: entries }));
  }
  return root;
}

let good: Uint8Array;
let untagged: Uint8Array;

beforeAll(async () => {
  good = await goodPdf();
  untagged = await writePdf({ tagged: false, pdfua: false }, (w) => w.untagged());
});

describe("wrong usage", () => {
  it("exits 2 and says to run pnpm build when out/ is missing", async () => {
    const root = newRoot();
    const r = await run([], root);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.split("\n")[0]).toBe(
      `Es gibt noch keine Ausgaben: ${join(root, "out")} fehlt. Erst „pnpm build“ ausführen, dann „pnpm a11y“.`,
    );
  });

  it("exits 2 when out/ holds nothing to check", async () => {
    const root = project({ "out/notiz.txt": new Uint8Array() }, {});
    const r = await run([], root);
    expect(r.code).toBe(2);
    expect(r.stderr.split("\n")[0]).toBe(
      `Keine PDF und keine Website in ${join(root, "out")}. Erst „pnpm build“ ausführen, dann „pnpm a11y“.`,
    );
  });

  it("exits 2 on an unknown option and shows how to call it", async () => {
    const r = await run(["--schnell"], tmpdir());
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^Unbekannte Angabe „--schnell“\.\n\nAufruf:\n {2}pnpm a11y /);
  });

  it("exits 2 on a path that does not exist", async () => {
    const r = await run(["fehlt.pdf"], tmpdir());
    expect(r.code).toBe(2);
    expect(r.stderr.split("\n")[0]).toBe("Nicht gefunden: fehlt.pdf");
  });

  it("exits 2 on a file that is neither a PDF nor a site", async () => {
    const root = project({ "notiz.txt": new Uint8Array() }, {});
    const r = await run(["notiz.txt"], root);
    expect(r.code).toBe(2);
    expect(r.stderr.split("\n")[0]).toBe("notiz.txt ist weder eine PDF noch eine Website (Ordner mit index.html).");
  });
});

describe("checking out/", () => {
  it("exits 0 when everything passes, with a table per file and a summary", async () => {
    const root = project(
      { "out/flyers/probe.pdf": good },
      { flyers: [{ path: "probe.pdf", pages: 1, bytes: good.length, readingOrder: ORDER }] },
    );
    const r = await run([], root);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const lines = r.stdout.split("\n");
    expect(lines.slice(0, 4)).toEqual([
      "out/flyers/probe.pdf (PDF)",
      "Prüfung                          Ergebnis  Detail",
      "───────────────────────────────  ────────  ──────",
      "Getaggt                          ✓         MarkInfo /Marked true, 14 Strukturelemente",
    ]);
    expect(lines.filter((l) => l.includes("✓"))).toHaveLength(12);
    expect(lines.slice(-3)).toEqual([
      expect.stringMatching(
        /^Zusammenfassung: 1 Ausgabe, 12 Prüfungen, 12 bestanden, 0 nicht bestanden \(\d+(,\d)? s\)\.$/,
      ),
      "Alle Prüfungen bestanden.",
      "",
    ]);
  });

  it("exits 1 when a check fails, and names the failed checks per file in the summary", async () => {
    const root = project(
      { "out/flyers/gut.pdf": good, "out/flyers/schlecht.pdf": untagged },
      {
        flyers: [
          { path: "gut.pdf", pages: 1, bytes: good.length, readingOrder: ORDER },
          { path: "schlecht.pdf", pages: 1, bytes: untagged.length },
        ],
      },
    );
    const r = await run([], root);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("\nout/flyers/schlecht.pdf (PDF)\n");
    expect(r.stdout).toContain(
      "\nLesereihenfolge (Überschriften)  ✗         keine erwartete Lesereihenfolge im Manifest\n",
    );
    const summary = r.stdout.slice(r.stdout.indexOf("Zusammenfassung"));
    expect(summary).toMatch(/^Zusammenfassung: 2 Ausgaben, 24 Prüfungen, 15 bestanden, 9 nicht bestanden/);
    expect(summary.split("\n").slice(1)).toEqual([
      "Nicht bestanden:",
      "  out/flyers/schlecht.pdf: Getaggt, PDF/UA-Kennung, Strukturtypen (RoleMap), Überschriften, " +
        "Alternativtext für Abbildungen, Inhalt markiert (01-005), Struktur auf jeder Seite, Tabellenköpfe mit Scope, " +
        "Lesereihenfolge (Überschriften)",
      "",
    ]);
    expect(summary).not.toContain("gut.pdf");
  });

  it("checks only the paths given", async () => {
    const root = project({ "out/flyers/gut.pdf": good, "out/flyers/schlecht.pdf": untagged }, {});
    const r = await run(["out/flyers/schlecht.pdf"], root);
    expect(r.code).toBe(1);
    expect(r.stdout).not.toContain("gut.pdf");
    expect(r.stdout).toMatch(/Zusammenfassung: 1 Ausgabe, 12 Prüfungen/);
  });

  it("prints only JSON with --json", async () => {
    const root = project({ "out/flyers/probe.pdf": untagged }, {});
    const r = await run(["--json"], root);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json.summary).toMatchObject({ files: 1, checks: 12, passed: 3, failed: 9 });
    expect(json.files[0].path).toBe("out/flyers/probe.pdf");
    expect(json.files[0].checks.find((c: { id: string }) => c.id === "marked-content")).toMatchObject({
      ok: false,
      data: { perPage: [1] },
    });
  });
});

describe.skipIf(!requireChromium())("checking a site in out/", () => {
  it("takes the number of slides from the manifest and checks the site in the browser", async () => {
    const root = project({}, { decks: [{ path: "probe/index.html", pages: 3, bytes: 0 }] });
    cpSync(join(SITES, "clean"), join(root, "out", "decks", "probe"), { recursive: true });
    const r = await run([], root);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("out/decks/probe/ (Website)\n");
    expect(r.stdout).toContain("keine Verstöße auf 3 Folien");
  });

  it("fails a site without a slide count in the manifest", async () => {
    const root = project({}, {});
    cpSync(join(SITES, "clean"), join(root, "out", "decks", "probe"), { recursive: true });
    const r = await run([], root);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      "Folienzahl  ✗         keine Folienzahl im Manifest (.manifest/*.json neben der Website)",
    );
  });
});

describe.skipIf(!requireChromium())("checking a page that is not a deck (the overview page)", () => {
  const PAGES = join(SITES, "..", "pages");

  it("finds out/index.html beside the decks and gives it the page checks", async () => {
    const root = project({}, { decks: [{ path: "probe/index.html", pages: 3, bytes: 0 }] });
    cpSync(join(PAGES, "gut"), join(root, "out"), { recursive: true });
    cpSync(join(SITES, "clean"), join(root, "out", "decks", "probe"), { recursive: true });
    const r = await run([], root);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("out/ (Seite)\n");
    expect(r.stdout).toContain("out/decks/probe/ (Website)\n");
    expect(r.stdout).toContain(
      "Tastatur: alles erreichbar, Fokus sichtbar  ✓         2 Bedienelemente per Tab erreicht, Fokus sichtbar",
    );
    expect(r.stdout).toContain("jeder Verweis führt zu einer Datei neben der Seite (relativ)");
  });

  it("fails a page with a link to another host, a vague link text and no visible focus", async () => {
    const root = project({}, {});
    cpSync(join(PAGES, "schlecht"), join(root, "out"), { recursive: true });
    const r = await run(["--json"], root);
    expect(r.code).toBe(1);
    const checks = (JSON.parse(r.stdout) as { files: { checks: { id: string; ok: boolean }[] }[] }).files[0]!.checks;
    expect(Object.fromEntries(checks.map((c) => [c.id, c.ok]))).toEqual({
      "axe-page": true,
      "keyboard-page": false,
      "link-purpose": false,
      "links-local": false,
      "local-only": true,
    });
  });
});
