/**
 * The slide outline as a pure function of the model: which slides a deck variant has, in which order,
 * with their titles and presenter notes. The browser shows slide n from entry n (src/runtime/); every text
 * is printed as text, never as markup.
 */
import {
  BAUSTEIN_PARTS,
  type Baustein,
  type BausteinPart,
  bausteineHeading,
  type Concept,
  countConcept,
  type DeckSection,
  type DeckVariant,
  formatPlanDate,
  formatPlanDateLong,
  formatPublished,
  formatStand,
  formatStatus,
  type IntroSection,
  isOverdue,
  labels,
  type Measure,
  overdue,
  standDate,
} from "@dus-opendata/concept";

export type SlideKind =
  | "title"
  | "intro"
  | "overview"
  | "baustein"
  | "why"
  | "plan"
  | "measure"
  | "details"
  | "chances-risks"
  | "status"
  | "closing";

export interface SlideSpec {
  kind: SlideKind;
  /** Plain-text title for the slide list and the presenter view. */
  title: string;
  /** Slidev layout of the slide. */
  layout: "cover" | "section" | "concept";
  /** Which intro section, Baustein or Maßnahme the slide shows. */
  intro?: string;
  baustein?: string;
  measure?: string;
  /** Presenter notes, plain text, one paragraph per entry. */
  notes: string[];
  /** Status slides: the Maßnahmen (ids) of this page of the timeline, and which page of how many. */
  rows?: string[];
  page?: { index: number; count: number };
}

/**
 * At most this many Maßnahmen on one status slide (two lines of title per row stay readable); more are spread
 * evenly over as many status slides as needed.
 */
export const TIMELINE_ROWS_PER_SLIDE = 11;

export interface Outline {
  variant: string;
  title: string;
  subtitle?: string;
  occasion: string;
  slides: SlideSpec[];
}

const asOfText = (c: Concept) => `zum Stand ${formatStand(c.stand)}`;

