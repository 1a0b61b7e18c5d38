import { readFileSync, statSync } from "node:fs";
import { Alias, type Document, isCollection, isMap, isPair, isScalar, LineCounter, parseDocument, YAMLMap } from "yaml";
import type { ContentProblem } from "./content-error.js";
import { yamlMessage } from "./messages.js";

/** Content files are small; anything larger is a mistake (a pasted export, a wrong file). */
export const MAX_FILE_BYTES = 1024 * 1024;
/** Deeper than any content file needs; stops pathological documents early. */
export const MAX_DEPTH = 24;

export interface YamlSource {
  display: string;
  doc: Document.Parsed;
  lines: LineCounter;
  data: unknown;
}

type Path = readonly PropertyKey[];

function position(lines: LineCounter, offset: number) {
  const { line, col } = lines.linePos(offset);
  return { line, column: col };
}

/** Byte offset of the first invalid UTF-8 sequence, or -1. */
export function invalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    let need = 0;
    if (b < 0x80) need = 0;
    else if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) need = 2;
    else if (b >= 0xf0 && b <= 0xf4) need = 3;
    else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    if (need === 2) {
      const c = bytes[i + 1] ?? 0;
      if ((b === 0xe0 && c < 0xa0) || (b === 0xed && c >= 0xa0)) return i;
    }
    if (need === 3) {
      const c = bytes[i + 1] ?? 0;
      if ((b === 0xf0 && c < 0x90) || (b === 0xf4 && c >= 0x90)) return i;
    }
    i += need + 1;
  }
  return -1;
}

function bytePosition(bytes: Uint8Array, offset: number) {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  const column = new TextDecoder().decode(bytes.subarray(lineStart, offset)).length + 1;
  return { line, column };
}

function maxDepth(doc: Document.Parsed): { depth: number; offset: number } {
  let worst = { depth: 0, offset: 0 };
  const stack: { node: unknown; depth: number }[] = [{ node: doc.contents, depth: 1 }];
  while (stack.length) {
    const { node, depth } = stack.pop() as { node: unknown; depth: number };
    if (isCollection(node)) {
      if (depth > worst.depth) worst = { depth, offset: node.range?.[0] ?? 0 };
      if (depth > MAX_DEPTH) return worst;
      for (const item of node.items) {
        if (isPair(item)) stack.push({ node: item.value, depth: depth + 1 });
        else stack.push({ node: item, depth: depth + 1 });
      }
    }
  }
  return worst;
}

/**
 * Reads one content file. Returns problems instead of throwing: a content mistake is never a stack trace.
 * A byte-order mark and Windows line endings are accepted and give exactly the result of a clean file.
 */
