/**
 * The content folder's git history as earlier states of the concept: the commits that touched it, the Stand of
 * concept.yaml at each, the concept as it was at a commit, the baseline to compare the current state with, and the
 * last committed version of every Stand. Git is asked as few times as possible: one `git log`, then `git cat-file`
 * for many objects at once, so that reading 500 commits costs a few processes, not 500.
 */
import { resolve } from "node:path";
import { describeCommit, historyLabels as words } from "../change-labels.js";
import type { Concept } from "../model.js";
import { formatPeriod, type Period, periodEnd, periodStart, q } from "../notation/period.js";
import { parseStand } from "../schemas/concept.js";
import { formatStand } from "../views.js";
import { ContentError, type ContentProblem, formatProblem } from "./content-error.js";
import { type FileSource, type SnapshotFile, snapshotSource, workingTree } from "./file-source.js";
import { catFile, GitFailed, GitMissing, type GitObject, parseTree, runGit } from "./git.js";
import { loadConceptSync } from "./load-concept.js";
import { MAX_FILE_BYTES, readYaml, valueAt } from "./read-yaml.js";

/** A commit that touched the content folder. */
export interface HistoryCommit {
  oid: string;
  /** The abbreviated id git prints, e.g. `3f2a9c1`. */
  short: string;
  /** The day it was committed (`JJJJ-MM-TT`, in the committer's time zone). */
  date: string;
  /** The Stand in concept.yaml at this commit; undefined where concept.yaml is missing or has no valid Stand. */
  stand?: Period;
}

/** The history of one content folder. */
export interface ContentHistory {
  /** The content folder in the working tree (absolute). */
  dir: string;
  /** The content folder as messages show it, e.g. `content`. */
  display: string;
  /** The top folder of the repository that holds it. */
  repository: string;
  /** The content folder inside the repository, with a trailing `/`; empty when it is the repository's top folder. */
  prefix: string;
  /** A clone with only part of the history. */
  shallow: boolean;
  /** Commits of HEAD's first-parent line that touched the content folder, newest first. */
  commits: HistoryCommit[];
}

/** Why there is no history or no baseline. */
export type NoBaselineKind =
  /** Git is not installed. */
  | "no-git"
  /** The content folder lies in no git repository. */
  | "no-repository"
  /** The repository has no commit that touched the content folder. */
  | "not-committed"
  /** Git failed otherwise. */
  | "git-error"
  /** A clone with only part of the history, and the baseline is not in that part. */
  | "shallow"
  /** Every commit has the current Stand: there is no earlier one yet. */
  | "no-earlier-stand"
  /** The named Stand or revision does not exist: a usage error. */
  | "unknown"
  /** The baseline's content does not load any more (`problems` says where). */
  | "unloadable";

export interface NoBaseline {
  found: false;
  kind: NoBaselineKind;
  /** Why, as one or two German sentences. */
  reason: string;
  /** The problems of the baseline's content, for `unloadable`. */
  problems?: ContentProblem[];
}

export type HistoryResult = { found: true; history: ContentHistory } | NoBaseline;

/** How the baseline was chosen. */
export type BaselineChoice = { by: "previous" } | { by: "stand"; spec: string } | { by: "revision"; spec: string };

/** The earlier state the current one is compared with. */
export interface Baseline {
  found: true;
  stand: Period;
  commit: HistoryCommit;
  concept: Concept;
  chosen: BaselineChoice;
  history: ContentHistory;
}

export interface HistoryOptions {
  /** How the content folder appears in messages (default: as given). */
  displayDir?: string;
}

const none = (kind: NoBaselineKind, reason: string, problems?: ContentProblem[]): NoBaseline =>
  problems ? { found: false, kind, reason, problems } : { found: false, kind, reason };

const sameStand = (a: Period, b: Period) => formatPeriod(a) === formatPeriod(b);
/** The content folder (or a path inside it) in git's `<commit>:<path>` notation. */
const inTree = (prefix: string, rel = "") => `${prefix}${rel}`.replace(/\/$/, "");