function measureNotes(c: Concept, b: Baustein, m: Measure): string[] {
  const asOf = standDate(c);
  return [
    `${labels.baustein} ${b.number}: ${b.title}.`,
    `${labels.status}: ${formatStatus(m.status)}. ${labels.planned}: ${formatPlanDate(m.planned)} (${formatPlanDateLong(m.planned)}). ${labels.published}: ${formatPublished(m.published)}.`,
    isOverdue(m, asOf)
      ? `Achtung: ${asOfText(c)} überfällig (Datum (Plan) verstrichen, nicht erledigt).`
      : `Nicht überfällig ${asOfText(c)}.`,
  ];
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

function bausteinSlides(c: Concept, v: DeckVariant, b: Baustein): SlideSpec[] {
  const parts: readonly BausteinPart[] = v.parts ?? BAUSTEIN_PARTS;
  const out: SlideSpec[] = [];
  const counts = `${b.measures.length} ${b.measures.length === 1 ? labels.measure : labels.measures}, ${b.chances.length} ${labels.chances}, ${b.risks.length} ${labels.risks}.`;
  for (const part of BAUSTEIN_PARTS) {
    if (!parts.includes(part)) continue;
    switch (part) {
      case "section":
        out.push({
          kind: "baustein",
          layout: "section",
          title: `${labels.baustein} ${b.number}: ${b.title}`,
          baustein: b.id,
          notes: [counts],
        });
        break;
      case "why":
        out.push({
          kind: "why",
          layout: "concept",
          title: b.why.title,
          baustein: b.id,
          notes: [`${labels.baustein} ${b.number}: ${b.title}.`, counts],
        });
        break;
      case "plan": {
        const late = b.measures.filter((m) => isOverdue(m, standDate(c)));
        out.push({
          kind: "plan",
          layout: "concept",
          title: `${b.title}: ${labels.whatIsPlanned}`,
          baustein: b.id,
          notes: [
            counts,
            ...b.measures.map(
              (m) => `${m.title}: ${formatStatus(m.status)}, ${labels.planned} ${formatPlanDate(m.planned)}.`,
            ),
            late.length
              ? `Überfällig ${asOfText(c)}: ${late.map((m) => m.title).join(", ")}.`
              : `Nichts überfällig ${asOfText(c)}.`,
          ],
        });
        break;
      }
      case "measures":
        for (const m of b.measures) {
          if (v.measures && !v.measures.includes(m.id)) continue;
          out.push({
            kind: "measure",
            layout: "concept",
            title: m.title,
            baustein: b.id,
            measure: m.id,
            notes: measureNotes(c, b, m),
          });
          // A table or an outline needs the whole slide: it follows on its own slide.
          if (m.details?.facts || m.details?.outline)
            out.push({
              kind: "details",
              layout: "concept",
              title: m.details.title ?? m.title,
              baustein: b.id,
              measure: m.id,
              notes: [`Zusatzinformationen zur Maßnahme „${m.title}“.`],
            });
        }
        break;
      case "chances-risks":
        out.push({
          kind: "chances-risks",
          layout: "concept",
          title: `${b.title}: ${labels.chancesAndRisks}`,
          baustein: b.id,
          notes: [counts],
        });
        break;
    }
  }
  return out;
}

/** The slides of one deck variant, in order. */
export function buildOutline(c: Concept, v: DeckVariant): Outline {
  const slides: SlideSpec[] = [];
  const bausteine = selectedBausteine(c, v);
  const title = v.title ?? c.title;
  for (const section of v.sections as readonly DeckSection[]) {
    switch (section) {
      case "title":
        slides.push({
          kind: "title",
          layout: "cover",
          title,
          notes: [v.occasion, `${labels.stand}: ${formatStand(c.stand)}.`],
        });
        break;
      case "intro":
        {
          const intro = selectedIntro(c, v);
          for (const [i, s] of intro.entries())
            slides.push({
              kind: "intro",
              layout: "concept",
              title: s.title,
              intro: s.id,
              notes: [`${labels.introTitle} ${i + 1} von ${intro.length}: ${s.title}`],
            });
        }
        break;
      case "overview": {
        const n = countConcept({ bausteine });
        slides.push({
          kind: "overview",
          layout: "concept",
          title: bausteineHeading(c, bausteine.length),
          notes: [`${n.bausteine} ${labels.bausteine} mit zusammen ${n.measures} ${labels.measures}.`],
        });
        break;
      }
      case "bausteine":
        for (const b of bausteine) slides.push(...bausteinSlides(c, v, b));
        break;
      case "status": {
        const late = overdue({ bausteine }, standDate(c));
        const ids = bausteine.flatMap((b) => b.measures.map((m) => m.id));
        const count = Math.max(1, Math.ceil(ids.length / TIMELINE_ROWS_PER_SLIDE));
        const per = Math.ceil(ids.length / count);
        for (let index = 0; index < count; index++) {
          const rows = ids.slice(index * per, (index + 1) * per);
          slides.push({
            kind: "status",
            layout: "concept",
            title: count > 1 ? `${labels.statusOverview} (${index + 1}/${count})` : labels.statusOverview,
            rows,
            page: { index: index + 1, count },
            notes: [
              late.length
                ? `Überfällig ${asOfText(c)}: ${late.map((r) => `${r.measure.title} (${formatPlanDate(r.measure.planned)})`).join(", ")}.`
                : `Keine Maßnahme ist ${asOfText(c)} überfällig.`,
            ],
          });
        }
        break;
      }
      case "closing":
        slides.push({
          kind: "closing",
          layout: "cover",
          title: c.closing,
          notes: [`${c.portalName}: ${c.portal}`, `${labels.stand}: ${formatStand(c.stand)}.`],
        });
        break;
    }
  }
  return {
    variant: v.id,
    title,
    ...((v.subtitle ?? c.subtitle) ? { subtitle: v.subtitle ?? c.subtitle } : {}),
    occasion: v.occasion,
    slides,
  };
}
