/**
 * `resolveDeck(concept, variant)`: the slides of one deck variant as records (records.ts), in order — what each slide
 * shows, its plain title, its presenter notes, and the PDF's metadata. Pure: the same concept gives the same records.
 * Long lists that come from the data (Maßnahmen, Bausteine, Chancen and Risiken, the timeline) continue over as many
 * slides as they need, evenly, with „(1/3)“ in the heading, instead of shrinking.
 */
import { assertNever } from "../assert-never.js";
import { changeLabels, historyLabels } from "../change-labels.js";
import { resolveContact } from "../contact.js";
import { documentMetadata } from "../document-metadata.js";
import { labels } from "../labels.js";
import type { Baustein, Concept, DeckVariant } from "../model.js";
import { formatPlanDate, formatPlanDateLong } from "../notation/plan-date.js";
import { formatPublished } from "../notation/published.js";
import { formatStatus, statusScaleOf } from "../notation/status.js";
import { changeEntryLine, type ProgressHistory, resolveChanges, resolveVerlauf } from "../progress.js";
import type { IntroSection } from "../schemas/concept.js";
import { BAUSTEIN_PARTS, type BausteinPart, type DeckSection } from "../schemas/deck-variant.js";
import type { Measure } from "../schemas/measure.js";
import { chancesAndRisks, noneOf, statusOverview, type Terms, termsOf, thisAccusative, toThe } from "../terms.js";
import { bausteineHeading, formatStand, isOverdue, standDate } from "../views.js";
import {
  countDative,
  countNumber,
  displayAddress,
  footerLine,
  INTRO_PART_ORDER,
  joinGerman,
  webLinkName,
} from "../wording.js";
import type { IntroPart, ResolvedDeck, RichText, SlideRecord, SourceRef } from "./records.js";
import { linkParts } from "./rich-text.js";
import { statusToken, timelineOf, timelineRows } from "./timeline.js";

/** At most this many Maßnahmen on one status slide (two lines of title per row stay readable). */
export const TIMELINE_ROWS_PER_SLIDE = 11;
/** At most this many rows in the table „Was ist geplant?“ of one slide, at the body size. */
export const PLAN_ROWS_PER_SLIDE = 8;
/** At most this many Baustein cards on one overview slide (two rows of three). */
export const OVERVIEW_CARDS_PER_SLIDE = 6;
/** At most this many Stände on the slide „Verlauf“ (the latest ones): bars and table rows stay readable. */
export const VERLAUF_STANDS_PER_SLIDE = 8;
/** At most this many changes on one slide „Seit dem letzten Stand“. */
export const CHANGES_PER_SLIDE = 8;
/** At most this many Chancen (and as many Risiken) on one slide of a Baustein's „Chancen und Risiken“. */
export const CHANCES_PER_SLIDE = 6;

export interface ResolveOptions {
  /** Line breaking for displayed text (soft hyphens); titles, notes and metadata stay plain. Default: none. */
  hyphenate?: (text: string) => string;
  /** Where a field of the content is written (`file:line:col`), for warnings about a text that does not fit. */
  locate?: (path: readonly (string | number)[]) => SourceRef | undefined;
  /**
   * The history for the section `changes` (the Node side reads it: `readProgress`); without it that section
   * yields no slide, and the notes say why.
   */
  history?: ProgressHistory;
}

/** The Bausteine a variant shows, in the variant's order; every Baustein when it names none. */
export function selectedBausteine(c: Pick<Concept, "bausteine">, v: Pick<DeckVariant, "blocks">): Baustein[] {
  if (!v.blocks) return c.bausteine;
  return v.blocks.map((id) => c.bausteine.find((b) => b.id === id)).filter((b): b is Baustein => b !== undefined);
}

function selectedIntro(c: Concept, v: DeckVariant): IntroSection[] {
  if (!v.intro) return c.intro;
  return v.intro.map((id) => c.intro.find((s) => s.id === id)).filter((s): s is IntroSection => s !== undefined);
}

/**
 * Splits a list into as few pages of at most `per` entries as needed, evenly (sizes differ by at most one); an
 * empty list is one empty page.
 */
export function paginate<T>(items: readonly T[], per: number): T[][] {
  const count = Math.max(1, Math.ceil(items.length / per));
  const pages: T[][] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    const size = Math.floor(items.length / count) + (i < items.length % count ? 1 : 0);
    pages.push(items.slice(at, at + size));
    at += size;
  }
  return pages;
}

/** „Titel (2/3)“ when a list continues over several slides. */
const paged = (title: string, index: number, count: number) => (count > 1 ? `${title} (${index + 1}/${count})` : title);
const pageOf = (index: number, count: number) => (count > 1 ? { page: { index: index + 1, count } } : {});

