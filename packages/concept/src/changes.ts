/**
 * What changed between two states of a concept (an earlier Stand and the current one): computed once, here, from two
 * loaded concepts; every output renders the result. Pure: safe for the browser.
 */

import { assertNever } from "./assert-never.js";
import {
  type ChangeItem,
  type ChangeKind,
  changeLabels,
  declined,
  ITEM_TERMS,
  SUMMARY_PARTS,
  type SummaryKey,
  verbFor,
} from "./change-labels.js";
import type { Baustein, Concept } from "./model.js";
import { normaliseSpace, q } from "./notation/period.js";
import { formatPlanDate, type PlanDate, planDeadline, planStart } from "./notation/plan-date.js";
import { formatPublished, isPublished, type Published } from "./notation/published.js";
import { formatStatus, isCompleted, type Status } from "./notation/status.js";
import type { Measure } from "./schemas/measure.js";
import { DEFAULT_TERMS, type Terms } from "./terms.js";
import { isOverdue, standDate } from "./views.js";
import { countNumber, joinGerman } from "./wording.js";

/** The Baustein a change belongs to: where the Maßnahme is now, or was when it was removed. */
export interface ChangeBaustein {
  id: string;
  title: string;
  /** Its number now; for a removed Baustein, the number it had. */
  number: number;
  /** The Baustein is not in the current state. */
  removed: boolean;
}

interface MeasureChangeBase {
  item: "maßnahme";
  id: string;
  /** The title now; for a removed Maßnahme, the title it had. */
  title: string;
  /** The earlier title, when the Maßnahme was renamed (a rename is no change of its own). */
  formerTitle?: string;
  baustein: ChangeBaustein;
}

/** How Datum (Plan) moved: by the dates it names, not by its text. */
export type PlanDirection =
  /** Due later (or starting later where no end is given). */
  | "later"
  | "earlier"
  /** Changed without moving: another note, another form of the same dates, or from or to no date at all. */
  | "changed";

export type MeasureChange = MeasureChangeBase &
  (
    | { change: "neu"; before: null; after: string; status: Status }
    | { change: "entfallen"; before: string; after: null; status: Status }
    | {
        change: "status";
        before: string;
        after: string;
        from: Status;
        to: Status;
        /** From open to completed (erledigt, stattgefunden). */
        completed: boolean;
        /** From completed to open again. */
        reopened: boolean;
      }
    | { change: "datum"; before: string; after: string; from: PlanDate; to: PlanDate; direction: PlanDirection }
    | {
        change: "veröffentlicht";
        before: string;
        after: string;
        from: Published;
        to: Published;
        /** From „noch nicht“ to a date. */
        newlyPublished: boolean;
      }
    | {
        /** Overdue as of the current Stand, and not overdue (or not there) as of the earlier one. */
        change: "überfällig";
        before: null;
        /** Datum (Plan). */
        after: string;
        planned: PlanDate;
        /** The last day the plan allowed (`JJJJ-MM-TT`). */
        deadline: string;
      }
  );

/**
 * A new or removed Baustein, Chance or Risiko. A Chance or Risiko has no id: it is matched by its text within its
 * Baustein, `id` is its Baustein's id and `title` its text. `before` (removed) or `after` (new) is the title or text.
 * The Chancen and Risiken of a new or removed Baustein come with it and are not listed one by one; its Maßnahmen
 * are (they are matched by id across the concept: a Maßnahme moved to another Baustein is no change).
 */
export interface PartChange {
  item: Exclude<ChangeItem, "maßnahme">;
  change: "neu" | "entfallen";
  id: string;
  title: string;
  baustein: ChangeBaustein;
  before: string | null;
  after: string | null;
}

export type Change = MeasureChange | PartChange;

/** How many of each kind of change; the keys of SUMMARY_PARTS. */
export type ChangeSummary = Record<SummaryKey, number>;

export interface Changes {
  /** By Baustein (current order, removed ones last), then by Maßnahme; for one Maßnahme in the order of ChangeKind. */
  changes: Change[];
  summary: ChangeSummary;
  /** The days „overdue“ is judged on: the end of each Stand (`JJJJ-MM-TT`). */
  asOf: { before: string; after: string };
}