function gitProblem(stderr: string): NoBaseline {
  const line =
    stderr
      .trim()
      .split("\n")[0]
      ?.replace(/^(fatal|error): /, "") ?? "";
  return none("git-error", words.gitError(line));
}

/** Runs git; a missing git becomes a NoBaseline. */
function git<T>(fn: () => T): T | NoBaseline {
  try {
    return fn();
  } catch (e) {
    if (e instanceof GitMissing) return none("no-git", words.noGit);
    if (e instanceof GitFailed) return gitProblem(e.message);
    throw e;
  }
}

const isNone = (x: unknown): x is NoBaseline =>
  typeof x === "object" && x !== null && (x as { found?: unknown }).found === false;

/** The Stand written in a concept.yaml, or undefined when the file or its Stand is not valid. */
function standIn(bytes: Uint8Array): Period | undefined {
  const single: FileSource = {
    isFolder: () => false,
    entries: () => [],
    size: () => bytes.length,
    read: () => bytes,
  };
  const { source } = readYaml("concept.yaml", "concept.yaml", single);
  const text = valueAt(source?.data, ["stand"]);
  if (typeof text !== "string") return undefined;
  const r = parseStand(text);
  return r.ok ? r.value : undefined;
}

/**
 * Finds the repository that holds `contentDir` and the commits that touched it, with the Stand at each.
 * Four git processes, however long the history is.
 */
export function readHistory(contentDir: string, options: HistoryOptions = {}): HistoryResult {
  const dir = resolve(contentDir);
  const display = (options.displayDir ?? contentDir).replace(/\/+$/, "");
  if (!workingTree.isFolder(dir)) return none("no-repository", words.noFolder(display));
  const found = git(() => {
    const top = runGit(dir, ["rev-parse", "--show-toplevel", "--show-prefix", "--is-shallow-repository"]);
    if (top.code !== 0) {
      if (/not a git repository/i.test(top.stderr)) return none("no-repository", words.noRepository(display));
      return gitProblem(top.stderr);
    }
    const [repository = "", prefix = "", shallow = ""] = top.stdout.toString("utf8").split("\n");
    const path = inTree(prefix);
    const log = runGit(repository, [
      "--literal-pathspecs",
      "log",
      "--first-parent",
      "--format=%H %h %cI",
      "--",
      ...(path ? [path] : []),
    ]);
    if (log.code !== 0) {
      if (/does not have any commits|bad default revision|unknown revision/i.test(log.stderr))
        return none("not-committed", words.notCommitted(display, repository));
      return gitProblem(log.stderr);
    }
    const commits: HistoryCommit[] = log.stdout
      .toString("utf8")
      .split("\n")
      .filter(Boolean)
      .map((line) => {
        const [oid = "", short = "", date = ""] = line.split(" ");
        return { oid, short, date: date.slice(0, 10) };
      });
    if (commits.length === 0) return none("not-committed", words.notCommitted(display, repository));
    // The Stand of each commit: concept.yaml's object at every commit, then each distinct file once.
    const files = catFile(
      repository,
      commits.map((c) => `${c.oid}:${inTree(prefix, "concept.yaml")}`),
      false,
    );
    const blobs = [...new Set(files.flatMap((f) => (f?.type === "blob" && f.size <= MAX_FILE_BYTES ? [f.oid] : [])))];
    const stands = new Map<string, Period | undefined>();
    catFile(repository, blobs, true).forEach((blob, i) => {
      stands.set(blobs[i] as string, blob?.bytes ? standIn(blob.bytes) : undefined);
    });
    commits.forEach((c, i) => {
      const stand = stands.get(files[i]?.oid ?? "");
      if (stand) c.stand = stand;
    });
    const history: ContentHistory = { dir, display, repository, prefix, shallow: shallow === "true", commits };
    return { found: true as const, history };
  });
  return found;
}

/** One version per Stand: the newest commit with each Stand, newest first. */
export function standVersions(history: ContentHistory): { stand: Period; commit: HistoryCommit }[] {
  const seen = new Map<string, { stand: Period; commit: HistoryCommit }>();
  for (const commit of history.commits) {
    if (!commit.stand) continue;
    const key = formatPeriod(commit.stand);
    if (!seen.has(key)) seen.set(key, { stand: commit.stand, commit });
  }
  return [...seen.values()];
}

