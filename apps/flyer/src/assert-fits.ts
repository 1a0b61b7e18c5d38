import { ADAPTS_TO, lastStep } from "./adapt-sections.js";
import { PT_PER_MM } from "./formats.js";
import type { Fit, Frame, PagePlan, Plan } from "./plan-pages.js";
import { FlyerError, type FlyerProblem, type PreparedFlyer, type PreparedSection } from "./prepare-flyer.js";

/** The parts of react-pdf's layout tree this module reads. */
interface LayoutNode {
  type?: string;
  props?: Record<string, unknown>;
  box?: { top: number; left: number; width: number; height: number; paddingLeft?: number; paddingRight?: number };
  lines?: { string: string; xAdvance: number; runs?: { positions?: { xAdvance: number }[] }[] }[];
  style?: { fontSize?: number };
  children?: LayoutNode[];
}

/** Rounding of the layout engine; nothing smaller than this counts as overflow. */
const TOLERANCE = 0.5;

const FIELD_NAMES: Record<string, string> = {
  title: "Die Schlagzeile („title“)",
  subtitle: "Die Unterzeile („subtitle“)",
  occasion: "Der Anlass („occasion“)",
  "(Wortmarke)": "Die Wortmarke (Stadt und Organisation aus concept.yaml)",
};

const NO_EXTRA_PAGE = "ein Flyer bekommt keine zusätzliche Seite.";

function* walk(node: LayoutNode, top = 0): Generator<{ node: LayoutNode; top: number }> {
  const here = top + (node.box?.top ?? 0);
  yield { node, top: here };
  for (const child of node.children ?? []) yield* walk(child, here);
}

