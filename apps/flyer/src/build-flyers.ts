/**
 * The build, incremental by construction: every flyer has a key from everything its PDFs are made of (keyFlyer: the
 * prepared flyer and the code). A flyer whose key and files match what the output folder's manifest recorded keeps
 * its files; only the others are rendered, all in this process. This module does not import the renderer: when
 * nothing has to be rendered, react-pdf is never loaded.
 */
import { existsSync, readdirSync, rmSync } from "node:fs";
import { isAbsolute, join, relative, resolve } from "node:path";
import * as defaultBrand from "@dus-opendata/brand";
import { checkOutputCharacters } from "@dus-opendata/brand/node";
import { type Concept, formatStand } from "@dus-opendata/concept";
import {
  type Manifest as CacheManifest,
  type ContentProblem,
  findRepoRoot,
  formatProblem,
  isCurrent,
  loadConceptSync,
  readManifest,
  resolveContentDir,
  type StaleOutput,
  sha256,
  writeAtomic,
  writeManifest,
} from "@dus-opendata/concept/node";
import { digestCode, keyFlyer } from "./key-flyer.js";
import { locateFlyerError } from "./locate-flyer-error.js";
import { FlyerError, prepareFlyer } from "./prepare-flyer.js";
import type { RenderedFlyer, RenderOptions } from "./render-flyer.js";

export interface WrittenFile {
  /** Path relative to the repository root (absolute when the output folder lies outside it). */
  path: string;
  pages: number;
  bytes: number;
  kind: "screen" | "print";
  /** Heading texts (H1, H2, H3) in the order the structure tree must present them. */
  readingOrder: string[];
}

/**
 * One flyer of a build: rendered now, its files kept because nothing they are made of changed, or failed (its last
 * good files, if any, kept untouched; `files` lists those).
 */
export interface BuiltFlyer {
  id: string;
  status: "rendered" | "unchanged" | "failed";
  files: WrittenFile[];
  /** Milliseconds of rendering (rendered flyers only). */
  ms?: number;
  /** What a section left out to fit (rendered flyers only). */
  omissions: string[];
  /** Why it failed, as content problems with file, line and column (failed flyers only). */
  problems?: ContentProblem[];
  /** An error that is not a content problem (failed flyers only): printed with its stack. */
  error?: unknown;
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
  /** Receives the loaded concept and the code's digest (the Sachstandsbericht is built from the same). */
  onConcept?: (concept: Concept, code: string) => void;
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

/**
 * A flyer whose files are not up to date: its content changed, but it could not be rendered. Its last good files stay
 * (with their entries in `files`); `files` here names both of its files, whether an earlier build left them or not.
 */
export type StaleFlyer = StaleOutput;

/** The flyers' manifest; `stale` names the flyers that are not up to date (absent when every flyer is). */
export type Manifest = CacheManifest<ManifestFile>;

const MANIFEST = join(".manifest", "flyers.json");

/** Stands in for the renderer when nothing has to be rendered (it is then never loaded, and never called). */
const noRenderer = (): Promise<RenderedFlyer> => Promise.reject(new Error("Der Renderer ist nicht geladen."));

/** The files of a flyer in the output folder, in the order they are listed. */
const filesOf = (id: string) => [
  { kind: "screen" as const, name: `${id}.pdf` },
  { kind: "print" as const, name: `${id}-druck.pdf` },
];

/** The recorded files of a flyer, when both carry this key and are on disk with the recorded bytes. */
function findCurrent(id: string, key: string, outDir: string, recorded: Map<string, ManifestFile>) {
  const files: ManifestFile[] = [];
  for (const { name } of filesOf(id)) {
    const entry = recorded.get(name);
    if (!isCurrent(entry, join(outDir, name), key) || !entry) return undefined;
    files.push(entry);
  }
  return files;
}

/** Why a flyer is not up to date, in one German sentence for the manifest. */
function staleReason(id: string, problems: ContentProblem[], kept: boolean, error: unknown): string {
  const files = [...new Set(problems.map((p) => p.file))];
  const why =
    error instanceof FlyerError
      ? `lässt sich nicht setzen (${problems.length} ${problems.length === 1 ? "Fehler" : "Fehler"} in ${files.join(", ")})`
      : `lässt sich wegen eines unerwarteten Fehlers nicht setzen (${error instanceof Error ? error.message : String(error)})`;
  return `Der Flyer „${id}“ ${why}; ${kept ? "es gelten weiter die PDFs des letzten erfolgreichen Builds" : "es gibt noch keine PDFs von ihm"}.`;
}

/**
 * The build: load and check the content, prepare every flyer, render those whose key or files changed, and write
 * `<id>.pdf` and `<id>-druck.pdf` of each one that is rendered and fits, then the manifest. Each flyer is its own
 * transaction: one that does not fit keeps its last good files (untouched, with their manifest entries), is listed
 * in the manifest's `stale`, and is returned with status `failed` and its problems; the others are written all the
 * same. A content error of the loader leaves every earlier output in place. The result is the same, byte for byte,
 * as a build into an empty folder.
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
  options.onConcept?.(concept, code);
  const render = { brand: options.brand ?? defaultBrand, tagged: options.tagged ?? true };
  const recorded = new Map(
    (readManifest<Manifest>(join(outDir, MANIFEST))?.files ?? [])
      .filter((f) => typeof f?.path === "string")
      .map((f) => [f.path, f]),
  );
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
      files: files.map((f) => ({
        path: shown(f.path),
        pages: f.pages,
        bytes: f.bytes,
        kind: kinds.find((k) => k.name === f.path)?.kind ?? "screen",
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
  // now. Each flyer is its own transaction: written as soon as it is rendered and checked; one that fails keeps its
  // last good files and their entries, and is named in the manifest as not up to date.
  const changed = plan.filter((p) => !p.current);
  const stale: StaleFlyer[] = [];
  const { renderPrepared } = changed.length ? await import("./render-flyer.js") : { renderPrepared: noRenderer };
  for (const { prepared, key } of changed) {
    const t0 = performance.now();
    let result: RenderedFlyer;
    try {
      result = await renderPrepared(prepared, options);
    } catch (e) {
      const problems = e instanceof FlyerError ? locateFlyerError(e, content.abs, content.display) : [];
      const kept = filesOf(prepared.id).flatMap(({ name }) => {
        const entry = recorded.get(name);
        return entry && existsSync(join(outDir, name)) ? [entry] : [];
      });
      stale.push({
        output: prepared.id,
        files: filesOf(prepared.id).map((f) => f.name),
        reason: staleReason(prepared.id, problems, kept.length > 0, e),
        problems: problems.map(formatProblem),
      });
      record(prepared.id, kept, {
        status: "failed",
        omissions: [],
        problems,
        ...(e instanceof FlyerError ? {} : { error: e }),
      });
      continue;
    }
    const files = filesOf(prepared.id).map(({ kind, name }) => {
      const bytes = kind === "screen" ? result.screen : result.print;
      if (options.write !== false) writeAtomic(join(outDir, name), bytes);
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
  if (options.write === false) return plan.flatMap((p) => built.get(p.prepared.id) ?? []);

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
    ...(stale.length ? { stale } : {}),
  };
  writeManifest(join(outDir, MANIFEST), manifest);
  return plan.flatMap((p) => built.get(p.prepared.id) ?? []);
}
