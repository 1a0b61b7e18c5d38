import { printType } from "@dus-opendata/brand";
import { joinGerman } from "@dus-opendata/concept";
import { PT_PER_MM } from "./formats.js";
import type { Fit, Frame, PagePlan, Plan } from "./plan-pages.js";
import { FlyerError, type FlyerProblem, type PreparedFlyer, type PreparedSection } from "./prepare-flyer.js";
import { type LayoutNode, walkLayout } from "./read-layout.js";
import { adaptsTo, lastStep, lastUsefulStep, listOf, MIN_SHOWN, omissions } from "./section-kinds.js";

/** Rounding of the layout engine; nothing smaller than this counts as overflow. */
const TOLERANCE = 0.5;

const FIELD_NAMES: Record<string, string> = {
  title: "Die Schlagzeile („title“)",
  subtitle: "Die Unterzeile („subtitle“)",
  occasion: "Der Anlass („occasion“)",
  "(Wortmarke)": "Die Wortmarke (Stadt und Organisation aus concept.yaml)",
};

const NO_EXTRA_PAGE = "ein Flyer bekommt keine zusätzliche Seite.";

/** Marked fields (sections, title, …) inside a frame, with their top relative to the frame, in reading order. */
function fields(frame: LayoutNode) {
  const out: { field: string; top: number; bottom: number; node: LayoutNode }[] = [];
  for (const child of frame.children) {
    for (const node of walkLayout(child)) {
      const field = node.marks.field;
      if (field !== undefined) {
        const top = node.top - frame.top;
        out.push({ field, top, bottom: top + node.height, node });
      }
    }
  }
  return out;
}

function pathOf(field: string): (string | number)[] {
  const m = /^sections\[(\d+)\]$/.exec(field);
  if (m) return ["sections", Number(m[1])];
  if (field.startsWith("(")) return [];
  return [field];
}

const mmText = (pt: number) => `${Math.max(1, Math.ceil(pt / PT_PER_MM)).toLocaleString("de-DE")} mm`;
const plain = (s: string) => s.replace(/\u00A0/g, " ").trim();
const lines = (n: number) => (n === 1 ? "eine Zeile" : `${n} Zeilen`);

function describe(field: string, sections: Map<string, PreparedSection>): string {
  const section = sections.get(field);
  if (section) return `Der Abschnitt „${plain(section.data.title)}“ (${field})`;
  return FIELD_NAMES[field] ?? `„${field}“`;
}

function pageNodes(layout: LayoutNode): LayoutNode[] {
  return layout.children.filter((n) => n.kind === "page");
}

/** Frames and footers of a page by their id (their `frame` mark). */
function framesOf(page: LayoutNode | undefined): Map<string, LayoutNode> {
  const nodes = new Map<string, LayoutNode>();
  for (const node of page ? walkLayout(page) : [])
    if (node.marks.frame !== undefined) nodes.set(node.marks.frame, node);
  return nodes;
}

const footerId = (page: PagePlan) => `fuss-${page.number}`;

/** Lines of the first text inside a node: the title of the title block, the sender line of a footer. */
function firstTextLines(node: LayoutNode | undefined, field?: string): number {
  for (const n of node ? walkLayout(node) : []) {
    if (field && n.marks.field !== field) continue;
    for (const t of walkLayout(n)) if (t.kind === "text") return t.lines.length;
  }
  return 0;
}

/** Whether a laid-out text has a line wider than its column. */
const tooWideIn = (text: LayoutNode) => text.lines.some((l) => l.width - text.column > TOLERANCE);

/** Height of the line after a shortened list before it is laid out: one line of the brand's small size and a gap. */
const MORE_LINE = printType.small * printType.lineHeight + 4;

/**
 * A list section's entries as laid out in a frame: the bottom of each (relative to the page) and the end of the
 * list, the line about the entries left out included.
 */
