/**
 * The editor's server: serves its page, the content files with their versions, checks every unsaved edit with the
 * loader (in a shadow copy), feeds the previews, saves atomically and never over a version it has not seen, and
 * runs the build. Listens on 127.0.0.1 only; see security.ts for what every request must show.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { dirname, extname, join, normalize, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { generateJsonSchemas } from "@dus-opendata/concept/node";
import { parseDocument } from "yaml";
import type { EditOp } from "../shared/edit-ops.js";
import type { PreviewTarget } from "../shared/preview-target.js";
import { statusScale } from "../shared/status-scale.js";
import { conceptTerms } from "../shared/terms.js";
import { slideFor } from "./adapters/deck-slide.js";
import { type FlyerPageRef, FlyerRenderer, flyerPagesFor } from "./adapters/flyer-page.js";
import { type CheckResult, checkContent } from "./check-content.js";
import {
  hashText,
  listContentFiles,
  readContentFile,
  WriteRefused,
  writablePath,
  writeAtomically,
} from "./content-files.js";
import { type DeckPreview, startDeckPreview, withoutNodeEnv } from "./deck-preview.js";
import { editYaml } from "./edit-yaml.js";
import { checkRequest, newToken, securityHeaders } from "./security.js";
import { Shadow } from "./shadow.js";

const APP_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const CLIENT_DIR = join(APP_DIR, "dist", "client");
const MAX_BODY = 2 * 1024 * 1024;

export interface EditorOptions {
  /** The content folder (absolute) and how messages name it (e.g. `content`). */
  contentDir: string;
  display: string;
  /** The repository whose build „Alles erzeugen“ runs. */
  repoRoot: string;
  port: number;
  /** Start the deck's live preview (Slidev); off in tests that do not look at slides. */
  deckPreview?: boolean;
  /** Render flyer pages for the preview. */
  flyerPreview?: boolean;
  /** Where the shadow copies live (default: .build/redaktion/<hash of the folder> in the repository). */
  shadowRoot?: string;
  /** How often the folder is looked at for changes made elsewhere, in milliseconds. */
  pollMs?: number;
  /** The build command (default: `node scripts/turbo.mjs build` in the repository). */
  buildCommand?: string[];
}

export interface Editor {
  url: string;
  port: number;
  /** The address the server listens on. */
  address: string;
  token: string;
  deckPreview?: DeckPreview;
  close(): Promise<void>;
}

type Draft = { base: string; ops: EditOp[] };
type Drafts = Record<string, Draft>;

interface FlyerPreviewState {
  ref?: FlyerPageRef;
  version: number;
  png?: Buffer;
  pngVersion: number;
  message?: string;
  pending?: Promise<void>;
}

/** The drafts of a request, or WriteRefused when they do not have the form the editor's page sends. */
function draftsOf(value: unknown): Drafts {
  if (value === undefined) return {};
  const bad = () => new WriteRefused("Die Anfrage hat nicht die Form, die die Seite des Editors sendet.");
  if (!value || typeof value !== "object" || Array.isArray(value)) throw bad();
  for (const d of Object.values(value as Record<string, unknown>)) {
    const draft = d as Partial<Draft> | null;
    if (!draft || typeof draft.base !== "string" || !Array.isArray(draft.ops)) throw bad();
    for (const op of draft.ops)
      if (!op || typeof op !== "object" || !Array.isArray((op as EditOp).path) || typeof (op as EditOp).op !== "string")
        throw bad();
  }
  return value as Drafts;
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".png": "image/png",
};

