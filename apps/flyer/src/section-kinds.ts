import { assertNever, countDative, countMore, qrAlt } from "@dus-opendata/concept";
import { setText } from "@dus-opendata/typeset";
import type { Marks } from "./components/mark.js";
import {
  type FlyerElement,
  group,
  link,
  listAttributes,
  qr,
  type Style,
  text,
  type ViewElement,
  view,
} from "./elements.js";
import { mm } from "./formats.js";
import type { ListSource, PreparedSection, SectionData, TextPart } from "./prepare-flyer.js";
import { type LayoutNode, walkLayout } from "./read-layout.js";
import type { Styles } from "./styles.js";

/**
 * Every kind of flyer section in one place: how it is described (elements.ts: what each part is in the structure
 * tree and how it is painted) and how it adapts when it does not fit, step by step, every step within the brand's
 * type scale (nothing below its smallest size, 9 pt); a later step never undoes an earlier one.
 * - portal: the address beside the QR code; below it on the section's full width; there in the small size.
 * - contact: the address in the body size; in the small size.
 * - bausteine: the overview as planned; with less room between the Bausteine; their summaries in the small size;
 *   without their summaries, then also with less room. A panel holds six Bausteine with one-line summaries in the
 *   small size, but not with summaries of two lines or more (the usual „one sentence“): an overview of titles, counts
 *   and statuses is still the overview, and the summaries are in the deck. The build names every section it had to
 *   set without them.
 * - measures: the Maßnahmen as planned; with less room around each; without their planned dates; then shortened.
 * - chances: the Chancen as planned; closer together; then shortened.
 * A list that is still too long after its last step is shortened (plan-pages.ts, `shown`): the entries that fit,
 * then a line „… und 3 weitere Maßnahmen im …“; never to fewer than MIN_SHOWN entries. A section at its last step
 * that still does not fit is reported by assertFits, with the field that causes it and, for a list, the selection
 * that would fit.
 */
export interface SectionLayout {
  /** The portal's address beneath the QR code, on the section's full width, instead of beside it. */
  addressBelow: boolean;
  /** The address in the brand's small size instead of the body size. */
  addressSmall: boolean;
  /** Less room above and below each Baustein of the overview, each entry of a list. */
  tight: boolean;
  /** The Bausteine's summaries in the small size. */
  smallSummaries: boolean;
  /** The overview without the Bausteine's summaries. */
  noSummaries: boolean;
  /** The Maßnahmen without their planned dates. */
  noDates: boolean;
}

const PLAIN: SectionLayout = {
  addressBelow: false,
  addressSmall: false,
  tight: false,
  smallSummaries: false,
  noSummaries: false,
  noDates: false,
};
const TIGHT: SectionLayout = { ...PLAIN, tight: true };

/** A shortened list shows at least this many entries; with less room the author chooses (the message says how). */
export const MIN_SHOWN = 3;

type Kind = SectionData["kind"];
type DataOf<K extends Kind> = Extract<SectionData, { kind: K }>;

/** What a section is described with, besides its data. */
export interface SectionContext {
  s: Styles;
  /** The section's column, in points. */
  width: number;
  /** Headings above the text (panels, narrow pages), not beside it. */
  narrow: boolean;
  /** Field path in the flyer file, `sections[3]`. */
  field: string;
  layout: SectionLayout;
  /** How many entries of a list are shown (plan-pages.ts); undefined: all. */
  shown: number | undefined;
}

interface SectionKind<K extends Kind> {
  /** The layout at each step, 0 = as planned. */
  steps: readonly SectionLayout[];
  /** What makes it take the next step: its address too wide, or its frame too full. */
  adaptsTo: "address" | "height" | "none";
  /** Its entries, for a list that is shortened when its last step is not enough. */
  list?: (d: DataOf<K>) => { source: ListSource; refs: (string | number)[] };
  /** The least height an entry of the list can take at any step: a frame holds no more entries than fit so. */
  minEntry?: (s: Styles) => number;
  /** What a reader misses at this layout, for the build's notes. */
  omits?: (d: DataOf<K>, layout: SectionLayout) => string[];
  /**
   * Whether taking the step to this layout frees any room, judged from the current layout of the section's frame; a
   * step that frees nothing is not taken (default: every step frees room).
   */
  frees?: (next: SectionLayout, frame: LayoutNode, field: string) => boolean;
  /** The elements beneath the heading. */
  body: (d: DataOf<K>, ctx: SectionContext) => FlyerElement[];
}