function entriesOf(frame: LayoutNode, field: string) {
  const bottoms: number[] = [];
  let more: LayoutNode | undefined;
  for (const node of walkLayout(frame)) {
    if (node.marks.entry === field) bottoms.push(node.top + node.height);
    if (node.marks.more === field) more = node;
  }
  const last = bottoms.at(-1) ?? 0;
  return { bottoms, end: more ? more.top + more.height : last, more: more ? more.top + more.height - last : undefined };
}

/**
 * How many of the entries a list shows can stay so that `over` points more fit: the most whose removal of the rest
 * frees at least that much – with a line about the others (`withMore`: the list is shortened) or without one (a
 * selection, which may then also keep every entry shown now and drop just that line). 0 when not even one can stay.
 */
function entriesThatFit(frame: LayoutNode, field: string, over: number, withMore: boolean): number {
  const { bottoms, end, more } = entriesOf(frame, field);
  const line = withMore ? (more ?? MORE_LINE) : 0;
  const most = withMore || more === undefined ? bottoms.length - 1 : bottoms.length;
  for (let k = most; k >= 1; k--) if (end - (bottoms[k - 1] ?? 0) - line >= over - TOLERANCE) return k;
  return 0;
}

/**
 * What a flyer needs beyond its plan, from a layout: the heights the title block of a flat flyer, the wordmark and
 * the footers take, the next step (section-kinds.ts) for a section whose address is too wide or whose frame
 * overflows and, once every section of an overflowing frame is at its last step, how many entries its last list
 * still shows (never fewer than MIN_SHOWN). Undefined when nothing more can be done. The caller plans again with this
 * (planPages' `fit`) and renders once more.
 */
export function measureFit(layout: LayoutNode, plan: Plan): Fit | undefined {
  const pages = pageNodes(layout);
  const fit: Fit = {};
  const steps: Record<string, number> = {};
  const shown: Record<string, number> = {};
  const stepOf = (section: PreparedSection) => plan.steps[section.field] ?? 0;
  const atLast = (section: PreparedSection, frame?: LayoutNode) =>
    stepOf(section) >= (frame ? lastUsefulStep(section, frame, stepOf(section)) : lastStep(section.data.kind));
  const next = (section: PreparedSection, frame?: LayoutNode) => {
    if (!atLast(section, frame)) steps[section.field] = stepOf(section) + 1;
  };
  plan.pages.forEach((page, i) => {
    const nodes = framesOf(pages[i]);
    for (const frame of page.frames) {
      const node = nodes.get(frame.id);
      const height = node?.height ?? 0;
      const over = height - frame.height;
      if (frame.elastic && over > TOLERANCE) fit[frame.elastic] = Math.max(fit[frame.elastic] ?? 0, height);
      if (!frame.elastic && over > TOLERANCE && node) {
        const adapting = frame.sections.filter((s) => adaptsTo(s.data.kind) === "height");
        if (adapting.some((s) => !atLast(s, node))) for (const section of adapting) next(section, node);
        else {
          // Details first, everywhere on the frame; then the last list that can still be shortened.
          const list = [...frame.sections].reverse().find((s) => {
            const entries = listOf(s.data)?.refs.length ?? 0;
            return (plan.shown[s.field] ?? entries) > MIN_SHOWN;
          });
          if (list) {
            const total = listOf(list.data)?.refs.length ?? 0;
            const now = plan.shown[list.field] ?? total;
            const k = entriesThatFit(node, list.field, over, true);
            shown[list.field] = Math.max(MIN_SHOWN, Math.min(k, now - 1));
          }
        }
      }
      for (const section of frame.sections) {
        if (adaptsTo(section.data.kind) !== "address") continue;
        for (const text of node ? walkLayout(node) : [])
          if (text.kind === "text" && text.marks.address === section.field && tooWideIn(text)) next(section);
      }
    }
    const footer = page.footer && nodes.get(footerId(page))?.height;
    if (page.footer && footer && footer > page.footer.height + TOLERANCE)
      fit.footer = Math.max(fit.footer ?? 0, footer);
  });
  if (Object.keys(steps).length) fit.steps = steps;
  if (Object.keys(shown).length) fit.shown = shown;
  return Object.keys(fit).length ? fit : undefined;
}