export function resolveDeck(c: Concept, v: DeckVariant, options: ResolveOptions = {}): ResolvedDeck {
  const t = options.hyphenate ?? ((s: string) => s);
  const locate = options.locate ?? (() => undefined);
  const terms: Terms = termsOf(c);
  const asOf = standDate(c);
  const stand = formatStand(c.stand);
  const standLine = `${labels.stand}: ${stand}`;
  const asOfText = `zum ${labels.stand} ${stand}`;
  const bausteine = selectedBausteine(c, v);
  const title = v.title ?? c.title;
  const subtitle = v.subtitle ?? c.subtitle;
  const portal = { url: c.portal, name: c.portalName };
  const rich = (s: string): RichText => linkParts(t(s), portal);
  const wordmark = { city: c.city, organisation: c.organisation, claim: c.claim };
  const selection =
    bausteine.length < c.bausteine.length
      ? `${labels.selection}: ${bausteine.length} ${labels.of} ${countDative(c.bausteine.length, terms.baustein)}`
      : undefined;
  const bausteinLabel = (b: Baustein) => `${terms.baustein.one} ${b.number}`;
  const kickerOf = (b: Baustein) => t(`${bausteinLabel(b)} · ${b.title}`);
  const counts = (b: Baustein) =>
    `${countNumber(b.measures.length, terms.measure)}, ${countNumber(b.chances.length, terms.chance)}, ${countNumber(b.risks.length, terms.risk)}.`;
  // The presenter's notes always say what is overdue; the slides only when the variant shows it to the audience.
  const overdueOnSlides = (v.overdue ?? "folien") === "folien";
  const late = (m: Measure) => isOverdue(m, asOf);

  const slides: SlideRecord[] = [];

  const measureSlides = (b: Baustein, m: Measure): SlideRecord[] => {
    const d = m.details;
    const onlyPoints = d?.points && !d.facts && !d.outline;
    const out: SlideRecord[] = [
      {
        kind: "measure",
        title: m.title,
        ref: { baustein: b.id, measure: m.id },
        kicker: kickerOf(b),
        heading: t(m.title),
        paragraphs: m.summary.map(rich),
        ...(onlyPoints && d.points
          ? { points: { ...(d.title ? { heading: t(d.title) } : {}), items: d.points.map(t) } }
          : {}),
        facts: {
          status: [labels.status, statusToken(m.status)],
          planned: [labels.planned, formatPlanDate(m.planned)],
          published: [labels.published, formatPublished(m.published)],
        },
        ...(overdueOnSlides && late(m) ? { overdue: `${labels.overdue} (${standLine})` } : {}),
        ...sourceOf(locate(["bausteine", b.id, "measures", m.id, "summary"])),
        notes: [
          ...(m.notes ?? []),
          `${bausteinLabel(b)}: ${b.title}.`,
          `${labels.status}: ${formatStatus(m.status)}. ${labels.planned}: ${formatPlanDate(m.planned)} (${formatPlanDateLong(m.planned)}). ${labels.published}: ${formatPublished(m.published)}.`,
          late(m)
            ? `Achtung: ${asOfText} ${labels.overdue} (${labels.planned} verstrichen, nicht erledigt).`
            : `Nicht ${labels.overdue} ${asOfText}.`,
        ],
      },
    ];
    // A table or an outline needs the whole slide: it follows on its own slide.
    if (d && (d.facts || d.outline))
      out.push({
        kind: "details",
        title: d.title ?? m.title,
        ref: { baustein: b.id, measure: m.id },
        ...sourceOf(locate(["bausteine", b.id, "measures", m.id, "details"])),
        kicker: t(`${bausteinLabel(b)} · ${m.title}`),
        heading: t(d.title ?? m.title),
        ...(d.facts
          ? {
              facts: d.facts.map((f) => ({
                label: t(f.label),
                value: (Array.isArray(f.value) ? f.value : [f.value]).map(t),
              })),
            }
          : {}),
        ...(d.outline
          ? {
              outline: d.outline.map((o) => ({
                title: t(o.title),
                ...(o.items?.length ? { items: t(o.items.join(" · ")) } : {}),
              })),
            }
          : {}),
        ...(d.points ? { points: d.points.map(t) } : {}),
        notes: [`Zusatzinformationen ${toThe(terms.measure)} „${m.title}“.`],
      });
    return out;
  };

  const bausteinSlides = (b: Baustein) => {
    const first = slides.length;
    bausteinParts(b);
    // The Baustein's own notes go to the first slide the variant shows of it.
    const opening = slides[first];
    if (b.notes && opening) opening.notes = [...b.notes, ...opening.notes];
  };

  const bausteinParts = (b: Baustein) => {
    const parts: readonly BausteinPart[] = v.parts ?? BAUSTEIN_PARTS;
    for (const part of BAUSTEIN_PARTS) {
      if (!parts.includes(part)) continue;
      switch (part) {
        case "section":
          slides.push({
            kind: "baustein",
            title: `${bausteinLabel(b)}: ${b.title}`,
            ref: { baustein: b.id },
            ...sourceOf(locate(["bausteine", b.id, "title"])),
            kicker: t(c.title),
            label: bausteinLabel(b),
            heading: t(b.title),
            ...(b.subtitle ? { subtitle: t(b.subtitle) } : {}),
            count: countNumber(b.measures.length, terms.measure),
            notes: [counts(b)],
          });
          break;
        case "why":
          slides.push({
            kind: "why",
            title: b.why.title,
            ref: { baustein: b.id },
            ...sourceOf(locate(["bausteine", b.id, "why", "text"])),
            kicker: kickerOf(b),
            heading: t(b.why.title),
            paragraphs: b.why.text.map(rich),
            notes: [`${bausteinLabel(b)}: ${b.title}.`, counts(b)],
          });
          break;
        case "plan": {
          const pages = paginate(b.measures, PLAN_ROWS_PER_SLIDE);
          const overdueNames = b.measures.filter(late).map((m) => m.title);
          for (const [i, page] of pages.entries())
            slides.push({
              kind: "plan",
              title: paged(`${b.title}: ${labels.whatIsPlanned}`, i, pages.length),
              ref: { baustein: b.id },
              ...sourceOf(locate(["bausteine", b.id, "measures"])),
              ...pageOf(i, pages.length),
              kicker: kickerOf(b),
              heading: paged(labels.whatIsPlanned, i, pages.length),
              columns: [terms.measure.one, labels.status, labels.planned],
              rows: page.map((m) => ({
                id: m.id,
                title: t(m.title),
                status: statusToken(m.status),
                planned: formatPlanDate(m.planned),
                ...(overdueOnSlides && late(m) ? { overdue: labels.overdue } : {}),
              })),
              ...(b.measures.length === 0
                ? { empty: `Für ${thisAccusative(terms.baustein)} sind noch keine ${terms.measure.many} benannt.` }
                : {}),
              notes: [
                counts(b),
                ...page.map(
                  (m) => `${m.title}: ${formatStatus(m.status)}, ${labels.planned} ${formatPlanDate(m.planned)}.`,
                ),
                overdueNames.length
                  ? `${capitalise(labels.overdue)} ${asOfText}: ${joinGerman(overdueNames)}.`
                  : `Nichts ${labels.overdue} ${asOfText}.`,
              ],
            });
          break;
        }
        case "measures":
          for (const m of b.measures) if (!v.measures || v.measures.includes(m.id)) slides.push(...measureSlides(b, m));
          break;
        case "chances-risks": {
          // A Baustein that names neither gets no slide: two „Keine benannt.“ say nothing.
          if (b.chances.length === 0 && b.risks.length === 0) break;
          const count = Math.max(
            1,
            Math.ceil(b.chances.length / CHANCES_PER_SLIDE),
            Math.ceil(b.risks.length / CHANCES_PER_SLIDE),
          );
          const chances = paginate(b.chances, Math.ceil(b.chances.length / count) || 1);
          const risks = paginate(b.risks, Math.ceil(b.risks.length / count) || 1);
          for (let i = 0; i < count; i++) {
            const heading = chancesAndRisks(terms);
            slides.push({
              kind: "chances-risks",
              title: paged(`${b.title}: ${heading}`, i, count),
              ref: { baustein: b.id },
              ...sourceOf(locate(["bausteine", b.id, b.chances.length ? "chances" : "risks"])),
              ...pageOf(i, count),
              kicker: kickerOf(b),
              heading: paged(heading, i, count),
              // A list that ended on an earlier page leaves its column out; an empty list says so on every page.
              columns: [
                column("chances", terms.chance.many, chances[i] ?? [], b.chances.length, t),
                column("risks", terms.risk.many, risks[i] ?? [], b.risks.length, t),
              ].filter((col) => col.items.length > 0 || col.empty),
              notes: [counts(b)],
            });
          }
          break;
        }
        default:
          assertNever(part, "Folie eines Bausteins");
      }
    }
  };

  const notices: string[] = [];
  /** Notes for a slide that is not there, said on its neighbour: the slide before it, or else the next one. */
  let pendingNotes: string[] = [];
  const noteBeside = (note: string) => {
    const before = slides.at(-1);
    if (before) before.notes.push(note);
    else pendingNotes.push(note);
  };

  const changesSlides = () => {
    const history: ProgressHistory = options.history ?? { found: false, reason: changeLabels.historyNotRead };
    const changes = resolveChanges(c, history, terms);
    if (!changes) {
      const why = `${changeLabels.noChangesSlides} ${historyLabels.noBaseline}: ${history.found ? "" : history.reason}`;
      noteBeside(why);
      notices.push(why);
      return;
    }
    const pages = paginate(changes.entries, CHANGES_PER_SLIDE);
    for (const [i, page] of pages.entries())
      slides.push({
        kind: "changes",
        title: paged(changes.heading, i, pages.length),
        ...pageOf(i, pages.length),
        kicker: `${labels.stand}: ${stand} · ${changes.compared}`,
        heading: t(paged(changes.heading, i, pages.length)),
        summary: changes.summary,
        items: page.map((e) => ({
          id: e.id,
          change: e.change,
          subject: t(e.subject),
          ...(e.formerTitle ? { former: t(`${changeLabels.formerly}: ${e.formerTitle}`) } : {}),
          detail: e.detail,
        })),
        ...(changes.entries.length === 0 ? { empty: `${changes.sentence}` } : {}),
        notes: [changes.sentence, `${changes.compared}.`, ...page.map((e) => `${changeEntryLine(e)}.`)],
      });
    // The latest Stände only: more bars and table rows than these do not fit one slide.
    const allStands = history.states?.length ?? 0;
    const verlauf = resolveVerlauf(
      { ...history, states: (history.states ?? []).slice(-VERLAUF_STANDS_PER_SLIDE) },
      terms,
    );
    if (!verlauf) {
      noteBeside(changeLabels.noVerlaufSlide);
      return;
    }
    slides.push({
      kind: "verlauf",
      title: changeLabels.verlauf,
      kicker: `${
        allStands > verlauf.entries.length
          ? `die letzten ${verlauf.entries.length} von ${countDative(allStands, changeLabels.stands)}`
          : countNumber(verlauf.entries.length, changeLabels.stands)
      } · ${labels.stand}: ${stand}`,
      heading: changeLabels.verlauf,
      verlauf: {
        bars: verlauf.entries.map((e, k) => ({
          label: verlauf.table.rows[k]?.[0] ?? e.label,
          current: e.current,
          total: e.total,
          segments: e.counts.map((x) => ({ kind: x.kind, label: x.label, count: x.count })),
        })),
        max: verlauf.max,
        legend: verlauf.legend,
        table: verlauf.table,
        description: verlauf.description,
      },
      notes: [verlauf.description],
    });
  };

  for (const section of v.sections as readonly DeckSection[]) {
    switch (section) {
      case "title":
        slides.push({
          kind: "title",
          title,
          ...sourceOf(locate(v.title ? ["decks", v.id, "title"] : ["concept", "title"])),
          wordmark,
          heading: t(title),
          ...(subtitle ? { subtitle: t(subtitle) } : {}),
          line: `${v.occasion} · ${standLine}`,
          notes: [v.occasion, `${standLine}.`],
        });
        break;
      case "intro": {
        const intro = selectedIntro(c, v);
        for (const [i, s] of intro.entries())
          slides.push({
            kind: "intro",
            title: s.title,
            ref: { intro: s.id },
            ...sourceOf(locate(["concept", "intro", s.id])),
            kicker: labels.introTitle,
            heading: t(s.title),
            parts: introParts(s, t, rich),
            notes: [...(s.notes ?? []), `${labels.introTitle} ${i + 1} von ${intro.length}: ${s.title}`],
          });
        break;
      }
      case "overview": {
        const pages = paginate(bausteine, OVERVIEW_CARDS_PER_SLIDE);
        const heading = bausteineHeading(c, bausteine.length);
        const measures = bausteine.reduce((n, b) => n + b.measures.length, 0);
        for (const [i, page] of pages.entries())
          slides.push({
            kind: "overview",
            title: paged(heading, i, pages.length),
            ...sourceOf(page[0] && locate(["bausteine", page[0].id, "summary"])),
            ...pageOf(i, pages.length),
            kicker: selection ? `${labels.introTitle} · ${selection}` : labels.introTitle,
            heading: t(paged(heading, i, pages.length)),
            cards: page.map((b) => ({
              id: b.id,
              number: String(b.number),
              title: t(b.title),
              summary: t(b.summary),
              count: countNumber(b.measures.length, terms.measure),
            })),
            notes: [
              `${countNumber(bausteine.length, terms.baustein)} mit zusammen ${countNumber(measures, terms.measure)}.`,
            ],
          });
        break;
      }
      case "bausteine":
        for (const b of bausteine) bausteinSlides(b);
        break;
      case "status": {
        const all = timelineRows(bausteine, asOf, overdueOnSlides);
        const lateRows = bausteine.flatMap((b) => b.measures.filter(late));
        const measures = all.length;
        const kicker = [
          `${countNumber(measures, terms.measure)} in ${countDative(bausteine.length, terms.baustein)}`,
          ...(selection ? [selection] : []),
          standLine,
        ].join(" · ");
        const pages = paginate(all, TIMELINE_ROWS_PER_SLIDE);
        for (const [i, page] of pages.entries())
          slides.push({
            kind: "status",
            title: paged(statusOverview(terms), i, pages.length),
            ...pageOf(i, pages.length),
            kicker,
            heading: paged(statusOverview(terms), i, pages.length),
            timeline: timelineOf(all, page, {
              standDate: asOf,
              standYear: c.stand.year,
              stand,
              terms,
              scale: statusScaleOf(c.statuses),
            }),
            notes: [
              lateRows.length
                ? `${capitalise(labels.overdue)} ${asOfText}: ${joinGerman(lateRows.map((m) => `${m.title} (${formatPlanDate(m.planned)})`))}.`
                : `${noneOf(terms.measure)} ist ${asOfText} ${labels.overdue}.`,
            ],
          });
        break;
      }
      case "changes":
        changesSlides();
        break;
      case "closing": {
        const text = displayAddress(c.portal);
        const contact = resolveContact(c.contact);
        const contactLine = contact && [
          contact.person,
          contact.role,
          ...contact.address,
          contact.hours,
          ...contact.links.map((l) => l.text),
        ];
        slides.push({
          kind: "closing",
          title: c.closing,
          ...sourceOf(locate(["concept", "closing"])),
          line: t(c.closing),
          portal: { href: c.portal, text, name: webLinkName(c.portal, text, portal) },
          wordmark,
          ...(contact
            ? {
                contact: {
                  heading: labels.contact,
                  ...(contact.person ? { person: contact.person } : {}),
                  ...(contact.role ? { role: t(contact.role) } : {}),
                  address: contact.address,
                  ...(contact.hours ? { hours: t(contact.hours) } : {}),
                  links: contact.links,
                },
              }
            : {}),
          notes: [
            `${c.portalName}: ${c.portal}`,
            ...(contactLine ? [`${labels.contact}: ${contactLine.filter(Boolean).join(", ")}.`] : []),
            `${standLine}.`,
          ],
        });
        break;
      }
      default:
        assertNever(section, "Teil der Präsentation");
    }
  }

  // The variant's own notes go to its title slide, or to its first slide when it has none.
  const opening = slides.find((s) => s.kind === "title") ?? slides[0];
  if (v.notes && opening) opening.notes = [...v.notes, ...opening.notes];
  if (pendingNotes.length && slides[0]) slides[0].notes.push(...pendingNotes);
  pendingNotes = [];

  return {
    variant: v.id,
    title,
    occasion: v.occasion,
    footer: { sender: footerLine(c), stand: standLine },
    slides,
    pdf: {
      ...documentMetadata(c, { title, occasion: v.occasion, medium: "deck" }),
      bookmarks: slides.map((s) => s.title),
    },
    ...(notices.length ? { notices } : {}),
  };
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const sourceOf = (ref: SourceRef | undefined) => (ref ? { source: ref } : {});

function column(
  kind: "chances" | "risks",
  heading: string,
  items: readonly string[],
  total: number,
  t: (s: string) => string,
) {
  return { kind, heading, items: items.map(t), ...(total === 0 ? { empty: `Keine ${heading} benannt.` } : {}) };
}

/** An intro section's parts in the one order every output uses (wording.ts). */
export function introParts(s: IntroSection, t: (s: string) => string, rich: (s: string) => RichText): IntroPart[] {
  return INTRO_PART_ORDER.flatMap((kind): IntroPart[] => {
    switch (kind) {
      case "text":
        return s.text ? [{ kind, paragraphs: s.text.map(rich) }] : [];
      case "quote":
        return s.quote ? [{ kind, text: t(s.quote.text), source: t(s.quote.source) }] : [];
      case "points":
        return s.points ? [{ kind, items: s.points.map(rich) }] : [];
      case "note":
        return s.note ? [{ kind, label: labels.note, text: t(s.note) }] : [];
      default:
        return assertNever(kind, "Teil der Einführung");
    }
  });
}