/** How the content folder at a commit appears in messages: git's `<commit>:<path>`, e.g. `3f2a9c1:content`. */
export function displayAt(history: ContentHistory, commit: Pick<HistoryCommit, "short">): string {
  return `${commit.short}:${inTree(history.prefix) || "."}`;
}

const CONTENT_FOLDERS = ["bausteine", "decks", "flyers"];
const YAML = /\.ya?ml$/i;

/**
 * The content folder at each of `oids` as a file source, read in three git processes for all of them together;
 * undefined where the folder does not exist at that commit.
 */
export function snapshotsAt(history: ContentHistory, oids: readonly string[]): Map<string, FileSource | undefined> {
  const { repository, prefix, dir } = history;
  // 1. The folder's tree and those of its three content folders, at every commit.
  const requests = oids.flatMap((oid) => [
    `${oid}:${inTree(prefix)}`,
    ...CONTENT_FOLDERS.map((f) => `${oid}:${inTree(prefix, f)}`),
  ]);
  const trees = catFile(repository, requests, true);
  const hexLength = (o: GitObject) => o.oid.length;
  const layouts = oids.map((_, i) => {
    const top = trees[i * (CONTENT_FOLDERS.length + 1)];
    if (top?.type !== "tree" || !top.bytes) return undefined;
    // A symbolic link has no content of its own in the tree: it is listed, as a file that cannot be read (the
    // working tree would follow it).
    const files = new Map<string, { oid: string; read: boolean; link?: true }>();
    const folders = new Set<string>();
    for (const e of parseTree(top.bytes, hexLength(top))) {
      if (e.mode === "40000" || e.mode === "160000") folders.add(e.name);
      else if (e.mode === "120000") files.set(e.name, { oid: e.oid, read: false, link: true });
      else files.set(e.name, { oid: e.oid, read: e.name === "concept.yaml" });
    }
    CONTENT_FOLDERS.forEach((folder, j) => {
      const tree = trees[i * (CONTENT_FOLDERS.length + 1) + j + 1];
      if (tree?.type !== "tree" || !tree.bytes || !folders.has(folder)) return;
      for (const e of parseTree(tree.bytes, hexLength(tree))) {
        const path = `${folder}/${e.name}`;
        if (e.mode === "40000" || e.mode === "160000") folders.add(path);
        else if (e.mode === "120000") files.set(path, { oid: e.oid, read: false, link: true });
        else files.set(path, { oid: e.oid, read: YAML.test(e.name) });
      }
    });
    return { files, folders };
  });
  // 2. The size of every file; 3. the bytes of every file the loader reads, each distinct one once.
  const all = [
    ...new Set(layouts.flatMap((l) => (l ? [...l.files.values()].filter((f) => !f.link).map((f) => f.oid) : []))),
  ];
  const sizes = new Map<string, number>();
  catFile(repository, all, false).forEach((o, i) => {
    if (o) sizes.set(all[i] as string, o.size);
  });
  const unique = [
    ...new Set(
      layouts.flatMap((l) =>
        l
          ? [...l.files.values()].filter((f) => f.read && (sizes.get(f.oid) ?? 0) <= MAX_FILE_BYTES).map((f) => f.oid)
          : [],
      ),
    ),
  ];
  const bytes = new Map<string, Uint8Array>();
  catFile(repository, unique, true).forEach((o, i) => {
    if (o?.bytes) bytes.set(unique[i] as string, o.bytes);
  });
  const fetchBlob = (oid: string) => () => {
    const [o] = catFile(repository, [oid], true);
    if (!o?.bytes) throw new GitFailed(`${oid} missing`);
    return o.bytes;
  };
  const result = new Map<string, FileSource | undefined>();
  oids.forEach((oid, i) => {
    const layout = layouts[i];
    if (!layout) {
      result.set(oid, undefined);
      return;
    }
    const files = new Map<string, SnapshotFile>();
    for (const [path, f] of layout.files) {
      const size = f.link ? undefined : sizes.get(f.oid);
      if (size === undefined) {
        files.set(path, { size });
        continue;
      }
      const known = bytes.get(f.oid);
      files.set(path, known ? { size, bytes: known } : { size, fetch: fetchBlob(f.oid) });
    }
    result.set(oid, snapshotSource(dir, files, layout.folders));
  });
  return result;
}

