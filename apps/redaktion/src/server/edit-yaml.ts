/**
 * Writes the form's edits into a content file as the team wrote it. The yaml library's `Document.toString()`
 * renders the whole document anew: it folds long lines at 80 characters and pads flow lists (`[ a, b ]`), which
 * changes most content files although nothing in them was edited. Here only the edited node is rendered; its text
 * is spliced into the source at the range the parsed Document gives, so comments, key order, quoting, blank lines,
 * folded texts (`>-`) and flow lists of every other part stay byte for byte. After all edits the text is parsed
 * again and must give exactly the data the operations describe; otherwise nothing is written.
 */
import {
  isCollection,
  isMap,
  isScalar,
  isSeq,
  type Node,
  type Pair,
  parseDocument,
  Scalar,
  stringify,
  type YAMLMap,
  YAMLSeq,
} from "yaml";
import { applyOps, deepEqual, type EditOp, formatPath, type Path } from "../shared/edit-ops.js";

/** Lines of the files are at most this long where the editor folds a text (the files' own width). */
const FOLD_WIDTH = 118;
const RENDER = { lineWidth: 0, flowCollectionPadding: false, indentSeq: true } as const;

export type EditResult = { ok: true; text: string } | { ok: false; message: string };

/** Byte-order mark and line ends are kept as the file has them; edits work on `\n`. */
function normalise(text: string) {
  const bom = text.startsWith("\uFEFF");
  const body = bom ? text.slice(1) : text;
  const crlf = /\r\n/.test(body);
  return { bom, crlf, text: crlf ? body.replace(/\r\n/g, "\n") : body };
}

function restore(text: string, form: { bom: boolean; crlf: boolean }) {
  const body = form.crlf ? text.replace(/\n/g, "\r\n") : text;
  return form.bom ? `\uFEFF${body}` : body;
}

/** The text after every operation, or the German reason why the edit cannot be written as asked. */
export function editYaml(source: string, ops: readonly EditOp[]): EditResult {
  const form = normalise(source);
  const before = parseDocument(form.text, { uniqueKeys: false });
  if (before.errors.length)
    return { ok: false, message: "Die Datei ist kein gültiges YAML; sie lässt sich nur als Text bearbeiten." };
  let expected: unknown;
  try {
    expected = applyOps(before.toJS(), ops);
  } catch (e) {
    return { ok: false, message: `Die Änderung passt nicht zur Datei: ${(e as Error).message}` };
  }
  let text = form.text;
  try {
    for (const op of ops) text = applyOne(text, op);
  } catch (e) {
    return { ok: false, message: `Die Änderung lässt sich nicht schreiben: ${(e as Error).message}` };
  }
  const after = parseDocument(text, { uniqueKeys: false });
  if (after.errors.length || !deepEqual(after.toJS(), expected))
    return {
      ok: false,
      message:
        "Die Änderung ließ sich nicht so in die Datei schreiben, dass genau sie sich ändert und alles andere bleibt; es wurde nichts gespeichert.",
    };
  return { ok: true, text: restore(text, form) };
}