export async function startEditor(options: EditorOptions): Promise<Editor> {
  const { contentDir, display } = options;
  const token = newToken();
  const shadowRoot =
    options.shadowRoot ??
    join(
      options.repoRoot,
      ".build",
      "redaktion",
      createHash("sha256").update(contentDir).digest("hex").slice(0, 12),
      `${process.pid}-${randomBytes(3).toString("hex")}`,
    );
  const shadow = new Shadow(shadowRoot);
  // The flyer app renders the drafts in the shadow copy, naming files as the real folder.
  const flyers = new FlyerRenderer(shadow.checkDir, display);
  /** Every version of a file the editor has handed out or written, by hash: the base of an edit. */
  const versions = new Map<string, string>();
  /** The version of each file last seen on disk. */
  const onDisk = new Map<string, string>();
  const clients = new Set<ServerResponse>();
  let build: ChildProcess | undefined;
  let lastDrafts: Drafts = {};
  let lastTarget: PreviewTarget = { kind: "concept" };
  const flyer: FlyerPreviewState = { version: 0, pngVersion: -1 };

  const send = (event: unknown) => {
    const line = `data: ${JSON.stringify(event)}\n\n`;
    for (const c of clients) c.write(line);
  };

  const readAll = () => {
    const files = listContentFiles(contentDir).map((f) => {
      const { text, hash } = readContentFile(contentDir, f.rel);
      versions.set(hash, text);
      onDisk.set(f.rel, hash);
      return { ...f, text, hash };
    });
    return files;
  };

  /** The texts of every file with the drafts applied; per drafted file the new text or why it cannot be written. */
  const applyDrafts = (drafts: Drafts) => {
    const texts = new Map<string, string>();
    const results: Record<string, { ok: boolean; message?: string; text?: string }> = {};
    for (const f of listContentFiles(contentDir)) {
      const disk = readContentFile(contentDir, f.rel);
      versions.set(disk.hash, disk.text);
      texts.set(f.rel, disk.text);
    }
    for (const [rel, draft] of Object.entries(drafts)) {
      if (!texts.has(rel)) {
        results[rel] = { ok: false, message: `Die Datei „${rel}“ gibt es im Inhaltsordner nicht (mehr).` };
        continue;
      }
      const base = versions.get(draft.base);
      if (base === undefined) {
        results[rel] = {
          ok: false,
          message: `Die Fassung von „${rel}“, auf der die Änderungen beruhen, kennt der Editor nicht: bitte die Seite neu laden.`,
        };
        continue;
      }
      const edited = draft.ops.length ? editYaml(base, draft.ops) : { ok: true as const, text: base };
      if (!edited.ok) {
        results[rel] = { ok: false, message: edited.message };
        continue;
      }
      texts.set(rel, edited.text);
      results[rel] = { ok: true, text: edited.text };
    }
    return { texts, results };
  };

  const refreshFlyer = (check: CheckResult, target: PreviewTarget, choose?: string) => {
    if (!options.flyerPreview) return undefined;
    const pages = check.concept ? flyerPagesFor(check.concept, target) : [];
    if (check.concept) {
      const ref = pages.find((p) => p.flyer === choose) ?? pages[0];
      flyer.ref = ref;
      flyer.version++;
      if (ref) {
        const version = flyer.version;
        const run = async () => {
          if (version !== flyer.version) return;
          try {
            const r = await flyers.render(ref);
            if (r.ok) {
              flyer.png = r.png;
              flyer.message = undefined;
            } else flyer.message = r.message;
          } catch (e) {
            flyer.message = `Die Vorschau des Flyers ließ sich nicht erzeugen: ${(e as Error).message}`;
          }
          flyer.pngVersion = version;
        };
        flyer.pending = (flyer.pending ?? Promise.resolve()).then(run);
      } else flyer.pngVersion = flyer.version;
    }
    return {
      pages: pages.map((p) => ({ flyer: p.flyer, page: p.page, title: p.title })),
      current: flyer.ref && check.concept ? { ...flyer.ref, version: flyer.version } : undefined,
      stale: !check.concept,
    };
  };

  /** Checks the drafts with the loader, updates the shadow copies and the previews. */
  const update = (drafts: Drafts, target: PreviewTarget, choose?: string) => {
    const { texts, results } = applyDrafts(drafts);
    shadow.write(texts);
    const check = checkContent(shadow.checkDir, display);
    let slide: ReturnType<typeof slideFor>;
    if (check.concept) slide = slideFor(check.concept, target);
    if (slide) shadow.write(texts, slide.variant);
    lastDrafts = drafts;
    lastTarget = target;
    return {
      results,
      problems: check.problems,
      preview: {
        slide: slide ? { ...slide } : undefined,
        flyer: refreshFlyer(check, target, choose),
        stale: !check.concept,
      },
    };
  };

  const state = () => {
    const files = readAll().map((f) => {
      const doc = parseDocument(f.text);
      return { ...f, data: doc.errors.length ? null : doc.toJS() };
    });
    const schemas = Object.fromEntries(
      Object.entries(generateJsonSchemas()).map(([name, json]) => [name, JSON.parse(json)]),
    );
    const check = update(lastDrafts, lastTarget);
    const concept = files.find((f) => f.rel === "concept.yaml")?.data as { statuses?: unknown; terms?: unknown } | null;
    return {
      display,
      files,
      schemas,
      statusScale: statusScale(concept?.statuses),
      terms: conceptTerms(concept?.terms),
      problems: check.problems,
      preview: { origin: deck?.origin, ready: deckReady, failed: deckFailed, ...check.preview },
    };
  };

  const save = (drafts: Drafts, overwrite: Record<string, string>) => {
    const conflicts: { rel: string; disk: { text: string; hash: string }; mine: string }[] = [];
    const writes: { rel: string; abs: string; text: string }[] = [];
    const { results } = applyDrafts(drafts);
    for (const [rel, draft] of Object.entries(drafts)) {
      const abs = writablePath(contentDir, rel);
      const result = results[rel];
      if (!result?.ok || result.text === undefined)
        throw new WriteRefused(result?.message ?? `„${rel}“ lässt sich nicht schreiben.`);
      const disk = readContentFile(contentDir, rel);
      if (disk.hash !== draft.base && overwrite[rel] !== disk.hash) conflicts.push({ rel, disk, mine: result.text });
      else if (disk.text !== result.text) writes.push({ rel, abs, text: result.text });
    }
    if (conflicts.length) return { conflicts };
    for (const w of writes) {
      writeAtomically(w.abs, w.text);
      const hash = hashText(w.text);
      versions.set(hash, w.text);
      onDisk.set(w.rel, hash);
      send({ type: "changed", rel: w.rel, hash, text: w.text });
    }
    const saved = Object.keys(drafts).map((rel) => {
      const { text, hash } = readContentFile(contentDir, rel);
      return { rel, text, hash, data: parseDocument(text).toJS() };
    });
    const remaining = { ...lastDrafts };
    for (const rel of Object.keys(drafts)) delete remaining[rel];
    const check = checkContent(contentDir, display);
    update(remaining, lastTarget);
    return { saved, problems: check.problems };
  };

  const runBuild = () => {
    if (build) return false;
    const [cmd, ...args] = options.buildCommand ?? [
      process.execPath,
      join(options.repoRoot, "scripts", "turbo.mjs"),
      "build",
    ];
    const t0 = performance.now();
    send({ type: "build-start" });
    const child = spawn(cmd as string, args, {
      cwd: options.repoRoot,
      env: { ...withoutNodeEnv(), CONTENT_DIR: contentDir, NO_COLOR: "1", FORCE_COLOR: "0" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    build = child;
    let rest = "";
    const lines: string[] = [];
    const onData = (d: Buffer) => {
      rest += d.toString();
      const parts = rest.split(/\r?\n/);
      rest = parts.pop() ?? "";
      for (const raw of parts) {
        // biome-ignore lint/suspicious/noControlCharactersInRegex: the escape sequences of colour output
        const line = raw.replace(/\u001b\[[0-9;]*[A-Za-z]/g, "");
        lines.push(line);
        send({ type: "build-line", line });
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.on("close", (code) => {
      if (rest) send({ type: "build-line", line: rest });
      build = undefined;
      const seconds = ((performance.now() - t0) / 1000).toLocaleString("de-DE", { maximumFractionDigits: 1 });
      const summary =
        code === 0
          ? `Alles erzeugt in ${seconds} s: die Ausgaben liegen in out/.`
          : code === 1 && lines.some((l) => l.includes("Der Build wurde nicht gestartet"))
            ? "Der Build hat nicht begonnen, weil die gespeicherten Inhalte Fehler haben; die bisherigen Ausgaben in out/ bleiben unverändert."
            : `Der Build ist fehlgeschlagen (Exit-Code ${code}); die bisherigen Ausgaben in out/ bleiben unverändert.`;
      send({ type: "build-end", code, summary });
    });
    return true;
  };

  // Files changed elsewhere (another editor, a git pull): every open page hears of it.
  const poll = setInterval(() => {
    try {
      const seen = new Set<string>();
      for (const f of listContentFiles(contentDir)) {
        seen.add(f.rel);
        const { text, hash } = readContentFile(contentDir, f.rel);
        if (onDisk.get(f.rel) === hash) continue;
        const known = onDisk.has(f.rel);
        onDisk.set(f.rel, hash);
        versions.set(hash, text);
        send(known ? { type: "changed", rel: f.rel, hash, text } : { type: "files" });
      }
      for (const rel of onDisk.keys())
        if (!seen.has(rel)) {
          onDisk.delete(rel);
          send({ type: "files" });
        }
    } catch {}
  }, options.pollMs ?? 700);

  let deck: DeckPreview | undefined;
  let deckReady = false;
  let deckFailed = "";
  readAll();
  update({}, { kind: "concept" });
  if (options.deckPreview) {
    deck = await startDeckPreview(shadow.previewDir);
    deck.ready.then(
      () => {
        deckReady = true;
        send({ type: "preview-ready" });
      },
      (e: Error) => {
        deckFailed = e.message.split("\n")[0] ?? "";
        send({ type: "preview-failed", message: deckFailed });
      },
    );
  }
  if (options.flyerPreview) flyers.warm();
  const headers = securityHeaders(deck?.origin);

  const reply = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { ...headers, "content-type": "application/json; charset=utf-8" });
    res.end(JSON.stringify(body));
  };
  const refuse = (res: ServerResponse, status: number, message: string) => {
    res.writeHead(status, { ...headers, "content-type": "text/plain; charset=utf-8" });
    res.end(message);
  };

  const readBody = (req: IncomingMessage): Promise<unknown> =>
    new Promise((ok, fail) => {
      let size = 0;
      const chunks: Buffer[] = [];
      req.on("data", (d: Buffer) => {
        size += d.length;
        if (size > MAX_BODY) {
          fail(new WriteRefused("Die Anfrage ist zu groß."));
          req.destroy();
        } else chunks.push(d);
      });
      req.on("end", () => {
        try {
          ok(JSON.parse(Buffer.concat(chunks).toString("utf8")));
        } catch {
          fail(new WriteRefused("Die Anfrage ist kein gültiges JSON."));
        }
      });
      req.on("error", fail);
    });

  const serveClient = (req: IncomingMessage, res: ServerResponse, path: string) => {
    if (!existsSync(join(CLIENT_DIR, "index.html")))
      return refuse(
        res,
        500,
        "Die Seite des Editors ist nicht gebaut: bitte „pnpm redaktion“ verwenden, das sie vorher baut.",
      );
    if (path === "/" || path === "/index.html") {
      const html = readFileSync(join(CLIENT_DIR, "index.html"), "utf8").replace(
        "</head>",
        `<meta name="redaktion-token" content="${token}">\n</head>`,
      );
      res.writeHead(200, { ...headers, "content-type": TYPES[".html"] as string });
      return res.end(req.method === "HEAD" ? undefined : html);
    }
    let file: string;
    try {
      file = normalize(join(CLIENT_DIR, decodeURIComponent(path)));
    } catch {
      return refuse(res, 400, "Ungültige Adresse.");
    }
    if (!file.startsWith(CLIENT_DIR + sep) || !existsSync(file) || !statSync(file).isFile())
      return refuse(res, 404, "Nicht gefunden.");
    res.writeHead(200, {
      ...headers,
      "content-type": TYPES[extname(file)] ?? "application/octet-stream",
      "cache-control": "no-cache",
    });
    res.end(req.method === "HEAD" ? undefined : readFileSync(file));
  };

  let boundPort = options.port;
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const refusal = checkRequest(req, boundPort, token);
    if (refusal) return refuse(res, refusal.status, refusal.message);
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const path = url.pathname;
    if (!path.startsWith("/api/")) return serveClient(req, res, path);
    try {
      if (req.method === "GET" && path === "/api/state") return reply(res, 200, state());
      if (req.method === "GET" && path === "/api/events") {
        res.writeHead(200, {
          ...headers,
          "content-type": "text/event-stream; charset=utf-8",
          connection: "keep-alive",
        });
        res.write(": verbunden\n\n");
        clients.add(res);
        const keepAlive = setInterval(() => res.write(": \n\n"), 15_000);
        req.on("close", () => {
          clearInterval(keepAlive);
          clients.delete(res);
        });
        return;
      }
      if (req.method === "GET" && path === "/api/preview/flyer") {
        const wanted = Number(url.searchParams.get("v") ?? flyer.version);
        const end = Date.now() + 20_000;
        while (flyer.pngVersion < wanted && Date.now() < end) await (flyer.pending ?? Promise.resolve());
        if (flyer.message && flyer.pngVersion >= wanted) return reply(res, 422, { message: flyer.message });
        if (!flyer.png) return refuse(res, 404, "Keine Vorschau.");
        res.writeHead(200, { ...headers, "content-type": "image/png" });
        return res.end(flyer.png);
      }
      if (req.method === "POST" && path === "/api/draft") {
        const body = (await readBody(req)) as { drafts?: unknown; target?: PreviewTarget; flyer?: string };
        const target = body.target && typeof body.target === "object" ? body.target : { kind: "concept" as const };
        return reply(res, 200, update(draftsOf(body.drafts), target, String(body.flyer ?? "")));
      }
      if (req.method === "POST" && path === "/api/save") {
        const body = (await readBody(req)) as { drafts?: unknown; overwrite?: Record<string, string> };
        const drafts = Object.fromEntries(Object.entries(draftsOf(body.drafts)).filter(([, d]) => d.ops.length));
        const overwrite = body.overwrite && typeof body.overwrite === "object" ? body.overwrite : {};
        const result = save(drafts, overwrite);
        return reply(res, "conflicts" in result ? 409 : 200, result);
      }
      if (req.method === "POST" && path === "/api/build") {
        await readBody(req);
        return runBuild() ? reply(res, 202, { started: true }) : reply(res, 409, { message: "Der Build läuft schon." });
      }
      return refuse(res, 404, "Nicht gefunden.");
    } catch (e) {
      if (e instanceof WriteRefused) return reply(res, 403, { message: e.message });
      return reply(res, 500, { message: `Interner Fehler des Editors: ${(e as Error).message}` });
    }
  };

  const server: Server = createServer((req, res) => {
    void handle(req, res);
  });
  try {
    await new Promise<void>((ok, fail) => {
      server.once("error", fail);
      server.listen(options.port, "127.0.0.1", () => ok());
    });
  } catch (e) {
    // The port is taken (or cannot be used): end what was started for this editor, so nothing is left running.
    clearInterval(poll);
    await deck?.stop();
    flyers.stop();
    shadow.remove();
    throw e;
  }
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  boundPort = port;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    address: typeof address === "object" && address ? address.address : "",
    token,
    ...(deck ? { deckPreview: deck } : {}),
    async close() {
      clearInterval(poll);
      for (const c of clients) c.end();
      build?.kill("SIGTERM");
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
      await deck?.stop();
      flyers.stop();
      shadow.remove();
    },
  };
}
