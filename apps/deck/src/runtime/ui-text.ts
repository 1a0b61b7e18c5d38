/**
 * The German words of the deck's own views beside the slides: the browser tab's title per view and the notes
 * print-out. Slidev's controls get theirs from the patch of @slidev/client (README: „Slidevs Oberfläche auf
 * Deutsch“).
 */

/** What the browser tab says before the deck's title, by the view's address (hash route); none for the slides. */
const VIEW_TITLES: [prefix: string, title: string][] = [
  ["/presenter/print", "Notizen zum Drucken"],
  ["/presenter", "Referentenansicht"],
  ["/notes", "Notizen"],
  ["/overview", "Übersicht mit Notizen"],
  ["/entry", "Ansichten"],
];

/** The document title of a view: „Referentenansicht – <Titel>“, the slides just „<Titel>“. */
export function viewTitle(path: string, deckTitle: string): string {
  const view = VIEW_TITLES.find(([prefix]) => path === prefix || path.startsWith(`${prefix}/`));
  return view ? `${view[1]} – ${deckTitle}` : deckTitle;
}

const PRINTED_AT = new Intl.DateTimeFormat("de-DE", { dateStyle: "long", timeStyle: "short" });

export const notesPrint = {
  kind: "Notizen für die Vortragenden",
  /** „Gedruckt am 1. Dezember 2026 um 18:18 Uhr“ */
  printedAt: (date: Date) => `Gedruckt am ${PRINTED_AT.format(date)} Uhr`,
  slide: (no: number, total: number) => `Folie ${no} von ${total}`,
  none: "Keine Notizen zu dieser Folie.",
};

export const slideError = "Diese Folie ließ sich nicht laden. Bitte laden Sie die Seite neu.";