// ---- parts several kinds share ----

/** A bulleted list: L (Disc) with LI/LBody; the bullets are artifacts. */
function points(items: string[], s: Styles, marginTop: number, entries?: { field: string; tight: boolean }) {
  const dot = s.body.fontSize * 0.38;
  const gap = entries?.tight ? 2 : s.space[1] + 1;
  return view(
    { marginTop },
    items.map((p, i) =>
      // Bullet placed absolutely, text as a plain block: one text measurement instead of a flex row's two.
      view(
        { paddingLeft: dot + s.space[2] + 1, marginTop: i === 0 ? 0 : gap },
        [
          view({
            position: "absolute",
            left: 0,
            top: (s.leading(s.body) - dot) / 2 + 0.5,
            width: dot,
            height: dot,
            backgroundColor: s.colors.primary,
          }),
          text("LBody", p, s.body, "prose"),
        ],
        { role: "LI", ...(entries ? { marks: { entry: entries.field } } : {}) },
      ),
    ),
    { role: "L", attributes: listAttributes("Disc") },
  );
}

function textPart(part: TextPart, s: Styles, first: boolean): FlyerElement[] {
  switch (part.kind) {
    case "text":
      return part.paragraphs.map((p, i) =>
        text("P", p, [s.body, { marginTop: first && i === 0 ? 0 : s.space[2] }], "prose"),
      );
    case "points":
      return [points(part.items, s, first ? 0 : s.space[2])];
    case "quote":
      return [
        view(
          {
            marginTop: first ? 0 : s.space[4],
            borderLeftWidth: 3,
            borderLeftColor: s.colors.primary,
            paddingLeft: s.space[3],
          },
          [
            text("P", `„${part.text}“`, s.quote, "prose"),
            text("P", `– ${part.source}`, [s.small, { marginTop: s.space[1] }], "words"),
          ],
          { role: "BlockQuote" },
        ),
      ];
    case "note":
      return [
        view(
          {
            marginTop: first ? 0 : s.space[3],
            backgroundColor: s.colors.surface,
            borderRadius: s.radius.box,
            padding: s.space[3],
          },
          [text("P", part.text, s.note, "prose")],
        ),
      ];
    default:
      return assertNever(part, "Teil eines Textes");
  }
}

/** The portal's address as a link, never broken; marked for assertFits, which checks that it fits its column. */
function address(url: string, shown: string, field: string, small: boolean, s: Styles, description?: string) {
  const style = small ? s.linkSmall : s.link;
  return group("P", [link(url, [text(undefined, shown, style, "whole", { address: field })], style, description)]);
}

/**
 * The line after a shortened list: how many entries it leaves out and where they are, „… und 3 weitere Maßnahmen
 * im <portalName>“; a paragraph after the list in the structure tree.
 */
function moreLine(hidden: number, source: ListSource, style: Style, field: string) {
  return text("P", setText(`… und ${countMore(hidden, source.noun)} ${source.where}`), style, "words", {
    more: field,
  });
}

/** Whether a date of the list in this field stands on a line of its own, beneath its status. */
function datesWrapped(frame: LayoutNode, field: string): boolean {
  for (const row of walkLayout(frame))
    for (const child of row.children)
      if (child.marks.detail === field && row.children.some((other) => other.top + 1 < child.top)) return true;
  return false;
}

/** The entries a list shows: all, or the first `shown` of them. */
const shownOf = <T>(items: T[], shown: number | undefined) => (shown === undefined ? items : items.slice(0, shown));

// ---- the kinds ----

