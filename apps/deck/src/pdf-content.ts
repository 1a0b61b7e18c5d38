/**
 * A PDF content stream as a list of operations, each with the exact source text of its operands, so that a
 * stream can be rewritten by inserting or replacing whole operations while every other byte stays as it was.
 * The stream is handled as latin1 text (one character per byte), which keeps binary data intact.
 */

export type Operand =
  | { kind: "number"; raw: string; value: number }
  | { kind: "name"; raw: string; value: string }
  | { kind: "string"; raw: string; bytes: string }
  | { kind: "array"; raw: string; items: Operand[] }
  | { kind: "dict"; raw: string; entries: Map<string, Operand> }
  | { kind: "keyword"; raw: string };

export interface Operation {
  op: string;
  operands: Operand[];
  /** Offsets of the operation (first operand to operator) in the stream text. */
  start: number;
  end: number;
}

const WHITE = new Set(["\0", "\t", "\n", "\f", "\r", " "]);
const DELIM = new Set(["(", ")", "<", ">", "[", "]", "{", "}", "/", "%"]);
const KEYWORDS = new Set(["true", "false", "null"]);

export class ContentStreamError extends Error {}

class Reader {
  pos = 0;
  constructor(readonly text: string) {}

  skipSpace() {
    const t = this.text;
    while (this.pos < t.length) {
      const c = t[this.pos]!;
      if (WHITE.has(c)) this.pos++;
      else if (c === "%") while (this.pos < t.length && t[this.pos] !== "\n" && t[this.pos] !== "\r") this.pos++;
      else break;
    }
  }

  /** A regular token (number, operator, keyword) at the current position. */
  regular(): string {
    const t = this.text;
    const from = this.pos;
    while (this.pos < t.length && !WHITE.has(t[this.pos]!) && !DELIM.has(t[this.pos]!)) this.pos++;
    return t.slice(from, this.pos);
  }

  literalString(): string {
    const t = this.text;
    let depth = 0;
    let out = "";
    this.pos++; // (
    while (this.pos < t.length) {
      const c = t[this.pos++]!;
      if (c === "\\") {
        const n = t[this.pos++] ?? "";
        const simple: Record<string, string> = { n: "\n", r: "\r", t: "\t", b: "\b", f: "\f" };
        if (n in simple) out += simple[n];
        else if (/[0-7]/.test(n)) {
          let oct = n;
          while (oct.length < 3 && /[0-7]/.test(t[this.pos] ?? "")) oct += t[this.pos++];
          out += String.fromCharCode(Number.parseInt(oct, 8) & 0xff);
        } else if (n === "\r") {
          if (t[this.pos] === "\n") this.pos++;
        } else if (n !== "\n") out += n;
      } else if (c === "(") {
        depth++;
        out += c;
      } else if (c === ")") {
        if (depth === 0) return out;
        depth--;
        out += c;
      } else out += c;
    }
    throw new ContentStreamError("Zeichenkette ohne Ende im Inhaltsstrom");
  }

  hexString(): string {
    const t = this.text;
    const close = t.indexOf(">", this.pos);
    if (close < 0) throw new ContentStreamError("Hex-Zeichenkette ohne Ende im Inhaltsstrom");
    let hex = t.slice(this.pos + 1, close).replace(/[\0\t\n\f\r ]/g, "");
    this.pos = close + 1;
    if (hex.length % 2) hex += "0";
    let out = "";
    for (let i = 0; i < hex.length; i += 2) out += String.fromCharCode(Number.parseInt(hex.slice(i, i + 2), 16));
    return out;
  }