/** The longest of the concept.yaml fields a text is set from: the one to shorten. */
function longestField(fieldsOf: { field: string; text: string }[]) {
  const [longest] = [...fieldsOf].sort((a, b) => b.text.length - a.text.length);
  return { field: longest?.field ?? "organisation", text: plain(longest?.text ?? "") };
}

/** Why a frame has less room than usual, and what the author can do about it. */
function causeAndFix(
  frame: Frame,
  flyer: PreparedFlyer,
  counts: Record<"wordmark" | "title" | "footer", number>,
  elsewhere: string,
): string {
  const move = `einen Abschnitt mit „place“ auf ${elsewhere} legen`;
  // Title blocks and wordmarks hold no sections: only shorter words help there.
  if (frame.cover === "band")
    return " Bitte Schlagzeile („title“), Unterzeile („subtitle“) oder Anlass („occasion“) kürzen.";
  if (frame.cover === "wordmark") return " Bitte „city“, „organisation“ oder „claim“ in concept.yaml kürzer fassen.";
  const causes: string[] = [];
  const shorten: string[] = [];
  for (const y of frame.yielded ?? []) {
    if (y.to === "band") {
      causes.push(
        `Das Titelband ist ${mmText(y.by)} höher als vorgesehen, weil die Schlagzeile („title“) ${lines(counts.title)} braucht.`,
      );
      shorten.push("die Schlagzeile");
    } else {
      const source = longestField(y.to === "wordmark" ? flyer.wordmarkFields : flyer.footerFields);
      const what = y.to === "wordmark" ? "Die Wortmarke" : "Die Fußzeile";
      const used = y.to === "wordmark" ? counts.wordmark : counts.footer;
      causes.push(
        `${what} ist ${mmText(y.by)} höher als vorgesehen, weil „${source.field}“ aus concept.yaml ${lines(used)} braucht („${source.text}“).`,
      );
      shorten.push(`„${source.field}“ in concept.yaml`);
    }
  }
  const first = shorten.length
    ? `${[...new Set(shorten)].join(" oder ")} kürzer fassen, den Text kürzen`
    : "den Text kürzen";
  return `${causes.map((c) => ` ${c}`).join("")} Bitte ${first} oder ${move}; ${NO_EXTRA_PAGE}`;
}

/**
 * Checks react-pdf's layout of a flyer against its plan: every frame's content no taller than the frame, no
 * line wider than its column, the page count as the format has it. react-pdf itself has no overflow API and
 * would silently draw past the panel; this turns that into a build error naming the flyer, the field that causes
 * it (a section, the title, or a field of concept.yaml for the footer), the line that is too wide, and a fix.
 */
