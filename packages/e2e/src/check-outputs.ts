/**
 * What must hold for the outputs of any concept, checked against its model: every deck variant has its site and
 * its PDF with one page per slide; the PDFs hold every fact of their slides (Baustein and Maßnahme titles, each
 * Maßnahme's status and dates, the counts) and embed only the brand font; every flyer holds its headings; no
 * slide has anything outside its box; and no word of another concept appears anywhere.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  type Concept,
  countDative,
  countNumber,
  countWords,
  DEFAULT_TERMS,
  type DeckVariant,
  formatPlanDate,
  formatPublished,
  formatStand,
  formatStatus,
  labels,
  type Measure,
  type ResolvedDeck,
  resolveContact,
  STATUS_KINDS,
  shownStatusKinds,
  statusKindLabel,
  statusScaleOf,
  summariseStatus,
  termsOf,
} from "@dus-opendata/concept";
import { loadConceptSync } from "@dus-opendata/concept/node";
import { serveStatic } from "@dus-opendata/serve";
import type { Browser, Page } from "playwright-core";

/** Only letters and digits: a fact is found in a PDF's text whatever the line breaks and hyphenation. */
export const letters = (text: string) => text.replace(/[^\p{L}\p{N}]/gu, "");

export function pdfText(file: string): string {
  return execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" });
}

export function pdfPages(file: string): number {
  const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
}

/** Fonts of a PDF (pdffonts): name and whether it is embedded. */
export function pdfFonts(file: string): { name: string; embedded: boolean }[] {
  const lines = execFileSync("pdffonts", [file], { encoding: "utf8" }).split("\n").slice(2).filter(Boolean);
  return lines.map((l) => {
    const cols = l.trim().split(/\s+/);
    return { name: cols[0] ?? "", embedded: cols[cols.length - 5] === "yes" };
  });
}

function checkFonts(file: string, problems: string[]) {
  const fonts = pdfFonts(file);
  if (!fonts.length) problems.push(`${file}: keine Schrift`);
  for (const f of fonts) {
    if (!f.embedded) problems.push(`${file}: Schrift ${f.name} nicht eingebettet`);
    if (!/^[A-Z]{6}\+SourceSans3/.test(f.name)) problems.push(`${file}: fremde Schrift ${f.name}`);
  }
}

function checkWords(file: string, text: string, pattern: RegExp | undefined, problems: string[]) {
  if (!pattern) return;
  const found = [...new Set([...text.matchAll(pattern)].map((m) => m[0]))];
  if (found.length) problems.push(`${file}: Wörter eines anderen Konzepts: ${found.join(", ")}`);
}

/** The Bausteine a variant shows, in its order. */
function shown(c: Concept, v: DeckVariant) {
  return v.blocks ? v.blocks.map((id) => c.bausteine.find((b) => b.id === id)!) : c.bausteine;
}

/** What the checks read of a variant's deck-data.json (the resolved records, packages/concept). */
type DeckDataFile = Pick<ResolvedDeck, "title" | "slides">;

/** Every text of a content folder's YAML files, as written. */
function contentText(dir: string): string {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => readFileSync(join(dir, f), "utf8"))
    .join("\n");
}

/**
 * Today's nouns (Baustein, Maßnahmen, …) that the concept replaces by its own terms and never writes itself: any of
 * them in an output is a generated word that did not follow the terms.
 */
export function replacedWords(c: Concept, content: string): RegExp | undefined {
  const written = contentText(content);
  const t = termsOf(c);
  const words = (Object.keys(DEFAULT_TERMS) as (keyof typeof DEFAULT_TERMS)[])
    .filter((k) => t[k].one !== DEFAULT_TERMS[k].one)
    .flatMap((k) => [DEFAULT_TERMS[k].one, DEFAULT_TERMS[k].many, DEFAULT_TERMS[k].dative])
    .filter((w) => !written.includes(w));
  return words.length ? new RegExp(`\\b(?:${[...new Set(words)].join("|")})\\b`, "gu") : undefined;
}

/**
 * The speaker's own notes each slide must start with: the variant's on its title slide (or first slide), a
 * Baustein's on its first slide, a Maßnahme's and an intro section's on theirs.
 */