/** Marked fields (sections, title, …) inside a frame, with their top relative to the frame, in reading order. */
function fields(frame: LayoutNode) {
  const out: { field: string; top: number; bottom: number; node: LayoutNode }[] = [];
  for (const child of frame.children ?? []) {
    for (const { node, top } of walk(child)) {
      const field = node.props?.["data-field"];
      if (typeof field === "string") out.push({ field, top, bottom: top + (node.box?.height ?? 0), node });
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

/** Width of a laid-out line without its trailing blanks. */
function inkWidth(line: NonNullable<LayoutNode["lines"]>[number]): number {
  let width = line.xAdvance;
  const trailing = line.string.length - line.string.trimEnd().length;
  if (trailing > 0) {
    const positions = line.runs?.at(-1)?.positions ?? [];
    for (let k = 0; k < trailing && k < positions.length; k++)
      width -= positions[positions.length - 1 - k]?.xAdvance ?? 0;
  }
  return width;
}

function pageNodes(layout: unknown): LayoutNode[] {
  return ((layout as LayoutNode)?.children ?? []).filter((n) => n.type === "PAGE");
}

/** Frames and footers of a page by their id (`data-frame`). */
function framesOf(page: LayoutNode | undefined): Map<string, LayoutNode> {
  const nodes = new Map<string, LayoutNode>();
  for (const { node } of walk(page ?? {})) {
    const id = node.props?.["data-frame"];
    if (typeof id === "string") nodes.set(id, node);
  }
  return nodes;
}

const footerId = (page: PagePlan) => `fuss-${page.number}`;

/** Lines of the first text inside a node: the title of the title block, the sender line of a footer. */
function firstTextLines(node: LayoutNode | undefined, field?: string): number {
  for (const { node: n } of walk(node ?? {})) {
    if (field && n.props?.["data-field"] !== field) continue;
    for (const { node: t } of walk(n)) if (t.type === "TEXT" && t.lines) return t.lines.length;
  }
  return 0;
}

/** Room for a text's lines: its box without padding. */
const columnOf = (text: LayoutNode) =>
  (text.box?.width ?? 0) - (text.box?.paddingLeft ?? 0) - (text.box?.paddingRight ?? 0);

/** Whether a laid-out text has a line wider than its column. */
const tooWideIn = (text: LayoutNode) => (text.lines ?? []).some((l) => inkWidth(l) - columnOf(text) > TOLERANCE);

/**
 * What a flyer needs beyond its plan, from a layout: the heights the title block of a flat flyer, the wordmark and
 * the footers take, and the next step (adapt-sections.ts) for a section whose address is too wide or whose frame
 * overflows. Undefined when nothing more can be done. The caller plans again with this (planPages' `fit`) and renders
 * once more.
 */
export function measureFit(layout: unknown, plan: Plan): Fit | undefined {
  const pages = pageNodes(layout);
  const fit: Fit = {};
  const steps: Record<string, number> = {};
  const next = (section: PreparedSection) => {
    const step = plan.steps[section.field] ?? 0;
    if (step < lastStep(section.data.kind)) steps[section.field] = step + 1;
  };
  plan.pages.forEach((page, i) => {
    const nodes = framesOf(pages[i]);
    for (const frame of page.frames) {
      const node = nodes.get(frame.id);
      const height = node?.box?.height ?? 0;
      if (frame.elastic && height > frame.height + TOLERANCE)
        fit[frame.elastic] = Math.max(fit[frame.elastic] ?? 0, height);
      if (!frame.elastic && height > frame.height + TOLERANCE)
        for (const section of frame.sections) if (ADAPTS_TO[section.data.kind] === "height") next(section);
      for (const section of frame.sections) {
        if (ADAPTS_TO[section.data.kind] !== "address") continue;
        for (const { node: text } of walk(node ?? {}))
          if (text.type === "TEXT" && text.props?.["data-address"] === section.field && tooWideIn(text)) next(section);
      }
    }
    const footer = page.footer && nodes.get(footerId(page))?.box?.height;
    if (page.footer && footer && footer > page.footer.height + TOLERANCE)
      fit.footer = Math.max(fit.footer ?? 0, footer);
  });
  if (Object.keys(steps).length) fit.steps = steps;
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
export function assertFits(layout: unknown, plan: Plan, flyer: PreparedFlyer): void {
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
    const counts = {
      wordmark: Math.max(...[...walk(nodes.get("wortmarke") ?? {})].map(({ node }) => node.lines?.length ?? 0), 0),
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
      if (!node?.box) {
        problems.push({ path: [], message: `${label} fehlt im Layout.` });
        continue;
      }
      const over = node.box.height - height;
      if (over > TOLERANCE) {
        const all = fields(node);
        // The first field that reaches below the frame's bottom edge is where the frame overflows.
        const culprit = all.find((x) => x.bottom > height + TOLERANCE) ?? all.at(-1);
        const who = culprit ? describe(culprit.field, sections) : "Der Inhalt";
        const onFrame = all.filter((x) => sections.has(x.field));
        const list =
          onFrame.length > 1
            ? ` Auf ${label} stehen: ${onFrame.map((x) => `${describe(x.field, sections).replace(/^Der Abschnitt /, "")} mit ${mmText(x.bottom - x.top)}`).join(", ")}; Platz ist für ${mmText(height)}.`
            : "";
        const fix = frame ? causeAndFix(frame, flyer, counts, elsewhere) : ` Bitte den Text kürzen; ${NO_EXTRA_PAGE}`;
        const adapted = onFrame.some(
          (x) =>
            sections.get(x.field)?.data.kind === "bausteine" && (plan.steps[x.field] ?? 0) === lastStep("bausteine"),
        )
          ? " Die Übersicht der Bausteine ist schon so knapp gesetzt, wie es geht (weniger Abstand, ohne die Kurzbeschreibungen)."
          : "";
        problems.push({
          path: culprit ? pathOf(culprit.field) : [],
          message: `${who} passt nicht mehr auf ${label}: es fehlen ${mmText(over)}.${list}${adapted}${fix}`,
        });
      }
      const fromConcept =
        id === footerId(page) ? flyer.footerFields : frame?.cover === "wordmark" ? flyer.wordmarkFields : undefined;
      problems.push(...tooWide(node, label, fromConcept, sections));
    }
  });
  if (problems.length) throw new FlyerError(flyer.id, problems);
}

/** Lines wider than their column: a word (an address, a compound) that cannot be broken. */
function tooWide(
  frame: LayoutNode,
  label: string,
  fromConcept: { field: string; text: string }[] | undefined,
  sections: Map<string, PreparedSection>,
): FlyerProblem[] {
  const problems: FlyerProblem[] = [];
  for (const { node: text } of walk(frame)) {
    if (text.type !== "TEXT" || !text.lines || !text.box) continue;
    const available = columnOf(text);
    for (const line of text.lines) {
      const over = inkWidth(line) - available;
      if (over <= TOLERANCE) continue;
      const shown = plain(line.string);
      const address = text.props?.["data-address"];
      if (typeof address === "string") {
        problems.push(addressTooWide(text, shown, inkWidth(line), available, label, describe(address, sections)));
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
 * The portal's address, at the last step of its section (adapt-sections.ts: beneath the QR code, in the smallest
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
  const size = text.style?.fontSize;
  // Characters differ in width: a tenth less than the average of this address allows, so that the advice holds.
  const chars = Math.floor((0.9 * shown.length * available) / width);
  return {
    path: ["portal"],
    source: "concept",
    message: `${who} auf ${label}: die Adresse „${shown}“ ist auch${size ? ` in ${size.toLocaleString("de-DE")} pt` : ""} auf der ganzen Breite ${mmText(width - available)} breiter als die Spalte (${mmText(available)}) und lässt sich nicht trennen. Sie kommt aus „portal“ in concept.yaml; bitte dort eine kürzere Adresse angeben, mit höchstens etwa ${chars} Zeichen ohne „https://“ (z. B. ohne Pfad oder eine kurze Adresse, die weiterleitet).`,
  };
}

function walkHas(root: LayoutNode, target: LayoutNode): boolean {
  for (const { node } of walk(root)) if (node === target) return true;
  return false;
}

/**
 * Paragraphs whose last line holds a single word: what the no-break space between the last two words prevents.
 * For tests and checks; it does not fail a build.
 */
export function findRunts(layout: unknown): string[] {
  const out: string[] = [];
  for (const { node } of walk(layout as LayoutNode)) {
    if (node.type !== "TEXT" || !node.props?.["data-paragraph"] || !node.lines || node.lines.length < 2) continue;
    const last = node.lines.at(-1)?.string.trim() ?? "";
    if (!/[\s\u00A0]/.test(last)) out.push(node.lines.map((l) => l.string).join(""));
  }
  return out;
}