/** The concept at each commit, loaded together: the concept, or the content problems it has there. */
export function loadConceptsAt(
  history: ContentHistory,
  commits: readonly HistoryCommit[],
): Map<string, Concept | ContentError> {
  const snapshots = snapshotsAt(
    history,
    commits.map((c) => c.oid),
  );
  const out = new Map<string, Concept | ContentError>();
  for (const commit of commits) {
    const files = snapshots.get(commit.oid);
    const displayDir = displayAt(history, commit);
    if (!files) {
      out.set(
        commit.oid,
        new ContentError([
          { file: displayDir, line: 1, column: 1, field: "(Ordner)", message: words.folderMissingAt(history.display) },
        ]),
      );
      continue;
    }
    try {
      out.set(commit.oid, loadConceptSync(history.dir, { displayDir, files }));
    } catch (e) {
      if (e instanceof ContentError) out.set(commit.oid, e);
      else throw e;
    }
  }
  return out;
}

/** The concept at one commit; throws a ContentError naming `<commit>:<path>` when it does not load there. */
export function loadConceptAt(history: ContentHistory, commit: HistoryCommit): Concept {
  const r = loadConceptsAt(history, [commit]).get(commit.oid);
  if (r instanceof ContentError || r === undefined) throw r;
  return r;
}

function unloadable(what: string, error: ContentError): NoBaseline {
  const [first] = error.problems;
  const more = error.problems.length - 1;
  return none("unloadable", words.unloadable(what, first ? formatProblem(first) : "", more), error.problems);
}

export interface BaselineOptions extends HistoryOptions {
  /** The current state (default: the working tree, loaded here). Its Stand decides which one is the previous. */
  current?: Pick<Concept, "stand">;
  /** The history, when it was read already. */
  history?: HistoryResult;
}

/**
 * The earlier state to compare the current one with, or why there is none. Without `spec`: the previous Stand,
 * i.e. walking back from the newest commit, the first commit whose Stand differs from the current one (the last
 * committed version of the previous Stand). `spec` names another: a Stand (`06/2018`, `30.06.2018`: its last
 * committed version; a month also finds a Stand given as a day of that month) or anything `git rev-parse` takes
 * as a commit. A Stand is looked for first.
 */
export function resolveBaseline(
  contentDir: string,
  spec?: string,
  options: BaselineOptions = {},
): Baseline | NoBaseline {
  const read = options.history ?? readHistory(contentDir, options);
  if (!read.found) return read;
  const history = read.history;
  const versions = standVersions(history);
  const available = versions.map((v) => formatPeriod(v.stand));
  const finish = (commit: HistoryCommit, chosen: BaselineChoice, label: string): Baseline | NoBaseline => {
    const r = git(() => loadConceptsAt(history, [commit]).get(commit.oid));
    if (isNone(r)) return r;
    if (r instanceof ContentError || r === undefined) return unloadable(label, r ?? new ContentError([]));
    return { found: true, stand: r.stand, commit, concept: r, chosen, history };
  };
  const labelOf = (commit: HistoryCommit) =>
    commit.stand
      ? `${words.theStand} ${formatStand(commit.stand)} (${describeCommit(commit)})`
      : describeCommit(commit);

  if (spec === undefined) {
    const current = options.current ?? loadConceptSync(history.dir, { displayDir: history.display });
    const previous = history.commits.find((c) => c.stand && !sameStand(c.stand, current.stand));
    if (previous) return finish(previous, { by: "previous" }, labelOf(previous));
    if (history.shallow) return none("shallow", words.shallow(history.display, formatStand(current.stand)));
    if (versions.length === 0) return none("no-earlier-stand", words.noStandAtAll(history.display));
    return none("no-earlier-stand", words.onlyOneStand(formatStand(current.stand), history.display));
  }

  const asStand = parseStand(spec);
  if (asStand.ok) {
    const wanted = asStand.value;
    const exact = history.commits.find((c) => c.stand && sameStand(c.stand, wanted));
    const inMonth =
      wanted.unit === "month"
        ? history.commits.find(
            (c) => c.stand?.unit === "day" && c.stand.year === wanted.year && c.stand.month === wanted.month,
          )
        : undefined;
    const match = exact ?? inMonth;
    if (match) return finish(match, { by: "stand", spec }, labelOf(match));
  }
  const rev = git(() =>
    runGit(history.repository, ["rev-parse", "--verify", "--quiet", "--end-of-options", `${spec}^{commit}`]),
  );
  if (isNone(rev)) return rev;
  if (rev.code === 0) {
    const oid = rev.stdout.toString("utf8").trim();
    let commit = history.commits.find((c) => c.oid === oid);
    if (!commit) {
      const info = git(() => runGit(history.repository, ["log", "-1", "--format=%H %h %cI", oid, "--"]));
      if (isNone(info)) return info;
      const [, short = oid.slice(0, 7), date = ""] = info.stdout.toString("utf8").trim().split(" ");
      commit = { oid, short, date: date.slice(0, 10) };
    }
    return finish(commit, { by: "revision", spec }, `${words.theRevision} ${q(spec)} (${describeCommit(commit)})`);
  }
  if (asStand.ok && history.shallow)
    return none("shallow", words.shallowNamed(history.display, formatPeriod(asStand.value)));
  return none(
    "unknown",
    asStand.ok
      ? words.unknownStand(spec, history.display, available)
      : words.unknownSpec(spec, history.display, available),
  );
}