export function assertFits(layout: LayoutNode, plan: Plan, flyer: PreparedFlyer): void {
  const problems: FlyerProblem[] = [];
  const sections = new Map<string, PreparedSection>();
  for (const page of plan.pages) for (const fr of page.frames) for (const s of fr.sections) sections.set(s.field, s);
  const elsewhere = plan.geometry.kind === "panels" ? "ein anderes Feld" : "eine andere Seite";

  const pages = pageNodes(layout);
  if (pages.length !== plan.pages.length)
    problems.push({
      path: [],
      message: `Das PDF hat ${pages.length} statt ${plan.pages.length} Seiten.`,
    });

  plan.pages.forEach((page, i) => {
    const nodes = framesOf(pages[i]);
    const wordmark = nodes.get("wortmarke");
    const counts = {
      wordmark: Math.max(...(wordmark ? [...walkLayout(wordmark)] : []).map((node) => node.lines.length), 0),
      title: firstTextLines(nodes.get("titel"), "title"),
      footer: firstTextLines(nodes.get(footerId(page))),
    };
    const frames: { id: string; label: string; height: number; frame?: Frame }[] = page.frames.map((f) => ({
      id: f.id,
      label: f.label,
      height: f.height,
      frame: f,
    }));
    if (page.footer) frames.push({ id: footerId(page), label: page.footer.label, height: page.footer.height });

    for (const { id, label, height, frame } of frames) {
      const node = nodes.get(id);
      if (!node) {
        problems.push({ path: [], message: `${label} fehlt im Layout.` });
        continue;
      }
      const over = node.height - height;
      if (over > TOLERANCE) {
        const all = fields(node);
        // Where the frame overflows: the field that reaches across its bottom edge or, when the fields before have
        // adapted so that one ends just above it, the last field that begins inside the frame.
        const culprit =
          all.find((x) => x.top < height && x.bottom > height + TOLERANCE) ??
          all.filter((x) => x.top < height).at(-1) ??
          all.at(-1);
        const who = culprit ? describe(culprit.field, sections) : "Der Inhalt";
        const onFrame = all.filter((x) => sections.has(x.field));
        const list =
          onFrame.length > 1
            ? ` Auf ${label} stehen: ${onFrame.map((x) => `${describe(x.field, sections).replace(/^Der Abschnitt /, "")} mit ${mmText(x.bottom - x.top)}`).join(", ")}; Platz ist für ${mmText(height)}.`
            : "";
        const fix = frame ? causeAndFix(frame, flyer, counts, elsewhere) : ` Bitte den Text kürzen; ${NO_EXTRA_PAGE}`;
        const overview = onFrame
          .map((x) => ({ x, data: sections.get(x.field)?.data }))
          .find(({ x, data }) => data?.kind === "bausteine" && (plan.steps[x.field] ?? 0) === lastStep("bausteine"));
        const adapted =
          overview?.data?.kind === "bausteine"
            ? ` Die Übersicht der ${overview.data.noun.many} ist schon so knapp gesetzt, wie es geht (weniger Abstand, ohne die Kurzbeschreibungen).`
            : "";
        const choose = frame ? selectionFix(node, frame, plan, over, culprit?.field) : { said: "", fix: "" };
        problems.push({
          path: culprit ? pathOf(culprit.field) : [],
          message: `${who} passt nicht mehr auf ${label}: es fehlen ${mmText(over)}.${list}${adapted}${choose.said}${fix}${choose.fix}`,
        });
      }
      const fromConcept =
        id === footerId(page) ? flyer.footerFields : frame?.cover === "wordmark" ? flyer.wordmarkFields : undefined;
      problems.push(...tooWide(node, label, fromConcept, sections));
    }
  });
  if (problems.length) throw new FlyerError(flyer.id, problems);
}

/**
 * For a frame that overflows with a list on it: what the list has done already („schon so knapp gesetzt, wie es
 * geht“) and, when some of its entries fit, the selection to write into the flyer file, e.g. „measures: [a, b]“.
 */
function selectionFix(
  node: LayoutNode,
  frame: Frame,
  plan: Plan,
  over: number,
  culprit: string | undefined,
): { said: string; fix: string } {
  let said = "";
  let best: { section: PreparedSection; keep: (string | number)[]; key: string } | undefined;
  for (const section of frame.sections) {
    const list = listOf(section.data);
    if (!list) continue;
    const step = plan.steps[section.field] ?? 0;
    const title = `„${plain(section.data.title)}“ (${section.field})`;
    if (step >= lastUsefulStep(section, node, step)) {
      const done = ["weniger Abstand", ...omissions(section.data, step, plan.shown[section.field])];
      said += ` Die Liste ${title} ist schon so knapp gesetzt, wie es geht (${joinGerman(done)}).`;
    }
    const k = entriesThatFit(node, section.field, over, false);
    if (k >= 1 && k > (best?.keep.length ?? 0))
      best = { section, keep: list.refs.slice(0, k), key: list.source.selection };
  }
  if (!best) return { said, fix: "" };
  const where = best.section.field === culprit ? "" : ` „${plain(best.section.data.title)}“ (${best.section.field})`;
  return {
    said,
    fix: ` Abhilfe: im Abschnitt${where} eine Auswahl treffen, z. B.\n      ${best.key}: [${best.keep.join(", ")}]`,
  };
}