export function readYaml(abs: string, display: string): { source?: YamlSource; problems: ContentProblem[] } {
  const at = (line: number, column: number, field: string, message: string): ContentProblem => ({
    file: display,
    line,
    column,
    field,
    message,
  });
  let size: number;
  try {
    size = statSync(abs).size;
  } catch {
    return { problems: [at(1, 1, "(Datei)", "Die Datei fehlt oder kann nicht gelesen werden.")] };
  }
  if (size > MAX_FILE_BYTES) {
    const mb = (size / 1024 / 1024).toLocaleString("de-DE", { maximumFractionDigits: 1 });
    return {
      problems: [
        at(
          1,
          1,
          "(Datei)",
          `Die Datei ist ${mb} MB groß; Inhaltsdateien dürfen höchstens 1 MB groß sein. Bitte prüfen, ob die richtige Datei hier liegt.`,
        ),
      ],
    };
  }
  const bytes = readFileSync(abs);
  const bad = invalidUtf8Offset(bytes);
  if (bad >= 0) {
    const p = bytePosition(bytes, bad);
    return {
      problems: [
        at(
          p.line,
          p.column,
          "(Datei)",
          "Die Datei ist nicht als UTF-8 gespeichert (ungültiges Zeichen). Bitte im Editor mit der Kodierung „UTF-8“ speichern.",
        ),
      ],
    };
  }
  let text = new TextDecoder("utf-8").decode(bytes);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  text = text.replace(/\r\n?/g, "\n");

  const lines = new LineCounter();
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, {
      lineCounter: lines,
      uniqueKeys: true,
      prettyErrors: false,
      strict: true,
      stringKeys: true,
    });
  } catch (e) {
    if (e instanceof RangeError)
      return { problems: [at(1, 1, "(Datei)", `Die Datei ist zu tief verschachtelt (mehr als ${MAX_DEPTH} Ebenen).`)] };
    throw e;
  }
  const problems: ContentProblem[] = [];
  for (const e of [...doc.errors, ...doc.warnings]) {
    const p = position(lines, e.pos[0]);
    problems.push(at(p.line, p.column, "(YAML)", yamlMessage(e.code, e.message)));
  }
  if (problems.length) return { problems: dedupe(problems) };

  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) {
    const onlyComments = text.trim().length > 0;
    return {
      problems: [
        at(
          1,
          1,
          "(Datei)",
          onlyComments ? "Die Datei enthält nur Kommentare, aber keine Inhalte." : "Die Datei ist leer.",
        ),
      ],
    };
  }
  const depth = maxDepth(doc);
  if (depth.depth > MAX_DEPTH) {
    const p = position(lines, depth.offset);
    return {
      problems: [
        at(p.line, p.column, "(Datei)", `Die Datei ist zu tief verschachtelt (mehr als ${MAX_DEPTH} Ebenen).`),
      ],
    };
  }
  // Anchors and aliases: not needed for content, and the way to blow a small file up to gigabytes.
  const aliasProblems: ContentProblem[] = [];
  const stack: unknown[] = [doc.contents];
  while (stack.length) {
    const node = stack.pop();
    if (node instanceof Alias) {
      const p = position(lines, node.range?.[0] ?? 0);
      aliasProblems.push(at(p.line, p.column, "(YAML)", yamlMessage("BAD_ALIAS", "")));
    } else if (isCollection(node)) {
      for (const item of node.items) {
        if (isPair(item)) stack.push(item.key, item.value);
        else stack.push(item);
      }
    } else if (isScalar(node) && node.anchor) {
      const p = position(lines, node.range?.[0] ?? 0);
      aliasProblems.push(at(p.line, p.column, "(YAML)", yamlMessage("BAD_ALIAS", "")));
    }
    if (isCollection(node) && node.anchor) {
      const p = position(lines, node.range?.[0] ?? 0);
      aliasProblems.push(at(p.line, p.column, "(YAML)", yamlMessage("BAD_ALIAS", "")));
    }
  }
  if (aliasProblems.length) return { problems: dedupe(aliasProblems) };
  if (!isMap(doc.contents)) {
    const p = position(lines, doc.contents.range?.[0] ?? 0);
    return {
      problems: [
        at(
          p.line,
          p.column,
          "(Datei)",
          "Die Datei muss aus Feldern bestehen („feld: wert“), nicht aus einer Liste oder einem einzelnen Wert.",
        ),
      ],
    };
  }
  return { source: { display, doc, lines, data: doc.toJS({ maxAliasCount: 0 }) }, problems: [] };
}

function dedupe(problems: ContentProblem[]): ContentProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const k = `${p.line}:${p.column}:${p.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Line and column of the value at `path`; for a missing field, of the section that lacks it. */
export function locate(src: YamlSource, path: Path, opts: { key?: string } = {}) {
  let p = [...path];
  while (p.length >= 0) {
    const node = p.length === 0 ? src.doc.contents : src.doc.getIn(p as unknown[], true);
    if (node && typeof node === "object" && "range" in node && node.range) {
      if (opts.key && node instanceof YAMLMap) {
        const pair = node.items.find((it) => isScalar(it.key) && it.key.value === opts.key);
        if (pair && isScalar(pair.key) && pair.key.range) return position(src.lines, pair.key.range[0]);
      }
      return position(src.lines, (node.range as [number, number, number])[0]);
    }
    if (p.length === 0) break;
    p = p.slice(0, -1);
  }
  return { line: 1, column: 1 };
}

/** The value at `path` in the parsed data (undefined when missing). */
export function valueAt(data: unknown, path: Path): unknown {
  let cur: unknown = data;
  for (const seg of path) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[seg as string];
  }
  return cur;
}
