/**
 * A local server that writes files is an attack surface: every request a hostile web page (DNS rebinding, a
 * cross-site request) or another program could send is sent here, and each must be refused with the content folder
 * (and whatever lies outside it) left byte for byte as it was. A request as the editor's own page sends it shows
 * that the refusals come from the checks, not from a broken save.
 */
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { networkInterfaces, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Answer, editorOn, ownRequest, send, state } from "./http.js";
import { snapshotFolder } from "./support.js";

let ctx: Awaited<ReturnType<typeof editorOn>>;
let outside: string;
let before: Record<string, string>;
let outsideBefore: Record<string, string>;
const FILE = "bausteine/01-informieren.yaml";
let base: string;

/** A save of one status change, as the page would send it. */
const saveBody = (rel = FILE) => ({
  drafts: { [rel]: { base, ops: [{ op: "set", path: ["measures", 0, "status"], value: "in Arbeit" }] } },
});

beforeAll(async () => {
  ctx = await editorOn("kleinstadt");
  outside = mkdtempSync(join(tmpdir(), "redaktion-draussen-"));
  writeFileSync(join(outside, "geheim.yaml"), "id: draussen\n");
  // A Baustein file and a folder that are links leading out of the content folder.
  symlinkSync(join(outside, "geheim.yaml"), join(ctx.dir, "bausteine", "99-verweis.yaml"));
  base = (await state(ctx.editor)).files.find((f) => f.rel === FILE)!.hash;
  before = snapshotFolder(ctx.dir);
  outsideBefore = snapshotFolder(outside);
});

afterAll(async () => {
  await ctx?.close();
  rmSync(outside, { recursive: true, force: true });
});

function unchanged() {
  expect(snapshotFolder(ctx.dir)).toEqual(before);
  expect(snapshotFolder(outside)).toEqual(outsideBefore);
}

function refused(r: Answer, status: number, message: string) {
  expect(r.status).toBe(status);
  expect(r.body).toContain(message);
  expect(r.body).not.toContain(ctx.editor.token);
  unchanged();
}

