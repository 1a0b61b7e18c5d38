/**
 * The build, incremental by construction: every flyer has a key from everything its PDFs are made of (keyFlyer: the
 * prepared flyer and the code). A flyer whose key and files match what the output folder's manifest recorded keeps
 * its files; only the others are rendered, all in this process. This module does not import the renderer: when
 * nothing has to be rendered, react-pdf is never loaded.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { isAbsolute, join, relative, resolve } from "node:path";
import * as defaultBrand from "@dus-opendata/brand";
import { checkOutputCharacters } from "@dus-opendata/brand/node";
import { formatStand } from "@dus-opendata/concept";
import {
  ContentError,
  type ContentProblem,
  findRepoRoot,
  loadConceptSync,
  resolveContentDir,
} from "@dus-opendata/concept/node";
import { digestCode, keyFlyer } from "./key-flyer.js";
import { locateFlyerError } from "./locate-flyer-error.js";
import { FlyerError, type PreparedFlyer, prepareFlyer } from "./prepare-flyer.js";
import type { RenderedFlyer, RenderOptions } from "./render-flyer.js";
import { writeFileSafely } from "./write-file-safely.js";

export interface WrittenFile {
  /** Path relative to the repository root (absolute when the output folder lies outside it). */
  path: string;
  pages: number;
  bytes: number;
  kind: "screen" | "print";
  /** Heading texts (H1, H2, H3) in the order the structure tree must present them. */
  readingOrder: string[];
}

/** One flyer of a build: rendered now, or its files kept because nothing they are made of changed. */
export interface BuiltFlyer {
  id: string;
  status: "rendered" | "unchanged";
  files: WrittenFile[];
  /** Milliseconds of rendering (rendered flyers only). */
  ms?: number;
  /** What a section left out to fit (rendered flyers only). */
  omissions: string[];
}

/** What the build is doing, as it goes: the plan (which flyers are rendered), then each flyer when it is done. */
export type BuildEvent =
  | { kind: "plan"; render: string[]; unchanged: string[]; paths: string[] }
  | { kind: "flyer"; flyer: BuiltFlyer };

export interface BuildOptions extends RenderOptions {
  /** Folder for the PDFs; default `out/flyers` at the repository root, whatever CONTENT_DIR is. */
  outDir?: string;
  env?: NodeJS.ProcessEnv;
  onEvent?: (event: BuildEvent) => void;
  /**
   * `false` for `check`: everything a build does (load, prepare, lay out and check every flyer whose files are not
   * current) and reports the same problems, but writes nothing.
   */
  write?: boolean;
}

/** An entry of out/flyers/.manifest/flyers.json. */
export interface ManifestFile {
  /** Relative to the output folder: the same content gives the same manifest wherever it is built. */
  path: string;
  pages: number;
  bytes: number;
  readingOrder: string[];
  /** keyFlyer of the flyer the file belongs to. */
  key: string;
  /** SHA-256 of the file's bytes: a file changed by hand is rendered again. */
  sha256: string;
}

export interface Manifest {
  stand: string;
  files: ManifestFile[];
}

const MANIFEST = join(".manifest", "flyers.json");

/** Stands in for the renderer when nothing has to be rendered (it is then never loaded, and never called). */
const noRenderer = (): Promise<RenderedFlyer> => Promise.reject(new Error("Der Renderer ist nicht geladen."));

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** The files of a flyer in the output folder, in the order they are listed. */
const filesOf = (id: string) => [
  { kind: "screen" as const, name: `${id}.pdf` },
  { kind: "print" as const, name: `${id}-druck.pdf` },
];

/** The manifest an earlier build left in the output folder; nothing when there is none or it cannot be read. */
function readManifest(outDir: string): Map<string, ManifestFile> {
  const entries = new Map<string, ManifestFile>();
  try {
    const manifest = JSON.parse(readFileSync(join(outDir, MANIFEST), "utf8")) as Partial<Manifest>;
    for (const f of Array.isArray(manifest.files) ? manifest.files : [])
      if (typeof f?.path === "string" && typeof f.key === "string" && typeof f.sha256 === "string")
        entries.set(f.path, f);
  } catch {
    // No manifest, or one this build cannot read: every flyer is rendered.
  }
  return entries;
}

/** The recorded files of a flyer, when both carry this key and are on disk with the recorded bytes. */
function findCurrent(id: string, key: string, outDir: string, recorded: Map<string, ManifestFile>) {
  const files: ManifestFile[] = [];
  for (const { name } of filesOf(id)) {
    const entry = recorded.get(name);
    if (entry?.key !== key) return undefined;
    const path = join(outDir, name);
    if (!existsSync(path)) return undefined;
    const bytes = readFileSync(path);
    if (bytes.length !== entry.bytes || sha256(bytes) !== entry.sha256) return undefined;
    files.push(entry);
  }
  return files;
}

/**
 * The build: load and check the content, prepare every flyer, render those whose key or files changed, and only when
 * all of them are fine write `<id>.pdf` and `<id>-druck.pdf` for each rendered one and the manifest. A content error
 * or a flyer that does not fit leaves every earlier output in place. The result is the same, byte for byte, as a
 * build into an empty folder.
 */
