/**
 * The edits the form makes to one content file, as operations on its data. The browser applies them to its copy
 * of the data (to show the form), the server splices them into the file's text (server/edit-yaml.ts) and checks
 * the result against the same operations applied to the data it read. Browser-safe: no Node imports.
 */

export type Path = (string | number)[];

export type EditOp =
  /** A value at a map key (present or new) or at an existing list index. `after`: for a new key, the key it follows. */
  | { op: "set"; path: Path; value: unknown; after?: string | null }
  /** Removes a key of a map. */
  | { op: "delete"; path: Path }
  /** Inserts an entry into the list at `path`. */
  | { op: "insert"; path: Path; index: number; value: unknown }
  /** Removes an entry of the list at `path`. */
  | { op: "remove"; path: Path; index: number }
  /** Moves an entry of the list at `path`. */
  | { op: "move"; path: Path; from: number; to: number };

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Thrown when an operation does not fit the data (a path that is not there): a mistake of the editor, not the user. */
export class EditError extends Error {}

function containerAt(data: unknown, path: Path): unknown {
  let cur = data;
  for (const seg of path) {
    if (cur === null || typeof cur !== "object") throw new EditError(`Pfad ${formatPath(path)} fehlt.`);
    cur = (cur as Record<string | number, unknown>)[seg];
  }
  return cur;
}

function listAt(data: unknown, path: Path): unknown[] {
  const list = containerAt(data, path);
  if (!Array.isArray(list)) throw new EditError(`${formatPath(path)} ist keine Liste.`);
  return list;
}

/** Inserts `key: value` into a plain object after the key `after` (null: first; undefined or missing: last). */
function insertKey(obj: Record<string, unknown>, key: string, value: unknown, after: string | null | undefined) {
  const entries = Object.entries(obj).filter(([k]) => k !== key);
  let at = entries.length;
  if (after === null) at = 0;
  else if (after !== undefined) {
    const i = entries.findIndex(([k]) => k === after);
    if (i >= 0) at = i + 1;
  }
  entries.splice(at, 0, [key, value]);
  for (const k of Object.keys(obj)) delete obj[k];
  for (const [k, v] of entries) obj[k] = v;
}

/** Applies one operation to plain data in place (objects keep their key order as the file will have it). */
export function applyOp(data: unknown, op: EditOp): void {
  switch (op.op) {
    case "set": {
      const parent = containerAt(data, op.path.slice(0, -1));
      const key = op.path[op.path.length - 1];
      if (key === undefined) throw new EditError("Die ganze Datei lässt sich nicht ersetzen.");
      if (Array.isArray(parent)) {
        if (typeof key !== "number" || key < 0 || key >= parent.length)
          throw new EditError(`Eintrag ${formatPath(op.path)} fehlt.`);
        parent[key] = clone(op.value);
      } else if (parent && typeof parent === "object") {
        const obj = parent as Record<string, unknown>;
        if (String(key) in obj) obj[String(key)] = clone(op.value);
        else insertKey(obj, String(key), clone(op.value), op.after);
      } else throw new EditError(`Pfad ${formatPath(op.path)} fehlt.`);
      return;
    }
    case "delete": {
      const parent = containerAt(data, op.path.slice(0, -1));
      const key = op.path[op.path.length - 1];
      if (!parent || typeof parent !== "object" || Array.isArray(parent) || key === undefined)
        throw new EditError(`Feld ${formatPath(op.path)} fehlt.`);
      delete (parent as Record<string, unknown>)[String(key)];
      return;
    }
    case "insert": {
      const list = listAt(data, op.path);
      if (op.index < 0 || op.index > list.length) throw new EditError(`Position ${op.index} gibt es nicht.`);
      list.splice(op.index, 0, clone(op.value));
      return;
    }
    case "remove": {
      const list = listAt(data, op.path);
      if (op.index < 0 || op.index >= list.length) throw new EditError(`Eintrag ${op.index} gibt es nicht.`);
      list.splice(op.index, 1);
      return;
    }
    case "move": {
      const list = listAt(data, op.path);
      const { from, to } = op;
      if (from < 0 || from >= list.length || to < 0 || to >= list.length)
        throw new EditError(`Verschieben von ${from} nach ${to} geht nicht.`);
      const [item] = list.splice(from, 1);
      list.splice(to, 0, item);
      return;
    }
  }
}

export function applyOps<T>(data: T, ops: readonly EditOp[]): T {
  const copy = clone(data);
  for (const op of ops) applyOp(copy, op);
  return copy;
}

export function clone<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

/**
 * Appends an operation to a log, merging it into the previous one where the file would end up the same: typing
 * into a field gives one `set`, not one per key stroke.
 */
export function appendOp(log: EditOp[], op: EditOp): EditOp[] {
  const last = log[log.length - 1];
  if (op.op === "set" && last?.op === "set" && samePath(last.path, op.path))
    return [...log.slice(0, -1), { ...last, value: op.value }];
  return [...log, op];
}

export function samePath(a: Path, b: Path): boolean {
  return a.length === b.length && a.every((seg, i) => seg === b[i]);
}

/** `measures[2].planned`, as the loader writes field paths. */
export function formatPath(path: readonly (string | number)[]): string {
  let out = "";
  for (const seg of path) {
    if (typeof seg === "number") out += `[${seg}]`;
    else out += out ? `.${seg}` : seg;
  }
  return out;
}

/** The inverse of formatPath: `measures[2].planned` → ["measures", 2, "planned"]. */
export function parsePath(field: string): Path {
  const out: Path = [];
  for (const m of field.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (m[2] !== undefined) out.push(Number(m[2]));
    else if (m[1] !== undefined) out.push(m[1]);
  }
  return out;
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== "object") return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  const ka = Object.keys(a as object);
  const kb = Object.keys(b as object);
  return (
    ka.length === kb.length &&
    ka.every((k, i) => k === kb[i] && deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  );
}
