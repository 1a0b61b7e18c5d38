import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { get } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type StaticServer, serveStatic } from "./index.js";

const dir = mkdtempSync(join(tmpdir(), "serve-"));
let server: StaticServer;

beforeAll(async () => {
  mkdirSync(join(dir, "site", "assets"), { recursive: true });
  writeFileSync(join(dir, "site", "index.html"), "<!doctype html><title>Folien</title>");
  writeFileSync(join(dir, "site", "assets", "a.js"), "export {};");
  writeFileSync(join(dir, "geheim.txt"), "nicht ausliefern");
  server = await serveStatic(join(dir, "site"));
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("static server", () => {
  it("listens on the loopback address only", () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it("serves index.html for a folder and files with their type", async () => {
    const page = await fetch(`${server.url}/`);
    expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(await page.text()).toContain("<title>Folien</title>");
    const js = await fetch(`${server.url}/assets/a.js?x=1`);
    expect(js.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
  });

  it("answers 404 for a missing file and nothing outside its folder", async () => {
    expect((await fetch(`${server.url}/fehlt.js`)).status).toBe(404);
    // Sent as written (fetch would resolve the dots before sending).
    const raw = (path: string) =>
      new Promise<number>((ok, fail) =>
        get({ host: "127.0.0.1", port: server.port, path }, (res) => {
          res.resume();
          ok(res.statusCode ?? 0);
        }).on("error", fail),
      );
    expect(await raw("/../geheim.txt")).toBe(403);
    expect(await raw("/assets/%2e%2e/%2e%2e/geheim.txt")).toBe(403);
    expect(await raw("/%E0%A4%A")).toBe(400);
  });

  it("refuses a request addressed to another host (DNS rebinding), and answers its own names", async () => {
    const withHost = (host: string) =>
      new Promise<number>((ok, fail) =>
        get({ host: "127.0.0.1", port: server.port, path: "/", headers: { host }, setHost: false }, (res) => {
          res.resume();
          ok(res.statusCode ?? 0);
        }).on("error", fail),
      );
    expect(await withHost("boese.example")).toBe(421);
    expect(await withHost(`boese.example:${server.port}`)).toBe(421);
    expect(await withHost("127.0.0.1:1")).toBe(421);
    expect(await withHost(`127.0.0.1:${server.port}`)).toBe(200);
    expect(await withHost(`localhost:${server.port}`)).toBe(200);
  });
});
