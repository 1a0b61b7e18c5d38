/**
 * Indentation mistakes, said as such. The YAML parser reports a line indented too far or not far enough as
 * whatever it reads it as („Unerwarteter Doppelpunkt“, „Vor diesem Listeneintrag fehlt „- ““), or, where the
 * line happens to be valid YAML, not at all: a list entry indented two spaces too far becomes part of the text of
 * the entry before it. This module finds both, from the lines of the file, and says which line, how many spaces are
 * expected and what the line is read as.
 */
import { type Document, isMap, isPair, isScalar, isSeq, type LineCounter, Scalar } from "yaml";
import { q } from "../notation/period.js";
import { formatFieldPath } from "./content-error.js";

export interface IndentationProblem {
  offset: number;
  field: string;
  message: string;
}

const spaces = (n: number) => (n === 1 ? "1 Leerzeichen" : `${n} Leerzeichen`);

/** A key as content files write them: a plain word, or a quoted one. */
const KEY = /^(["']?)([A-Za-z_][\w-]*)\1[ \t]*:(?=[ \t]|$)/;

/** A text shown in a message: whole when short, otherwise its start and its end. */
function shown(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return q(flat.length <= 90 ? flat : `${flat.slice(0, 40)} … ${flat.slice(-40)}`);
}

/**
 * Plain (unquoted) texts that run over several lines where a continuation line starts with „- “: YAML reads
 * „- Überangebot\n    - Interesse schwindet“ as one text „Überangebot - Interesse schwindet“, silently. A list
 * entry meant as its own entry is indented too far; one that belongs to the text must be quoted.
 */
export function findMergedLines(doc: Document.Parsed, text: string, lines: LineCounter): IndentationProblem[] {
  const found: IndentationProblem[] = [];
  const lineOf = (offset: number) => lines.linePos(offset).line;
  const columnOf = (offset: number) => lines.linePos(offset).col - 1;
  // The path is kept as a chain of parents and built only for a finding: files may hold tens of thousands of nodes.
  type Entry = {
    node: unknown;
    parent?: Entry;
    step?: string | number;
    owner?: { kind: "seq" | "key"; offset: number; key?: string };
  };
  const pathOf = (e: Entry) => {
    const path: (string | number)[] = [];
    for (let at: Entry | undefined = e; at?.step !== undefined; at = at.parent) path.unshift(at.step);
    return path;
  };
  const stack: Entry[] = [{ node: doc.contents }];
  while (stack.length) {
    const entry = stack.pop() as Entry;
    const { node, owner } = entry;
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair) || !isScalar(pair.key)) continue;
        const key = String(pair.key.value);
        const offset = pair.key.range?.[0] ?? 0;
        stack.push({ node: pair.value, parent: entry, step: key, owner: { kind: "key", offset, key } });
      }
    } else if (isSeq(node)) {
      const offset = node.range?.[0] ?? 0;
      node.items.forEach((item, i) => {
        stack.push({ node: item, parent: entry, step: i, owner: { kind: "seq", offset } });
      });
    } else if (isScalar(node) && node.type === Scalar.PLAIN && node.range && owner) {
      const [start, end] = node.range;
      const raw = text.slice(start, end);
      if (!raw.includes("\n")) continue;
      let at = start + raw.indexOf("\n") + 1;
      for (const continuation of raw.split("\n").slice(1)) {
        const indent = continuation.length - continuation.trimStart().length;
        const lineStart = at;
        at += continuation.length + 1;
        if (!/^-( |$)/.test(continuation.trimStart())) continue;
        const first = lineOf(start);
        const value = shown(String(node.value));
        const message =
          owner.kind === "seq"
            ? `Diese Zeile ist zu weit eingerückt (${spaces(indent)}) und wird deshalb als Teil des Listeneintrags in Zeile ${first} gelesen: ${value}. ` +
              `Als eigener Eintrag muss sie so weit eingerückt sein wie der Eintrag in Zeile ${first}: „- “ nach ${spaces(columnOf(owner.offset))}. Gehört „- “ zum Text, bitte den ganzen Text in Anführungszeichen setzen.`
            : `Diese Zeile ist weiter eingerückt als „${owner.key}“ in Zeile ${lineOf(owner.offset)} und wird deshalb als Teil von dessen Text gelesen: ${value}. ` +
              `Gehört „- “ zum Text, bitte den ganzen Text in Anführungszeichen setzen; sonst die Einrückung prüfen.`;
        found.push({ offset: lineStart + indent, field: formatFieldPath(pathOf(entry)), message });
      }
    }
  }
  return found.sort((a, b) => a.offset - b.offset);
}