export async function buildFlyers(options: BuildOptions = {}): Promise<BuiltFlyer[]> {
  const env = options.env ?? process.env;
  const root = findRepoRoot();
  const content = resolveContentDir(env, root);
  // Every character must be one the embedded fonts show: refused here as in `pnpm check`, never substituted.
  const concept = loadConceptSync(content.abs, { displayDir: content.display, checkText: checkOutputCharacters });
  // FLYER_OUT_DIR: the root build's build area (scripts/turbo.mjs publishes it to out/flyers when all apps built).
  const outDir = options.outDir ?? (env.FLYER_OUT_DIR ? resolve(env.FLYER_OUT_DIR) : join(root, "out", "flyers"));
  const shown = (name: string) => {
    const rel = relative(root, join(outDir, name));
    return rel.startsWith("..") || isAbsolute(rel) ? join(outDir, name) : rel;
  };

  const code = digestCode();
  const render = { brand: options.brand ?? defaultBrand, tagged: options.tagged ?? true };
  const recorded = readManifest(outDir);
  const plan = concept.flyers.map((flyer) => {
    const prepared = prepareFlyer(concept, flyer);
    const key = keyFlyer(prepared, code, render);
    return { prepared, key, current: findCurrent(flyer.id, key, outDir, recorded) };
  });
  options.onEvent?.({
    kind: "plan",
    render: plan.filter((p) => !p.current).map((p) => p.prepared.id),
    unchanged: plan.filter((p) => p.current).map((p) => p.prepared.id),
    paths: plan.flatMap((p) => filesOf(p.prepared.id).map((f) => shown(f.name))),
  });

  const built = new Map<string, BuiltFlyer>();
  const entries = new Map<string, ManifestFile[]>();
  /** Records a flyer's files for the manifest (its fields always in the same order) and reports it. */
  const record = (id: string, files: ManifestFile[], flyer: Omit<BuiltFlyer, "id" | "files">) => {
    entries.set(
      id,
      files.map(({ path, pages, bytes, readingOrder, key, sha256 }) => ({
        path,
        pages,
        bytes,
        readingOrder,
        key,
        sha256,
      })),
    );
    const kinds = filesOf(id);
    const done: BuiltFlyer = {
      id,
      files: files.map((f, i) => ({
        path: shown(f.path),
        pages: f.pages,
        bytes: f.bytes,
        kind: kinds[i]?.kind ?? "screen",
        readingOrder: f.readingOrder,
      })),
      ...flyer,
    };
    built.set(id, done);
    options.onEvent?.({ kind: "flyer", flyer: done });
  };
  for (const { prepared, current } of plan)
    if (current) record(prepared.id, current, { status: "unchanged", omissions: [] });

  // Rendered one after the other in this process (react-pdf and the fonts stay warm); the renderer is loaded only
  // now. The problems of all flyers are collected into one ContentError.
  const changed = plan.filter((p) => !p.current);
  const rendered: { prepared: PreparedFlyer; result: RenderedFlyer }[] = [];
  const problems: ContentProblem[] = [];
  const { renderPrepared } = changed.length ? await import("./render-flyer.js") : { renderPrepared: noRenderer };
  for (const { prepared, key } of changed) {
    const t0 = performance.now();
    let result: RenderedFlyer;
    try {
      result = await renderPrepared(prepared, options);
    } catch (e) {
      if (!(e instanceof FlyerError)) throw e;
      problems.push(...locateFlyerError(e, content.abs, content.display));
      continue;
    }
    rendered.push({ prepared, result });
    const files = filesOf(prepared.id).map(({ kind, name }) => {
      const bytes = kind === "screen" ? result.screen : result.print;
      return {
        path: name,
        pages: result.pages,
        bytes: bytes.length,
        readingOrder: result.readingOrder,
        key,
        sha256: sha256(bytes),
      };
    });
    record(prepared.id, files, { status: "rendered", ms: performance.now() - t0, omissions: result.omissions });
  }
  if (problems.length) throw new ContentError(problems);
  if (options.write === false) return plan.flatMap((p) => built.get(p.prepared.id) ?? []);

  // Everything rendered and checked: now write.
  for (const { prepared, result } of rendered) {
    writeFileSafely(join(outDir, `${prepared.id}.pdf`), result.screen);
    writeFileSafely(join(outDir, `${prepared.id}-druck.pdf`), result.print);
  }
  // PDFs of flyers that no longer exist in the content would look current: remove them once everything is written.
  const current = new Set(plan.flatMap((p) => filesOf(p.prepared.id).map((f) => f.name)));
  if (existsSync(outDir))
    for (const f of readdirSync(outDir)) if (f.endsWith(".pdf") && !current.has(f)) rmSync(join(outDir, f));
  // What the root build lists at its end (scripts/turbo.mjs reads out/<app>/.manifest/<app>.json), the reading order
  // that `pnpm a11y` compares with each file's structure tree (the headings from the model, not from the PDF), and
  // the keys and digests the next build compares. In the order of the flyers, whichever were rendered.
  const manifest: Manifest = {
    stand: formatStand(concept.stand),
    files: plan.flatMap((p) => entries.get(p.prepared.id) ?? []),
  };
  const bytes = new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`);
  const path = join(outDir, MANIFEST);
  if (!existsSync(path) || !readFileSync(path).equals(bytes)) writeFileSafely(path, bytes);
  return plan.flatMap((p) => built.get(p.prepared.id) ?? []);
}
