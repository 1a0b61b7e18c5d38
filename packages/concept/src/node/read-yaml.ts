import { readFileSync, statSync } from "node:fs";
import {
  Composer,
  CST,
  type Document,
  isMap,
  isScalar,
  Lexer,
  LineCounter,
  Parser,
  type YAMLError,
  YAMLMap,
} from "yaml";
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

const PARSE_OPTIONS = { uniqueKeys: true, prettyErrors: false, strict: true, stringKeys: true } as const;

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

/**
 * First offset where brackets or same-line list markers (`- - - …`) nest deeper than MAX_DEPTH, or -1.
 * Uses only the lexer, which is iterative: the cheap first guard against documents built to exhaust the stack.
 */
function lexicalDepthOffset(text: string): number {
  if (!mayNestDeeply(text)) return -1;
  let offset = 0;
  let flow = 0;
  let onLine = 0;
  for (const token of new Lexer().lex(text)) {
    // Control tokens mark lexer states and take no room in the source.
    if (token === CST.DOCUMENT || token === CST.SCALAR || token === CST.FLOW_END) continue;
    switch (CST.tokenType(token)) {
      case "flow-seq-start":
      case "flow-map-start":
        if (++flow > MAX_DEPTH) return offset;
        break;
      case "flow-seq-end":
      case "flow-map-end":
        flow = Math.max(0, flow - 1);
        break;
      case "newline":
        onLine = 0;
        break;
      case "seq-item-ind":
      case "explicit-key-ind":
        if (flow === 0 && ++onLine > MAX_DEPTH) return offset;
        break;
    }
    offset += token.length;
  }
  return -1;
}

/**
 * Cheap necessary condition for lexicalDepthOffset: more opening brackets in the file than MAX_DEPTH, or more
 * `-`/`?` on one line. Ordinary files fail it, so they skip the lexer pass.
 */
function mayNestDeeply(text: string): boolean {
  let brackets = 0;
  let onLine = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5b || c === 0x7b) {
      if (++brackets > MAX_DEPTH) return true;
    } else if (c === 0x2d || c === 0x3f) {
      if (++onLine > MAX_DEPTH) return true;
    } else if (c === 0x0a) onLine = 0;
  }
  return false;
}

interface CstScan {
  /** Offset of the first collection deeper than MAX_DEPTH. */
  tooDeep?: number;
  /** Offsets of anchors (`&a`) and aliases (`*a`). */
  references: number[];
  /** Offsets of tags (`!x`, `!!str`). */
  tags: number[];
  /** Offset of the first quoted text without its closing quote. */
  unclosedQuote?: number;
  /** Offset of the first `[` or `{` without its closing bracket. */
  unclosedBracket?: number;
}

/** Walks the concrete syntax tree without recursion: nesting depth, anchors, aliases, tags, unclosed quotes. */
function scanCst(tokens: readonly CST.Token[]): CstScan {
  const scan: CstScan = { references: [], tags: [] };
  const first = (current: number | undefined, offset: number) =>
    current === undefined ? offset : Math.min(current, offset);
  const stack: { token: CST.Token | null | undefined; depth: number }[] = tokens.map((token) => ({ token, depth: 0 }));
  const pushAll = (list: readonly CST.Token[] | undefined, depth: number) => {
    for (const token of list ?? []) stack.push({ token, depth });
  };
  while (stack.length) {
    const { token, depth } = stack.pop() as { token: CST.Token | null | undefined; depth: number };
    if (!token) continue;
    switch (token.type) {
      case "document":
        pushAll(token.start, depth);
        stack.push({ token: token.value, depth });
        pushAll(token.end, depth);
        break;
      case "block-map":
      case "block-seq":
      case "flow-collection": {
        const inner = depth + 1;
        if (inner > MAX_DEPTH) {
          scan.tooDeep = first(scan.tooDeep, token.offset);
          break;
        }
        if (token.type === "flow-collection") {
          const closer = token.start.source === "[" ? "]" : "}";
          if (!token.end.some((t) => t.source === closer))
            scan.unclosedBracket = first(scan.unclosedBracket, token.start.offset);
          pushAll(token.end, inner);
        }
        for (const item of token.items) {
          pushAll(item.start, inner);
          stack.push({ token: item.key, depth: inner });
          pushAll(item.sep, inner);
          stack.push({ token: item.value, depth: inner });
        }
        break;
      }
      case "block-scalar":
        pushAll(token.props, depth);
        break;
      case "double-quoted-scalar":
      case "single-quoted-scalar": {
        const quote = token.type === "double-quoted-scalar" ? '"' : "'";
        if (token.source.length < 2 || !token.source.endsWith(quote))
          scan.unclosedQuote = first(scan.unclosedQuote, token.offset);
        pushAll(token.end, depth);
        break;
      }
      case "scalar":
        pushAll(token.end, depth);
        break;
      case "alias":
        scan.references.push(token.offset);
        pushAll(token.end, depth);
        break;
      case "anchor":
        scan.references.push(token.offset);
        break;
      case "tag":
        scan.tags.push(token.offset);
        break;
    }
  }
  return scan;
}