  /** The next operand, or the name of an operator (returned as a string). */
  next(): Operand | string | undefined {
    this.skipSpace();
    const t = this.text;
    if (this.pos >= t.length) return undefined;
    const from = this.pos;
    const c = t[this.pos]!;
    const raw = () => t.slice(from, this.pos);
    if (c === "(") {
      const bytes = this.literalString();
      return { kind: "string", raw: raw(), bytes };
    }
    if (c === "<" && t[this.pos + 1] === "<") {
      this.pos += 2;
      const entries = new Map<string, Operand>();
      for (;;) {
        this.skipSpace();
        if (t.startsWith(">>", this.pos)) {
          this.pos += 2;
          return { kind: "dict", raw: raw(), entries };
        }
        const key = this.next();
        if (typeof key !== "object" || key.kind !== "name")
          throw new ContentStreamError("Schlüssel eines Wörterbuchs im Inhaltsstrom ist kein Name");
        const value = this.next();
        if (typeof value !== "object") throw new ContentStreamError("Wert eines Wörterbuchs im Inhaltsstrom fehlt");
        entries.set(key.value, value);
      }
    }
    if (c === "<") {
      const bytes = this.hexString();
      return { kind: "string", raw: raw(), bytes };
    }
    if (c === "[") {
      this.pos++;
      const items: Operand[] = [];
      for (;;) {
        this.skipSpace();
        if (t[this.pos] === "]") {
          this.pos++;
          return { kind: "array", raw: raw(), items };
        }
        const item = this.next();
        if (typeof item !== "object") throw new ContentStreamError("Feld ohne Ende im Inhaltsstrom");
        items.push(item);
      }
    }
    if (c === "/") {
      this.pos++;
      const name = this.regular().replace(/#([0-9a-fA-F]{2})/g, (_, h: string) =>
        String.fromCharCode(Number.parseInt(h, 16)),
      );
      return { kind: "name", raw: raw(), value: name };
    }
    if (c === ")" || c === ">" || c === "]" || c === "{" || c === "}") {
      throw new ContentStreamError(`Unerwartetes Zeichen „${c}“ im Inhaltsstrom`);
    }
    const word = this.regular();
    if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word)) return { kind: "number", raw: word, value: Number(word) };
    if (KEYWORDS.has(word)) return { kind: "keyword", raw: word };
    return word;
  }
}

/** Splits a content stream into operations. Inline images (BI … ID … EI) become one operation `BI`. */
export function parseContent(text: string): Operation[] {
  const r = new Reader(text);
  const ops: Operation[] = [];
  let operands: Operand[] = [];
  let start = -1;
  for (;;) {
    r.skipSpace();
    const at = r.pos;
    const token = r.next();
    if (token === undefined) break;
    if (start < 0) start = at;
    if (typeof token === "object") {
      operands.push(token);
      continue;
    }
    if (token === "BI") {
      // Inline image: its data ends at whitespace + EI followed by whitespace or the end.
      const data = text.indexOf("ID", r.pos);
      const endMatch = /[\0\t\n\f\r ]EI(?=[\0\t\n\f\r ]|$)/g;
      endMatch.lastIndex = data + 3;
      const m = endMatch.exec(text);
      if (data < 0 || !m) throw new ContentStreamError("Eingebettetes Bild ohne Ende im Inhaltsstrom");
      r.pos = m.index + 3;
    }
    if (token === "") throw new ContentStreamError(`Unlesbares Zeichen an Stelle ${at} im Inhaltsstrom`);
    ops.push({ op: token, operands, start, end: r.pos });
    operands = [];
    start = -1;
  }
  if (operands.length) throw new ContentStreamError("Operanden ohne Operator am Ende des Inhaltsstroms");
  return ops;
}

/** Operators that paint: text, paths, shadings, images and XObjects (ISO 32000-1, tables 51, 59, 77, 92). */
export const TEXT_SHOW = new Set(["Tj", "TJ", "'", '"']);
export const PATH_PAINT = new Set(["S", "s", "f", "F", "f*", "B", "B*", "b", "b*"]);
export const OTHER_PAINT = new Set(["sh", "Do", "BI"]);

export function paints(op: string): boolean {
  return TEXT_SHOW.has(op) || PATH_PAINT.has(op) || OTHER_PAINT.has(op);
}

/** A PDF text string (UTF-16BE with BOM, or PDFDocEncoding read as latin1) from its bytes. */
export function decodeTextString(bytes: string): string {
  if (bytes.startsWith("\xfe\xff")) {
    let out = "";
    for (let i = 2; i + 1 < bytes.length; i += 2)
      out += String.fromCharCode((bytes.charCodeAt(i) << 8) | bytes.charCodeAt(i + 1));
    return out;
  }
  return bytes;
}

/** An edit of the stream: the text of operations [from, to) is replaced by `text` (from === to inserts). */
export interface Edit {
  from: number;
  to: number;
  text: string;
}

/** Applies edits given as operation indices; insertions at the same index keep their order. */
export function applyEdits(text: string, ops: Operation[], edits: Edit[]): string {
  const offset = (i: number) => (i < ops.length ? ops[i]!.start : text.length);
  const sorted = edits
    .map((e, order) => ({ ...e, order }))
    .sort((a, b) => a.from - b.from || a.to - b.to || a.order - b.order);
  let out = "";
  let pos = 0;
  for (const e of sorted) {
    const from = offset(e.from);
    if (from < pos) throw new ContentStreamError("Überlappende Änderungen am Inhaltsstrom");
    out += text.slice(pos, from);
    out += e.from === e.to ? `${e.text}\n` : e.text;
    pos = e.from === e.to ? from : ops[e.to - 1]!.end;
  }
  return out + text.slice(pos);
}
