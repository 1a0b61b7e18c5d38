/**
 * Every German word of the changes since an earlier Stand, of the Verlauf and of the history's messages, defined
 * once. The nouns (Baustein, Maßnahme, Chance, Risiko) are the concept's terms (terms.ts), the field names come from
 * `labels`.
 */
import { labels } from "./labels.js";
import { q } from "./notation/period.js";
import type { Noun, Terms } from "./terms.js";

/** What a change is about. */
export type ChangeItem = "maßnahme" | "baustein" | "chance" | "risiko";
/** What happened: the values of `change` in `pnpm status --seit --json`. */
export type ChangeKind = "neu" | "entfallen" | "status" | "datum" | "veröffentlicht" | "überfällig";

/** The term each item is named by. */
export const ITEM_TERMS = {
  maßnahme: "measure",
  baustein: "baustein",
  chance: "chance",
  risiko: "risk",
} as const satisfies Record<ChangeItem, keyof Terms>;

/** A verb in singular and plural, agreeing with a count. */
interface Verb {
  one: string;
  many: string;
}

const is: Verb = { one: "ist", many: "sind" };
const was: Verb = { one: "wurde", many: "wurden" };
const has: Verb = { one: "hat", many: "haben" };

/**
 * One count of the summary: what it counts (`of`, a term), how the short line names it — a word after which the
 * count follows („erledigt: 2“), or an adjective declined with the noun („neuer Baustein: 1“, „neue Chancen: 2“,
 * „neues Risiko: 1“) — and its clause in the sentence („2 Maßnahmen wurden erledigt“).
 */
interface SummaryPart {
  key: string;
  of: keyof Terms;
  line: { word: string } | { adjective: string };
  clause: { verb: Verb; rest: string };
}

/** The counts of the summary, in the order they are printed. */
export const SUMMARY_PARTS = [
  { key: "completed", of: "measure", line: { word: "erledigt" }, clause: { verb: was, rest: "erledigt" } },
  { key: "new", of: "measure", line: { word: "neu" }, clause: { verb: is, rest: "neu" } },
  { key: "removed", of: "measure", line: { word: "entfallen" }, clause: { verb: is, rest: "entfallen" } },
  {
    key: "otherStatus",
    of: "measure",
    line: { word: `${labels.status} geändert` },
    clause: { verb: has, rest: `einen anderen ${labels.status}` },
  },
  { key: "slipped", of: "measure", line: { word: "verschoben" }, clause: { verb: was, rest: "verschoben" } },
  { key: "advanced", of: "measure", line: { word: "vorgezogen" }, clause: { verb: was, rest: "vorgezogen" } },
  {
    key: "replanned",
    of: "measure",
    line: { word: `${labels.planned} geändert` },
    clause: { verb: has, rest: `ein anderes ${labels.planned}` },
  },
  {
    key: "overdue",
    of: "measure",
    line: { word: `${labels.overdue} geworden` },
    clause: { verb: is, rest: `${labels.overdue} geworden` },
  },
  { key: "published", of: "measure", line: { word: "veröffentlicht" }, clause: { verb: was, rest: "veröffentlicht" } },
  {
    key: "otherPublished",
    of: "measure",
    line: { word: `${labels.published} geändert` },
    clause: { verb: has, rest: `eine andere Angabe ${q(labels.published)}` },
  },
  { key: "newBausteine", of: "baustein", line: { adjective: "neu" }, clause: { verb: is, rest: "neu" } },
  {
    key: "removedBausteine",
    of: "baustein",
    line: { adjective: "entfallen" },
    clause: { verb: is, rest: "entfallen" },
  },
  { key: "newChances", of: "chance", line: { adjective: "neu" }, clause: { verb: is, rest: "neu" } },
  { key: "removedChances", of: "chance", line: { adjective: "entfallen" }, clause: { verb: is, rest: "entfallen" } },
  { key: "newRisks", of: "risk", line: { adjective: "neu" }, clause: { verb: is, rest: "neu" } },
  { key: "removedRisks", of: "risk", line: { adjective: "entfallen" }, clause: { verb: is, rest: "entfallen" } },
] as const satisfies readonly SummaryPart[];

export type SummaryKey = (typeof SUMMARY_PARTS)[number]["key"];

/** An adjective before a noun without article, in the nominative: „neuer Baustein“, „neue Maßnahme“, „neues Kapitel“; „neue Bausteine“. */
export function declined(adjective: string, n: number, noun: Noun): string {
  if (n !== 1) return `${adjective}e ${noun.many}`;
  return `${adjective}${noun.gender === "m" ? "er" : noun.gender === "f" ? "e" : "es"} ${noun.one}`;
}

/** A verb agreeing with a count. */
export const verbFor = (n: number, verb: Verb): string => (n === 1 ? verb.one : verb.many);

