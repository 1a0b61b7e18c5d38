/**
 * The editor's labels, in one place: the visible name of every field, as the README and the loader's messages
 * name it, so that a field can be found by that name; the concept package's labels where it has one.
 * A field is looked up by its file kind and its path with list positions as `*` (`baustein/measures/*\/status`),
 * then by the path's last key.
 */
import {
  type BAUSTEIN_PARTS,
  chancesAndRisks,
  type DECK_SECTIONS,
  DEFAULT_TERMS,
  FLYER_FORMAT_DEFINITIONS,
  labels,
  type OVERDUE_PLACES,
  statusOverview,
  type Terms,
} from "@dus-opendata/concept";

export interface FieldLabel {
  label: string;
  /** The singular for one entry of a list („Chance“ for „Chancen“). */
  item?: string;
  /** A text of several lines (a paragraph), edited in a text area. */
  long?: boolean;
}

/** The labels by the field's last key, in the concept's terms (its own nouns for the lists of the content). */
const byKey = (T: Terms): Record<string, FieldLabel> => ({
  id: { label: "Kennung" },
  title: { label: "Titel" },
  subtitle: { label: "Untertitel" },
  summary: { label: "Beschreibung", item: "Absatz", long: true },
  status: { label: labels.status },
  planned: { label: labels.planned },
  published: { label: labels.published },
  details: { label: "Zusatzblock" },
  facts: { label: "Tabelle", item: "Zeile" },
  label: { label: "Bezeichnung" },
  value: { label: "Inhalt", item: "Absatz", long: true },
  outline: { label: "Gliederung", item: "Kapitel" },
  items: { label: "Unterpunkte", item: "Unterpunkt" },
  points: { label: "Aufzählungspunkte", item: "Punkt", long: true },
  measures: { label: T.measure.many, item: T.measure.one },
  chances: { label: T.chance.many, item: T.chance.one, long: true },
  risks: { label: T.risk.many, item: T.risk.one, long: true },
  text: { label: "Absätze", item: "Absatz", long: true },
  note: { label: labels.note, long: true },
  quote: { label: "Zitat" },
  source: { label: "Quelle" },
  occasion: { label: "Anlass" },
  place: { label: "Seite oder Feld" },
  steps: { label: "Schritte", item: "Schritt", long: true },
  paragraphs: { label: "Auswahl der Absätze", item: "Absatz Nr." },
  notes: { label: "Notizen für die Vortragenden", item: "Absatz", long: true },
  singular: { label: "Einzahl" },
  plural: { label: "Mehrzahl" },
  dative: { label: "Mehrzahl nach „in“ und „von“" },
  gender: { label: "Artikel (der, die, das)" },
});

/** The labels by the field's whole path; the terms' own fields name the default words they replace. */
const byPath = (T: Terms): Record<string, FieldLabel> => ({
  "concept/purpose": { label: "Zweck der Bausteine" },
  "concept/organisation": { label: "Organisation" },
  "concept/city": { label: "Stadt" },
  "concept/sender": { label: "Absender der Fußzeile" },
  "concept/team": { label: "Team" },
  "concept/claim": { label: "Claim" },
  "concept/portal": { label: "Portal" },
  "concept/portalName": { label: "Name des Portals" },
  "concept/keywords": { label: "PDF-Schlagwörter", item: "Schlagwort" },
  "concept/stand": { label: labels.stand },
  "concept/period": { label: "Projektzeitraum" },
  "concept/intro": { label: "Einführung", item: "Abschnitt" },
  "concept/intro/*/text": { label: "Absätze", item: "Absatz", long: true },
  "concept/intro/*/quote/text": { label: "Zitat", long: true },
  "concept/closing": { label: "Schlusssatz", long: true },
  "concept/terms": { label: "Eigene Begriffe" },
  "concept/terms/baustein": { label: `Statt „${DEFAULT_TERMS.baustein.one}“` },
  "concept/terms/measure": { label: `Statt „${DEFAULT_TERMS.measure.one}“` },
  "concept/terms/chance": { label: `Statt „${DEFAULT_TERMS.chance.one}“` },
  "concept/terms/risk": { label: `Statt „${DEFAULT_TERMS.risk.one}“` },
  "concept/contact": { label: "Kontakt" },
  "concept/contact/person": { label: "Ansprechperson" },
  "concept/contact/role": { label: "Funktion" },
  "concept/contact/email": { label: "E-Mail" },
  "concept/contact/phone": { label: "Telefon" },
  "concept/contact/address": { label: "Postanschrift", item: "Zeile" },
  "concept/contact/hours": { label: "Sprechzeiten" },
  "baustein/summary": { label: "Kurzbeschreibung", long: true },
  "baustein/why": { label: "Begründung" },
  "baustein/why/title": { label: "Überschrift" },
  "baustein/why/text": { label: "Absätze", item: "Absatz", long: true },
  "baustein/measures/*/details/title": { label: "Überschrift" },
  "baustein/measures/*/details/points": { label: "Kernpunkte", item: "Kernpunkt", long: true },
  "baustein/measures/*/details/outline/*/title": { label: "Kapitel" },
  "deck/sections": { label: "Teile", item: "Teil" },
  "deck/intro": { label: "Abschnitte der Einführung", item: "Abschnitt" },
  "deck/blocks": { label: T.baustein.many, item: T.baustein.one },
  "deck/parts": { label: `Folien je ${T.baustein.one}`, item: "Folie" },
  "deck/measures": { label: `${T.measure.many} mit eigener Folie`, item: T.measure.one },
  "deck/overdue": { label: "Überfällig zeigen" },
  "flyer/format": { label: "Format" },
  "flyer/title": { label: "Schlagzeile" },
  "flyer/subtitle": { label: "Unterzeile" },
  "flyer/callToAction": { label: "Aufforderung" },
  "flyer/sections": { label: "Abschnitte", item: "Abschnitt" },
  "flyer/sections/*/type": { label: "Art" },
  "flyer/sections/*/title": { label: "Überschrift" },
  "flyer/sections/*/section": { label: "Abschnitt der Einführung" },
  "flyer/sections/*/block": { label: T.baustein.one },
  "flyer/sections/*/measure": { label: T.measure.one },
  "flyer/sections/*/measures": { label: T.measure.many, item: T.measure.one },
  "flyer/sections/*/part": { label: "Teil" },
  "flyer/sections/*/items": { label: "Auswahl", item: "Nr." },
  "flyer/sections/*/text": { label: "Text", item: "Absatz", long: true },
});

