/**
 * The deck's live preview, as `pnpm dev` runs it (Slidev's dev server in the deck app), on a port of its own on
 * 127.0.0.1 and reading the shadow copy of the content: it updates a shown slide in about 150 ms after a file
 * changes, without reloading. The editor shows it in a frame at `#/<slide>`.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { join } from "node:path";
import { DECK_APP_DIR } from "./adapters/deck-slide.js";

export interface DeckPreview {
  origin: string;
  /** Resolves when the dev server answers; rejects with its output when it ends before. */
  ready: Promise<void>;
  stop(): Promise<void>;
}

/** A free port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once("error", fail);
    s.listen(0, "127.0.0.1", () => {
      const address = s.address();
      const port = typeof address === "object" && address ? address.port : 0;
      s.close(() => ok(port));
    });
  });
}

export function withoutNodeEnv(): NodeJS.ProcessEnv {
  const { NODE_ENV: _, ...env } = process.env;
  return env;
}

export async function startDeckPreview(contentDir: string, port?: number): Promise<DeckPreview> {
  const p = port ?? (await freePort());
  const origin = `http://127.0.0.1:${p}`;
  let log = "";
  const child: ChildProcess = spawn(
    join(DECK_APP_DIR, "node_modules", ".bin", "slidev"),
    ["slides.md", "--port", String(p), "--open", "false", "--bind", "127.0.0.1"],
    {
      cwd: DECK_APP_DIR,
      // NODE_ENV stays unset: the flyer renderer sets it to production in this process, and Vite's dev server
      // does not run in production mode.
      env: {
        ...withoutNodeEnv(),
        CONTENT_DIR: contentDir,
        DECK_VARIANT: "",
        NO_COLOR: "1",
        DECK_VITE_CACHE_DIR: join(DECK_APP_DIR, "node_modules", ".vite-redaktion"),
      },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    },
  );
  const keep = (d: Buffer) => {
    log = (log + d.toString()).slice(-20_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  let ended = false;
  const exited = new Promise<void>((done) => child.on("close", () => done()));
  child.on("close", () => {
    ended = true;
  });
  const ready = (async () => {
    const end = Date.now() + 120_000;
    while (Date.now() < end) {
      if (ended) throw new Error(`Die Live-Vorschau der Präsentation ist beendet:\n${log}`);
      try {
        const res = await fetch(`${origin}/`);
        if (res.ok) return;
      } catch {}
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`Die Live-Vorschau der Präsentation antwortet nicht:\n${log}`);
  })();
  ready.catch(() => {});
  return {
    origin,
    ready,
    async stop() {
      if (ended || child.pid === undefined) return;
      // Slidev starts processes of its own: end the whole group it leads.
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {}
      const timer = setTimeout(() => {
        try {
          if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
        } catch {}
      }, 3000);
      await exited;
      clearTimeout(timer);
    },
  };
}