interface Level {
  indent: number;
  kind: "map" | "seq";
  /** 1-based line of the level's latest entry, and its key (maps): what a message compares a line with. */
  line: number;
  key?: string;
}

interface Mistake {
  line: number;
  indent: number;
  message: string;
}

/** How a line's value goes on: nothing (a block follows), plain text, or a block, quote or bracket over more lines. */
type ValueKind = "none" | "plain" | "block" | "quoted" | "flow" | "closed";

function valueKind(rest: string): { kind: ValueKind; quote?: string } {
  const value = rest.trim();
  const c = value[0];
  if (c === '"' || c === "'") {
    const body = value.slice(1);
    const closed = c === '"' ? /(^|[^\\])(\\\\)*"/.test(body) : body.includes("'");
    return closed ? { kind: "closed" } : { kind: "quoted", quote: c };
  }
  const plain = value.replace(/(^|[ \t])#.*$/, "").trim();
  if (plain === "") return { kind: "none" };
  if (c === "|" || c === ">") return { kind: "block" };
  if (c === "[" || c === "{") return flowDepth(plain) > 0 ? { kind: "flow" } : { kind: "closed" };
  return { kind: "plain" };
}

function flowDepth(text: string, start = 0): number {
  let depth = start;
  let quote: string | undefined;
  for (const c of text) {
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === "[" || c === "{") depth++;
    else if (c === "]" || c === "}") depth--;
  }
  return depth;
}

/**
 * The first line whose indentation fits no level of the file, read with the block structure content files use
 * (fields, lists, texts). `errorLine` is where the YAML parser stopped: the mistake is on that line or the next one
 * (the parser often points at the text before a line indented too far). Undefined where the lines show no
 * indentation mistake there, or use YAML this reading does not follow: the parser's own message stands then.
 */
