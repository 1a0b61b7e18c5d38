import {
  assertNever,
  type Concept,
  type ContactLink,
  countWords,
  displayAddress,
  documentMetadata,
  type Flyer,
  type FlyerSection,
  footerLine,
  formatPlanDate,
  formatStand,
  formatStatus,
  INTRO_PART_ORDER,
  labels,
  type Noun,
  resolveContact,
  STATUS_KINDS,
  type StatusKind,
  statusKindLabel,
  statusScaleOf,
  summariseStatus,
  type Terms,
  teamLines,
  termsOf,
} from "@dus-opendata/concept";
import { BIND, setText } from "@dus-opendata/typeset";
import { geometryOf } from "./formats.js";
import type { PdfMeta } from "./write-metadata.js";

/** A part of a text section, in the one order of every output (INTRO_PART_ORDER). */
export type TextPart =
  | { kind: "text"; paragraphs: string[] }
  | { kind: "quote"; text: string; source: string }
  | { kind: "points"; items: string[] }
  | { kind: "note"; text: string };

/**
 * What a list that comes from the data (the Maßnahmen of a Baustein, its Chancen) needs when it must be shortened to
 * fit: what its entries are called, where the reader finds the others, and the field of the flyer file that selects
 * entries (for the message that offers a selection).
 */
export interface ListSource {
  noun: Noun;
  /** „im Bürgerportal“. */
  where: string;
  selection: "measures" | "items";
}

/** What a section shows, with every word and number taken from the model. */
export type SectionData =
  | { kind: "text"; title: string; parts: TextPart[] }
  | { kind: "chances"; title: string; items: { number: number; text: string }[]; list: ListSource }
  | { kind: "steps"; title: string; steps: string[] }
  | {
      kind: "bausteine";
      title: string;
      lead: string;
      /** What the concept calls a Baustein, for the build's notes. */
      noun: Noun;
      items: { label: string; title: string; summary: string; measures: string; status: string }[];
    }
  | {
      kind: "measures";
      title: string;
      items: { id: string; title: string; status: string; statusKind: StatusKind; planned: string }[];
      list: ListSource;
    }
  | { kind: "portal"; title: string; text?: string; url: string; address: string }
  | {
      kind: "contact";
      title: string;
      text?: string;
      /** The first line is the name set in bold: the person's where the concept gives one, else the team's. */
      lines: string[];
      /** „Sprechzeiten: …“. */
      hours?: string;
      /** The e-mail address and the phone number, as `mailto:` and `tel:` links. */
      links: ContactLink[];
      url: string;
      address: string;
    };

export interface PreparedSection {
  /** Field path in the flyer file, e.g. `sections[3]`. */
  field: string;
  index: number;
  place: number;
  data: SectionData;
}

export interface PreparedFlyer {
  id: string;
  format: Flyer["format"];
  /** How many PDF pages: two for the leaflet, one or two for a flat flyer. */
  pages: number;
  occasion: string;
  title: string;
  subtitle?: string;
  callToAction?: string;
  wordmark: { city: string; organisation: string; claim: string };
  /** „Stand: November 2018“. */
  stand: string;
  footer: string;
  /** The fields of concept.yaml the footer and the wordmark are set from, for messages when they need more room. */
  footerFields: { field: string; text: string }[];
  wordmarkFields: { field: string; text: string }[];
  /** Sections per place (index = place − 1), in the order of the file. */
  places: PreparedSection[][];
  /** The date is the Stand's last day. */
  meta: PdfMeta;
}

/**
 * A problem with a flyer, located by its field path (e.g. a selection that points past the end of a list) in the
 * flyer file, or in concept.yaml when a field of the concept causes it (`source: "concept"`).
 */
export interface FlyerProblem {
  path: (string | number)[];
  message: string;
  source?: "concept";
}

