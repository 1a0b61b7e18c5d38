import {
  Composer,
  CST,
  type Document,
  isMap,
  isScalar,
  isSeq,
  Lexer,
  LineCounter,
  Parser,
  type YAMLError,
  YAMLMap,
} from "yaml";
import type { ContentProblem } from "./content-error.js";
import { type FileSource, workingTree } from "./file-source.js";
import { findIndentationMistake, findMergedLines, mayBeIndentation } from "./indentation.js";
import { yamlMessage } from "./messages.js";

/** Content files are small; anything larger is a mistake (a pasted export, a wrong file). */
export const MAX_FILE_BYTES = 1024 * 1024;
/** Deeper than any content file needs; stops pathological documents early. */
export const MAX_DEPTH = 24;
/**
 * YAML tokens (words, blanks, indicators, line ends) in one file. The largest content file has under 1 000 and
 * 1 MB of prose about 60 000; the YAML parser needs seconds for a million, which 1 MB of one-letter list entries
 * reaches.
 */
export const MAX_TOKENS = 100_000;
/**
 * Below this many characters a file cannot hold MAX_TOKENS tokens: every token takes at least one character,
 * except the lexer's markers, each of which comes before one that does.
 */
const FEW_TOKENS_BELOW = MAX_TOKENS / 2;

export interface YamlSource {
  display: string;
  doc: Document.Parsed;
  lines: LineCounter;
  data: unknown;
  /** The text of the file as parsed (no byte-order mark, line ends as „\n“): what `lines` and node ranges count in. */
  text: string;
}

type Path = readonly PropertyKey[];

// Duplicate keys are found below in linear time: the YAML library compares each key with every earlier one,
// which takes a minute for a file of 60 000 keys.
const PARSE_OPTIONS = { uniqueKeys: false, prettyErrors: false, strict: true, stringKeys: true } as const;

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
 * What the lexer alone finds: the first offset where brackets or same-line list markers (`- - - …`) nest deeper
 * than MAX_DEPTH, or too many tokens. The lexer is iterative and fast: the first guard against documents built to
 * exhaust the stack or the clock. Ordinary files skip it.
 */
function lexicalScan(text: string): { tooDeep?: number; tooManyTokens?: boolean } {
  if (text.length < FEW_TOKENS_BELOW && !mayNestDeeply(text)) return {};
  let offset = 0;
  let flow = 0;
  let onLine = 0;
  let tokens = 0;
  for (const token of new Lexer().lex(text)) {
    if (++tokens > MAX_TOKENS) return { tooManyTokens: true };
    // Control tokens mark lexer states and take no room in the source.
    if (token === CST.DOCUMENT || token === CST.SCALAR || token === CST.FLOW_END) continue;
    switch (CST.tokenType(token)) {
      case "flow-seq-start":
      case "flow-map-start":
        if (++flow > MAX_DEPTH) return { tooDeep: offset };
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
        if (flow === 0 && ++onLine > MAX_DEPTH) return { tooDeep: offset };
        break;
    }
    offset += token.length;
  }
  return {};
}

/**
 * Cheap necessary condition for deep nesting in lexicalScan: more opening brackets in the file than MAX_DEPTH, or more
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

/** The first key, in file order, that repeats a key of the same section; with the offset of its first use. */
function firstDuplicateKey(doc: Document.Parsed): { key: string; offset: number; firstOffset: number } | undefined {
  let found: { key: string; offset: number; firstOffset: number } | undefined;
  const stack: unknown[] = [doc.contents];
  while (stack.length) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Map<string, number>();
      for (const pair of node.items) {
        if (isScalar(pair.key) && pair.key.range) {
          const key = String(pair.key.value);
          const first = seen.get(key);
          if (first === undefined) seen.set(key, pair.key.range[0]);
          else if (!found || pair.key.range[0] < found.offset)
            found = { key, offset: pair.key.range[0], firstOffset: first };
        }
        stack.push(pair.value);
      }
    } else if (isSeq(node)) for (const item of node.items) stack.push(item);
  }
  return found;
}