/** One state of the concept in the Verlauf: the last committed version of a Stand, or the current state. */
export interface HistoryState {
  stand: Period;
  /** The commit of this version; undefined for the current state (the working tree, with uncommitted edits). */
  commit?: HistoryCommit;
  concept: Concept;
}

export interface StatesResult {
  /** Oldest Stand first; the current state stands for the current Stand. */
  states: HistoryState[];
  /** Stände whose last committed version does not load any more. */
  skipped: { stand: Period; commit: HistoryCommit; reason: string }[];
  /** Why there is no history at all (then `states` holds only the current state). */
  unavailable?: NoBaseline;
  /** Read from a clone with only part of the history: earlier Stände may be missing. */
  shallow: boolean;
}

/**
 * Every Stand in the history as the concept was at its last commit, plus the current state in place of the current
 * Stand's: the data of the Verlauf. The versions of all Stände are read together (three git processes).
 */
export function readHistoryStates(
  contentDir: string,
  current: Concept,
  options: HistoryOptions & { history?: HistoryResult } = {},
): StatesResult {
  const now: HistoryState = { stand: current.stand, concept: current };
  const read = options.history ?? readHistory(contentDir, options);
  if (!read.found) return { states: [now], skipped: [], unavailable: read, shallow: false };
  const history = read.history;
  const earlier = standVersions(history).filter((v) => !sameStand(v.stand, current.stand));
  const loaded = git(() =>
    loadConceptsAt(
      history,
      earlier.map((v) => v.commit),
    ),
  );
  if (isNone(loaded)) return { states: [now], skipped: [], unavailable: loaded, shallow: history.shallow };
  const states: HistoryState[] = [now];
  const skipped: StatesResult["skipped"] = [];
  for (const v of earlier) {
    const r = loaded.get(v.commit.oid);
    if (r instanceof ContentError || r === undefined) {
      const label = `${words.theStand} ${formatStand(v.stand)} (${describeCommit(v.commit)})`;
      skipped.push({ stand: v.stand, commit: v.commit, reason: unloadable(label, r ?? new ContentError([])).reason });
    } else states.push({ stand: v.stand, commit: v.commit, concept: r });
  }
  const key = (p: Period) => `${periodEnd(p)} ${periodStart(p)}`;
  states.sort((a, b) => (key(a.stand) < key(b.stand) ? -1 : key(a.stand) > key(b.stand) ? 1 : 0));
  skipped.sort((a, b) => (key(a.stand) < key(b.stand) ? -1 : 1));
  return { states, skipped, shallow: history.shallow };
}