/** Thrown for a flyer whose text does not fit its layout (references and selections are checked by the loader). */
export class FlyerError extends Error {
  constructor(
    readonly flyer: string,
    readonly problems: FlyerProblem[],
  ) {
    super(problems.map((p) => `Flyer „${flyer}“: ${p.message}`).join("\n"));
    this.name = "FlyerError";
  }
}

/** The selected entries (1-based); the loader has checked that each one exists (checkFlyerSelections). */
function pick<T>(list: readonly T[], selection: number[] | undefined): T[] {
  return selection ? selection.flatMap((n) => list[n - 1] ?? []) : [...list];
}

/** The parts of a text, those it has, in the order of INTRO_PART_ORDER. */
function textParts(p: {
  text?: string[] | undefined;
  quote?: { text: string; source: string } | undefined;
  points?: string[] | undefined;
  note?: string | undefined;
}): TextPart[] {
  const t = (x: string) => setText(x);
  return INTRO_PART_ORDER.flatMap((kind): TextPart[] => {
    switch (kind) {
      case "text":
        return p.text?.length ? [{ kind, paragraphs: p.text.map(t) }] : [];
      case "quote":
        return p.quote ? [{ kind, text: t(p.quote.text), source: p.quote.source }] : [];
      case "points":
        return p.points?.length ? [{ kind, items: p.points.map(t) }] : [];
      case "note":
        return p.note ? [{ kind, text: t(p.note) }] : [];
      default:
        return assertNever(kind, "Teil eines Textes");
    }
  });
}

function sectionData(c: Concept, terms: Terms, flyer: Flyer, s: FlyerSection): SectionData | undefined {
  const block = (id: string) => c.bausteine.find((b) => b.id === id);
  const text = (t: string) => setText(t);
  const heading = (t: string) => setText(t, BIND.heading);
  // Where a reader finds the entries a shortened list leaves out: the portal, which every flyer names.
  const where = `im ${c.portalName}`;
  switch (s.type) {
    case "intro": {
      const intro = c.intro.find((x) => x.id === s.section);
      if (!intro) return undefined;
      return { kind: "text", title: heading(s.title ?? intro.title), parts: textParts(intro) };
    }
    case "why": {
      const b = block(s.block);
      if (!b) return undefined;
      return {
        kind: "text",
        title: heading(s.title ?? b.why.title),
        parts: textParts({ text: pick(b.why.text, s.paragraphs) }),
      };
    }
    case "chances": {
      const b = block(s.block);
      if (!b) return undefined;
      const numbers = s.items ?? b.chances.map((_, i) => i + 1);
      return {
        kind: "chances",
        title: heading(s.title ?? terms.chance.many),
        items: numbers.flatMap((number) => {
          const chance = b.chances[number - 1];
          return chance === undefined ? [] : [{ number, text: text(chance) }];
        }),
        list: { noun: terms.chance, where, selection: "items" },
      };
    }
    case "measure": {
      const m = c.bausteine.flatMap((b) => b.measures).find((x) => x.id === s.measure);
      if (!m) return undefined;
      if (s.part === "details")
        return {
          kind: "text",
          title: heading(s.title ?? m.details?.title ?? m.title),
          parts: textParts({ points: pick(m.details?.points ?? [], s.items) }),
        };
      return {
        kind: "text",
        title: heading(s.title ?? m.title),
        parts: textParts({ text: pick(m.summary, s.paragraphs) }),
      };
    }
    case "measures": {
      const b = block(s.block);
      if (!b) return undefined;
      const chosen = s.measures ? b.measures.filter((m) => s.measures?.includes(m.id)) : b.measures;
      return {
        kind: "measures",
        title: heading(s.title ?? b.title),
        list: { noun: terms.measure, where, selection: "measures" },
        items: chosen.map((m) => ({
          id: m.id,
          title: heading(m.title),
          status: formatStatus(m.status),
          statusKind: m.status.kind,
          planned: `${labels.planned}: ${formatPlanDate(m.planned)}`,
        })),
      };
    }
    case "bausteine": {
      const summary = summariseStatus(c);
      const scale = statusScaleOf(c.statuses);
      const total = summary.reduce((n, b) => n + b.total, 0);
      return {
        kind: "bausteine",
        title: heading(s.title ?? countWords(c.bausteine.length, terms.baustein)),
        lead: text(`${countWords(total, terms.measure)} im Konzept „${c.title}“`),
        noun: terms.baustein,
        items: c.bausteine.map((b, k) => {
          const counts = summary[k];
          const status = STATUS_KINDS.filter((kind) => (counts?.byStatus[kind] ?? 0) > 0)
            .map((kind) => `${counts?.byStatus[kind]} ${statusKindLabel(scale, kind)}`)
            .join(" · ");
          return {
            label: `${terms.baustein.one} ${b.number}`,
            title: heading(b.title),
            summary: text(b.summary),
            measures: countWords(b.measures.length, terms.measure),
            status,
          };
        }),
      };
    }
    case "text":
      return { kind: "text", title: heading(s.title), parts: textParts(s) };
    case "steps":
      return { kind: "steps", title: heading(s.title), steps: s.steps.map(text) };
    case "portal":
      return {
        kind: "portal",
        title: heading(s.title ?? c.portalName),
        text: s.text && text(s.text),
        url: c.portal,
        address: displayAddress(c.portal),
      };
    case "contact": {
      const lead = s.text ?? flyer.callToAction;
      const contact = resolveContact(c.contact);
      const person = [contact?.person, contact?.role].filter((x): x is string => !!x);
      const postal = contact?.address.length ? contact.address : [c.city];
      return {
        kind: "contact",
        title: heading(s.title ?? labels.contact),
        text: lead && text(lead),
        lines: [...person, ...teamLines(c.team), ...postal],
        ...(contact?.hours ? { hours: text(contact.hours) } : {}),
        links: contact?.links ?? [],
        url: c.portal,
        address: displayAddress(c.portal),
      };
    }
    default:
      return assertNever(s, "Abschnitt");
  }
}