/** Where to point for a YAML error: at the opening quote or bracket rather than at the end of the file. */
function errorOffset(e: YAMLError, scan: CstScan, text: string): number {
  if (e.code === "MISSING_CHAR" && /closing ["']quote/.test(e.message) && scan.unclosedQuote !== undefined)
    return scan.unclosedQuote;
  if (/end with (a )?[\]}]/.test(e.message) && scan.unclosedBracket !== undefined) return scan.unclosedBracket;
  // An indentation error is reported at the start of the line; the entry that is out of line is more helpful.
  if (e.code === "BAD_INDENT") {
    let offset = e.pos[0];
    while (text[offset] === " ") offset++;
    return offset;
  }
  return e.pos[0];
}

/** The key at `offset`, as written (for „Das Feld „title“ steht zweimal …“). */
function keyAt(text: string, offset: number): string {
  const m = /^(?:"([^"\n]*)"|'([^'\n]*)'|([^:\n]*?))\s*:/.exec(text.slice(offset, offset + 1100));
  return (m?.[1] ?? m?.[2] ?? m?.[3] ?? "").trim();
}

/**
 * Reads one content file. Returns problems instead of throwing: a content mistake is never a stack trace.
 * A byte-order mark and Windows line endings are accepted and give exactly the result of a clean file.
 * A broken file gives one problem, the first one: later YAML errors are mostly consequences of it.
 */