/** Lines wider than their column: a word (an address, a compound) that cannot be broken. */
function tooWide(
  frame: LayoutNode,
  label: string,
  fromConcept: { field: string; text: string }[] | undefined,
  sections: Map<string, PreparedSection>,
): FlyerProblem[] {
  const problems: FlyerProblem[] = [];
  for (const text of walkLayout(frame)) {
    if (text.kind !== "text") continue;
    const available = text.column;
    for (const line of text.lines) {
      const over = line.width - available;
      if (over <= TOLERANCE) continue;
      const shown = plain(line.text);
      const address = text.marks.address;
      if (address !== undefined) {
        problems.push(addressTooWide(text, shown, line.width, available, label, describe(address, sections)));
        continue;
      }
      const size = `die Zeile „${shown}“ ist ${mmText(over)} breiter als die Spalte (${mmText(available)}) und lässt sich nicht trennen.`;
      if (fromConcept) {
        // The footer and the wordmark are set from concept.yaml: the field that holds the line's longest word.
        const word = shown.split(/\s+/).sort((a, b) => b.length - a.length)[0] ?? shown;
        const source = fromConcept.find((f) => f.text.includes(word)) ?? fromConcept[0];
        const field = source?.field ?? "organisation";
        problems.push({
          path: [field],
          source: "concept",
          message: `${label.charAt(0).toUpperCase()}${label.slice(1)}: ${size} Sie kommt aus „${field}“ in concept.yaml; bitte dort so kürzen, dass kein Wort breiter als die Spalte ist.`,
        });
        continue;
      }
      const owner = fields(frame).find((x) => walkHas(x.node, text));
      problems.push({
        path: owner ? pathOf(owner.field) : [],
        message: `${owner ? describe(owner.field, sections) : "Ein Text"} auf ${label}: ${size} Bitte so kürzen, dass kein Wort breiter als die Spalte ist.`,
      });
    }
  }
  return problems;
}

/**
 * The portal's address, at the last step of its section (section-kinds.ts: beneath the QR code, in the smallest
 * size), still wider than the column: only a shorter address in concept.yaml helps.
 */
function addressTooWide(
  text: LayoutNode,
  shown: string,
  width: number,
  available: number,
  label: string,
  who: string,
): FlyerProblem {
  const size = text.fontSize;
  // Characters differ in width: a tenth less than the average of this address allows, so that the advice holds.
  const chars = Math.floor((0.9 * shown.length * available) / width);
  return {
    path: ["portal"],
    source: "concept",
    message: `${who} auf ${label}: die Adresse „${shown}“ ist auch${size ? ` in ${size.toLocaleString("de-DE")} pt` : ""} auf der ganzen Breite ${mmText(width - available)} breiter als die Spalte (${mmText(available)}) und lässt sich nicht trennen. Sie kommt aus „portal“ in concept.yaml; bitte dort eine kürzere Adresse angeben, mit höchstens etwa ${chars} Zeichen ohne „https://“ (z. B. ohne Pfad oder eine kurze Adresse, die weiterleitet).`,
  };
}

function walkHas(root: LayoutNode, target: LayoutNode): boolean {
  for (const node of walkLayout(root)) if (node === target) return true;
  return false;
}

/**
 * Paragraphs whose last line holds a single word: what the no-break space between the last two words prevents.
 * For tests and checks; it does not fail a build.
 */
export function findRunts(layout: LayoutNode): string[] {
  const out: string[] = [];
  for (const node of walkLayout(layout)) {
    if (node.kind !== "text" || !node.marks.paragraph || node.lines.length < 2) continue;
    const last = node.lines.at(-1)?.text.trim() ?? "";
    if (!/[\s\u00A0]/.test(last)) out.push(node.lines.map((l) => l.text).join(""));
  }
  return out;
}