export const changeLabels = {
  /** What happened, as a word: the `change` values for new and removed, the field names for the others. */
  kinds: {
    neu: "neu",
    entfallen: "entfallen",
    status: labels.status,
    datum: labels.planned,
    veröffentlicht: labels.published,
    überfällig: labels.overdue,
  } satisfies Record<ChangeKind, string>,
  arrow: "→",
  /** The columns of the table of `pnpm status --seit`. */
  columns: {
    item: "Art",
    title: "Titel",
    change: "Änderung",
    before: "vorher",
    after: "jetzt",
  },
  /** A renamed Maßnahme's earlier title: „(früher: …)“. */
  formerly: "früher",
  /** An empty `before` or `after` in a table. */
  empty: "–",
  /** Opens the summary of the changes since the previous Stand. */
  sinceLastReport: "Seit dem letzten Bericht",
  /** „Seit dem Stand Juni 2018“. */
  sinceStand: (stand: string) => `Seit dem Stand ${stand}`,
  /** The heading of the changes: „Seit dem letzten Stand (Juni 2018)“. */
  heading: (stand: string) => `Seit dem letzten Stand (${stand})`,
  /** The short line when nothing changed: „Seit dem letzten Bericht keine Änderungen“. */
  noChanges: "keine Änderungen",
  /** The sentence when nothing changed: „Seit dem letzten Bericht hat sich nichts geändert.“ */
  nothingChanged: "hat sich nichts geändert",
  and: "und",
  /** The Verlauf: status counts at every Stand. */
  verlauf: "Verlauf",
  total: "Gesamt",
  stand: labels.stand,
  /** The Verlauf's entry for the working tree: „(aktuell)“. */
  current: "aktuell",
  /** The noun counted in the Verlauf's kicker: „3 Stände“. */
  stands: { one: "Stand", many: "Stände", dative: "Ständen", gender: "m" } as const,
  /** Why the section `changes` yields no slide, before the reason. */
  noChangesSlides: "Keine Folien „Seit dem letzten Stand“ und „Verlauf“.",
  /** The section `changes` was resolved without reading the history (a preview, a test). */
  historyNotRead: "Die Geschichte der Inhalte wurde für diese Ausgabe nicht gelesen.",
  /** A baseline, but only one Stand in the Verlauf. */
  noVerlaufSlide: "Keine Folie „Verlauf“: In der Geschichte gibt es nur einen Stand.",
} as const;

/** The messages of the history: why there is no earlier Stand, what a Stand or revision is. */
export const historyLabels = {
  /** Printed before the reason when there is no baseline. */
  noBaseline: "Kein früherer Stand gefunden",
  commit: "Commit",
  of: "vom",
  theStand: "Der Stand",
  theRevision: "Die Revision",
  /** The line that says what the current state is compared with. */
  comparedWith: (choice: "previous" | "stand" | "revision", stand: string, commit: string, spec = "") =>
    choice === "previous"
      ? `Vergleich mit dem vorigen Stand ${stand} (${commit})`
      : choice === "stand"
        ? `Vergleich mit dem Stand ${stand} (${commit})`
        : `Vergleich mit der Revision ${q(spec)}: Stand ${stand} (${commit})`,
  noGit: "Git ist auf diesem Rechner nicht installiert; ohne Git ist die Geschichte der Inhalte nicht lesbar.",
  noFolder: (dir: string) => `Den Inhaltsordner ${dir} gibt es nicht.`,
  noRepository: (dir: string) => `Der Inhaltsordner ${dir} liegt in keinem Git-Repository.`,
  notCommitted: (dir: string, repository: string) =>
    `Der Inhaltsordner ${dir} ist im Git-Repository ${repository} noch in keinem Commit enthalten.`,
  gitError: (message: string) => `Git meldet einen Fehler: ${q(message)}.`,
  shallow: (dir: string, stand: string) =>
    `Das Repository enthält nur einen Teil seiner Geschichte (flacher Klon), und darin hat jeder Commit von ${dir} den Stand ${stand}. „git fetch --unshallow“ holt die ganze Geschichte.`,
  shallowNamed: (dir: string, stand: string) =>
    `Das Repository enthält nur einen Teil seiner Geschichte (flacher Klon), und darin hat kein Commit von ${dir} den Stand ${stand}. „git fetch --unshallow“ holt die ganze Geschichte.`,
  onlyOneStand: (stand: string, dir: string) =>
    `Bisher gibt es nur den Stand ${stand}: jeder Commit von ${dir} hat ihn.`,
  noStandAtAll: (dir: string) => `In keinem Commit von ${dir} steht in concept.yaml ein gültiger Stand.`,
  folderMissingAt: (dir: string) => `Den Inhaltsordner ${dir} gibt es in diesem Commit nicht.`,
  unloadable: (what: string, first: string, more: number) =>
    `${what} lässt sich nicht mehr laden: ${first}${more > 0 ? ` (und ${more} ${more === 1 ? "weiterer Fehler" : "weitere Fehler"})` : ""}`,
  unknownStand: (spec: string, dir: string, available: readonly string[]) =>
    `Den Stand ${q(spec)} gibt es in der Geschichte von ${dir} nicht, auch keine Revision dieses Namens. ${
      available.length ? `Vorhanden sind: ${available.join(", ")}.` : "Dort steht noch kein Stand."
    }`,
  unknownSpec: (spec: string, dir: string, available: readonly string[]) =>
    `${q(spec)} ist weder ein Stand (wie „11/2018“ oder „30.11.2018“) noch eine Revision, die Git kennt. ${
      available.length
        ? `Stände in der Geschichte von ${dir}: ${available.join(", ")}.`
        : `In der Geschichte von ${dir} steht noch kein Stand.`
    }`,
} as const;

/** „Commit 3f2a9c1 vom 30.06.2018“: a commit of the history as messages and notes name it. */
export function describeCommit(c: { short: string; date: string }): string {
  return `${historyLabels.commit} ${c.short} ${historyLabels.of} ${c.date.split("-").reverse().join(".")}`;
}
