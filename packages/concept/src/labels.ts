import { STATUS_LABELS } from "./notation/status.js";

/**
 * Every fixed German label the outputs print, defined once. The nouns (Baustein, Maßnahme, Chancen, Risiken) are the
 * concept's own terms (terms.ts), never fixed here.
 */
export const labels = {
  status: "Status",
  planned: "Datum (Plan)",
  published: "Veröffentlicht",
  whatIsPlanned: "Was ist geplant?",
  introTitle: "Worum geht es?",
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
  opensNewWindow: "öffnet in neuem Fenster",
  /** The word of each status kind, from the one definition of the statuses. */
  statusKinds: STATUS_LABELS,
} as const;
