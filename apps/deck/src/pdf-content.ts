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

/**
 * One operation. Only the operator is read while splitting the stream (it is long: a slide has tens of
 * thousands of operations); the operands are parsed when first asked for.
 */
export class Operation {
  private parsed: Operand[] | undefined;
  constructor(
    private readonly text: string,
    readonly op: string,
    /** Offsets of the operation (first operand to operator) in the stream text. */
    readonly start: number,
    readonly end: number,
    private readonly operandsEnd: number,
  ) {}

  /** The operation's source text. */
  get raw(): string {
    return this.text.slice(this.start, this.end);
  }

  get operands(): Operand[] {
    if (!this.parsed) {
      const r = new Reader(this.text.slice(0, this.operandsEnd));
      r.pos = this.start;
      const out: Operand[] = [];
      for (let t = r.next(); t !== undefined; t = r.next()) {
        if (typeof t !== "object") throw new ContentStreamError(`Unerwarteter Operator „${t}“ zwischen Operanden`);
        out.push(t);
      }
      this.parsed = out;
    }
    return this.parsed;
  }
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

/** Byte classes (ISO 32000-1, 7.2.2): 0 regular, 1 white space, 2 delimiter. */
const CLASS = new Uint8Array(256);
for (const c of [0, 9, 10, 12, 13, 32]) CLASS[c] = 1;
for (const c of "()<>[]{}/%") CLASS[c.charCodeAt(0)] = 2;

/** The offset after the literal string that starts at `i` (an opening parenthesis). */
function skipLiteral(text: string, i: number): number {
  let depth = 0;
  for (let j = i + 1; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === 92)
      j++; // backslash: the next byte is escaped
    else if (c === 40) depth++;
    else if (c === 41) {
      if (depth === 0) return j + 1;
      depth--;
    }
  }
  throw new ContentStreamError("Zeichenkette ohne Ende im Inhaltsstrom");
}

/** The offset after the operand (string, array, dictionary, name, number or keyword) that starts at `i`. */
function skipOperand(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === 40) return skipLiteral(text, i);
  if (c === 60 && text.charCodeAt(i + 1) !== 60) {
    const close = text.indexOf(">", i);
    if (close < 0) throw new ContentStreamError("Hex-Zeichenkette ohne Ende im Inhaltsstrom");
    return close + 1;
  }
  if (c === 91 || c === 60) {
    // Array or dictionary: skip nested operands up to the matching close.
    const dict = c === 60;
    let j = i + (dict ? 2 : 1);
    for (;;) {
      while (j < text.length && CLASS[text.charCodeAt(j)] === 1) j++;
      if (j >= text.length) throw new ContentStreamError("Feld oder Wörterbuch ohne Ende im Inhaltsstrom");
      const d = text.charCodeAt(j);
      if (!dict && d === 93) return j + 1;
      if (dict && d === 62 && text.charCodeAt(j + 1) === 62) return j + 2;
      if (d === 37) {
        while (j < text.length && text.charCodeAt(j) !== 10 && text.charCodeAt(j) !== 13) j++;
        continue;
      }
      j = skipOperand(text, j);
    }
  }
  let j = c === 47 ? i + 1 : i;
  while (j < text.length && CLASS[text.charCodeAt(j)] === 0) j++;
  if (j === i) throw new ContentStreamError(`Unerwartetes Zeichen „${text[i]}“ im Inhaltsstrom`);
  return j;
}

const OPERAND_START = new Set(["true", "false", "null"]);

/** Splits a content stream into operations. Inline images (BI … ID … EI) become one operation `BI`. */
export function parseContent(text: string): Operation[] {
  const ops: Operation[] = [];
  const n = text.length;
  let start = -1;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const cls = CLASS[c]!;
    if (cls === 1) {
      i++;
      continue;
    }
    if (c === 37) {
      while (i < n && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
      continue;
    }
    if (start < 0) start = i;
    // Operands: anything but a regular token that is not a number or keyword.
    const regular = cls === 0 && !(c >= 48 && c <= 57) && c !== 43 && c !== 45 && c !== 46;
    if (!regular) {
      i = skipOperand(text, i);
      continue;
    }
    let j = i;
    while (j < n && CLASS[text.charCodeAt(j)] === 0) j++;
    const word = text.slice(i, j);
    if (OPERAND_START.has(word)) {
      i = j;
      continue;
    }
    let end = j;
    if (word === "BI") {
      // Inline image: its data ends at white space + EI followed by white space or the end.
      const data = text.indexOf("ID", j);
      const endMatch = /[\0\t\n\f\r ]EI(?=[\0\t\n\f\r ]|$)/g;
      endMatch.lastIndex = data + 3;
      const m = data < 0 ? null : endMatch.exec(text);
      if (!m) throw new ContentStreamError("Eingebettetes Bild ohne Ende im Inhaltsstrom");
      end = m.index + 3;
    }
    ops.push(new Operation(text, word, start, end, i));
    start = -1;
    i = end;
  }
  if (start >= 0) throw new ContentStreamError("Operanden ohne Operator am Ende des Inhaltsstroms");
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
