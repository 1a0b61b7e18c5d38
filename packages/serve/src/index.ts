/**
 * A small static file server for the built decks: the PDF export, `pnpm preview`, the tests and the checks open
 * the sites from it (a built Slidev site does not run from file://). It answers only inside its folder, by default
 * only on 127.0.0.1, and only to requests addressed to itself (a foreign Host header, as a DNS-rebinding page would
 * send, is refused).
 */
import { createReadStream, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { extname, join, normalize, resolve, sep } from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".ttf": "font/ttf",
  ".pdf": "application/pdf",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".webmanifest": "application/manifest+json",
};

export interface StaticServer {
  /** Origin, e.g. http://127.0.0.1:41234 */
  url: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

export function serveStatic(root: string, port = 0, host = "127.0.0.1"): Promise<StaticServer> {
  const base = resolve(root);
  let own: Set<string> = new Set();
  const server = createServer((req, res) => {
    if (!own.has((req.headers.host ?? "").toLowerCase())) {
      res.writeHead(421, { "content-type": "text/plain; charset=utf-8" }).end("Unbekannter Host");
      return;
    }
    let file: string;
    try {
      file = normalize(join(base, decodeURIComponent((req.url ?? "/").split("?")[0] ?? "/")));
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (file !== base && !file.startsWith(base + sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if (statSync(file).isDirectory()) file = join(file, "index.html");
      const size = statSync(file).size;
      res.writeHead(200, {
        "content-type": TYPES[extname(file).toLowerCase()] ?? "application/octet-stream",
        "content-length": size,
        "cache-control": "no-cache",
      });
      createReadStream(file).pipe(res);
    } catch {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("Nicht gefunden");
    }
  });
  return new Promise((ok, fail) => {
    server.once("error", fail);
    server.listen(port, host, () => {
      const address = server.address();
      const p = typeof address === "object" && address ? address.port : port;
      own = new Set([`${host}:${p}`, `localhost:${p}`, `127.0.0.1:${p}`]);
      ok({
        url: `http://${host}:${p}`,
        port: p,
        server,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