type State = Pick<Concept, "bausteine" | "stand">;

const ref = (b: Baustein, removed = false): ChangeBaustein => ({ id: b.id, title: b.title, number: b.number, removed });

function planDirection(from: PlanDate, to: PlanDate): PlanDirection {
  const [fs, ts] = [planStart(from), planStart(to)];
  if (fs === undefined || ts === undefined) return "changed";
  const [fd, td] = [planDeadline(from), planDeadline(to)];
  const sign = (a: string, b: string) => (a < b ? 1 : a > b ? -1 : 0);
  const moved = fd !== undefined && td !== undefined ? sign(fd, td) || sign(fs, ts) : sign(fs, ts);
  return moved > 0 ? "later" : moved < 0 ? "earlier" : "changed";
}

/** Counts of the texts of a list (a Chance may appear twice). */
function countTexts(list: readonly string[]): Map<string, { text: string; n: number }> {
  const m = new Map<string, { text: string; n: number }>();
  for (const text of list) {
    const key = normaliseSpace(text);
    const e = m.get(key);
    if (e) e.n++;
    else m.set(key, { text, n: 1 });
  }
  return m;
}

function partChanges(
  item: "chance" | "risiko",
  before: readonly string[],
  after: readonly string[],
  b: Baustein,
): PartChange[] {
  const out: PartChange[] = [];
  const was = countTexts(before);
  const now = countTexts(after);
  const base = { item, id: b.id, baustein: ref(b) };
  for (const text of after) {
    const key = normaliseSpace(text);
    const w = was.get(key);
    if (w && w.n > 0) w.n--;
    else out.push({ ...base, change: "neu", title: text, before: null, after: text });
  }
  for (const text of before) {
    const key = normaliseSpace(text);
    const n = now.get(key);
    if (n && n.n > 0) n.n--;
    else out.push({ ...base, change: "entfallen", title: text, before: text, after: null });
  }
  return out;
}

/**
 * The changes from `baseline` to `current`, matched by id. Overdue is judged as of each state's Stand: a Maßnahme
 * counts as having become overdue when it is overdue as of the current Stand and was not as of the earlier one.
 */
