/**
 * Which characters the outputs can show: read from the character maps (`cmap`) of the font files they embed. The
 * flyers embed the TTF files of Source Sans 3; the deck loads the WOFF2 subsets that fonts.css declares, each only
 * for the characters of its `unicode-range`. A character counts as shown when every face of every output has it,
 * so that whichever weight or style a text is set in, no substitute and no font the output does not embed is used.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliDecompressSync, inflateSync } from "node:zlib";
import { ttfFonts } from "./node.js";
import { fontFamily } from "./tokens.js";

/** Code points in ranges: [first, last] inclusive, sorted, not overlapping. */
export type CodePointRanges = readonly (readonly [number, number])[];

const tag = (b: Buffer, at: number) => b.toString("latin1", at, at + 4);

/** The `cmap` table of a TrueType/OpenType, WOFF or WOFF2 file. */
function cmapTable(file: Buffer): Buffer {
  const signature = tag(file, 0);
  if (signature === "wOFF") {
    const count = file.readUInt16BE(12);
    for (let i = 0; i < count; i++) {
      const at = 44 + i * 20;
      if (tag(file, at) !== "cmap") continue;
      const offset = file.readUInt32BE(at + 4);
      const compressed = file.readUInt32BE(at + 8);
      const length = file.readUInt32BE(at + 12);
      const data = file.subarray(offset, offset + compressed);
      return compressed === length ? data : inflateSync(data);
    }
  } else if (signature === "wOF2") {
    // Table directory: flags (known tag index or an own tag), lengths as UIntBase128; then one Brotli stream with
    // the tables one after the other. `cmap` is table index 0 and never transformed.
    const count = file.readUInt16BE(12);
    const compressedSize = file.readUInt32BE(20);
    let at = 48;
    const base128 = () => {
      let value = 0;
      for (let i = 0; i < 5; i++) {
        const byte = file[at++] ?? 0;
        value = value * 128 + (byte & 0x7f);
        if (!(byte & 0x80)) return value;
      }
      throw new Error("WOFF2: ungültige Länge");
    };
    let offset = 0;
    let cmap: { offset: number; length: number } | undefined;
    for (let i = 0; i < count; i++) {
      const flags = file[at++] ?? 0;
      const known = flags & 0x3f;
      const name =
        known === 63 ? tag(file, at) : known === 0 ? "cmap" : known === 10 ? "glyf" : known === 11 ? "loca" : "";
      if (known === 63) at += 4;
      const version = flags >> 6;
      const length = base128();
      const transformed = name === "glyf" || name === "loca" ? version === 0 : version !== 0;
      const stored = transformed ? base128() : length;
      if (name === "cmap") cmap = { offset, length };
      offset += stored;
    }
    if (cmap) {
      const tables = brotliDecompressSync(file.subarray(at, at + compressedSize));
      return tables.subarray(cmap.offset, cmap.offset + cmap.length);
    }
  } else {
    const count = file.readUInt16BE(4);
    for (let i = 0; i < count; i++) {
      const at = 12 + i * 16;
      if (tag(file, at) !== "cmap") continue;
      const offset = file.readUInt32BE(at + 8);
      return file.subarray(offset, offset + file.readUInt32BE(at + 12));
    }
  }
  throw new Error("Die Schriftdatei hat keine Zeichentabelle (cmap).");
}