export function readYaml(abs: string, display: string): { source?: YamlSource; problems: ContentProblem[] } {
  const at = (line: number, column: number, field: string, message: string): ContentProblem => ({
    file: display,
    line,
    column,
    field,
    message,
  });
  const one = (problem: ContentProblem) => ({ problems: [problem] });
  let size: number;
  try {
    size = statSync(abs).size;
  } catch {
    return one(at(1, 1, "(Datei)", "Die Datei fehlt oder kann nicht gelesen werden."));
  }
  if (size > MAX_FILE_BYTES) {
    const mb = size / MAX_FILE_BYTES;
    const shown = mb < 1.05 ? "etwas mehr als 1" : mb.toLocaleString("de-DE", { maximumFractionDigits: 1 });
    return one(
      at(
        1,
        1,
        "(Datei)",
        `Die Datei ist ${shown} MB groß; Inhaltsdateien dürfen höchstens 1 MB groß sein. Bitte prüfen, ob die richtige Datei hier liegt.`,
      ),
    );
  }
  const bytes = readFileSync(abs);
  const bad = invalidUtf8Offset(bytes);
  if (bad >= 0) {
    const p = bytePosition(bytes, bad);
    return one(
      at(
        p.line,
        p.column,
        "(Datei)",
        "Die Datei ist nicht als UTF-8 gespeichert (ungültiges Zeichen). Bitte im Editor mit der Kodierung „UTF-8“ speichern.",
      ),
    );
  }
  let text = new TextDecoder("utf-8").decode(bytes);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  text = text.replace(/\r\n?/g, "\n");

  const lines = new LineCounter();
  const tooDeep = (offset: number) => {
    const p = position(lines, offset);
    return one(
      at(
        p.line,
        p.column,
        "(Datei)",
        `Die Datei ist zu tief verschachtelt (mehr als ${MAX_DEPTH} Ebenen). Inhaltsdateien brauchen nur wenige Ebenen: bitte Einrückung und Klammern prüfen.`,
      ),
    );
  };
  // The composer recurses once per level of nesting: check the depth before it runs, so that no document
  // can exhaust the stack (a stack overflow inside the YAML library can end the whole process).
  const lexicalDeep = lexicalDepthOffset(text);
  if (lexicalDeep >= 0) {
    lines.addNewLine(0);
    for (let i = text.indexOf("\n"); i >= 0 && i < lexicalDeep; i = text.indexOf("\n", i + 1)) lines.addNewLine(i + 1);
    return tooDeep(lexicalDeep);
  }
  const tokens = Array.from(new Parser(lines.addNewLine).parse(text));
  const scan = scanCst(tokens);
  if (scan.tooDeep !== undefined) return tooDeep(scan.tooDeep);

  let doc: Document.Parsed | undefined;
  const composer = new Composer(PARSE_OPTIONS);
  for (const next of composer.compose(tokens, true, text.length)) {
    if (!doc) doc = next;
    else {
      const p = position(lines, next.range[0]);
      return one(at(p.line, p.column, "(YAML)", yamlMessage("MULTIPLE_DOCS", "")));
    }
  }
  if (!doc) return one(at(1, 1, "(Datei)", "Die Datei ist leer."));
  const error = doc.errors[0] ?? doc.warnings[0];
  if (error) {
    const offset = errorOffset(error, scan, text);
    const p = position(lines, offset);
    const message =
      error.code === "DUPLICATE_KEY" && keyAt(text, offset)
        ? `Das Feld „${keyAt(text, offset)}“ steht zweimal im selben Abschnitt: jedes Feld darf nur einmal vorkommen.`
        : yamlMessage(error.code, error.message);
    return one(at(p.line, p.column, "(YAML)", message));
  }
  // Anchors and aliases: not needed for content, and the way to blow a small file up to gigabytes.
  if (scan.references.length) {
    const offset = Math.min(...scan.references);
    const p = position(lines, offset);
    const n = scan.references.length;
    return one(
      at(
        p.line,
        p.column,
        "(YAML)",
        `${yamlMessage("BAD_ALIAS", "")}${n > 1 ? ` Die Datei enthält ${n} solche Stellen; hier ist die erste.` : ""}`,
      ),
    );
  }
  if (scan.tags.length) {
    const p = position(lines, Math.min(...scan.tags));
    return one(at(p.line, p.column, "(YAML)", yamlMessage("TAG_RESOLVE_FAILED", "")));
  }

  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) {
    const onlyComments = /^[ \t]*#/m.test(text);
    return one(
      at(
        1,
        1,
        "(Datei)",
        onlyComments ? "Die Datei enthält nur Kommentare, aber keine Inhalte." : "Die Datei ist leer.",
      ),
    );
  }
  if (!isMap(doc.contents)) {
    const p = position(lines, doc.contents.range?.[0] ?? 0);
    return one(
      at(
        p.line,
        p.column,
        "(Datei)",
        "Die Datei muss aus Feldern bestehen („feld: wert“), nicht aus einer Liste oder einem einzelnen Wert.",
      ),
    );
  }
  return { source: { display, doc, lines, data: doc.toJS({ maxAliasCount: 0 }) }, problems: [] };
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

/** The scalar at `path` as written in the file (`2019` stays „2019“, `09` stays „09“), or undefined. */
export function sourceTextAt(src: YamlSource, path: Path): string | undefined {
  const node = path.length === 0 ? src.doc.contents : src.doc.getIn(path as unknown[], true);
  return isScalar(node) && typeof node.source === "string" ? node.source : undefined;
}
