/**
 * The one place the editor knows the flyer app: on which page of which flyer a Maßnahme (or a Baustein, a section)
 * appears, from the concept's flyer definitions and formats, and the page rendered by the flyer app's own renderer
 * (started as a process, never imported) as a picture.
 */
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import {
  assertNever,
  type Concept,
  FLYER_FORMAT_DEFINITIONS,
  type FlyerFormat,
  type FlyerSection,
} from "@dus-opendata/concept";
import type { PreviewTarget } from "../../shared/preview-target.js";

export interface FlyerPageRef {
  flyer: string;
  /** PDF page, 1-based. */
  page: number;
  /** „Anlass: Schlagzeile“, for the preview's caption and alt text. */
  title: string;
}

/** The PDF page that holds a place (the page of A4/A5, the panel of a leaflet). */
function pageOfPlace(format: FlyerFormat, place: number): number {
  const sheets: readonly (readonly { place: number }[])[] = FLYER_FORMAT_DEFINITIONS[format].sheets;
  const i = sheets.findIndex((sheet) => sheet.some((p) => p.place === place));
  return i < 0 ? 1 : i + 1;
}

function shows(s: FlyerSection, index: number, target: PreviewTarget): boolean {
  switch (target.kind) {
    case "measure":
      return (
        (s.type === "measure" && s.measure === target.id) ||
        (s.type === "measures" && s.block === target.baustein && (!s.measures || s.measures.includes(target.id)))
      );
    case "baustein":
      return (
        ((s.type === "why" || s.type === "chances" || s.type === "measures") && s.block === target.id) ||
        s.type === "bausteine"
      );
    case "flyer":
      return target.section === undefined || target.section === index;
    case "deck":
    case "concept":
      return true;
    default:
      return assertNever(target);
  }
}

/** Every flyer page that shows the target, in the order of the flyers; one page per flyer. */
export function flyerPagesFor(concept: Concept, target: PreviewTarget): FlyerPageRef[] {
  const flyers = target.kind === "flyer" ? concept.flyers.filter((f) => f.id === target.id) : concept.flyers;
  const out: FlyerPageRef[] = [];
  for (const flyer of flyers) {
    const index = flyer.sections.findIndex((s, i) => shows(s, i, target));
    if (index < 0) continue;
    const place = flyer.sections[index]?.place ?? 1;
    out.push({ flyer: flyer.id, page: pageOfPlace(flyer.format, place), title: `${flyer.occasion}: ${flyer.title}` });
  }
  return out;
}

export type FlyerRender = { ok: true; png: Buffer; pages: number } | { ok: false; message: string };

/**
 * The flyer app's own renderer as a process of its own (`scripts/flyer.mjs preview`), kept warm: nothing of the app
 * is imported. It reads the content folder it is given (the editor's shadow copy with the drafts) anew for every
 * request, and names files in messages as `display` (the real folder). Requests are answered in turn.
 */
export class FlyerRenderer {
  private child: ChildProcessWithoutNullStreams | undefined;
  private next = 0;
  private readonly waiting = new Map<number, (answer: Answer) => void>();
  private readonly dir = mkdtempSync(join(tmpdir(), "redaktion-flyer-"));

  constructor(
    private readonly contentDir: string,
    private readonly display: string,
  ) {}

  private start(): ChildProcessWithoutNullStreams {
    if (this.child && this.child.exitCode === null) return this.child;
    const { NODE_ENV: _, ...env } = process.env;
    const child = spawn(process.execPath, [join(FLYER_APP_DIR, "scripts", "flyer.mjs"), "preview"], {
      cwd: FLYER_APP_DIR,
      env: { ...env, CONTENT_DIR: this.contentDir, PREVIEW_DISPLAY_DIR: this.display },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let err = "";
    child.stderr.on("data", (d) => {
      err = (err + String(d)).slice(-4000);
    });
    createInterface({ input: child.stdout }).on("line", (line) => {
      let a: Answer;
      try {
        a = JSON.parse(line) as Answer;
      } catch {
        return;
      }
      const done = this.waiting.get(a.id);
      this.waiting.delete(a.id);
      done?.(a);
    });
    child.on("close", () => {
      for (const done of this.waiting.values())
        done({
          id: -1,
          ok: false,
          message: `Die Vorschau der Flyer ist beendet: ${err.trim().split("\n").at(-1) ?? ""}`,
        });
      this.waiting.clear();
    });
    this.child = child;
    return child;
  }

  private ask(flyer: string, out: string): Promise<Answer> {
    const id = ++this.next;
    const child = this.start();
    return new Promise((done) => {
      this.waiting.set(id, done);
      child.stdin.write(`${JSON.stringify({ id, flyer, out })}\n`);
    });
  }

  /** Starts the process ahead of the first preview (loading react-pdf takes most of a second). */
  warm(): void {
    this.start();
  }

  /**
   * The page as the flyer app renders it (the same renderer as the build, tagged PDF for the screen), as a PNG of
   * `dpi`. A flyer that does not fit its layout gives the renderer's German message instead.
   */
  async render(ref: FlyerPageRef, dpi = 72): Promise<FlyerRender> {
    const pdf = join(this.dir, `${ref.flyer}.pdf`);
    const answer = await this.ask(ref.flyer, pdf);
    if (!answer.ok) return { ok: false, message: answer.message ?? "Der Flyer ließ sich nicht setzen." };
    const page = Math.min(ref.page, answer.pages ?? 1);
    const png = await new Promise<Buffer>((ok, fail) => {
      const p = spawn("pdftoppm", [
        "-f",
        String(page),
        "-l",
        String(page),
        "-r",
        String(dpi),
        "-png",
        "-singlefile",
        pdf,
      ]);
      const chunks: Buffer[] = [];
      let err = "";
      p.stdout.on("data", (d: Buffer) => chunks.push(d));
      p.stderr.on("data", (d: Buffer) => {
        err += d;
      });
      p.on("error", fail);
      p.on("close", (code) => (code === 0 ? ok(Buffer.concat(chunks)) : fail(new Error(`pdftoppm: ${err}`))));
    });
    return { ok: true, png, pages: answer.pages ?? 1 };
  }

  stop(): void {
    this.child?.kill("SIGTERM");
    rmSync(this.dir, { recursive: true, force: true });
  }
}

interface Answer {
  id: number;
  ok: boolean;
  pages?: number;
  message?: string;
}

/** The flyer app's folder (its launcher is started as a process). */
const FLYER_APP_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "..", "flyer");
