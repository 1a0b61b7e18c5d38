/**
 * The pages of a deck variant's notes (`<variante>-notizen.pdf`) and handout (`<variante>-handzettel.pdf`) as one
 * HTML document each, printed by Chromium to A4 portrait (src/handout-pdf.ts). Every word comes from the slide
 * records and is written as escaped text: content is data here as everywhere. Each slide's picture is a
 * placeholder image of its own width (slide n: n pixels wide, one high) whose alt text is the slide's title and
 * text; the printer replaces each one by the deck PDF's own page, placed as a Form XObject.
 * A script in the page puts the blocks onto pages as they fit and numbers them („Seite 2 von 5“); running heads and
 * page numbers are hidden from assistive technology, so they become artifacts of the PDF.
 */
import { Buffer } from "node:buffer";
import { readFileSync } from "node:fs";
import { deflateSync } from "node:zlib";
import { colors, fontFamily, printType } from "@dus-opendata/brand";
import { ttfFonts } from "@dus-opendata/brand/node";
import type { ResolvedDeck, SlideRecord } from "@dus-opendata/concept";

export type HandoutKind = "notizen" | "handzettel";

/** Slides per handout page, as the audience knows it from other presentation programs. */
export const SLIDES_PER_HANDOUT_PAGE = 3;
/** Ruled lines beside each slide of the handout, for the audience's own notes. */
export const HANDOUT_LINES = 9;

const plain = (s: string) =>
  s
    .replace(/\u00AD/g, "")
    .replace(/[\s\u00A0]+/g, " ")
    .trim();

/** Fields of a record that are not shown as text on the slide (or, like the wordmark, only as its branding). */
const SKIP = new Set(["kind", "notes", "ref", "source", "page", "href", "id", "name", "wordmark"]);

/**
 * What a slide says, as one text: its title, then every text it shows in reading order (a status slide's chart by
 * its description), each once. The alt text of the slide's picture in the notes and the handout.
 */
