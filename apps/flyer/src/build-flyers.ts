import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, isAbsolute, join, relative, resolve } from "node:path";
import { type Concept, formatStand } from "@dus-opendata/concept";
import {
  ContentError,
  type ContentProblem,
  findRepoRoot,
  formatFieldPath,
  loadConceptSync,
  locate,
  readYaml,
  resolveContentDir,
} from "@dus-opendata/concept/node";
import { FlyerError } from "./prepare-flyer.js";
import { type RenderedFlyer, type RenderOptions, renderFlyer } from "./render-flyer.js";

/** Writes a file so that readers never see half of it: a temporary file in the same folder, then a rename. */
export function writeFileSafely(path: string, bytes: Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, bytes);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

/** A YAML file of the content folder for messages: its name as shown and its source, if it exists. */
function contentFile(contentDir: string, displayDir: string, folder: string, base: string) {
  const name = ["yaml", "yml"].map((ext) => `${base}.${ext}`).find((f) => existsSync(join(contentDir, folder, f)));
  const display = [displayDir, folder, name ?? `${base}.yaml`].filter(Boolean).join("/");
  return { display, source: name ? readYaml(join(contentDir, folder, name), display).source : undefined };
}

/**
 * A FlyerError as content problems: file, line and column of the field in content/flyers/<id>.yaml, or in
 * content/concept.yaml for a problem that a field of the concept causes (the footer's sender).
 */
export function locateFlyerError(err: FlyerError, contentDir: string, displayDir: string): ContentProblem[] {
  const flyerFile = contentFile(contentDir, displayDir, "flyers", err.flyer);
  const conceptFile = contentFile(contentDir, displayDir, "", "concept");
  return err.problems.map((p) => {
    const file = p.source === "concept" ? conceptFile : flyerFile;
    return {
      file: file.display,
      ...(file.source ? locate(file.source, p.path) : { line: 1, column: 1 }),
      field: formatFieldPath(p.path),
      message: `Flyer „${err.flyer}“: ${p.message}`,
    };
  });
}

export interface WrittenFile {
  /** Path relative to the repository root. */
  path: string;
  pages: number;
  bytes: number;
  kind: "screen" | "print";
  /** Heading texts (H1, H2, H3) in the order the structure tree must present them. */
  readingOrder: string[];
}

export interface BuildOptions extends RenderOptions {
  /** Folder for the PDFs; default `out/flyers` at the repository root, whatever CONTENT_DIR is. */
  outDir?: string;
  env?: NodeJS.ProcessEnv;
}

/** Renders every flyer of a loaded concept; throws one ContentError listing the problems of all flyers. */
export async function renderAll(
  concept: Concept,
  content: { abs: string; display: string },
  options: RenderOptions = {},
): Promise<RenderedFlyer[]> {
  const rendered: RenderedFlyer[] = [];
  const problems: ContentProblem[] = [];
  for (const flyer of concept.flyers) {
    try {
      rendered.push(await renderFlyer(concept, flyer, options));
    } catch (e) {
      if (!(e instanceof FlyerError)) throw e;
      problems.push(...locateFlyerError(e, content.abs, content.display));
    }
  }
  if (problems.length) throw new ContentError(problems);
  return rendered;
}

/**
 * The build: load and check the content, render every flyer, and only when all of them are fine write
 * `<id>.pdf` and `<id>-druck.pdf` for each. A content error or a flyer that does not fit leaves every
 * earlier output in place.
 */
export async function buildFlyers(options: BuildOptions = {}): Promise<WrittenFile[]> {
  const root = findRepoRoot();
  const content = resolveContentDir(options.env ?? process.env, root);
  const concept = loadConceptSync(content.abs, { displayDir: content.display });
  const rendered = await renderAll(concept, content, options);
  // FLYER_OUT_DIR: the root build's build area (scripts/turbo.mjs publishes it to out/flyers when all apps built).
  const env = options.env ?? process.env;
  const outDir = options.outDir ?? (env.FLYER_OUT_DIR ? resolve(env.FLYER_OUT_DIR) : join(root, "out", "flyers"));
  const written: WrittenFile[] = [];
  for (const r of rendered) {
    for (const [kind, bytes, file] of [
      ["screen", r.screen, `${r.id}.pdf`],
      ["print", r.print, `${r.id}-druck.pdf`],
    ] as const) {
      const path = join(outDir, file);
      writeFileSafely(path, bytes);
      const shown = relative(root, path);
      written.push({
        path: shown.startsWith("..") ? path : shown,
        pages: r.pages,
        bytes: bytes.length,
        kind,
        readingOrder: r.readingOrder,
      });
    }
  }
  // PDFs of flyers that no longer exist in the content would look current: remove them once everything is written.
  const current = new Set(rendered.flatMap((r) => [`${r.id}.pdf`, `${r.id}-druck.pdf`]));
  for (const f of readdirSync(outDir)) if (f.endsWith(".pdf") && !current.has(f)) rmSync(join(outDir, f));
  // What the root build lists at its end (scripts/turbo.mjs reads out/<app>/.manifest/<app>.json), and the reading
  // order that `pnpm a11y` compares with each file's structure tree: the headings from the model, not from the PDF.
  const manifest = {
    stand: formatStand(concept.stand),
    // Paths relative to the output folder: the same content gives the same manifest wherever it is built.
    files: written.map(({ path, pages, bytes, readingOrder }) => ({
      path: relative(outDir, isAbsolute(path) ? path : join(root, path)),
      pages,
      bytes,
      readingOrder,
    })),
  };
  writeFileSafely(
    join(outDir, ".manifest", "flyers.json"),
    new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`),
  );
  return written;
}
