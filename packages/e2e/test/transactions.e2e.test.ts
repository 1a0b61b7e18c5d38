/**
 * Each output is its own transaction, and OUT_DIR holds exactly the outputs of the content just built — run with
 * `pnpm build` (scripts/turbo.mjs) in a copy of the repository (its own out/, its own turbo cache):
 * - a flyer that cannot fit keeps its last good files, while the decks and the other flyers are updated and
 *   published; the build exits 1 and its German summary names what is not up to date and why; the overview page
 *   marks it;
 * - a build of another concept, and then of the first one again (replayed from the cache), leaves no file of the
 *   other in out/;
 * - a replayed build prints only German progress; `--ausfuehrlich` adds the tools' own output;
 * - OUT_DIR sends the outputs elsewhere and leaves out/ alone.
 */
import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { get } from "node:http";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sandboxRepo } from "../src/sandbox.js";
import { requireChromium, tempDir } from "./support.js";

const enabled = requireChromium();
const dir = tempDir("transaktionen");
let repo = "";

function snapshot(folder: string): Record<string, string> {
  const all: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else all[relative(folder, p)] = readFileSync(p).toString("base64");
    }
  };
  if (existsSync(folder)) walk(folder);
  return all;
}

const pnpmBuild = (content: string, env: NodeJS.ProcessEnv = {}, args: string[] = []) =>
  spawnSync("node", ["scripts/turbo.mjs", "build", ...args], {
    cwd: repo,
    env: { ...process.env, CONTENT_DIR: content, TURBO_TELEMETRY_DISABLED: "1", ...env },
    encoding: "utf8",
  });

/** The outputs a content folder has: one site, PDF, notes and handout per variant, two PDFs per flyer, the Sachstandsbericht. */
function outputsOf(content: string): string[] {
  const ids = (folder: string) => readdirSync(join(content, folder)).map((f) => f.replace(/\.yaml$/, ""));
  return [
    ...ids("decks").flatMap((v) => [
      `decks/${v}/index.html`,
      `decks/${v}.pdf`,
      `decks/${v}-notizen.pdf`,
      `decks/${v}-handzettel.pdf`,
    ]),
    ...ids("flyers").flatMap((f) => [`flyers/${f}.pdf`, `flyers/${f}-druck.pdf`]),
    "bericht/sachstandsbericht.pdf",
  ].sort();
}
/** What out/ holds, as outputs: a site counts as its index.html; the build's own files are left out. */
function outputsIn(out: string): string[] {
  return Object.keys(snapshot(out))
    .filter((f) => !f.includes(".manifest/") && !f.startsWith("_seite/") && f !== "index.html")
    .filter((f) => f.endsWith(".pdf") || /^decks\/[^/]+\/index\.html$/.test(f))
    .sort();
}