/** The flyer as data: every section resolved against the model, placed, and set for print. Pure. */
export function prepareFlyer(c: Concept, flyer: Flyer): PreparedFlyer {
  const geometry = geometryOf(flyer.format);
  const terms = termsOf(c);
  const placeCount = geometry.sheets.reduce((n, s) => n + s.panels.length, 0);
  const places: PreparedSection[][] = Array.from({ length: placeCount }, () => []);
  // The loader has resolved every reference and selection (pnpm check reports them); what is left to fail is layout.
  flyer.sections.forEach((s, index) => {
    const data = sectionData(c, terms, flyer, s);
    const place = s.place ?? 1;
    if (data) places[place - 1]?.push({ field: `sections[${index}]`, index, place, data });
  });

  const pages = geometry.kind === "panels" ? geometry.sheets.length : places.findLastIndex((p) => p.length > 0) + 1;
  const meta = documentMetadata(c, {
    title: `${flyer.occasion}: ${flyer.title}`,
    occasion: flyer.occasion,
    medium: "flyer",
  });
  return {
    id: flyer.id,
    format: flyer.format,
    pages: Math.max(1, pages),
    occasion: setText(flyer.occasion, BIND.heading),
    title: setText(flyer.title, BIND.display),
    subtitle: flyer.subtitle && setText(flyer.subtitle, BIND.heading),
    callToAction: flyer.callToAction && setText(flyer.callToAction),
    wordmark: { city: c.city, organisation: c.organisation, claim: c.claim },
    stand: `${labels.stand}: ${formatStand(c.stand)}`,
    footer: setText(footerLine(c)),
    footerFields: [
      { field: "sender", text: c.sender },
      { field: "claim", text: c.claim },
    ],
    wordmarkFields: [
      { field: "city", text: c.city },
      { field: "organisation", text: c.organisation },
      { field: "claim", text: c.claim },
    ],
    places,
    meta,
  };
}
