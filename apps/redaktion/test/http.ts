/** Raw HTTP requests to the editor, with any Host, Origin and headers a hostile page or program could send. */

import { request } from "node:http";
import type { Terms } from "@dus-opendata/concept";
import { type Editor, startEditor } from "../src/server/server.js";
import { copyFixture, root } from "./support.js";

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export function send(
  port: number,
  options: { method?: string; path?: string; headers?: Record<string, string>; body?: string; host?: string },
): Promise<Answer> {
  return new Promise((ok, fail) => {
    const req = request(
      {
        host: options.host ?? "127.0.0.1",
        port,
        method: options.method ?? "GET",
        path: options.path ?? "/",
        headers: { host: `127.0.0.1:${port}`, ...options.headers },
        setHost: false,
      },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (d) => {
          body += d;
        });
        res.on("end", () => ok({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on("error", fail);
    req.end(options.body);
  });
}

/** A request as the editor's own page sends it; `override` changes what a hostile one changes ("" leaves it out). */
export function ownRequest(editor: Editor, path: string, body: unknown, override: Record<string, string> = {}) {
  const headers: Record<string, string> = {
    origin: `http://127.0.0.1:${editor.port}`,
    "sec-fetch-site": "same-origin",
    "content-type": "application/json",
    "x-redaktion-token": editor.token,
    ...override,
  };
  for (const [k, v] of Object.entries(headers)) if (v === "" && k !== "host") delete headers[k];
  return send(editor.port, { method: "POST", path, headers, body: JSON.stringify(body) });
}

export async function state(editor: Editor) {
  const r = await send(editor.port, { path: "/api/state", headers: { "x-redaktion-token": editor.token } });
  if (r.status !== 200) throw new Error(`state: ${r.status} ${r.body}`);
  return JSON.parse(r.body) as {
    files: { rel: string; hash: string; text: string; data: unknown }[];
    problems: { file?: string; field: string; message: string; text: string }[];
    terms: Terms;
  };
}

/** An editor on a copy of a fixture, without the previews (they have tests of their own). */
export async function editorOn(fixture: string, more: Partial<Parameters<typeof startEditor>[0]> = {}) {
  const copy = copyFixture(fixture);
  const editor = await startEditor({
    contentDir: copy.dir,
    display: `fixtures/concepts/${fixture}`,
    repoRoot: root,
    port: 0,
    pollMs: 100,
    ...more,
  });
  return {
    editor,
    dir: copy.dir,
    async close() {
      await editor.close();
      copy.cleanup();
    },
  };
}
