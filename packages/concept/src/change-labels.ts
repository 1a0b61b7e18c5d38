/**
 * Every German word of the changes since an earlier Stand, of the Verlauf and of the history's messages, defined
 * once. The nouns for Baustein and Maßnahme and the field names come from `labels`.
 */
import { labels } from "./labels.js";
import { q } from "./notation/period.js";

/** What a change is about. */
export type ChangeItem = "maßnahme" | "baustein" | "chance" | "risiko";
/** What happened: the values of `change` in `pnpm status --seit --json`. */
export type ChangeKind = "neu" | "entfallen" | "status" | "datum" | "veröffentlicht" | "überfällig";

/** A noun with its singular and plural. */
interface Noun {
  one: string;
  many: string;
}

/** A clause of the summary sentence: „<n> <noun> <verb> <rest>“, the verb agreeing with n. */
interface Clause {
  noun: Noun;
  verb: Noun;
  rest: string;
}

const measure: Noun = { one: labels.measure, many: labels.measures };
const baustein: Noun = { one: labels.baustein, many: labels.bausteine };
const chance: Noun = { one: "Chance", many: labels.chances };
const risk: Noun = { one: "Risiko", many: labels.risks };
const is: Noun = { one: "ist", many: "sind" };
const was: Noun = { one: "wurde", many: "wurden" };
const has: Noun = { one: "hat", many: "haben" };

/**
 * The counts of the summary, in the order they are printed: how each is named in the short line („erledigt: 2“)
 * and as a clause of the sentence („2 Maßnahmen wurden erledigt“).
 */
export const SUMMARY_PARTS = [
  {
    key: "completed",
    line: { one: "erledigt", many: "erledigt" },
    clause: { noun: measure, verb: was, rest: "erledigt" },
  },
  { key: "new", line: { one: "neu", many: "neu" }, clause: { noun: measure, verb: is, rest: "neu" } },
  {
    key: "removed",
    line: { one: "entfallen", many: "entfallen" },
    clause: { noun: measure, verb: is, rest: "entfallen" },
  },
  {
    key: "otherStatus",
    line: { one: "Status geändert", many: "Status geändert" },
    clause: { noun: measure, verb: has, rest: "einen anderen Status" },
  },
  {
    key: "slipped",
    line: { one: "verschoben", many: "verschoben" },
    clause: { noun: measure, verb: was, rest: "verschoben" },
  },
  {
    key: "advanced",
    line: { one: "vorgezogen", many: "vorgezogen" },
    clause: { noun: measure, verb: was, rest: "vorgezogen" },
  },
  {
    key: "replanned",
    line: { one: `${labels.planned} geändert`, many: `${labels.planned} geändert` },
    clause: { noun: measure, verb: has, rest: `ein anderes ${labels.planned}` },
  },
  {
    key: "overdue",
    line: { one: "überfällig geworden", many: "überfällig geworden" },
    clause: { noun: measure, verb: is, rest: "überfällig geworden" },
  },
  {
    key: "published",
    line: { one: "veröffentlicht", many: "veröffentlicht" },
    clause: { noun: measure, verb: was, rest: "veröffentlicht" },
  },
  {
    key: "otherPublished",
    line: { one: `${labels.published} geändert`, many: `${labels.published} geändert` },
    clause: { noun: measure, verb: has, rest: `eine andere Angabe ${q(labels.published)}` },
  },
  {
    key: "newBausteine",
    line: { one: "neuer Baustein", many: "neue Bausteine" },
    clause: { noun: baustein, verb: is, rest: "neu" },
  },
  {
    key: "removedBausteine",
    line: { one: "entfallener Baustein", many: "entfallene Bausteine" },
    clause: { noun: baustein, verb: is, rest: "entfallen" },
  },
  {
    key: "newChances",
    line: { one: "neue Chance", many: "neue Chancen" },
    clause: { noun: chance, verb: is, rest: "neu" },
  },
  {
    key: "removedChances",
    line: { one: "entfallene Chance", many: "entfallene Chancen" },
    clause: { noun: chance, verb: is, rest: "entfallen" },
  },
  {
    key: "newRisks",
    line: { one: "neues Risiko", many: "neue Risiken" },
    clause: { noun: risk, verb: is, rest: "neu" },
  },
  {
    key: "removedRisks",
    line: { one: "entfallenes Risiko", many: "entfallene Risiken" },
    clause: { noun: risk, verb: is, rest: "entfallen" },
  },
] as const satisfies readonly { key: string; line: Noun; clause: Clause }[];

export type SummaryKey = (typeof SUMMARY_PARTS)[number]["key"];

export const changeLabels = {
  /** What a change is about, as a word. */
  items: { maßnahme: labels.measure, baustein: labels.baustein, chance: "Chance", risiko: "Risiko" } satisfies Record<
    ChangeItem,
    string
  >,
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
    baustein: labels.baustein,
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
  parts: SUMMARY_PARTS,
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
