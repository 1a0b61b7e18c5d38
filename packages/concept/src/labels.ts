import { STATUS_LABELS } from "./notation/status.js";

/** Every German label the outputs print, defined once. */
export const labels = {
  baustein: "Baustein",
  bausteine: "Bausteine",
  bausteineDative: "Bausteinen",
  measure: "Maßnahme",
  measures: "Maßnahmen",
  status: "Status",
  planned: "Datum (Plan)",
  published: "Veröffentlicht",
  chances: "Chancen",
  risks: "Risiken",
  chancesAndRisks: "Chancen und Risiken",
  whatIsPlanned: "Was ist geplant?",
  introTitle: "Worum geht es?",
  statusOverview: "Stand der Maßnahmen",
  timeline: "Zeitplan",
  stand: "Stand",
  overdue: "überfällig",
  contact: "Kontakt",
  /** The portal's name where the concept gives none (`portalName`). */
  portal: "Portal",
  page: "Seite",
  note: "Hinweis",
  undated: "ohne Termin",
  /** „Auswahl: 2 von 4 Bausteinen“ on the slides of a variant that shows only some Bausteine. */
  selection: "Auswahl",
  of: "von",
  noMeasures: "Für diesen Baustein sind noch keine Maßnahmen benannt.",
  noChances: "Keine benannt.",
  opensNewWindow: "öffnet in neuem Fenster",
  /** The word of each status kind, from the one definition of the statuses. */
  statusKinds: STATUS_LABELS,
} as const;

/** „Drei Bausteine“, „Eine Maßnahme“, „14 Maßnahmen“: a count with the right German noun, up to twelve as a word. */
export function countWords(n: number, noun: { one: string; many: string; feminine?: boolean }): string {
  const words = [
    "Kein",
    "Ein",
    "Zwei",
    "Drei",
    "Vier",
    "Fünf",
    "Sechs",
    "Sieben",
    "Acht",
    "Neun",
    "Zehn",
    "Elf",
    "Zwölf",
  ];
  let word = n < words.length ? (words[n] ?? String(n)) : String(n);
  if (n === 0) word = "Keine";
  if (n === 1 && noun.feminine) word = "Eine";
  return `${word} ${n === 1 ? noun.one : noun.many}`;
}