const KINDS: { [K in Kind]: SectionKind<K> } = {
  text: {
    steps: [PLAIN],
    adaptsTo: "none",
    body: (d, { s }) => {
      const blocks: FlyerElement[] = [];
      for (const part of d.parts) blocks.push(...textPart(part, s, blocks.length === 0));
      return [view(undefined, blocks)];
    },
  },

  chances: {
    steps: [PLAIN, TIGHT],
    adaptsTo: "height",
    list: (d) => ({ source: d.list, refs: d.items.map((i) => i.number) }),
    minEntry: (s) => s.leading(s.body),
    body: (d, { s, field, layout, shown }) => {
      const items = shownOf(d.items, shown);
      const hidden = d.items.length - items.length;
      const gap = layout.tight ? 2 : s.space[1] + 1;
      return [
        view(undefined, [
          points(
            items.map((i) => i.text),
            s,
            0,
            { field, tight: layout.tight },
          ),
          hidden > 0 && moreLine(hidden, d.list, [s.small, { marginTop: gap }], field),
        ]),
      ];
    },
  },

  steps: {
    steps: [PLAIN],
    adaptsTo: "none",
    body: (d, { s }) => {
      const circle = s.leading(s.body) + 5;
      return [
        view(
          undefined,
          d.steps.map((step, i) =>
            view(
              { paddingLeft: circle + s.space[3], marginTop: i === 0 ? 0 : s.space[3] },
              [
                view(
                  {
                    position: "absolute",
                    left: 0,
                    top: -2,
                    width: circle,
                    height: circle,
                    borderRadius: circle / 2,
                    backgroundColor: s.colors.primary,
                    alignItems: "center",
                    justifyContent: "center",
                  },
                  [text("Lbl", String(i + 1), s.stepNumber, "default")],
                ),
                text("LBody", step, s.body, "prose"),
              ],
              { role: "LI" },
            ),
          ),
          { role: "L", attributes: listAttributes("Decimal") },
        ),
      ];
    },
  },

  bausteine: {
    // Without summaries the overview has room again for the planned spacing before it needs to be tight.
    steps: [
      PLAIN,
      TIGHT,
      { ...TIGHT, smallSummaries: true },
      { ...PLAIN, noSummaries: true },
      { ...TIGHT, noSummaries: true },
    ],
    adaptsTo: "height",
    omits: (d, layout) => (layout.noSummaries ? [`ohne die Kurzbeschreibungen der ${d.noun.many}`] : []),
    body: (d, { s, layout }) => {
      const room = layout.tight ? s.space[1] : s.space[2];
      return [
        view(undefined, [
          text("P", d.lead, [s.bodyStrong, { marginBottom: s.space[2] }], "prose"),
          ...d.items.map((b) =>
            view(
              { borderTopWidth: 1, borderTopColor: s.colors.rule, paddingTop: room, paddingBottom: room },
              [
                text("P", b.label, s.label, "default"),
                text("H3", b.title, s.itemTitle, "words"),
                !layout.noSummaries && text("P", b.summary, layout.smallSummaries ? s.summarySmall : s.body, "prose"),
                text("P", `${b.measures} · ${b.status}`, [s.small, { marginTop: s.space[1] }], "whole"),
              ],
              { role: "Div", wrap: false },
            ),
          ),
        ]),
      ];
    },
  },

  measures: {
    steps: [PLAIN, TIGHT, { ...TIGHT, noDates: true }],
    adaptsTo: "height",
    list: (d) => ({ source: d.list, refs: d.items.map((i) => i.id) }),
    // Its title and its status, one line each.
    minEntry: (s) => s.leading(s.bodyStrong) + s.leading(s.badge),
    omits: (d, layout) => (layout.noDates ? [`ohne das geplante Datum der ${d.list.noun.many}`] : []),
    // Without its date an entry is a line shorter only where the date did not fit beside the status.
    frees: (next, frame, field) => !next.noDates || datesWrapped(frame, field),
    body: (d, { s, field, layout, shown }) => {
      const items = shownOf(d.items, shown);
      const hidden = d.items.length - items.length;
      const room = layout.tight ? s.space[1] : s.space[2];
      const entry: Marks = { entry: field };
      return [
        view(undefined, [
          group(
            "L",
            items.map((m, i) =>
              view(
                {
                  borderTopWidth: i === 0 ? 0 : 1,
                  borderTopColor: s.colors.rule,
                  paddingTop: i === 0 ? 0 : room,
                  paddingBottom: room,
                },
                [
                  group("LBody", [
                    text("P", m.title, s.bodyStrong, "words"),
                    view(
                      {
                        flexDirection: "row",
                        alignItems: "center",
                        flexWrap: "wrap",
                        marginTop: layout.tight ? 1 : 2,
                      },
                      [
                        view(
                          {
                            backgroundColor: s.statusColors[m.statusKind],
                            borderRadius: s.leading(s.small) / 2,
                            paddingHorizontal: s.space[2],
                            marginRight: s.space[2],
                          },
                          [text("P", m.status, s.badge, "default")],
                        ),
                        !layout.noDates && text("P", m.planned, s.small, "words", { detail: field }),
                      ],
                    ),
                  ]),
                ],
                { role: "LI", marks: entry },
              ),
            ),
            listAttributes("None"),
          ),
          hidden > 0 && moreLine(hidden, d.list, s.small, field),
        ]),
      ];
    },
  },

  portal: {
    steps: [PLAIN, { ...PLAIN, addressBelow: true }, { ...PLAIN, addressBelow: true, addressSmall: true }],
    adaptsTo: "address",
    // Text and address beside the QR code; an address too wide for that column goes beneath the code, on the
    // section's full width. The structure tree keeps the reading order text, address, code either way.
    body: (d, { s, width, narrow, field, layout }) => {
      const size = mm(narrow ? 24 : 26);
      const addr = address(d.url, d.address, field, layout.addressSmall, s);
      const lead =
        d.text !== undefined &&
        text("P", d.text, [s.body, layout.addressBelow ? {} : { marginBottom: s.space[2] }], "prose");
      return [
        view(undefined, [
          view({ flexDirection: "row", alignItems: "flex-start" }, [
            (lead || !layout.addressBelow) &&
              view({ width: width - size - s.space[4], marginRight: s.space[4] }, [lead, !layout.addressBelow && addr]),
            { ...link(d.url, [qr(d.url, size, qrAlt(d.url))]), order: 1 },
          ]),
          layout.addressBelow && view({ marginTop: s.space[2] }, [addr]),
        ]),
      ];
    },
  },

  contact: {
    steps: [PLAIN, { ...PLAIN, addressSmall: true }],
    adaptsTo: "address",
    body: (d, { s, field, layout }) => [
      view(undefined, [
        d.text !== undefined &&
          view(
            {
              backgroundColor: s.colors.tint,
              borderRadius: s.radius.box,
              paddingHorizontal: s.space[3],
              paddingVertical: s.space[2],
              marginBottom: s.space[3],
            },
            [text("P", d.text, s.callToAction, "prose")],
          ),
        group("Div", [
          ...d.lines.map((line, i) => text("P", line, i === 0 ? s.bodyStrong : s.body, "words")),
          d.hours !== undefined && text("P", d.hours, [s.body, { marginTop: s.space[1] }], "words"),
          d.links.length > 0 &&
            view(
              { marginTop: s.space[2] },
              d.links.map((l) => address(l.href, l.text, field, layout.addressSmall, s, l.name)),
            ),
          view({ marginTop: s.space[2] }, [address(d.url, d.address, field, layout.addressSmall, s)]),
        ]),
      ]),
    ],
  },
};