export function findIndentationMistake(text: string, errorLine: number): Mistake | undefined {
  const all = text.split("\n");
  const levels: Level[] = [];
  /** A field with nothing after its colon: its value is the block on the following, deeper lines. */
  let opened: { column: number } | undefined;
  /** A plain text that may go on over the following, deeper lines; with the column of its field or „- “. */
  let openText: { column: number; line: number } | undefined;
  /** Lines that belong to a block text (`|`, `>`) deeper than `column`, to a quote or to brackets. */
  let skip:
    | { kind: "block"; column: number }
    | { kind: "quoted"; quote: string }
    | { kind: "flow"; depth: number }
    | undefined;

  const nearest = (among: Level[], kind: Level["kind"], indent: number) =>
    among
      .filter((l) => l.kind === kind)
      .sort((a, b) => Math.abs(a.indent - indent) - Math.abs(b.indent - indent) || b.indent - a.indent)[0];

  const describe = (level: Level) =>
    level.kind === "map" ? `wie bei „${level.key}“ in Zeile ${level.line}` : `wie „- “ in Zeile ${level.line}`;

  const mistake = (line: number, indent: number, expected: Level | undefined, readAs: string): Mistake | undefined => {
    if (!expected || expected.indent === indent) return undefined;
    const direction = indent > expected.indent ? "zu weit" : "nicht weit genug";
    return {
      line,
      indent,
      message: `Die Zeile ist ${direction} eingerückt: ${spaces(indent)}, erwartet werden ${spaces(expected.indent)} ${describe(expected)}. ${readAs}`,
    };
  };

  // Only near the parser's error: anything else is not what stopped it.
  const near = (found: Mistake | undefined) => (found && found.line >= errorLine - 2 ? found : undefined);

  for (let n = 0; n < all.length && n < errorLine + 1; n++) {
    const line = n + 1;
    const raw = all[n] ?? "";
    const trimmed = raw.trimStart();
    const indent = raw.length - trimmed.length;
    if (skip?.kind === "block") {
      if (trimmed === "" || indent > skip.column) continue;
      skip = undefined;
    } else if (skip?.kind === "quoted") {
      const { quote } = skip;
      if (quote === '"' ? /(^|[^\\])(\\\\)*"/.test(raw) : raw.includes("'")) skip = undefined;
      continue;
    } else if (skip?.kind === "flow") {
      const depth = flowDepth(raw, skip.depth);
      skip = depth > 0 ? { kind: "flow", depth } : undefined;
      continue;
    }
    if (trimmed === "" || trimmed.startsWith("#")) continue;
    // Explicit keys, documents and directives: not the YAML of content files; the parser's message stands.
    if (/^(\?|---|\.\.\.|%)/.test(trimmed)) return undefined;

    // „- “ markers at the start of the line, then the entry: a field, or a text.
    const dashes: number[] = [];
    let column = indent;
    let rest = trimmed;
    for (let m = /^-(?: +|$)/.exec(rest); m; m = /^-(?: +|$)/.exec(rest)) {
      dashes.push(column);
      column += m[0].length;
      rest = rest.slice(m[0].length);
    }
    const key = KEY.exec(rest);
    const isEntry = dashes.length > 0;

    if (openText && indent > openText.column) {
      // Deeper than the text before: YAML reads the line as more of that text. A field there breaks the file.
      if (!isEntry && key) {
        const owner = [...levels].reverse().find((l) => l.indent <= openText!.column);
        const expected = owner?.kind === "map" ? owner : undefined;
        return near(
          mistake(
            line,
            indent,
            expected,
            `So eingerückt, wird sie als Fortsetzung des Textes in Zeile ${openText.line} gelesen.`,
          ),
        );
      }
      continue;
    }
    openText = undefined;

    if (levels.length === 0 || (opened && (indent > opened.column || (isEntry && indent === opened.column)))) {
      if (!isEntry && !key) {
        // A text as the value of the field above, on lines of its own.
        openText = { column: opened?.column ?? -1, line };
        opened = undefined;
        continue;
      }
      levels.push({ indent, kind: isEntry ? "seq" : "map", line, ...(key ? { key: key[2] } : {}) });
      opened = undefined;
    } else {
      opened = undefined;
      const open = [...levels];
      while (levels.length && (levels.at(-1) as Level).indent > indent) levels.pop();
      const top = levels.at(-1);
      if (isEntry) {
        if (!(top?.kind === "seq" && top.indent === indent)) {
          return near(
            mistake(
              line,
              indent,
              nearest(open, "seq", indent),
              "So eingerückt, lässt sie sich keiner Liste darüber zuordnen.",
            ),
          );
        }
      } else if (key) {
        if (!(top?.kind === "map" && top.indent === indent)) {
          const list = top?.kind === "seq" && top.indent === indent;
          return near(
            mistake(
              line,
              indent,
              nearest(open, "map", indent),
              list
                ? `So eingerückt, gehört sie zur Liste darüber (Zeile ${top.line}), deren Einträge mit „- “ beginnen.`
                : "So eingerückt, lässt sie sich keinem Abschnitt darüber zuordnen.",
            ),
          );
        }
      } else return undefined; // a text where fields stand: a missing colon, not indentation
    }
    // The line fits: it is now its level's latest entry; then the levels it opens, and how its value goes on.
    const here = levels.at(-1);
    if (here && here.indent === indent) {
      here.line = line;
      if (key && !isEntry) here.key = key[2];
    }
    for (const d of dashes.slice(1)) levels.push({ indent: d, kind: "seq", line });
    let valueColumn = isEntry ? (dashes.at(-1) as number) : indent;
    let after = rest;
    if (key) {
      if (isEntry) levels.push({ indent: column, kind: "map", line, key: key[2] });
      valueColumn = column;
      after = rest.slice(key[0].length);
    }
    const value = valueKind(after);
    if (value.kind === "none") opened = { column: valueColumn };
    else if (value.kind === "plain") openText = { column: valueColumn, line };
    else if (value.kind === "block") skip = { kind: "block", column: valueColumn };
    else if (value.kind === "quoted") skip = { kind: "quoted", quote: value.quote as string };
    else if (value.kind === "flow") skip = { kind: "flow", depth: flowDepth(after.trim()) };
  }
  return undefined;
}

/** YAML errors that a misindented line causes; brackets left open are reported as such. */
export function mayBeIndentation(code: string, message: string): boolean {
  if (/end with (a )?[\]}]/.test(message)) return false;
  return (
    ["BAD_INDENT", "BLOCK_AS_IMPLICIT_KEY", "MULTILINE_IMPLICIT_KEY", "UNEXPECTED_TOKEN", "MISSING_CHAR"].includes(
      code,
    ) &&
    (code !== "MISSING_CHAR" || /without - indicator/.test(message))
  );
}
