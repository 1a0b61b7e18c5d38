/**
 * What a font's glyph codes mean as text, read from its ToUnicode CMap (ISO 32000-1, 9.10.3): enough to tell
 * an invisible glyph (one that stands for white space) from a visible one.
 */
import { Buffer } from "node:buffer";
import { decodePDFRawStream, PDFDict, type PDFDocument, PDFName, type PDFPage, PDFRawStream } from "pdf-lib";

export interface GlyphText {
  /** Bytes per glyph code: 2 for composite fonts (Identity-H), 1 for simple fonts. */
  codeLength: 1 | 2;
  map: Map<number, string>;
}

const hexToUtf16 = (hex: string) => {
  let out = "";
  for (let i = 0; i + 3 < hex.length; i += 4) out += String.fromCharCode(Number.parseInt(hex.slice(i, i + 4), 16));
  return out;
};

/** Parses the bfchar and bfrange sections of a ToUnicode CMap. */
export function parseToUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const section of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const m of section[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]*)>/g))
      map.set(Number.parseInt(m[1]!, 16), hexToUtf16(m[2]!));
  for (const section of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g))
    for (const m of section[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(<[0-9a-fA-F]*>|\[[^\]]*\])/g)) {
      const lo = Number.parseInt(m[1]!, 16);
      const hi = Number.parseInt(m[2]!, 16);
      const dst = m[3]!;
      if (dst.startsWith("[")) {
        const items = [...dst.matchAll(/<([0-9a-fA-F]*)>/g)].map((x) => hexToUtf16(x[1]!));
        for (let c = lo; c <= hi && c - lo < items.length; c++) map.set(c, items[c - lo]!);
      } else {
        const base = dst.slice(1, -1);
        const first = hexToUtf16(base);
        // The last UTF-16 unit counts up over the range.
        for (let c = lo; c <= hi; c++)
          map.set(c, first.slice(0, -1) + String.fromCharCode(first.charCodeAt(first.length - 1) + (c - lo)));
      }
    }
  return map;
}

/**
 * The glyph-to-text maps of the fonts in a page's resources, by resource name. Pages share fonts: `cache`
 * keeps each font's map, read once per document.
 */
export function pageFonts(
  pdf: PDFDocument,
  page: PDFPage,
  cache: Map<unknown, GlyphText | undefined> = new Map(),
): Map<string, GlyphText> {
  const fonts = new Map<string, GlyphText>();
  const dict = page.node.Resources()?.lookupMaybe(PDFName.of("Font"), PDFDict);
  if (!dict) return fonts;
  for (const [key, value] of dict.entries()) {
    if (cache.has(value)) {
      const known = cache.get(value);
      if (known) fonts.set(key.decodeText(), known);
      continue;
    }
    cache.set(value, undefined);
    const font = pdf.context.lookup(value);
    if (!(font instanceof PDFDict)) continue;
    const stream = font.lookup(PDFName.of("ToUnicode"));
    if (!(stream instanceof PDFRawStream)) continue;
    const cmap = Buffer.from(decodePDFRawStream(stream).decode()).toString("latin1");
    const composite = font.lookupMaybe(PDFName.of("Subtype"), PDFName)?.decodeText() === "Type0";
    const glyphs: GlyphText = { codeLength: composite ? 2 : 1, map: parseToUnicode(cmap) };
    cache.set(value, glyphs);
    fonts.set(key.decodeText(), glyphs);
  }
  return fonts;
}

/** The text of a shown string in a font; undefined when a code has no mapping. */
export function glyphsToText(font: GlyphText, bytes: string): string | undefined {
  let out = "";
  for (let i = 0; i + font.codeLength <= bytes.length; i += font.codeLength) {
    const code = font.codeLength === 2 ? (bytes.charCodeAt(i) << 8) | bytes.charCodeAt(i + 1) : bytes.charCodeAt(i);
    const text = font.map.get(code);
    if (text === undefined) return undefined;
    out += text;
  }
  return out;
}