export function slideText(slide: SlideRecord): string {
  const pieces: string[] = [];
  const visit = (value: unknown): void => {
    if (typeof value === "string") {
      const t = plain(value);
      if (t) pieces.push(t);
      return;
    }
    if (Array.isArray(value)) {
      // A label and its value: „Status: in Arbeit“.
      if (value.length === 2 && typeof value[0] === "string" && !Array.isArray(value[1])) {
        const v = typeof value[1] === "string" ? value[1] : (value[1] as { label?: string })?.label;
        if (typeof v === "string") {
          pieces.push(`${plain(value[0])}: ${plain(v)}`);
          return;
        }
      }
      for (const v of value) visit(v);
      return;
    }
    if (value && typeof value === "object") {
      const o = value as Record<string, unknown>;
      // A row of a table of Maßnahmen: „Titel: in Arbeit, 10/2022, überfällig“.
      if (typeof o.title === "string" && o.status && typeof o.planned === "string") {
        const status = (o.status as { label?: string }).label ?? "";
        pieces.push(
          `${plain(o.title)}: ${[status, o.planned, typeof o.overdue === "string" ? o.overdue : ""].filter(Boolean).map(plain).join(", ")}`,
        );
        return;
      }
      // A chart is described by its text alternative; a status token by its words.
      if ("description" in o && typeof o.description === "string") {
        visit(o.description);
        return;
      }
      if ("label" in o && "kind" in o && Object.keys(o).length === 2) {
        visit(o.label);
        return;
      }
      // A piece of running text: its words, not its link's accessible name.
      if ("text" in o && typeof o.text === "string" && ("href" in o || Object.keys(o).length === 1)) {
        pieces.push(plain(o.text));
        return;
      }
      fields(o, false);
    }
  };
  // The record's own title leads; a nested title (a chapter of an outline) is part of the text.
  const fields = (o: Record<string, unknown>, top: boolean) => {
    for (const [k, v] of Object.entries(o)) {
      if (SKIP.has(k) || (top && k === "title")) continue;
      // The column heads of a table say nothing without their rows, which name them.
      if (k === "columns" && Array.isArray(v) && v.every((x) => typeof x === "string")) continue;
      visit(v);
    }
  };
  fields(slide as unknown as Record<string, unknown>, true);
  const title = plain(slide.title);
  const seen = new Set([title]);
  const text: string[] = [title];
  // Running text pieces of one paragraph are joined first; a repeated heading is said once.
  for (const p of pieces) {
    if (seen.has(p)) continue;
    seen.add(p);
    text.push(p);
  }
  return text.map((t) => (/[.!?:…“"”]$/.test(t) ? t : `${t}.`)).join(" ");
}

/** A one-pixel-high grey PNG `width` pixels wide: the placeholder of slide number `width`. */
export function placeholderPng(width: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const x of b) c = crcTable[(c ^ x) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(1, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width, 0xf3)]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(row)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const html = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

/** The brand font's regular, semibold and bold faces, inline (the page is set from a string, with no server). */
function fontFaces(): string {
  return ttfFonts()
    .filter((f) => f.style === "normal")
    .map(
      (f) =>
        `@font-face{font-family:"${fontFamily}";font-weight:${f.weight};font-style:normal;font-display:block;src:url(data:font/ttf;base64,${readFileSync(f.path).toString("base64")}) format("truetype")}`,
    )
    .join("\n");
}

const pt = (n: number) => `${n}pt`;

function styles(kind: HandoutKind): string {
  return `
${fontFaces()}
@page { size: A4 portrait; margin: 0; }
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; }
body { font-family: "${fontFamily}", sans-serif; font-size: ${pt(printType.body)}; line-height: ${printType.lineHeight}; color: ${colors.ink}; background: ${colors.paper}; }
.page { width: 210mm; height: 297mm; padding: 14mm 18mm 12mm 20mm; display: flex; flex-direction: column; overflow: hidden; break-after: page; position: relative; }
.page:last-child { break-after: auto; }
.running { display: flex; justify-content: space-between; gap: 8mm; font-size: ${pt(printType.small)}; color: ${colors.muted}; border-bottom: 0.75pt solid ${colors.rule}; padding-bottom: 2mm; margin-bottom: 6mm; }
.running .brand { color: ${colors.primary}; font-weight: 700; }
.foot { display: flex; justify-content: space-between; gap: 8mm; font-size: ${pt(printType.small)}; color: ${colors.muted}; border-top: 0.75pt solid ${colors.rule}; padding-top: 2mm; margin-top: auto; }
.content { flex: 1 1 auto; min-height: 0; display: flex; flex-direction: column; gap: ${kind === "notizen" ? "7mm" : "0"}; }
.intro { margin: 0 0 4mm; }
h1 { font-size: ${pt(printType.title)}; line-height: 1.2; color: ${colors.primary}; margin: 0 0 1.5mm; font-weight: 700; }
.intro p { margin: 0; color: ${colors.muted}; font-size: ${pt(printType.body)}; }
h2 { font-size: ${pt(printType.body)}; font-weight: 600; margin: 0 0 2mm; color: ${colors.ink}; }
h2 .no { color: ${colors.primary}; font-weight: 700; margin-right: 1.5mm; }
.slide { display: grid; break-inside: avoid; }
.picture { display: block; border: 0.75pt solid ${colors.rule}; }
.picture img { display: block; width: 100%; height: 100%; }
${
  kind === "notizen"
    ? `.slide { grid-template-columns: 92mm 1fr; column-gap: 7mm; }
.slide h2 { grid-column: 1 / -1; }
.picture { width: 92mm; height: 51.75mm; }
.notes p { margin: 0 0 2mm; }
.notes p:last-child { margin-bottom: 0; }`
    : `.content { justify-content: flex-start; }
.slide { grid-template-columns: 100mm 1fr; column-gap: 8mm; padding: 0 0 6mm; margin: 0 0 6mm; border-bottom: 0.75pt solid ${colors.rule}; }
.slide:last-child { border-bottom: 0; margin-bottom: 0; }
.slide h2 { grid-column: 1 / -1; }
.picture { width: 100mm; height: 56.25mm; }
.lines { display: flex; flex-direction: column; justify-content: space-between; height: 56.25mm; }
.lines .line { border-bottom: 0.75pt solid ${colors.rule}; flex: 1 1 0; }`
}
`;
}

interface Texts {
  /** Running head, left: the deck's title. */
  head: string;
  /** Running head, right: the Stand. */
  stand: string;
  /** Foot, left: the sender. */
  sender: string;
}

/** A slide's heading in the notes and the handout (H2): „Folie 3 von 12 Titel“ as a reader meets it. */
const slideHeading = (deck: ResolvedDeck, s: SlideRecord, i: number) => ({
  no: `Folie ${i + 1} von ${deck.slides.length}`,
  title: plain(s.title),
});

/** The headings of the notes and the handout in reading order: the deck's title (H1), then one per slide. */
export function handoutReadingOrder(deck: ResolvedDeck): string[] {
  return [
    plain(deck.title),
    ...deck.slides.map((s, i) => {
      const h = slideHeading(deck, s, i);
      return `${h.no} ${h.title}`;
    }),
  ];
}

/** A slide's block: its number and title (H2), its picture, and the notes or the ruled lines. */
function slideBlock(kind: HandoutKind, deck: ResolvedDeck, s: SlideRecord, i: number): string {
  const alt = slideText(s);
  const h = slideHeading(deck, s, i);
  const img = `<div class="picture"><img alt="${html(alt)}" src="data:image/png;base64,${placeholderPng(i + 1).toString("base64")}"></div>`;
  const heading = `<h2><span class="no">${h.no}</span> ${html(h.title)}</h2>`;
  const side =
    kind === "notizen"
      ? `<div class="notes">${s.notes.map((p) => `<p>${html(p)}</p>`).join("")}</div>`
      : `<div class="lines" aria-hidden="true">${'<div class="line"></div>'.repeat(HANDOUT_LINES)}</div>`;
  return `<section class="slide" data-slide="${i + 1}">${heading}${img}${side}</section>`;
}

/**
 * The document to print: the title block and one block per slide in a hidden flow, the running head and foot as
 * templates; the page script lays them out onto A4 pages.
 */
export function handoutHtml(kind: HandoutKind, deck: ResolvedDeck): string {
  const t: Texts = { head: plain(deck.title), stand: deck.footer.stand, sender: deck.footer.sender };
  const what = kind === "notizen" ? "Notizen für Vortragende" : "Handzettel";
  const intro = `<header class="intro"><h1>${html(plain(deck.title))}</h1><p>${html(`${what} · ${deck.occasion} · ${t.stand}`)}</p></header>`;
  const blocks = deck.slides.map((s, i) => slideBlock(kind, deck, s, i)).join("\n");
  return `<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8"><title>${html(`${what}: ${t.head}`)}</title>
<style>${styles(kind)}</style></head>
<body>
<div id="flow" hidden>${intro}
${blocks}</div>
<template id="running"><div class="running" aria-hidden="true"><span class="brand">${html(t.head)}</span><span>${html(`${what} · ${t.stand}`)}</span></div></template>
<template id="foot"><div class="foot" aria-hidden="true"><span>${html(t.sender)}</span><span class="page-no"></span></div></template>
<script>${LAYOUT_SCRIPT}</script>
</body></html>`;
}

/**
 * In the page, once the fonts are loaded (`window.__layout(perPage)`, see src/handout-pdf.ts): moves the blocks of
 * the flow onto pages, a new page when the next block does not fit (or, with `perPage`, after that many slides),
 * then writes „Seite i von n“ into each foot, and returns the number of pages and the slides on a page whose
 * content does not fit (a slide with notes longer than a page). Plain JavaScript, as the browser runs it.
 */
const LAYOUT_SCRIPT = `window.__layout = (function (perPage) {
  var flow = document.getElementById("flow");
  var running = document.getElementById("running");
  var foot = document.getElementById("foot");
  var blocks = Array.prototype.slice.call(flow.children);
  var pages = [];
  var content = null;
  var slidesOnPage = 0;
  function newPage() {
    var page = document.createElement("div");
    page.className = "page";
    page.appendChild(running.content.cloneNode(true));
    content = document.createElement("div");
    content.className = "content";
    page.appendChild(content);
    page.appendChild(foot.content.cloneNode(true));
    document.body.appendChild(page);
    pages.push(page);
    slidesOnPage = 0;
    return content;
  }
  blocks.forEach(function (block) {
    var isSlide = block.classList.contains("slide");
    var target = content || newPage();
    if (isSlide && perPage && slidesOnPage >= perPage) target = newPage();
    target.appendChild(block);
    if (isSlide && target.scrollHeight > target.clientHeight + 1 && target.children.length > 1) {
      target = newPage();
      target.appendChild(block);
    }
    if (isSlide) slidesOnPage++;
  });
  flow.remove();
  // A block taller than a whole page would be cut off: say which slide, rather than print it so.
  var cut = [];
  pages.forEach(function (p) {
    var c = p.querySelector(".content");
    if (c && c.scrollHeight > c.clientHeight + 1)
      p.querySelectorAll(".slide").forEach(function (s) { cut.push(Number(s.getAttribute("data-slide"))); });
  });
  if (cut.length) return { pages: pages.length, cut: cut };
  pages.forEach(function (p, i) {
    var no = p.querySelector(".page-no");
    if (no) no.textContent = "Seite " + (i + 1) + " von " + pages.length;
  });
  return { pages: pages.length, cut: [] };
});`;