describe("the editor's server refuses", () => {
  it("listens on 127.0.0.1 only", async () => {
    expect(ctx.editor.address).toBe("127.0.0.1");
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((i) => i && !i.internal)
      .map((i) => i!.address);
    for (const host of ["::1", ...others]) {
      const reached = await new Promise<boolean>((ok) => {
        const s = connect({ host, port: ctx.editor.port });
        s.once("connect", () => {
          s.destroy();
          ok(true);
        });
        s.once("error", () => ok(false));
      });
      expect(reached, `erreichbar über ${host}`).toBe(false);
    }
  });

  it("a foreign Host (DNS rebinding): neither the page with its token nor the content", async () => {
    const host = { host: `angreifer.example:${ctx.editor.port}` };
    refused(await send(ctx.editor.port, { headers: host }), 421, "antwortet nur unter");
    refused(
      await send(ctx.editor.port, { path: "/api/state", headers: { ...host, "x-redaktion-token": ctx.editor.token } }),
      421,
      "antwortet nur unter",
    );
    refused(await ownRequest(ctx.editor, "/api/save", saveBody(), host), 421, "antwortet nur unter");
  });

  it("the own address with another port, and no Host at all", async () => {
    refused(await send(ctx.editor.port, { headers: { host: "127.0.0.1:1" } }), 421, "antwortet nur unter");
    refused(await send(ctx.editor.port, { headers: { host: "" } }), 421, "antwortet nur unter");
  });

  it("a save from another website (Origin), also with the right token", async () => {
    refused(
      await ownRequest(ctx.editor, "/api/save", saveBody(), { origin: "https://angreifer.example" }),
      403,
      "von anderen Websites",
    );
    refused(await ownRequest(ctx.editor, "/api/save", saveBody(), { origin: "null" }), 403, "von anderen Websites");
    refused(
      await ownRequest(ctx.editor, "/api/save", saveBody(), { origin: `http://127.0.0.1:${ctx.editor.port + 1}` }),
      403,
      "von anderen Websites",
    );
  });

  it("a request the browser marks as cross-site", async () => {
    refused(
      await ownRequest(ctx.editor, "/api/save", saveBody(), { "sec-fetch-site": "cross-site" }),
      403,
      "von anderen Websites",
    );
    refused(
      await send(ctx.editor.port, {
        path: "/api/state",
        headers: { "x-redaktion-token": ctx.editor.token, "sec-fetch-site": "same-site" },
      }),
      403,
      "von anderen Websites",
    );
  });

  it("a save without the token, with a wrong one, or with it in a cookie", async () => {
    refused(await ownRequest(ctx.editor, "/api/save", saveBody(), { "x-redaktion-token": "" }), 403, "Schlüssel");
    refused(
      await ownRequest(ctx.editor, "/api/save", saveBody(), { "x-redaktion-token": `${ctx.editor.token.slice(1)}x` }),
      403,
      "Schlüssel",
    );
    refused(
      await ownRequest(ctx.editor, "/api/save", saveBody(), {
        "x-redaktion-token": "",
        cookie: `x-redaktion-token=${ctx.editor.token}`,
      }),
      403,
      "Schlüssel",
    );
    refused(await send(ctx.editor.port, { path: "/api/state" }), 403, "Schlüssel");
  });

  it("a write without an Origin, a form post (text/plain) and a preflight", async () => {
    refused(await ownRequest(ctx.editor, "/api/save", saveBody(), { origin: "" }), 403, "eigenen Seite");
    refused(
      await ownRequest(ctx.editor, "/api/save", saveBody(), { "content-type": "text/plain;charset=UTF-8" }),
      415,
      "nur JSON",
    );
    const preflight = await send(ctx.editor.port, {
      method: "OPTIONS",
      path: "/api/save",
      headers: { origin: "https://angreifer.example", "access-control-request-method": "POST" },
    });
    refused(preflight, 403, "von anderen Websites");
    expect(preflight.headers["access-control-allow-origin"]).toBeUndefined();
  });

  it.each([
    ["a path out of the folder", "../draussen.yaml"],
    ["a path out through a folder", "bausteine/../../draussen.yaml"],
    ["an absolute path", "/etc/passwd.yaml"],
    ["another extension", "bausteine/01-informieren.json"],
    ["a file of another folder", "schema/baustein.schema.json"],
    ["a file that does not exist", "bausteine/02-neu.yaml"],
    ["a backslash path", "bausteine\\..\\..\\draussen.yaml"],
  ])("a write to %s", async (_name, rel) => {
    const r = await ownRequest(ctx.editor, "/api/save", saveBody(rel));
    expect(r.status).toBe(403);
    expect(JSON.parse(r.body).message).toMatch(/nicht im Inhaltsordner|keine Inhaltsdatei|gibt es nicht|ungültig/);
    unchanged();
  });

  it("a write through a link that leads out of the folder", async () => {
    const r = await ownRequest(ctx.editor, "/api/save", saveBody("bausteine/99-verweis.yaml"));
    expect(r.status).toBe(403);
    expect(JSON.parse(r.body).message).toBe(
      "„bausteine/99-verweis.yaml“ ist ein Verweis auf eine Datei außerhalb des Inhaltsordners (oder an anderer Stelle darin): sie wird nicht geschrieben.",
    );
    expect(readFileSync(join(outside, "geheim.yaml"), "utf8")).toBe("id: draussen\n");
    unchanged();
  });

  it("a request body that is not what the page sends", async () => {
    refused(
      await ownRequest(ctx.editor, "/api/save", { drafts: { [FILE]: { base, ops: "alles" } } }),
      403,
      "nicht die Form",
    );
    refused(await ownRequest(ctx.editor, "/api/save", { drafts: [1, 2] }), 403, "nicht die Form");
  });

  it("files of the page outside its folder, and any write to it", async () => {
    refused(await send(ctx.editor.port, { path: "/assets/..%2f..%2f..%2fpackage.json" }), 404, "Nicht gefunden");
    refused(await send(ctx.editor.port, { path: "/%2e%2e/%2e%2e/package.json" }), 404, "Nicht gefunden");
    refused(
      await send(ctx.editor.port, { method: "PUT", path: "/index.html", headers: { "content-type": "text/html" } }),
      405,
      "nur gelesen",
    );
  });

  it("to be framed by another page, or to load anything from another host", async () => {
    const r = await send(ctx.editor.port, {});
    expect(r.status).toBe(200);
    expect(r.headers["x-frame-options"]).toBe("DENY");
    const csp = String(r.headers["content-security-policy"]);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("connect-src 'self'");
  });
});

describe("the editor's own page", () => {
  it("saves, with the same request the refusals changed one header of", async () => {
    const r = await ownRequest(ctx.editor, "/api/save", saveBody());
    expect(r.status, r.body).toBe(200);
    const now = readFileSync(join(ctx.dir, FILE), "latin1").split("\n");
    const old = before[FILE]!.split("\n");
    expect(now).toHaveLength(old.length);
    expect(now.filter((l, i) => l !== old[i])).toEqual(["    status: in Arbeit"]);
    // The page itself carries the token, for its own scripts only.
    const page = await send(ctx.editor.port, {});
    expect(page.body).toContain(`<meta name="redaktion-token" content="${ctx.editor.token}">`);
  });
});
