/**
 * The one place the editor knows the flyer app: on which page of which flyer a Maßnahme (or a Baustein, a section)
 * appears, from the flyer's prepared sections, and the page rendered by the flyer app's own renderer as a picture.
 * When the flyer's data model changes, only this file changes.
 */
import { spawn } from "node:child_process";
import { type Concept, FLYER_FORMAT_DEFINITIONS, type FlyerFormat, type FlyerSection } from "@dus-opendata/concept";
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
    default:
      return true;
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
 * The page as the flyer app renders it (the same renderer as the build, tagged PDF for the screen), as a PNG of
 * `dpi`. A flyer that does not fit its layout gives the renderer's German message instead.
 */
export async function renderFlyerPage(concept: Concept, ref: FlyerPageRef, dpi = 72): Promise<FlyerRender> {
  process.env.NODE_ENV ??= "production";
  const flyer = concept.flyers.find((f) => f.id === ref.flyer);
  if (!flyer) return { ok: false, message: `Den Flyer „${ref.flyer}“ gibt es nicht mehr.` };
  const { renderFlyer } = await import("../../../../flyer/src/render-flyer.js");
  const { FlyerError } = await import("../../../../flyer/src/prepare-flyer.js");
  let pdf: Uint8Array;
  let pages: number;
  try {
    const r = await renderFlyer(concept, flyer);
    pdf = r.screen;
    pages = r.pages;
  } catch (e) {
    if (e instanceof FlyerError) return { ok: false, message: e.message };
    throw e;
  }
  const page = Math.min(ref.page, pages);
  const png = await new Promise<Buffer>((ok, fail) => {
    const child = spawn("pdftoppm", [
      "-f",
      String(page),
      "-l",
      String(page),
      "-r",
      String(dpi),
      "-png",
      "-singlefile",
      "-",
    ]);
    const chunks: Buffer[] = [];
    let err = "";
    child.stdout.on("data", (d: Buffer) => chunks.push(d));
    child.stderr.on("data", (d: Buffer) => {
      err += d;
    });
    child.on("error", fail);
    child.on("close", (code) => (code === 0 ? ok(Buffer.concat(chunks)) : fail(new Error(`pdftoppm: ${err}`))));
    child.stdin.end(Buffer.from(pdf));
  });
  return { ok: true, png, pages };
}

/** Loads the renderer ahead of the first preview (importing react-pdf takes most of a second). */
export async function warmFlyerRenderer(): Promise<void> {
  process.env.NODE_ENV ??= "production";
  await import("../../../../flyer/src/render-flyer.js");
}