/** The code points a `cmap` table maps to a glyph (Unicode subtables of format 4 and 12). */
function mappedCodePoints(cmap: Buffer): CodePointRanges {
  const subtables: { format: number; offset: number }[] = [];
  const count = cmap.readUInt16BE(2);
  for (let i = 0; i < count; i++) {
    const platform = cmap.readUInt16BE(4 + i * 8);
    const encoding = cmap.readUInt16BE(6 + i * 8);
    const offset = cmap.readUInt32BE(8 + i * 8);
    if (platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10)))
      subtables.push({ format: cmap.readUInt16BE(offset), offset });
  }
  const full = subtables.find((s) => s.format === 12);
  const ranges: [number, number][] = [];
  if (full) {
    const groups = cmap.readUInt32BE(full.offset + 12);
    for (let g = 0; g < groups; g++) {
      const at = full.offset + 16 + g * 12;
      const first = cmap.readUInt32BE(at);
      const last = cmap.readUInt32BE(at + 4);
      const glyph = cmap.readUInt32BE(at + 8);
      if (glyph === 0 && first === last) continue;
      ranges.push([glyph === 0 ? first + 1 : first, last]);
    }
    return mergeRanges(ranges);
  }
  const bmp = subtables.find((s) => s.format === 4);
  if (!bmp) throw new Error("Die Schriftdatei hat keine Unicode-Zeichentabelle (cmap Format 4 oder 12).");
  const o = bmp.offset;
  const segments = cmap.readUInt16BE(o + 6) / 2;
  const ends = o + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  for (let s = 0; s < segments; s++) {
    const end = cmap.readUInt16BE(ends + s * 2);
    const start = cmap.readUInt16BE(starts + s * 2);
    const delta = cmap.readInt16BE(deltas + s * 2);
    const rangeOffset = cmap.readUInt16BE(rangeOffsets + s * 2);
    for (let c = start; c <= end && c !== 0xffff; c++) {
      let glyph: number;
      if (rangeOffset === 0) glyph = (c + delta) & 0xffff;
      else {
        const at = rangeOffsets + s * 2 + rangeOffset + (c - start) * 2;
        glyph = cmap.readUInt16BE(at);
        if (glyph !== 0) glyph = (glyph + delta) & 0xffff;
      }
      if (glyph !== 0) ranges.push([c, c]);
    }
  }
  return mergeRanges(ranges);
}

function mergeRanges(ranges: [number, number][]): CodePointRanges {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [a, b] of sorted) {
    const last = out.at(-1);
    if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

function intersect(a: CodePointRanges, b: CodePointRanges): CodePointRanges {
  const out: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const [a0, a1] = a[i] as readonly [number, number];
    const [b0, b1] = b[j] as readonly [number, number];
    const lo = Math.max(a0, b0);
    const hi = Math.min(a1, b1);
    if (lo <= hi) out.push([lo, hi]);
    if (a1 < b1) i++;
    else j++;
  }
  return out;
}

/** The code points of a font file (TTF, OTF, WOFF or WOFF2). */
export function fontCodePoints(path: string): CodePointRanges {
  return mappedCodePoints(cmapTable(readFileSync(path)));
}

/** `unicode-range: U+0000-00FF, U+0131, …` as ranges. */
function parseUnicodeRange(value: string): CodePointRanges {
  return mergeRanges(
    value.split(",").map((part) => {
      const m = /U\+([0-9A-F?]+)(?:-([0-9A-F]+))?/i.exec(part.trim());
      if (!m?.[1]) throw new Error(`unicode-range nicht lesbar: ${part}`);
      const first = m[1].replace(/\?/g, "0");
      const last = m[2] ?? m[1].replace(/\?/g, "F");
      return [Number.parseInt(first, 16), Number.parseInt(last, 16)];
    }),
  );
}

export interface DeckFace {
  weight: number;
  style: string;
  /** The font files of the face, with the characters each is used for (its `unicode-range`). */
  files: { path: string; range: CodePointRanges }[];
}

/** The faces fonts.css declares for the deck, with the files they load. */
export function deckFaces(): DeckFace[] {
  const require = createRequire(import.meta.url);
  const css = readFileSync(fontsCssPath(), "utf8");
  const faces = new Map<string, DeckFace>();
  for (const block of css.matchAll(/@font-face\s*\{([^}]*)\}/g)) {
    const body = block[1] ?? "";
    const get = (prop: string) => new RegExp(`${prop}\\s*:\\s*([^;]+);`).exec(body)?.[1]?.trim() ?? "";
    const url = /url\("([^"]+)"\)/.exec(get("src"))?.[1];
    if (!url) continue;
    const weight = Number(get("font-weight"));
    const style = get("font-style");
    const key = `${weight} ${style}`;
    const face = faces.get(key) ?? { weight, style, files: [] };
    const range = get("unicode-range");
    face.files.push({
      path: require.resolve(url),
      range: range ? parseUnicodeRange(range) : [[0, 0x10ffff]],
    });
    faces.set(key, face);
  }
  return [...faces.values()];
}

/** fonts.css in the package (src/fonts.css); this module runs from src/ (tsx) or dist/, one level below. */
function fontsCssPath(): string {
  return join(dirname(dirname(fileURLToPath(import.meta.url))), "src", "fonts.css");
}

let cached: CodePointRanges | undefined;

/**
 * The characters every output can show: those that every TTF face of the flyers and every face of the deck (the
 * union of its subsets, each within its `unicode-range`) map to a glyph.
 */
