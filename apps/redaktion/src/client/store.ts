/**
 * The page's state: each content file with the version it was loaded at and the edits made since (as operations,
 * which the server splices into the file), the loader's problems, the previews, conflicts and the build.
 */

import { DEFAULT_TERMS, type Terms } from "@dus-opendata/concept";
import { reactive } from "vue";
import { appendOp, applyOps, type EditOp, formatPath, type Path } from "../shared/edit-ops.js";
import type { PreviewTarget } from "../shared/preview-target.js";
import type { StatusChoice } from "../shared/status-scale.js";
import type { FileKind } from "./labels.js";

export interface Problem {
  file?: string;
  field: string;
  path: Path;
  line: number;
  column: number;
  message: string;
  text: string;
}

export interface FileState {
  rel: string;
  kind: FileKind;
  /** The version the edits are based on. */
  base: string;
  baseText: string;
  baseData: unknown;
  ops: EditOp[];
  /** The data with the edits: what the form shows. */
  data: unknown;
  /** A version on disk newer than `base`, when the file was changed elsewhere while it had edits here. */
  changedOnDisk?: { hash: string; text: string };
  /** Why the edits cannot be written (the server's German message). */
  refused?: string;
}

export interface Conflict {
  rel: string;
  disk: { text: string; hash: string };
  mine: string;
}

interface SlidePreview {
  variant: string;
  number: number;
  title: string;
}
interface FlyerPreview {
  pages: { flyer: string; page: number; title: string }[];
  current?: { flyer: string; page: number; title: string; version: number };
  stale: boolean;
}

export const store = reactive({
  token: "",
  display: "",
  loaded: false,
  loadError: "",
  files: [] as FileState[],
  schemas: {} as Record<string, unknown>,
  statusScale: [] as StatusChoice[],
  /** The concept's own terms (concept.yaml `terms`), which name the editor's lists and buttons. */
  terms: DEFAULT_TERMS as Terms,
  problems: [] as Problem[],
  current: "concept.yaml",
  /** The Maßnahme selected in a Baustein. */
  measure: 0,
  target: { kind: "concept" } as PreviewTarget,
  preview: {
    origin: undefined as string | undefined,
    ready: false,
    failed: "",
    slide: undefined as SlidePreview | undefined,
    flyer: undefined as FlyerPreview | undefined,
    flyerChoice: "",
    flyerImage: "",
    flyerMessage: "",
    stale: false,
  },
  /** What the last action did, read out to screen readers. */
  status: "",
  saveMessage: "",
  saveWarning: "",
  conflicts: [] as Conflict[],
  build: { running: false, lines: [] as string[], summary: "", ok: true },
});

export function fileOf(rel: string): FileState | undefined {
  return store.files.find((f) => f.rel === rel);
}

export function currentFile(): FileState | undefined {
  return fileOf(store.current);
}

export function unsaved(): FileState[] {
  return store.files.filter((f) => f.ops.length > 0);
}

/** Problems of a file at exactly this field. */
export function problemsAt(rel: string, path: Path): Problem[] {
  const field = formatPath(path);
  return store.problems.filter((p) => p.file === rel && p.field === field);
}

// ---- talking to the server

