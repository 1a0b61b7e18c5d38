/**
 * `pnpm redaktion` as a maintainer starts it: the command line of the editor (src/server/cli.ts), its German start
 * line with the address, `--port`, CONTENT_DIR, and its German answers to a wrong call.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { join, relative } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CLIENT_DIR } from "../src/server/server.js";
import { copyFixture, root } from "./support.js";

const app = join(root, "apps", "redaktion");
const tsx = join(app, "node_modules", ".bin", "tsx");
const cli = join(app, "src", "server", "cli.ts");
const fixture = copyFixture("kleinstadt");
const running: ChildProcess[] = [];
afterAll(async () => {
  for (const p of running) await stopped(p);
  fixture.cleanup();
});

/** Ends the editor as Strg+C does and waits until it has ended its live preview and itself. */
function stopped(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGINT");
  });
}

const env = (contentDir: string) => ({ ...process.env, CONTENT_DIR: contentDir, FORCE_COLOR: "0" });

function run(args: string[], contentDir = fixture.dir) {
  return spawnSync(tsx, [cli, ...args], { cwd: root, env: env(contentDir), encoding: "utf8", timeout: 60_000 });
}

/** A port nobody listens on right now. */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** Starts the editor and resolves with what it printed once it names its address. */
function start(args: string[]): Promise<{ stdout: string; child: ChildProcess }> {
  const child = spawn(tsx, [cli, ...args], { cwd: root, env: env(fixture.dir) });
  running.push(child);
  let stdout = "";
  let stderr = "";
  return new Promise((resolve, reject) => {
    child.stdout.on("data", (d) => {
      stdout += d;
      if (stdout.includes("beenden mit Strg+C")) resolve({ stdout, child });
    });
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    child.on("exit", (code) => reject(new Error(`beendet mit ${code}: ${stderr}`)));
  });
}

describe("pnpm redaktion", () => {
  it("answers a port that is no port with exit 2 and what is allowed", () => {
    const r = run(["--port", "abc"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      "„abc“ ist kein Port: erlaubt ist eine Zahl von 1 bis 65535.\n" +
        "Aufruf: pnpm redaktion [--port <Zahl>]   (Standard: 4321; der Inhaltsordner kommt aus CONTENT_DIR)\n",
    );
  });

  it("names a content folder that does not exist, and starts nothing", () => {
    const r = run([], join(fixture.dir, "gibt-es-nicht"));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`/gibt-es-nicht/ gibt es nicht. Bitte CONTENT_DIR prüfen.`);
  });

  // The page is built before the tests (turbo: test depends on build).
  it("starts on the port given with --port, says so in German, and serves the editor for CONTENT_DIR", async () => {
    expect(
      existsSync(join(CLIENT_DIR, "index.html")),
      "apps/redaktion/dist/client: pnpm --filter @dus-opendata/redaktion build",
    ).toBe(true);
    const port = await freePort();
    const { stdout, child } = await start(["--port", String(port)]);
    const display = relative(root, fixture.dir).startsWith("..") ? fixture.dir : relative(root, fixture.dir);
    expect(stdout.split("\n")[0]).toBe(
      `Redaktion für den Inhaltsordner ${display}/: http://127.0.0.1:${port}/ im Browser öffnen (beenden mit Strg+C).`,
    );
    const page = await fetch(`http://127.0.0.1:${port}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('lang="de"');
    // A second editor on the same port is told so, in German.
    const again = run(["--port", String(port)]);
    expect(again.status).toBe(1);
    expect(again.stderr).toBe(`Port ${port} ist schon belegt: bitte mit --port einen anderen wählen.\n`);
    await stopped(child);
  });
});