/**
 * Reads one content file. Returns problems instead of throwing: a content mistake is never a stack trace.
 * A byte-order mark and Windows line endings are accepted and give exactly the result of a clean file.
 * A broken file gives one problem, the first one: later YAML errors are mostly consequences of it.
 */
export function readYaml(
  abs: string,
  display: string,
  files: FileSource = workingTree,
): { source?: YamlSource; problems: ContentProblem[] } {
  const at = (line: number, column: number, field: string, message: string): ContentProblem => ({
    file: display,
    line,
    column,
    field,
    message,
  });
  const one = (problem: ContentProblem) => ({ problems: [problem] });
  const unreadable = () => one(at(1, 1, "(Datei)", "Die Datei fehlt oder kann nicht gelesen werden."));
  const size = files.size(abs);
  if (size === undefined) return unreadable();
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
  let bytes: Uint8Array;
  try {
    bytes = files.read(abs);
  } catch {
    return unreadable();
  }
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
  const lexical = lexicalScan(text);
  if (lexical.tooManyTokens)
    return one(
      at(
        1,
        1,
        "(Datei)",
        `Die Datei ist zu umfangreich: mehr als ${MAX_TOKENS.toLocaleString("de-DE")} einzelne Bestandteile (Felder, Einträge, Wörter, Zeilen). Inhaltsdateien sind viel kleiner; bitte prüfen, ob die richtige Datei hier liegt.`,
      ),
    );
  if (lexical.tooDeep !== undefined) {
    lines.addNewLine(0);
    for (let i = text.indexOf("\n"); i >= 0 && i < lexical.tooDeep; i = text.indexOf("\n", i + 1))
      lines.addNewLine(i + 1);
    return tooDeep(lexical.tooDeep);
  }
  const tokens = Array.from(new Parser(lines.addNewLine).parse(text));
  const scan = scanCst(tokens);
  if (scan.tooDeep !== undefined) return tooDeep(scan.tooDeep);

  // Anchors and aliases: not needed for content, and the way to blow a small file up to gigabytes. Checked on the
  // syntax tree, before composing: a file with many of them would otherwise cost seconds of warnings.
  if (scan.references.length) {
    const offset = scan.references.reduce((a, b) => Math.min(a, b));
    const p = position(lines, offset);
    const n = scan.references.length;
    return one(
      at(
        p.line,
        p.column,
        "(YAML)",
        `${yamlMessage("BAD_ALIAS", "")}${n > 1 ? ` Die Datei enthält ${n.toLocaleString("de-DE")} solche Stellen; hier ist die erste.` : ""}`,
      ),
    );
  }
  if (scan.tags.length) {
    const p = position(
      lines,
      scan.tags.reduce((a, b) => Math.min(a, b)),
    );
    return one(at(p.line, p.column, "(YAML)", yamlMessage("TAG_RESOLVE_FAILED", "")));
  }

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
    const p = position(lines, errorOffset(error, scan, text));
    const misindented = mayBeIndentation(error.code, error.message) ? findIndentationMistake(text, p.line) : undefined;
    if (misindented) return one(at(misindented.line, misindented.indent + 1, "(YAML)", misindented.message));
    return one(at(p.line, p.column, "(YAML)", yamlMessage(error.code, error.message)));
  }
  const duplicate = firstDuplicateKey(doc);
  if (duplicate) {
    const p = position(lines, duplicate.offset);
    const first = position(lines, duplicate.firstOffset);
    return one(
      at(
        p.line,
        p.column,
        "(YAML)",
        `Das Feld „${duplicate.key}“ steht zweimal im selben Abschnitt (zuerst in Zeile ${first.line}): jedes Feld darf nur einmal vorkommen.`,
      ),
    );
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
  const merged = findMergedLines(doc, text, lines);
  if (merged.length)
    return { problems: merged.map((m) => ({ ...at(0, 0, m.field, m.message), ...position(lines, m.offset) })) };
  return { source: { display, doc, lines, data: doc.toJS({ maxAliasCount: 0 }), text }, problems: [] };
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