async function api<T>(path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(path, {
    method: body === undefined ? "GET" : "POST",
    headers: {
      "x-redaktion-token": store.token,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {}
  return { status: res.status, body: parsed as T };
}

interface ServerFile {
  rel: string;
  kind: FileKind;
  text: string;
  hash: string;
  data: unknown;
}

function fromServer(f: ServerFile): FileState {
  return { rel: f.rel, kind: f.kind, base: f.hash, baseText: f.text, baseData: f.data, ops: [], data: f.data };
}

export async function load(): Promise<void> {
  store.token = document.querySelector<HTMLMetaElement>('meta[name="redaktion-token"]')?.content ?? "";
  const r = await api<{
    display: string;
    files: ServerFile[];
    schemas: Record<string, unknown>;
    statusScale: StatusChoice[];
    terms: Terms;
    problems: Problem[];
    preview: { origin?: string; ready: boolean; failed: string };
  }>("/api/state");
  if (r.status !== 200) {
    store.loadError = typeof r.body === "string" ? r.body : "Die Inhalte ließen sich nicht laden.";
    return;
  }
  store.display = r.body.display;
  store.files = r.body.files.map(fromServer);
  store.schemas = r.body.schemas;
  store.statusScale = r.body.statusScale;
  store.terms = r.body.terms;
  store.problems = r.body.problems;
  store.preview.origin = r.body.preview.origin;
  store.preview.ready = r.body.preview.ready;
  store.preview.failed = r.body.preview.failed;
  if (!fileOf(store.current)) store.current = store.files[0]?.rel ?? "";
  store.loaded = true;
  void listen();
  scheduleDraft(0);
}

// ---- editing

export function edit(rel: string, op: EditOp): void {
  const f = fileOf(rel);
  if (!f) return;
  f.ops = appendOp(f.ops, op);
  f.data = applyOps(f.baseData, f.ops);
  store.saveMessage = "";
  store.saveWarning = "";
  scheduleDraft();
}

/** Drops the edits of a file and takes a version from disk. */
export function reset(rel: string, text: string, hash: string, data: unknown): void {
  const f = fileOf(rel);
  if (!f) return;
  Object.assign(f, { base: hash, baseText: text, baseData: data, ops: [], data, changedOnDisk: undefined });
  f.refused = undefined;
  scheduleDraft();
}

function drafts() {
  return Object.fromEntries(unsaved().map((f) => [f.rel, { base: f.base, ops: f.ops }]));
}

let timer: ReturnType<typeof setTimeout> | undefined;
let inFlight = 0;

export function scheduleDraft(delay = 30): void {
  clearTimeout(timer);
  timer = setTimeout(() => void sendDraft(), delay);
}

async function sendDraft() {
  const mine = ++inFlight;
  const r = await api<{
    results: Record<string, { ok: boolean; message?: string }>;
    problems: Problem[];
    preview: { slide?: SlidePreview; flyer?: FlyerPreview; stale: boolean };
  }>("/api/draft", { drafts: drafts(), target: store.target, flyer: store.preview.flyerChoice });
  if (mine !== inFlight || r.status !== 200) return;
  for (const f of store.files)
    f.refused = r.body.results[f.rel]?.ok === false ? r.body.results[f.rel]?.message : undefined;
  store.problems = r.body.problems;
  store.preview.stale = r.body.preview.stale;
  if (r.body.preview.slide) store.preview.slide = r.body.preview.slide;
  else if (!r.body.preview.stale) store.preview.slide = undefined;
  const flyer = r.body.preview.flyer;
  if (flyer && !flyer.stale) {
    store.preview.flyer = flyer;
    if (flyer.current) void loadFlyerImage(flyer.current.version);
    else {
      store.preview.flyerImage = "";
      store.preview.flyerMessage = "";
    }
  }
}

async function loadFlyerImage(version: number) {
  const res = await fetch(`/api/preview/flyer?v=${version}`, { headers: { "x-redaktion-token": store.token } });
  if (store.preview.flyer?.current?.version !== version) return;
  if (res.status === 200) {
    const url = URL.createObjectURL(await res.blob());
    if (store.preview.flyerImage) URL.revokeObjectURL(store.preview.flyerImage);
    store.preview.flyerImage = url;
    store.preview.flyerMessage = "";
  } else if (res.status === 422) store.preview.flyerMessage = ((await res.json()) as { message: string }).message;
}

export function setTarget(target: PreviewTarget): void {
  if (JSON.stringify(target) === JSON.stringify(store.target)) return;
  store.target = target;
  scheduleDraft(0);
}

// ---- saving

export async function save(overwrite: Record<string, string> = {}): Promise<void> {
  const list = unsaved();
  if (list.length === 0) {
    store.saveMessage = "Es gibt keine ungespeicherten Änderungen.";
    store.status = store.saveMessage;
    return;
  }
  const r = await api<{
    saved?: ServerFile[];
    problems?: Problem[];
    conflicts?: Conflict[];
    message?: string;
  }>("/api/save", { drafts: drafts(), overwrite });
  if (r.status === 409 && r.body.conflicts) {
    store.conflicts = r.body.conflicts;
    store.saveMessage =
      "Nicht gespeichert: eine Datei wurde inzwischen anderswo geändert. Bitte beide Fassungen ansehen.";
    store.status = store.saveMessage;
    return;
  }
  if (r.status !== 200 || !r.body.saved) {
    store.saveMessage = `Nicht gespeichert: ${r.body.message ?? "unbekannter Fehler"}`;
    store.status = store.saveMessage;
    return;
  }
  for (const s of r.body.saved) reset(s.rel, s.text, s.hash, s.data);
  store.conflicts = [];
  store.problems = r.body.problems ?? [];
  const names = r.body.saved.map((s) => s.rel).join(", ");
  const n = store.problems.length;
  store.saveMessage = `Gespeichert: ${names}.`;
  store.saveWarning = n
    ? `Der Build wird diese Inhalte ablehnen, solange ${n === 1 ? "der Fehler" : `die ${n} Fehler`} unter „Fehler“ ${n === 1 ? "besteht" : "bestehen"}. Gespeichert wurde genau, was im Formular steht.`
    : "";
  store.status = `${store.saveMessage} ${store.saveWarning}`.trim();
}

// ---- the build

export async function runBuild(): Promise<void> {
  store.build = { running: true, lines: [], summary: "", ok: true };
  const r = await api<{ message?: string }>("/api/build", {});
  if (r.status !== 202) {
    store.build.running = r.status === 409;
    store.build.summary = r.body.message ?? "Der Build ließ sich nicht starten.";
  }
}

// ---- what happens elsewhere: files changed on disk, the preview's start, the build's progress

type Event =
  | { type: "changed"; rel: string; hash: string; text: string }
  | { type: "files" }
  | { type: "preview-ready" }
  | { type: "preview-failed"; message: string }
  | { type: "build-start" }
  | { type: "build-line"; line: string }
  | { type: "build-end"; code: number; summary: string };

async function listen() {
  for (;;) {
    try {
      const res = await fetch("/api/events", { headers: { "x-redaktion-token": store.token } });
      const reader = res.body?.getReader();
      if (!reader) return;
      const decoder = new TextDecoder();
      let rest = "";
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        rest += decoder.decode(value, { stream: true });
        const parts = rest.split("\n\n");
        rest = parts.pop() ?? "";
        for (const part of parts) {
          const line = part.split("\n").find((l) => l.startsWith("data: "));
          if (line) onEvent(JSON.parse(line.slice(6)) as Event);
        }
      }
    } catch {}
    await new Promise((r) => setTimeout(r, 1000));
  }
}

async function dataOf(text: string): Promise<unknown> {
  const { parseDocument } = await import("yaml");
  const doc = parseDocument(text);
  return doc.errors.length ? null : doc.toJS();
}

function onEvent(e: Event) {
  switch (e.type) {
    case "changed": {
      const f = fileOf(e.rel);
      if (!f || f.base === e.hash) return;
      if (f.ops.length === 0) {
        void dataOf(e.text).then((data) => {
          reset(e.rel, e.text, e.hash, data);
          store.status = `${e.rel} wurde außerhalb des Editors geändert und neu geladen.`;
        });
      } else {
        f.changedOnDisk = { hash: e.hash, text: e.text };
        store.status = `${e.rel} wurde außerhalb des Editors geändert, während hier ungespeicherte Änderungen sind.`;
      }
      return;
    }
    case "files":
      store.status = "Im Inhaltsordner sind Dateien hinzugekommen oder entfernt worden: bitte die Seite neu laden.";
      return;
    case "preview-ready":
      store.preview.ready = true;
      return;
    case "preview-failed":
      store.preview.failed = e.message;
      return;
    case "build-start":
      store.build = { running: true, lines: [], summary: "", ok: true };
      return;
    case "build-line":
      store.build.lines.push(e.line);
      return;
    case "build-end":
      store.build.running = false;
      store.build.ok = e.code === 0;
      store.build.summary = e.summary;
      store.status = e.summary;
      return;
  }
}

/** Opens the conflict view for a file changed on disk while it has edits here. */
export function compareWithDisk(rel: string): void {
  const f = fileOf(rel);
  if (!f?.changedOnDisk) return;
  void (async () => {
    const r = await api<{ results: Record<string, { ok: boolean; text?: string }> }>("/api/draft", {
      drafts: drafts(),
      target: store.target,
    });
    const mine = r.body.results[rel]?.text ?? f.baseText;
    if (f.changedOnDisk)
      store.conflicts = [{ rel, disk: { text: f.changedOnDisk.text, hash: f.changedOnDisk.hash }, mine }];
  })();
}

export function keepDiskVersion(c: Conflict): void {
  void dataOf(c.disk.text).then((data) => {
    reset(c.rel, c.disk.text, c.disk.hash, data);
    store.conflicts = store.conflicts.filter((x) => x.rel !== c.rel);
    store.status = `Die Fassung von der Festplatte gilt für ${c.rel}; die Änderungen hier sind verworfen.`;
  });
}

export async function keepMine(c: Conflict): Promise<void> {
  await save({ [c.rel]: c.disk.hash });
  const f = fileOf(c.rel);
  if (f && !f.ops.length) f.changedOnDisk = undefined;
}