export function computeChanges(baseline: State, current: State): Changes {
  const asOf = { before: standDate(baseline), after: standDate(current) };
  const earlier = new Map<string, { measure: Measure; baustein: Baustein }>();
  for (const b of baseline.bausteine) for (const m of b.measures) earlier.set(m.id, { measure: m, baustein: b });
  const nowIds = new Set(current.bausteine.flatMap((b) => b.measures.map((m) => m.id)));
  const earlierBausteine = new Map(baseline.bausteine.map((b) => [b.id, b]));
  const currentBausteine = new Set(current.bausteine.map((b) => b.id));
  const changes: Change[] = [];

  const removedOf = (b: Baustein, at: ChangeBaustein) => {
    for (const m of b.measures) {
      if (nowIds.has(m.id)) continue;
      const status = formatStatus(m.status);
      changes.push({
        item: "maßnahme",
        id: m.id,
        title: m.title,
        baustein: at,
        change: "entfallen",
        before: status,
        after: null,
        status: m.status,
      });
    }
  };

  for (const b of current.bausteine) {
    const at = ref(b);
    const was = earlierBausteine.get(b.id);
    if (!was)
      changes.push({
        item: "baustein",
        change: "neu",
        id: b.id,
        title: b.title,
        baustein: at,
        before: null,
        after: b.title,
      });
    for (const m of b.measures) {
      const e = earlier.get(m.id)?.measure;
      const base: MeasureChangeBase = { item: "maßnahme", id: m.id, title: m.title, baustein: at };
      if (e && e.title !== m.title) base.formerTitle = e.title;
      if (!e) {
        changes.push({ ...base, change: "neu", before: null, after: formatStatus(m.status), status: m.status });
      } else {
        const [fromStatus, toStatus] = [formatStatus(e.status), formatStatus(m.status)];
        if (fromStatus !== toStatus)
          changes.push({
            ...base,
            change: "status",
            before: fromStatus,
            after: toStatus,
            from: e.status,
            to: m.status,
            completed: !isCompleted(e.status) && isCompleted(m.status),
            reopened: isCompleted(e.status) && !isCompleted(m.status),
          });
        // The canonical form is a function of the parsed value: equal forms, equal values.
        const [fromPlan, toPlan] = [formatPlanDate(e.planned), formatPlanDate(m.planned)];
        if (fromPlan !== toPlan)
          changes.push({
            ...base,
            change: "datum",
            before: fromPlan,
            after: toPlan,
            from: e.planned,
            to: m.planned,
            direction: planDirection(e.planned, m.planned),
          });
        const [fromPub, toPub] = [formatPublished(e.published), formatPublished(m.published)];
        if (fromPub !== toPub)
          changes.push({
            ...base,
            change: "veröffentlicht",
            before: fromPub,
            after: toPub,
            from: e.published,
            to: m.published,
            newlyPublished: !isPublished(e.published) && isPublished(m.published),
          });
      }
      const deadline = planDeadline(m.planned);
      if (deadline && isOverdue(m, asOf.after) && !(e && isOverdue(e, asOf.before)))
        changes.push({
          ...base,
          change: "überfällig",
          before: null,
          after: formatPlanDate(m.planned),
          planned: m.planned,
          deadline,
        });
    }
    if (was) {
      // Removed from this Baustein and from the whole concept.
      removedOf(was, at);
      changes.push(
        ...partChanges("chance", was.chances, b.chances, b),
        ...partChanges("risiko", was.risks, b.risks, b),
      );
    }
  }
  for (const b of baseline.bausteine) {
    if (currentBausteine.has(b.id)) continue;
    const at = ref(b, true);
    changes.push({
      item: "baustein",
      change: "entfallen",
      id: b.id,
      title: b.title,
      baustein: at,
      before: b.title,
      after: null,
    });
    removedOf(b, at);
  }
  return { changes, summary: summariseChanges(changes), asOf };
}

export function summariseChanges(changes: readonly Change[]): ChangeSummary {
  const s = Object.fromEntries(SUMMARY_PARTS.map((p) => [p.key, 0])) as ChangeSummary;
  for (const c of changes) {
    const key = summaryKeyOf(c);
    if (key) s[key]++;
  }
  return s;
}

function summaryKeyOf(c: Change): SummaryKey {
  if (c.item === "maßnahme") {
    switch (c.change) {
      case "neu":
        return "new";
      case "entfallen":
        return "removed";
      case "status":
        return c.completed ? "completed" : "otherStatus";
      case "datum":
        return c.direction === "later" ? "slipped" : c.direction === "earlier" ? "advanced" : "replanned";
      case "veröffentlicht":
        return c.newlyPublished ? "published" : "otherPublished";
      case "überfällig":
        return "overdue";
      default:
        return assertNever(c);
    }
  }
  const table = {
    baustein: { neu: "newBausteine", entfallen: "removedBausteine" },
    chance: { neu: "newChances", entfallen: "removedChances" },
    risiko: { neu: "newRisks", entfallen: "removedRisks" },
  } as const;
  return table[c.item][c.change];
}

/** How the summary is worded: the opening („Seit dem letzten Bericht“) and the concept's nouns. */
export interface WordingOptions {
  since?: string;
  terms?: Terms;
}

/**
 * „erledigt: 2, neu: 1, verschoben: 1“: every count that is not zero, in the order of SUMMARY_PARTS; „keine
 * Änderungen“ when all are zero. Counts of Bausteine, Chancen and Risiken name them: „neuer Baustein: 1“.
 */
export function formatChangeCounts(summary: ChangeSummary, terms: Terms = DEFAULT_TERMS): string {
  const parts = SUMMARY_PARTS.flatMap((p) => {
    const n = summary[p.key];
    if (!n) return [];
    return ["word" in p.line ? `${p.line.word}: ${n}` : `${declined(p.line.adjective, n, terms[p.of])}: ${n}`];
  });
  return parts.length ? parts.join(", ") : changeLabels.noChanges;
}