let kleinstadt = "";
beforeAll(() => {
  if (!enabled) return;
  repo = sandboxRepo(join(dir, "repo"));
  kleinstadt = join(dir, "kleinstadt");
  cpSync(join(repo, "fixtures", "concepts", "kleinstadt"), kleinstadt, { recursive: true });
}, 600_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!enabled)("each output is its own transaction", () => {
  it("keeps a flyer that cannot fit at its last good files and updates and publishes every other output", () => {
    const good = pnpmBuild(kleinstadt);
    expect(good.status, good.stderr).toBe(0);
    const before = snapshot(join(repo, "out"));
    expect(outputsIn(join(repo, "out"))).toEqual(outputsOf(kleinstadt));

    // A flyer whose own text cannot fit on its page, and a status change that every deck shows.
    const [broken, other] = readdirSync(join(kleinstadt, "flyers")).map((f) => f.replace(/\.yaml$/, ""));
    const file = join(kleinstadt, "flyers", `${broken}.yaml`);
    writeFileSync(
      file,
      `${readFileSync(file, "utf8")}\n  - type: text\n    title: Zu viel\n    place: 1\n    points:\n${Array.from({ length: 80 }, (_, i) => `      - "Punkt ${i + 1} – ein Satz, der Platz braucht und den Platz der Seite übersteigt."`).join("\n")}\n`,
    );
    const b = join(kleinstadt, "bausteine", readdirSync(join(kleinstadt, "bausteine"))[0]!);
    writeFileSync(b, readFileSync(b, "utf8").replace(/status: erledigt/, "status: in Arbeit"));

    const bad = pnpmBuild(kleinstadt);
    expect(bad.status).toBe(1);
    const after = snapshot(join(repo, "out"));
    // The failed flyer: its two files exactly as the last good build left them.
    for (const f of [`flyers/${broken}.pdf`, `flyers/${broken}-druck.pdf`]) expect(after[f], f).toBe(before[f]);
    // Every other output is there; the decks show the new status (new bytes); nothing half-written anywhere.
    expect(outputsIn(join(repo, "out"))).toEqual(outputsOf(kleinstadt));
    for (const f of Object.keys(after).filter((x) => /^decks\/[^/]+\.pdf$/.test(x)))
      expect(after[f], f).not.toBe(before[f]);
    expect(after[`flyers/${other}.pdf`]).toBeDefined();
    const leftovers = [...readdirSync(join(repo, "out")), ...readdirSync(join(repo, ".build"))].filter((f) =>
      /neu|alt|veroeffentlichen|tmp/.test(f),
    );
    expect(leftovers).toEqual([]);

    // The German summary: what was written (the failed flyer marked), what is not up to date and why.
    expect(bad.stdout).toContain("Geschrieben nach out/ (Inhalte aus ");
    expect(bad.stdout).toMatch(new RegExp(`out/flyers/${broken}\\.pdf +\\d+ Seiten? +\\d+ KB  nicht aktuell`));
    expect(bad.stderr).toContain("Nicht aktuell (1):");
    expect(bad.stderr).toContain(`– Der Flyer „${broken}“ lässt sich nicht setzen`);
    expect(bad.stderr).toContain("es gelten weiter die PDFs des letzten erfolgreichen Builds");
    expect(bad.stdout + bad.stderr).not.toMatch(/CLI Building entry|Build success|Tasks: +\d/);
    // The overview page says it too, at the flyer.
    const overview = readFileSync(join(repo, "out", "index.html"), "utf8");
    expect(overview).toContain("<strong>Nicht aktuell:</strong> Der Flyer „");

    // Fixed: the next build is complete again and exits 0.
    writeFileSync(file, readFileSync(file, "utf8").replace(/\n {2}- type: text\n {4}title: Zu viel[\s\S]*$/, "\n"));
    const fixed = pnpmBuild(kleinstadt);
    expect(fixed.status, fixed.stderr).toBe(0);
    expect(fixed.stderr).not.toContain("Nicht aktuell");
  }, 900_000);

  it("leaves no output of another concept in out/, also when the cache replays a build", () => {
    const sechs = join(repo, "fixtures", "concepts", "sechs-bausteine");
    const other = pnpmBuild(sechs);
    expect(other.status, other.stderr).toBe(0);
    expect(outputsIn(join(repo, "out"))).toEqual(outputsOf(sechs));
    // The first concept again: replayed from turbo's cache, with the other's files still in the build area.
    const again = pnpmBuild(kleinstadt);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toContain("Präsentationen: aus dem Zwischenspeicher");
    expect(outputsIn(join(repo, "out"))).toEqual(outputsOf(kleinstadt));
    // Only German progress by default: a replayed build does not claim to have built the app, and no tool talks.
    expect(again.stdout + again.stderr).not.toContain("App gebaut");
    expect(again.stdout + again.stderr).not.toMatch(/cache hit|Tasks: +\d|CLI Building entry/);
    // With --ausfuehrlich the tools' own output is there too (turbo's lines of the replayed tasks and its totals).
    const verbose = pnpmBuild(kleinstadt, {}, ["--ausfuehrlich"]);
    expect(verbose.status, verbose.stderr).toBe(0);
    expect(verbose.stdout + verbose.stderr).toMatch(/cache hit/);
    expect(verbose.stdout + verbose.stderr).toMatch(/Tasks: +\d+ successful/);
    expect(verbose.stdout).toContain("Geschrieben nach out/ (Inhalte aus ");
  }, 900_000);

  it("writes into OUT_DIR when it is given, says so, and leaves out/ as it was", () => {
    const before = snapshot(join(repo, "out"));
    const draft = pnpmBuild(kleinstadt, { OUT_DIR: "entwurf" });
    expect(draft.status, draft.stderr).toBe(0);
    expect(draft.stdout).toContain("Geschrieben nach entwurf/ (Inhalte aus ");
    expect(outputsIn(join(repo, "entwurf"))).toEqual(outputsOf(kleinstadt));
    expect(existsSync(join(repo, "entwurf", "index.html"))).toBe(true);
    expect(snapshot(join(repo, "out"))).toEqual(before);
  }, 900_000);

  it("serves the outputs with pnpm preview: the overview page at /, every deck below it, nothing to a foreign host", async () => {
    const port = 4300 + Math.floor(Math.random() * 500);
    const child = spawn("node", ["scripts/preview.mjs"], {
      cwd: repo,
      env: { ...process.env, OUT_DIR: "entwurf", PORT: String(port) },
      stdio: ["ignore", "pipe", "pipe"],
    });
    try {
      let stderr = "";
      child.stderr.on("data", (d) => {
        stderr += d;
      });
      const first = await new Promise<string>((ok) => {
        child.stdout.once("data", (d) => ok(String(d)));
        child.once("close", () => ok(`beendet: ${stderr}`));
      });
      expect(first.split("\n")[0]).toBe(`Übersicht aller Ausgaben: http://127.0.0.1:${port}/`);
      const page = await fetch(`http://127.0.0.1:${port}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<html lang="de">');
      const variant = readdirSync(join(kleinstadt, "decks"))[0]!.replace(/\.yaml$/, "");
      expect((await fetch(`http://127.0.0.1:${port}/decks/${variant}/`)).status).toBe(200);
      const foreign = await new Promise<number>((ok) =>
        get({ host: "127.0.0.1", port, path: "/", headers: { host: "boese.example" }, setHost: false }, (res) => {
          res.resume();
          ok(res.statusCode ?? 0);
        }),
      );
      expect(foreign).toBe(421);
    } finally {
      child.kill();
    }
  });
});