/** The kind's definition, for any section's data. */
const kindOf = (data: SectionData) => KINDS[data.kind] as unknown as SectionKind<Kind>;

/** Share of a wide column given to the headings beside the text. */
const SIDE_HEADING = 0.3;

/** The last step of a kind (0: it does not adapt). */
export const lastStep = (kind: Kind) => KINDS[kind].steps.length - 1;

/**
 * The last step a section can still take to free room, in the layout of its frame: its kind's last step, less the
 * steps at the end that would free nothing there (a Maßnahme's date that stands beside its status).
 */
export function lastUsefulStep(section: PreparedSection, frame: LayoutNode, current: number): number {
  const kind = kindOf(section.data);
  let last = kind.steps.length - 1;
  while (last > current) {
    const layout = kind.steps[last];
    if (!layout || !kind.frees || kind.frees(layout, frame, section.field)) break;
    last--;
  }
  return last;
}

/** What makes a section of this kind adapt. */
export const adaptsTo = (kind: Kind) => KINDS[kind].adaptsTo;

/** The layout of a section of this kind at this step. */
export function sectionLayout(kind: Kind, step = 0): SectionLayout {
  const steps = KINDS[kind].steps;
  return steps[Math.min(step, steps.length - 1)] ?? PLAIN;
}

/** A list section's entries (their ids or numbers, as its selection names them) and what they are; else undefined. */
export function listOf(data: SectionData) {
  return kindOf(data).list?.(data);
}