export type FileKind = "concept" | "baustein" | "deck" | "flyer";

const tables = new WeakMap<Terms, { byKey: Record<string, FieldLabel>; byPath: Record<string, FieldLabel> }>();
const tablesOf = (t: Terms) => {
  const known = tables.get(t);
  if (known) return known;
  const made = { byKey: byKey(t), byPath: byPath(t) };
  tables.set(t, made);
  return made;
};

/** A field's label, in the concept's terms (the store's, as loaded from concept.yaml). */
export function labelOf(kind: FileKind, path: readonly (string | number)[], terms: Terms = DEFAULT_TERMS): FieldLabel {
  const pattern = [kind, ...path.map((s) => (typeof s === "number" ? "*" : s))].join("/");
  const key = [...path].reverse().find((s): s is string => typeof s === "string") ?? "";
  const { byKey: BY_KEY, byPath: BY_PATH } = tablesOf(terms);
  const found = BY_PATH[pattern] ?? BY_KEY[key];
  if (found) return found;
  return { label: key };
}

/** Names of the values a field may choose from, in the concept's terms. */
export const valueLabels = (T: Terms = DEFAULT_TERMS): Record<string, Record<string, string>> => ({
  sections: {
    title: "Titelfolie",
    intro: labels.introTitle,
    overview: `Übersicht der ${T.baustein.many}`,
    bausteine: T.baustein.many,
    changes: "Seit dem letzten Stand und Verlauf",
    status: statusOverview(T),
    closing: "Schlussfolie",
  } satisfies Record<(typeof DECK_SECTIONS)[number], string>,
  parts: {
    section: `Titelfolie ${T.baustein.gender === "f" ? "der" : "des"} ${T.baustein.one}${T.baustein.gender === "f" || /[sßxz]$/.test(T.baustein.one) ? "" : "s"}`,
    why: "Begründung",
    plan: labels.whatIsPlanned,
    measures: T.measure.many,
    "chances-risks": chancesAndRisks(T),
  } satisfies Record<(typeof BAUSTEIN_PARTS)[number], string>,
  overdue: {
    folien: "auf den Folien und in den Notizen",
    notizen: "nur in den Notizen",
  } satisfies Record<(typeof OVERDUE_PLACES)[number], string>,
  format: Object.fromEntries(Object.entries(FLYER_FORMAT_DEFINITIONS).map(([k, d]) => [k, d.label])),
  part: { summary: "Beschreibung", details: "Kernpunkte des Zusatzblocks" },
});

/** The editor's own words: buttons, headings, messages. */
export const ui = {
  appTitle: "Redaktion",
  save: "Speichern",
  build: "Alles erzeugen",
  files: "Dateien",
  concept: "Konzept",
  decks: "Varianten der Präsentation",
  flyers: "Flyer",
  unsaved: "ungespeichert",
  add: (item: string) => `${item} hinzufügen`,
  /** „Dieser Baustein hat noch keine Maßnahme.“, in the concept's terms. */
  noMeasure: (t: Terms) =>
    `${{ m: "Dieser", f: "Diese", n: "Dieses" }[t.baustein.gender]} ${t.baustein.one} hat noch ${t.measure.gender === "f" ? "keine" : "kein"} ${t.measure.one}.`,
  remove: (item: string) => `${item} entfernen`,
  up: (item: string) => `${item} nach oben`,
  down: (item: string) => `${item} nach unten`,
  reading: "So liest das Werkzeug es:",
  year: "Jahr",
  invalidValue: (v: string) => `„${v}“ (ungültig)`,
  preview: "Vorschau",
  slide: "Folie",
  flyer: "Flyer",
} as const;