export function outputCodePoints(): CodePointRanges {
  if (cached) return cached;
  let all: CodePointRanges = [[0, 0x10ffff]];
  for (const f of ttfFonts()) all = intersect(all, fontCodePoints(f.path));
  for (const face of deckFaces()) {
    const shown = mergeRanges(
      face.files.flatMap((f) => intersect(f.range, fontCodePoints(f.path)).map(([a, b]) => [a, b] as [number, number])),
    );
    all = intersect(all, shown);
  }
  cached = all;
  return all;
}

/** Whether a code point lies in the ranges. */
export function inRanges(ranges: CodePointRanges, c: number): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [a, b] = ranges[mid] as readonly [number, number];
    if (c < a) hi = mid - 1;
    else if (c > b) lo = mid + 1;
    else return true;
  }
  return false;
}

const hex = (c: number) => `U+${c.toString(16).toUpperCase().padStart(4, "0")}`;
const segmenter = new Intl.Segmenter("de", { granularity: "grapheme" });
/** White space a text may hold as written: YAML's line ends and tabs are blanks in every output. */
const BLANKS = new Set(["\n", "\t", "\r\n"]);

/** A character that shows nothing by itself (a combining mark alone, a format character, a special space). */
const invisible = (cluster: string) => /^[\p{Mn}\p{Me}\p{Cf}\p{Zs}\p{Zl}\p{Zp}]+$/u.test(cluster);

/**
 * Every character of a text that the outputs cannot show as written, as findings for the loader (`checkText`):
 * control characters (other than line ends and tabs, which are blanks), characters that change the writing
 * direction, and every character or combination that not every embedded font face can show. A combination that
 * Unicode composes into a character the fonts have („e“ and a combining acute: „é“) is fine: the model holds texts
 * composed (NFC).
 */
export function checkOutputCharacters(text: string): { index: number; length: number; message: string }[] {
  const shown = outputCodePoints();
  const covered = (s: string) => [...s].every((c) => inRanges(shown, c.codePointAt(0) as number));
  const found: { index: number; length: number; message: string }[] = [];
  /** Characters no font has, next to each other, are one finding („日本語“, not three). */
  let run: { index: number; text: string } | undefined;
  const endRun = () => {
    if (!run) return;
    const points = [...run.text].map((c) => c.codePointAt(0) as number);
    const codes = `${points.slice(0, 8).map(hex).join(" ")}${points.length > 8 ? " …" : ""}`;
    const clusters = [...segmenter.segment(run.text)].length;
    const what = invisible(run.text)
      ? `${clusters > 1 ? "Die unsichtbaren Zeichen" : "Das unsichtbare Zeichen"} ${codes}`
      : `${clusters > 1 ? "Die Zeichen" : points.length > 1 ? "Die Zeichenfolge" : "Das Zeichen"} „${run.text}“ (${codes})`;
    found.push({
      index: run.index,
      length: run.text.length,
      message: `${what} kann keine Schrift der Ausgaben darstellen: Folien und Flyer setzen ${fontFamily} (lateinische Schrift mit den Akzenten west- und mitteleuropäischer Sprachen) und zeigen nur, was diese Schrift hat. Bitte ersetzen oder weglassen.`,
    });
    run = undefined;
  };
  for (const { segment, index } of segmenter.segment(text)) {
    if (BLANKS.has(segment)) {
      endRun();
      continue;
    }
    const codes = [...segment].map((c) => hex(c.codePointAt(0) as number)).join(" ");
    if ([...segment].some((c) => /\p{Cc}/u.test(c) && !BLANKS.has(c))) {
      endRun();
      found.push({
        index,
        length: segment.length,
        message: `Das Steuerzeichen ${codes} ist in Texten nicht erlaubt: es ist unsichtbar und kommt meist durch Kopieren aus einem anderen Programm in den Text. Bitte entfernen.`,
      });
      continue;
    }
    if (/\p{Bidi_Control}/u.test(segment)) {
      endRun();
      found.push({
        index,
        length: segment.length,
        message: `Das Steuerzeichen ${codes} ändert die Schreibrichtung und ist in Texten nicht erlaubt: der Text erschiene anders, als er geschrieben ist. Bitte entfernen.`,
      });
      continue;
    }
    if (covered(segment) || covered(segment.normalize("NFC"))) {
      endRun();
      continue;
    }
    if (run) run.text += segment;
    else run = { index, text: segment };
  }
  endRun();
  return found;
}