/** „Seit dem letzten Bericht erledigt: 2, neu: 1, verschoben: 1“. */
export function changeSummaryLine(summary: ChangeSummary, options: WordingOptions = {}): string {
  return `${options.since ?? changeLabels.sinceLastReport} ${formatChangeCounts(summary, options.terms)}`;
}

/**
 * „Seit dem letzten Bericht wurden 2 Maßnahmen erledigt, 1 Maßnahme ist neu und 1 Maßnahme wurde verschoben.“;
 * „Seit dem letzten Bericht hat sich nichts geändert.“ when nothing did.
 */
export function changeSummarySentence(summary: ChangeSummary, options: WordingOptions = {}): string {
  const since = options.since ?? changeLabels.sinceLastReport;
  const terms = options.terms ?? DEFAULT_TERMS;
  const clauses = SUMMARY_PARTS.flatMap((p) => {
    const n = summary[p.key];
    return n ? [{ subject: countNumber(n, terms[p.of]), verb: verbFor(n, p.clause.verb), rest: p.clause.rest }] : [];
  });
  const [first, ...others] = clauses;
  if (!first) return `${since} ${changeLabels.nothingChanged}.`;
  // After the opening „Seit …“ the verb comes second: „Seit … wurden 2 Maßnahmen erledigt“.
  return `${since} ${joinGerman([
    `${first.verb} ${first.subject} ${first.rest}`,
    ...others.map((c) => `${c.subject} ${c.verb} ${c.rest}`),
  ])}.`;
}

/**
 * The change in words, after the name of what changed: „in Arbeit → erledigt“, „Datum (Plan): 12/2018 → 02/2019“,
 * „Veröffentlicht: noch nicht → 11/2018“, „neu“, „entfallen“, „überfällig (Datum (Plan): 10/2018)“.
 */
export function describeChange(c: Change): string {
  const arrow = ` ${changeLabels.arrow} `;
  if (c.change === "neu" || c.change === "entfallen") return changeLabels.kinds[c.change];
  switch (c.change) {
    case "status":
      return `${c.before}${arrow}${c.after}`;
    case "datum":
    case "veröffentlicht":
      return `${changeLabels.kinds[c.change]}: ${c.before}${arrow}${c.after}`;
    case "überfällig":
      return `${changeLabels.kinds.überfällig} (${changeLabels.kinds.datum}: ${c.after})`;
    default:
      return assertNever(c.change);
  }
}

/** What a change is about, as the concept names it: „Maßnahme“, „Baustein“, „Chance“, „Risiko“. */
export function itemName(item: ChangeItem, terms: Terms = DEFAULT_TERMS): string {
  return terms[ITEM_TERMS[item]].one;
}

/** What changed, named: the Maßnahme's title, „Baustein „…““, „Chance „…““, „Risiko „…““. */
export function changeSubject(c: Change, terms: Terms = DEFAULT_TERMS): string {
  return c.item === "maßnahme" ? c.title : `${itemName(c.item, terms)} ${q(c.title)}`;
}

/** One line per change: „Monatlicher Rundbrief: in Arbeit → erledigt“. */
export function changeLine(c: Change, terms: Terms = DEFAULT_TERMS): string {
  return `${changeSubject(c, terms)}: ${describeChange(c)}`;
}

/** One change as `pnpm status --seit --json` prints it. */
export interface ChangeRow {
  item: ChangeItem;
  /** The title of the Baustein. */
  baustein: string;
  id: string;
  title: string;
  change: ChangeKind;
  before: string | null;
  after: string | null;
}

export function changeRows(changes: readonly Change[]): ChangeRow[] {
  return changes.map((c) => ({
    item: c.item,
    baustein: c.baustein.title,
    id: c.id,
    title: c.title,
    change: c.change,
    before: c.before,
    after: c.after,
  }));
}
