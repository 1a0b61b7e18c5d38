import { PT_PER_MM } from "./formats.js";
import type { Plan } from "./plan-pages.js";
import { FlyerError, type FlyerProblem, type PreparedSection } from "./prepare-flyer.js";

/** The parts of react-pdf's layout tree this module reads. */
interface LayoutNode {
  type?: string;
  props?: Record<string, unknown>;
  box?: { top: number; left: number; width: number; height: number; paddingLeft?: number; paddingRight?: number };
  lines?: { string: string; xAdvance: number; runs?: { positions?: { xAdvance: number }[] }[] }[];
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

function describe(field: string, sections: Map<string, PreparedSection>): string {
  const section = sections.get(field);
  if (section) return `Der Abschnitt „${section.data.title.replace(/\u00A0/g, " ")}“ (${field})`;
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

/**
 * Checks react-pdf's layout of a flyer against its plan: every frame's content no taller than the frame, no
 * line wider than its column, the page count as the format has it. react-pdf itself has no overflow API and
 * would silently draw past the panel; this turns that into a build error naming the flyer and the section.
 */
export function assertFits(layout: unknown, plan: Plan, flyer: string): void {
  const root = layout as LayoutNode;
  const problems: FlyerProblem[] = [];
  const sections = new Map<string, PreparedSection>();
  for (const page of plan.pages) for (const fr of page.frames) for (const s of fr.sections) sections.set(s.field, s);

  const pages = (root?.children ?? []).filter((n) => n.type === "PAGE");
  if (pages.length !== plan.pages.length)
    problems.push({
      path: [],
      message: `Das PDF hat ${pages.length} statt ${plan.pages.length} Seiten.`,
    });

  plan.pages.forEach((page, i) => {
    const nodes = new Map<string, LayoutNode>();
    for (const { node } of walk(pages[i] ?? {})) {
      const id = node.props?.["data-frame"];
      if (typeof id === "string") nodes.set(id, node);
    }
    const frames = page.frames.map((f) => ({ id: f.id, label: f.label, height: f.height }));
    if (page.footer)
      frames.push({
        id: `fuss-${page.number}`,
        label: `die Fußzeile von Seite ${page.number}`,
        height: page.footer.height,
      });

    for (const frame of frames) {
      const node = nodes.get(frame.id);
      if (!node?.box) {
        problems.push({ path: [], message: `${frame.label} fehlt im Layout.` });
        continue;
      }
      const over = node.box.height - frame.height;
      if (over > TOLERANCE) {
        const all = fields(node);
        // The first field that reaches below the frame's bottom edge is where the frame overflows.
        const culprit = all.find((x) => x.bottom > frame.height + TOLERANCE) ?? all.at(-1);
        const who = culprit ? describe(culprit.field, sections) : "Der Inhalt";
        const onFrame = all.filter((x) => sections.has(x.field));
        const list =
          onFrame.length > 1
            ? ` Auf ${frame.label} stehen: ${onFrame.map((x) => `${describe(x.field, sections).replace(/^Der Abschnitt /, "")} mit ${mmText(x.bottom - x.top)}`).join(", ")}; Platz ist für ${mmText(frame.height)}.`
            : "";
        problems.push({
          path: culprit ? pathOf(culprit.field) : [],
          message: `${who} passt nicht mehr auf ${frame.label}: es fehlen ${mmText(over)}.${list} Bitte den Text kürzen oder einen Abschnitt mit „place“ auf eine andere Seite oder ein anderes Feld legen; ein Flyer bekommt keine zusätzliche Seite.`,
        });
      }
      // Lines wider than their column: a word (an address, a compound) that cannot be broken.
      for (const { node: text } of walk(node)) {
        if (text.type !== "TEXT" || !text.lines || !text.box) continue;
        const available = text.box.width - (text.box.paddingLeft ?? 0) - (text.box.paddingRight ?? 0);
        for (const line of text.lines) {
          if (inkWidth(line) > available + TOLERANCE) {
            const owner = fields(node).find((x) => walkHas(x.node, text));
            const word =
              line.string
                .trim()
                .split(/\s+/)
                .sort((a, b) => b.length - a.length)[0] ?? line.string;
            problems.push({
              path: owner ? pathOf(owner.field) : [],
              message: `${owner ? describe(owner.field, sections) : "Ein Text"} auf ${frame.label}: „${word.replace(/\u00A0/g, " ")}“ ist zu breit für die Spalte und kann nicht getrennt werden. Bitte kürzer fassen.`,
            });
          }
        }
      }
    }
  });
  if (problems.length) throw new FlyerError(flyer, problems);
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