export function ownNotes(c: Concept, v: DeckVariant, data: DeckDataFile): string[][] {
  const opening = Math.max(
    0,
    data.slides.findIndex((s) => s.kind === "title"),
  );
  const seen = new Set<string>();
  return data.slides.map((s, i) => {
    const b = s.ref?.baustein ? c.bausteine.find((x) => x.id === s.ref?.baustein) : undefined;
    const firstOfBaustein = b && !seen.has(b.id);
    if (b) seen.add(b.id);
    const m = s.kind === "measure" ? b?.measures.find((x) => x.id === s.ref?.measure) : undefined;
    const intro = s.kind === "intro" ? c.intro.find((x) => x.id === s.ref?.intro) : undefined;
    return [
      ...(i === opening ? (v.notes ?? []) : []),
      ...(firstOfBaustein ? (b.notes ?? []) : []),
      ...(m?.notes ?? []),
      ...(intro?.notes ?? []),
    ];
  });
}

/** A PDF's objects uncompressed (qpdf --qdf), to read its link annotations. */
export function pdfObjects(file: string): string {
  const dir = mkdtempSync(join(tmpdir(), "qdf-"));
  try {
    execFileSync("qpdf", ["--qdf", "--object-streams=disable", file, join(dir, "q.pdf")]);
    return readFileSync(join(dir, "q.pdf"), "latin1");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The contact's parts that every output showing it must hold, and its links. */
function contactFacts(c: Concept) {
  const contact = resolveContact(c.contact);
  if (!contact) return undefined;
  const texts = [contact.person, contact.role, ...contact.address, contact.hours, ...contact.links.map((l) => l.text)];
  return { texts: texts.filter((x): x is string => !!x), links: contact.links };
}

function checkContactPdf(file: string, text: string, c: Concept, problems: string[]) {
  const facts = contactFacts(c);
  if (!facts) return;
  const flat = letters(text);
  for (const fact of facts.texts) if (!flat.includes(letters(fact))) problems.push(`${file}: Kontakt fehlt: „${fact}“`);
  const objects = pdfObjects(file);
  for (const l of facts.links) if (!objects.includes(`/URI (${l.href})`)) problems.push(`${file}: kein Link ${l.href}`);
}

/** Each Baustein's counts by status as the flyers' overview writes them, in the concept's words: „2 begrenzt oder substanziell“. */
export function statusCounts(c: Concept): string[] {
  const scale = statusScaleOf(c.statuses);
  return summariseStatus(c).flatMap((b) =>
    STATUS_KINDS.filter((k) => b.byStatus[k] > 0).map((k) => `${b.byStatus[k]} ${statusKindLabel(scale, k)}`),
  );
}

/**
 * What deck-data.json says of each Maßnahme equals the model: on its slide, in the plan table and in the status
 * timeline, its status in the concept's word and its Datum (Plan) in canonical form (`30.06.2021 – 30.11.2022`);
 * the timeline holds every Maßnahme of the variant once, and its legend names the kinds of the concept's scale in
 * its own words, with their counts.
 */
export function checkDeckFacts(c: Concept, v: DeckVariant, data: DeckDataFile, site: string): string[] {
  const problems: string[] = [];
  const byId = new Map<string, Measure>(c.bausteine.flatMap((b) => b.measures.map((m) => [m.id, m] as const)));
  const fact = (id: string | undefined, where: string, status: string, planned: string) => {
    const m = id ? byId.get(id) : undefined;
    if (!m) return problems.push(`${site}: ${where}: unbekannte Maßnahme ${id}`);
    if (status !== formatStatus(m.status))
      problems.push(`${site}: ${where}: Status von „${m.id}“ ist „${status}“, nicht „${formatStatus(m.status)}“`);
    if (planned !== formatPlanDate(m.planned))
      problems.push(
        `${site}: ${where}: Datum (Plan) von „${m.id}“ ist „${planned}“, nicht „${formatPlanDate(m.planned)}“`,
      );
  };
  const rows: string[] = [];
  for (const [i, s] of data.slides.entries()) {
    const where = `Folie ${i + 1} (${s.kind})`;
    if (s.kind === "measure") fact(s.ref?.measure, where, s.facts.status[1].label, s.facts.planned[1]);
    if (s.kind === "plan") for (const r of s.rows) fact(r.id, where, r.status.label, r.planned);
    if (s.kind !== "status") continue;
    for (const r of s.timeline.rows) {
      fact(r.id, where, r.status.label, r.planned);
      rows.push(r.id);
    }
    if (data.slides.some((x, j) => x.kind === "status" && j > i)) continue;
    const scale = statusScaleOf(c.statuses);
    // On the last status slide: every Maßnahme of the variant's Bausteine once, and the legend of them all.
    const expected = shown(c, v).flatMap((b) => b.measures);
    if (JSON.stringify(rows) !== JSON.stringify(expected.map((m) => m.id)))
      problems.push(
        `${site}: ${where}: Zeilen ${JSON.stringify(rows)}, erwartet ${JSON.stringify(expected.map((m) => m.id))}`,
      );
    const legend = shownStatusKinds(
      scale,
      expected.map((m) => m.status.kind),
    ).map((k) => `${statusKindLabel(scale, k)} ${expected.filter((m) => m.status.kind === k).length}`);
    const got = s.timeline.legend.map((l) => `${l.label} ${l.count}`);
    if (JSON.stringify(got) !== JSON.stringify(legend))
      problems.push(`${site}: ${where}: Legende ${JSON.stringify(got)}, erwartet ${JSON.stringify(legend)}`);
  }
  return problems;
}

export interface CheckOptions {
  content: string;
  out: string;
  /** Words that must not appear in any output (another concept's). */
  foreign?: RegExp;
  /** A browser for the slide overflow check; without one it is skipped. */
  browser?: Browser;
}

export async function checkOutputs(o: CheckOptions): Promise<string[]> {
  const c = loadConceptSync(o.content);
  const problems: string[] = [];
  const replaced = replacedWords(c, o.content);
  const ownWords = (file: string, text: string) => {
    const found = replaced ? [...new Set([...text.matchAll(replaced)].map((m) => m[0]))] : [];
    if (found.length) problems.push(`${file}: Wörter statt der eigenen Begriffe des Konzepts: ${found.join(", ")}`);
  };
  for (const v of c.decks) {
    const site = join(o.out, "decks", v.id);
    const pdf = join(o.out, "decks", `${v.id}.pdf`);
    if (!existsSync(join(site, "index.html")) || !existsSync(join(site, "deck-data.json"))) {
      problems.push(`${site}: Website fehlt`);
      continue;
    }
    const raw = readFileSync(join(site, "deck-data.json"), "utf8");
    const data = JSON.parse(raw) as DeckDataFile;
    checkWords(join(site, "deck-data.json"), raw, o.foreign, problems);
    ownWords(join(site, "deck-data.json"), raw);
    // The speaker's own notes come first on their slides, as written.
    for (const [i, own] of ownNotes(c, v, data).entries()) {
      const notes = data.slides[i]?.notes ?? [];
      if (own.some((n, j) => notes[j] !== n))
        problems.push(`${site}: Folie ${i + 1} beginnt ihre Notizen nicht mit den eigenen: ${JSON.stringify(own)}`);
    }
    const contact = contactFacts(c);
    for (const s of data.slides)
      if (s.kind === "closing" && contact) {
        const links = (s.contact?.links ?? []).map((l) => l.href);
        if (JSON.stringify(links) !== JSON.stringify(contact.links.map((l) => l.href)))
          problems.push(`${site}: Schlussfolie ohne die Links des Kontakts: ${JSON.stringify(links)}`);
      }
    problems.push(...checkDeckFacts(c, v, data, site));
    if (!existsSync(pdf)) {
      problems.push(`${pdf}: PDF fehlt`);
      continue;
    }
    if (pdfPages(pdf) !== data.slides.length)
      problems.push(`${pdf}: ${pdfPages(pdf)} Seiten, aber ${data.slides.length} Folien`);
    checkFonts(pdf, problems);
    const text = pdfText(pdf);
    checkWords(pdf, text, o.foreign, problems);
    // Notes and handout beside the PDF: every note in the notes, every slide's title in both.
    for (const kind of ["notizen", "handzettel"]) {
      const file = join(o.out, "decks", `${v.id}-${kind}.pdf`);
      if (!existsSync(file)) {
        problems.push(`${file}: PDF fehlt`);
        continue;
      }
      checkFonts(file, problems);
      const words = pdfText(file);
      checkWords(file, words, o.foreign, problems);
      const flat = letters(words);
      for (const s of data.slides) {
        if (!flat.includes(letters(s.title))) problems.push(`${file}: Titel der Folie fehlt: „${s.title}“`);
        if (kind === "notizen")
          for (const n of s.notes) if (!flat.includes(letters(n))) problems.push(`${file}: Notiz fehlt: „${n}“`);
      }
    }
    ownWords(pdf, text);
    if (v.sections.includes("closing")) checkContactPdf(pdf, text, c, problems);
    const flat = letters(text);
    const expect = (fact: string, what: string) => {
      if (!flat.includes(letters(fact))) problems.push(`${pdf}: ${what} fehlt: „${fact}“`);
    };
    const bausteine = shown(c, v);
    const sections = new Set(v.sections);
    if (sections.has("bausteine") || sections.has("overview"))
      for (const b of bausteine) expect(b.title, `Baustein ${b.number}`);
    for (const s of data.slides.filter((x) => x.kind === "measure")) {
      const m = c.bausteine.flatMap((b) => b.measures).find((x) => x.id === s.ref?.measure);
      if (!m) {
        problems.push(`${pdf}: Folie zu unbekannter Maßnahme ${s.ref?.measure}`);
        continue;
      }
      expect(m.title, "Maßnahme");
      expect(formatStatus(m.status), `Status von „${m.id}“`);
      expect(formatPlanDate(m.planned), `Datum (Plan) von „${m.id}“`);
      expect(formatPublished(m.published), `Veröffentlicht von „${m.id}“`);
    }
    // The status slide's legend, in the concept's own words („begrenzt oder substanziell“, „ohne Angabe“).
    for (const s of data.slides)
      if (s.kind === "status") for (const l of s.timeline.legend) expect(l.label, "Legende des Stands");
    // Counts on the slides equal the counts in the data.
    const measures = bausteine.reduce((n, b) => n + b.measures.length, 0);
    const terms = termsOf(c);
    if (sections.has("overview")) expect(countWords(bausteine.length, terms.baustein), "Zahl der Bausteine");
    if (sections.has("status"))
      expect(
        `${countNumber(measures, terms.measure)} in ${countDative(bausteine.length, terms.baustein)}`,
        "Zahl der Maßnahmen",
      );
  }
  for (const f of c.flyers) {
    for (const file of [`${f.id}.pdf`, `${f.id}-druck.pdf`].map((x) => join(o.out, "flyers", x))) {
      if (!existsSync(file)) {
        problems.push(`${file}: PDF fehlt`);
        continue;
      }
      checkFonts(file, problems);
      const text = pdfText(file);
      checkWords(file, text, o.foreign, problems);
      ownWords(file, text);
      // The screen file links the e-mail address and the phone number; the print file need not.
      if (!file.endsWith("-druck.pdf") && f.sections.some((x) => x.type === "contact"))
        checkContactPdf(file, text, c, problems);
      const flat = letters(text);
      for (const fact of [f.title, f.subtitle, f.callToAction].filter((x): x is string => !!x))
        if (!flat.includes(letters(fact))) problems.push(`${file}: fehlt: „${fact}“`);
      for (const s of f.sections)
        if (s.type === "measures") {
          const b = c.bausteine.find((x) => x.id === s.block);
          for (const m of b?.measures.filter((x) => !s.measures || s.measures.includes(x.id)) ?? [])
            for (const fact of [m.title, formatStatus(m.status), formatPlanDate(m.planned)])
              if (!flat.includes(letters(fact))) problems.push(`${file}: von „${m.id}“ fehlt: „${fact}“`);
        } else if (s.type === "bausteine")
          for (const fact of statusCounts(c))
            if (!flat.includes(letters(fact))) problems.push(`${file}: Zahl im Stand fehlt: „${fact}“`);
    }
  }
  // The Sachstandsbericht: every Baustein and Maßnahme with its Status, Datum (Plan) and Veröffentlicht.
  const report = join(o.out, "bericht", "sachstandsbericht.pdf");
  if (!existsSync(report)) problems.push(`${report}: PDF fehlt`);
  else {
    checkFonts(report, problems);
    const text = pdfText(report);
    checkWords(report, text, o.foreign, problems);
    // Table cells that wrap interleave in pdftotext's order by position: the facts are read from the structure
    // tree (each cell one element, in reading order), as assistive technology reads them.
    const flat = letters(execFileSync("pdfinfo", ["-struct-text", report], { encoding: "utf8" }));
    for (const fact of [c.title, `${labels.stand}: ${formatStand(c.stand)}`])
      if (!flat.includes(letters(fact))) problems.push(`${report}: fehlt: „${fact}“`);
    for (const b of c.bausteine) {
      if (!flat.includes(letters(b.title))) problems.push(`${report}: Baustein fehlt: „${b.title}“`);
      for (const m of b.measures)
        for (const fact of [m.title, formatStatus(m.status), formatPlanDate(m.planned), formatPublished(m.published)])
          if (!flat.includes(letters(fact))) problems.push(`${report}: ${m.id}: fehlt: „${fact}“`);
    }
  }
  if (o.browser) problems.push(...(await checkSlides(o.browser, c, join(o.out, "decks"))));
  return problems;
}

/** Every element of slide n lies inside the 1280 × 720 slide; boxes that clip show all their content. */
export function overflowing(page: Page, n: number): Promise<string[]> {
  return page.evaluate((no) => {
    const slide = document.querySelector<HTMLElement>(`.slidev-page-${no} .concept-slide`);
    const canvas = document.querySelector<HTMLElement>("#slide-content");
    if (!slide || !canvas) return ["keine Folie gefunden"];
    const frame = canvas.getBoundingClientRect();
    const bad: string[] = [];
    const describe = (el: Element) =>
      `${el.tagName.toLowerCase()}.${[...el.classList].join(".")} „${(el.textContent ?? "").trim().slice(0, 40)}“`;
    for (const el of [slide, ...slide.querySelectorAll("*")]) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if (r.left < frame.left - 1 || r.top < frame.top - 1 || r.right > frame.right + 1 || r.bottom > frame.bottom + 1)
        bad.push(`außerhalb der Folie: ${describe(el)}`);
      if (el instanceof HTMLElement && el.classList.contains("fit-inner")) {
        const box = el.parentElement!;
        if (el.offsetHeight > box.clientHeight + 2)
          bad.push(`abgeschnitten: ${describe(box)} (${el.offsetHeight} > ${box.clientHeight})`);
      } else if (
        el instanceof HTMLElement &&
        getComputedStyle(el).overflow === "hidden" &&
        !el.classList.contains("fit-box") &&
        el.scrollHeight > el.clientHeight + 2
      )
        bad.push(`abgeschnitten: ${describe(el)} (${el.scrollHeight} > ${el.clientHeight})`);
    }
    return bad;
  }, n);
}

/** Opens every slide of every variant and reports what sticks out of its slide or is cut off. */
export async function checkSlides(browser: Browser, c: Concept, decks: string): Promise<string[]> {
  const server = await serveStatic(decks);
  const problems: string[] = [];
  try {
    for (const v of c.decks) {
      const data = JSON.parse(readFileSync(join(decks, v.id, "deck-data.json"), "utf8")) as DeckDataFile;
      const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
      const page = await context.newPage();
      await page.goto(`${server.url}/${v.id}/index.html#/1`);
      await page.waitForSelector(".slidev-page-1 .concept-slide");
      await page.evaluate(() => document.fonts.ready);
      for (const [i, spec] of data.slides.entries()) {
        const n = i + 1;
        // By its address: one slide after the other, whatever the keyboard's timing on a loaded machine.
        if (n > 1) await page.evaluate((no) => (location.hash = `#/${no}`), n);
        await page.locator(`.slidev-page-${n} .concept-slide`).waitFor({ timeout: 60_000 });
        // Every box has fitted its text (the deck counts the boxes still fitting in window.__deckBusy).
        await page.waitForFunction(() => !(window as { __deckBusy?: number }).__deckBusy, undefined, {
          timeout: 60_000,
          polling: 50,
        });
        for (const p of await overflowing(page, n)) problems.push(`${v.id}, Folie ${n} (${spec.kind}): ${p}`);
        if (spec.kind === "closing" && spec.contact)
          for (const l of spec.contact.links) {
            const a = page.locator(`.slidev-page-${n} .concept-slide a[href="${l.href}"]`);
            if ((await a.count()) !== 1 || (await a.getAttribute("aria-label")) !== l.name)
              problems.push(`${v.id}, Folie ${n}: kein Link ${l.href} „${l.name}“`);
          }
      }
      // The presenter view shows the speaker's own notes first.
      for (const [i, own] of ownNotes(c, v, data).entries()) {
        if (own.length === 0) continue;
        await page.evaluate((no) => (location.hash = `#/presenter/${no}`), i + 1);
        const expected = own.join("\n\n");
        const ok = await page
          .waitForFunction((t) => document.querySelector(".slidev-note")?.textContent?.startsWith(t), expected, {
            timeout: 20_000,
          })
          .then(() => true)
          .catch(() => false);
        if (!ok) problems.push(`${v.id}, Referentenansicht ${i + 1}: die eigenen Notizen stehen nicht zuerst`);
      }
      await context.close();
    }
  } finally {
    await server.close();
  }
  return problems;
}