/** Offsets and lines of one version of the text. */
class Source {
  readonly lines: string[];
  readonly starts: number[];
  constructor(readonly text: string) {
    this.lines = text.split("\n");
    this.starts = [];
    let at = 0;
    for (const line of this.lines) {
      this.starts.push(at);
      at += line.length + 1;
    }
  }
  lineOf(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
  indent(line: number): number {
    const l = this.lines[line] ?? "";
    return l.length - l.trimStart().length;
  }
  blank(line: number): boolean {
    return (this.lines[line] ?? "").trim() === "";
  }
  comment(line: number): boolean {
    return (this.lines[line] ?? "").trimStart().startsWith("#");
  }
  /** Replaces whole lines [from, to] (inclusive; to = from − 1 inserts) by `insert`. */
  replaceLines(from: number, to: number, insert: string[]): string {
    return [...this.lines.slice(0, from), ...insert, ...this.lines.slice(to + 1)].join("\n");
  }
  splice(start: number, end: number, insert: string): string {
    return this.text.slice(0, start) + insert + this.text.slice(end);
  }
}

function applyOne(text: string, op: EditOp): string {
  const doc = parseDocument(text, { uniqueKeys: false });
  const src = new Source(text);
  const root = doc.contents;
  if (!isMap(root)) throw new Error("Die Datei besteht nicht aus Feldern.");
  const nodeAt = (path: Path): unknown => (path.length === 0 ? root : doc.getIn(path, true));
  switch (op.op) {
    case "set":
      return setAt(src, nodeAt, op.path, op.value, op.after);
    case "delete": {
      const parent = nodeAt(op.path.slice(0, -1));
      const key = op.path[op.path.length - 1];
      if (!isMap(parent)) throw new Error(`${formatPath(op.path)} liegt in keinem Abschnitt.`);
      const pair = pairOf(parent, key);
      if (!pair) throw new Error(`Das Feld ${formatPath(op.path)} gibt es nicht.`);
      const [from, to] = pairLines(src, pair);
      return src.replaceLines(from, to, []);
    }
    case "insert":
    case "remove":
    case "move": {
      const seq = nodeAt(op.path);
      if (!isSeq(seq)) throw new Error(`${formatPath(op.path)} ist keine Liste.`);
      const items = seq.items.map((n) => (isScalar(n) || isCollection(n) ? n.toJSON() : n));
      const next = applyOps(items, [{ ...op, path: [] } as EditOp]);
      if (seq.flow) return replaceCollection(src, nodeAt, op.path, seq, next);
      if (op.op === "insert") return insertItem(src, seq, op.index, op.value);
      if (op.op === "remove") {
        if (seq.items.length === 1) return replaceCollection(src, nodeAt, op.path, seq, []);
        return removeItem(src, seq, op.index);
      }
      return moveItem(src, seq, op.from, op.to);
    }
  }
}

function pairOf(map: YAMLMap, key: string | number | undefined): Pair<Node, Node | null> | undefined {
  return (map.items as Pair<Node, Node | null>[]).find((p) => isScalar(p.key) && String(p.key.value) === String(key));
}

/** The last line of a node that starts on line `first` at column `col`: lines indented deeper belong to it. */
function lastLine(src: Source, first: number, col: number, compactSeq = false): number {
  let last = first;
  for (let l = first + 1; l < src.lines.length; l++) {
    if (src.blank(l)) continue;
    const ind = src.indent(l);
    const dash = compactSeq && ind === col && /^\s*-( |$)/.test(src.lines[l] ?? "");
    if (ind > col || dash) last = l;
    else break;
  }
  return last;
}

/** The lines of a `key: value` pair, from the key to the last line of its value. */
function pairLines(src: Source, pair: Pair<Node, Node | null>): [number, number] {
  const keyRange = (pair.key as Node).range;
  if (!keyRange) throw new Error("Ein Feld ohne Stelle in der Datei.");
  const first = src.lineOf(keyRange[0]);
  const col = keyRange[0] - (src.starts[first] ?? 0);
  const value = pair.value;
  const compact = isSeq(value) && !value.flow && value.range ? src.indent(src.lineOf(value.range[0])) === col : false;
  return [first, lastLine(src, first, col, compact)];
}

interface Chunk {
  /** First line, with the comments directly above the entry. */
  start: number;
  /** The line of the entry's `-`. */
  dash: number;
  end: number;
}

/** The lines of each entry of a block list; comment lines directly above an entry, at its `-`, belong to it. */
function chunks(src: Source, seq: YAMLSeq): { col: number; list: Chunk[] } {
  const list: Chunk[] = [];
  let col = -1;
  for (const item of seq.items as Node[]) {
    const range = item.range;
    if (!range) throw new Error("Ein Eintrag ohne Stelle in der Datei.");
    // The value starts after „- “; the dash is the last one before it on its line or a line above.
    let dashLine = src.lineOf(range[0]);
    while (dashLine > 0 && !/^\s*-( |$)/.test(src.lines[dashLine] ?? "")) dashLine--;
    col = src.indent(dashLine);
    list.push({ start: dashLine, dash: dashLine, end: dashLine });
  }
  for (const [i, c] of list.entries()) {
    const nextDash = list[i + 1]?.dash ?? src.lines.length;
    c.end = Math.min(lastLine(src, c.dash, col), nextDash - 1);
    while (c.start > 0 && src.comment(c.start - 1) && src.indent(c.start - 1) === col) c.start--;
  }
  return { col, list };
}

/** Blank lines between two neighbouring entries: the list's style (entries of Maßnahmen are set apart). */
function separated(src: Source, list: Chunk[]): boolean {
  if (list.length < 2) return false;
  return list.slice(1).every((c, i) => src.blank(c.start - 1) && (list[i]?.end ?? 0) < c.start - 1);
}

function indentLines(block: string, by: number): string[] {
  const pad = " ".repeat(by);
  return block
    .replace(/\n$/, "")
    .split("\n")
    .map((l) => (l === "" ? l : pad + l));
}

function renderItem(value: unknown, col: number): string[] {
  return indentLines(stringify([value], RENDER), col);
}

function insertItem(src: Source, seq: YAMLSeq, index: number, value: unknown): string {
  const { col, list } = chunks(src, seq);
  const lines = renderItem(value, col);
  const gap = separated(src, list);
  if (index >= list.length) {
    const last = list[list.length - 1];
    if (!last) throw new Error("Leere Liste.");
    return src.replaceLines(last.end + 1, last.end, gap ? ["", ...lines] : lines);
  }
  const at = list[index];
  if (!at) throw new Error(`Position ${index} gibt es nicht.`);
  return src.replaceLines(at.start, at.start - 1, gap ? [...lines, ""] : lines);
}

function removeItem(src: Source, seq: YAMLSeq, index: number): string {
  const { list } = chunks(src, seq);
  const c = list[index];
  if (!c) throw new Error(`Eintrag ${index} gibt es nicht.`);
  let { start, end } = c;
  // The blank lines that set this entry apart go with it: after it, or before it for the last entry.
  const next = list[index + 1];
  const prev = list[index - 1];
  if (next) end = next.start - 1;
  else if (prev) start = prev.end + 1;
  return src.replaceLines(start, end, []);
}

function moveItem(src: Source, seq: YAMLSeq, from: number, to: number): string {
  const { list } = chunks(src, seq);
  const first = list[0];
  const last = list[list.length - 1];
  if (!first || !last) throw new Error("Leere Liste.");
  const texts = list.map((c) => src.lines.slice(c.start, c.end + 1));
  const gaps = list.slice(1).map((c, i) => src.lines.slice((list[i]?.end ?? 0) + 1, c.start));
  const [moved] = texts.splice(from, 1);
  if (!moved) throw new Error(`Eintrag ${from} gibt es nicht.`);
  texts.splice(to, 0, moved);
  const out: string[] = [];
  texts.forEach((t, i) => {
    out.push(...t);
    if (i < gaps.length) out.push(...(gaps[i] ?? []));
  });
  return src.replaceLines(first.start, last.end, out);
}

const isPlainValue = (v: unknown) => v === null || ["string", "number", "boolean"].includes(typeof v);

/** Short identifiers and numbers stay in one line (`[title, intro]`), as the team writes such lists. */
function flowFits(values: unknown[]): boolean {
  return values.every((v) => typeof v === "number" || (typeof v === "string" && /^[\p{L}\p{N}-]+$/u.test(v)));
}

/** A list written in one line, `[a, b]`, by the yaml library (which quotes what a flow list needs quoted). */
function renderFlow(values: unknown[], padded: boolean): string {
  const seq = new YAMLSeq();
  seq.flow = true;
  for (const v of values) seq.items.push(new Scalar(v));
  return stringify(seq, { ...RENDER, flowCollectionPadding: padded }).replace(/\n$/, "");
}

/** Replaces a whole list: in place when it is a flow list of values and stays one, else the `key: …` pair anew. */
function replaceCollection(
  src: Source,
  nodeAt: (p: Path) => unknown,
  path: Path,
  seq: YAMLSeq,
  next: unknown[],
): string {
  const range = seq.range;
  // An empty `[]` takes the form of its first entries: ids in one line, texts as a block list.
  if (seq.flow && range && next.every(isPlainValue) && (seq.items.length > 0 || flowFits(next))) {
    const old = src.text.slice(range[0], range[1]);
    const flow = next.length === 0 ? "[]" : renderFlow(next, /^\[ /.test(old));
    return src.splice(range[0], range[1], flow);
  }
  return replacePair(src, nodeAt, path, next);
}

/** Writes `key: value` anew in place of the pair at `path` (comments inside its old value go with it). */
function replacePair(src: Source, nodeAt: (p: Path) => unknown, path: Path, value: unknown): string {
  const parent = nodeAt(path.slice(0, -1));
  const key = path[path.length - 1];
  if (isSeq(parent) && typeof key === "number") {
    const { col, list } = chunks(src, parent);
    const c = list[key];
    if (!c) throw new Error(`Eintrag ${formatPath(path)} fehlt.`);
    return src.replaceLines(c.dash, c.end, renderItem(value, col));
  }
  if (!isMap(parent)) throw new Error(`${formatPath(path)} liegt in keinem Abschnitt.`);
  const pair = pairOf(parent, key);
  if (!pair) throw new Error(`Das Feld ${formatPath(path)} gibt es nicht.`);
  const [from, to] = pairLines(src, pair);
  const col = src.indent(from);
  return src.replaceLines(from, to, renderPair(String(key), value, col));
}

function renderPair(key: string, value: unknown, col: number): string[] {
  if (Array.isArray(value) && value.length > 0 && flowFits(value))
    return [`${" ".repeat(col)}${key}: ${renderFlow(value, false)}`];
  return indentLines(stringify({ [key]: value }, RENDER), col);
}

function setAt(
  src: Source,
  nodeAt: (p: Path) => unknown,
  path: Path,
  value: unknown,
  after: string | null | undefined,
): string {
  const parent = nodeAt(path.slice(0, -1));
  const key = path[path.length - 1];
  if (key === undefined) throw new Error("Die ganze Datei lässt sich nicht ersetzen.");
  let node: unknown;
  if (isMap(parent)) {
    const pair = pairOf(parent, key);
    if (!pair) return insertPair(src, parent, String(key), value, after);
    node = pair.value;
  } else if (isSeq(parent) && typeof key === "number") {
    if (parent.flow) {
      const items = parent.items.map((n) => (isScalar(n) || isCollection(n) ? n.toJSON() : n));
      items[key] = value;
      return replaceCollection(src, nodeAt, path.slice(0, -1), parent, items);
    }
    node = parent.items[key];
  } else throw new Error(`${formatPath(path)} liegt in keinem Abschnitt.`);

  const empty = isScalar(node) && node.range && node.range[0] === node.range[1];
  if (isScalar(node) && !empty && isPlainValue(value) && value !== null)
    return replaceScalar(src, node, value as string | number | boolean);
  if (isSeq(node) && Array.isArray(value)) {
    const items = node.items.map((n) => (isScalar(n) || isCollection(n) ? n.toJSON() : n));
    if (deepEqual(items, value)) return src.text;
    if (node.flow) return replaceCollection(src, nodeAt, path, node, value);
    // Entry by entry: only the entries that differ are written; added or removed ones at the end.
    let text = src.text;
    const common = Math.min(items.length, value.length);
    const ops: EditOp[] = [];
    for (let i = 0; i < common; i++)
      if (!deepEqual(items[i], value[i])) ops.push({ op: "set", path: [...path, i], value: value[i] });
    for (let i = items.length - 1; i >= value.length; i--) ops.push({ op: "remove", path, index: i });
    for (let i = items.length; i < value.length; i++) ops.push({ op: "insert", path, index: i, value: value[i] });
    for (const op of ops) text = applyOne(text, op);
    return text;
  }
  if (isMap(node) && value && typeof value === "object" && !Array.isArray(value)) {
    const current = node.toJSON() as Record<string, unknown>;
    const target = value as Record<string, unknown>;
    const keys = Object.keys(target);
    const sameOrder = Object.keys(current).filter((k) => k in target);
    if (sameOrder.join("\0") !== keys.filter((k) => k in current).join("\0"))
      return replacePair(src, nodeAt, path, value);
    let text = src.text;
    for (const k of Object.keys(current))
      if (!(k in target)) text = applyOne(text, { op: "delete", path: [...path, k] });
    let prev: string | null = null;
    for (const k of keys) {
      if (!(k in current) || !deepEqual(current[k], target[k]))
        text = applyOne(text, { op: "set", path: [...path, k], value: target[k], after: prev });
      prev = k;
    }
    return text;
  }
  return replacePair(src, nodeAt, path, value);
}

/** A new key in a map, on the line after the key it follows (`after`; null: first; undefined: last). */
function insertPair(src: Source, map: YAMLMap, key: string, value: unknown, after: string | null | undefined): string {
  const pairs = map.items as Pair<Node, Node | null>[];
  const first = pairs[0];
  if (!first || map.flow) throw new Error("Ein neues Feld in einem leeren Abschnitt lässt sich nicht einfügen.");
  const [firstLine] = pairLines(src, first);
  const col = src.indent(firstLine);
  const lines = renderPair(key, value, col);
  if (after === null) return src.replaceLines(firstLine, firstLine - 1, lines);
  const prev = (after !== undefined ? pairOf(map, after) : undefined) ?? pairs[pairs.length - 1];
  if (!prev) throw new Error("Kein Feld, nach dem das neue stehen kann.");
  const [, end] = pairLines(src, prev);
  return src.replaceLines(end + 1, end, lines);
}

/** The new value in the scalar's own style: plain stays plain where YAML allows, quoted stays quoted, `>-` folded. */
function replaceScalar(src: Source, node: Scalar, value: string | number | boolean): string {
  const range = node.range;
  if (!range) throw new Error("Ein Wert ohne Stelle in der Datei.");
  if (node.type === Scalar.BLOCK_FOLDED || node.type === Scalar.BLOCK_LITERAL) {
    const block = renderBlock(src, node, value);
    if (block !== undefined) {
      // The block's range ends after its last line break, which stays.
      const end = src.text[range[1] - 1] === "\n" ? range[1] - 1 : range[1];
      return src.splice(range[0], end, block);
    }
    return src.splice(range[0], range[1], `${quoted(value, Scalar.QUOTE_DOUBLE)}\n`);
  }
  const style = node.type === Scalar.QUOTE_SINGLE || node.type === Scalar.QUOTE_DOUBLE ? node.type : undefined;
  return src.splice(range[0], range[1], quoted(value, style));
}

function quoted(value: string | number | boolean, type?: Scalar.Type): string {
  const s = new Scalar(value);
  if (type && typeof value === "string") s.type = type;
  return stringify(s, RENDER).replace(/\n$/, "");
}

/** A folded (`>-`) or literal (`|-`) text at the indentation of the old one; undefined where that form cannot hold it. */
function renderBlock(src: Source, node: Scalar, value: string | number | boolean): string | undefined {
  if (typeof value !== "string" || value === "" || /^\s|\s$|\t/.test(value)) return undefined;
  const range = node.range as [number, number, number];
  const header = src.lineOf(range[0]);
  const firstContent = header + 1;
  const col = firstContent < src.lines.length && !src.blank(firstContent) ? src.indent(firstContent) : undefined;
  if (col === undefined) return undefined;
  const pad = " ".repeat(col);
  if (node.type === Scalar.BLOCK_LITERAL) {
    if (value.split("\n").some((l) => /^\s/.test(l))) return undefined;
    return `|-\n${value
      .split("\n")
      .map((l) => (l ? pad + l : l))
      .join("\n")}`;
  }
  if (/\n| {2}/.test(value)) return undefined;
  const width = Math.max(40, FOLD_WIDTH - col);
  const lines: string[] = [];
  let line = "";
  for (const word of value.split(" ")) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  lines.push(line);
  return `>-\n${lines.map((l) => pad + l).join("\n")}`;
}