/**
 * Lists longer than their frame could ever hold, by field: how many entries they show at most, so that the first
 * layouts do not set entries that no step could keep (fifty Maßnahmen on a panel that holds at most fifteen). The
 * result is the same as with every entry; only faster.
 */
export function capLists(frames: { height: number; sections: PreparedSection[] }[], s: Styles): Record<string, number> {
  const caps: Record<string, number> = {};
  for (const frame of frames)
    for (const section of frame.sections) {
      const total = listOf(section.data)?.refs.length ?? 0;
      const least = kindOf(section.data).minEntry?.(s);
      if (!least) continue;
      const most = Math.max(MIN_SHOWN, Math.floor(frame.height / least) + 1);
      if (total > most) caps[section.field] = most;
    }
  return caps;
}

/**
 * What a reader misses of a section at this step and with this many entries shown, in German for the build's
 * list, e.g. „ohne das geplante Datum der Maßnahmen“, „gekürzt auf 8 von 50 Maßnahmen“.
 */
export function omissions(data: SectionData, step = 0, shown?: number): string[] {
  const out = kindOf(data).omits?.(data, sectionLayout(data.kind, step)) ?? [];
  const list = listOf(data);
  if (list && shown !== undefined && shown < list.refs.length)
    out.push(`gekürzt auf ${shown} von ${countDative(list.refs.length, list.source.noun)}`);
  return out;
}

/**
 * One section, described: a Sect with its heading (H2) above the text on panels and narrow pages, beside it on wide
 * ones, and its body. Columns get their width from the frame, not from flex, so react-pdf measures each text once.
 */
export function describeSection(
  section: PreparedSection,
  at: { s: Styles; width: number; headings: "side" | "top"; first: boolean; step: number; shown?: number },
): ViewElement {
  const { s, width, headings, first } = at;
  const { data, field } = section;
  const context = (w: number, narrow: boolean): SectionContext => ({
    s,
    width: w,
    narrow,
    field,
    layout: sectionLayout(data.kind, at.step),
    shown: at.shown,
  });
  const marks = { field };
  if (headings === "side") {
    const side = Math.round(width * SIDE_HEADING);
    return view(
      { flexDirection: "row", marginTop: first ? 0 : s.space[5] },
      [
        view({ width: side, paddingRight: s.space[5] }, [text("H2", data.title, s.heading, "heading")]),
        view(
          { width: width - side, paddingTop: (s.leading(s.heading) - s.leading(s.body)) / 2 },
          kindOf(data).body(data, context(width - side, false)),
        ),
      ],
      { role: "Sect", marks },
    );
  }
  return view(
    { marginTop: first ? 0 : s.space[5] },
    [
      text("H2", data.title, [s.panelHeading, { marginBottom: s.space[2] }], "heading"),
      ...kindOf(data).body(data, context(width, true)),
    ],
    { role: "Sect", marks },
  );
}
