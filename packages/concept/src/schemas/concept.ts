import { z } from "zod";
import { labels } from "../labels.js";
import { fail, ok, type Period, parsePeriod } from "../notation/period.js";
import { contactSchema } from "./contact.js";
import { idField, notation, paragraphs, speakerNotes, text } from "./fields.js";
import { statusesSchema } from "./statuses.js";
import { termsSchema } from "./terms.js";

const STAND_FORMS = "Erlaubt sind „MM/JJJJ“ (z. B. „11/2018“) oder „TT.MM.JJJJ“ (z. B. „30.11.2018“).";

export function parseStand(input: string) {
  const r = parsePeriod(input);
  if (r === undefined) return fail<Period>(`„${input.trim()}“ ist kein gültiger Stand. ${STAND_FORMS}`);
  if (!r.ok) return fail<Period>(`${r.error} ${STAND_FORMS}`);
  if (r.value.unit !== "month" && r.value.unit !== "day")
    return fail<Period>(`„${input.trim()}“ ist als Stand zu ungenau: bitte Monat oder Tag angeben. ${STAND_FORMS}`);
  return ok(r.value);
}

export const introSectionSchema = z
  .strictObject({
    id: idField("Kennung des Abschnitts, für Deck-Varianten und Flyer."),
    title: text("Überschrift des Abschnitts, z. B. „Was sind offene Daten?“."),
    text: paragraphs("Absätze.").optional(),
    points: z.array(text("Ein Punkt.")).min(1).optional().describe("Aufzählungspunkte."),
    quote: z
      .strictObject({
        text: text("Der zitierte Text, ohne Anführungszeichen."),
        source: text("Die Quelle, z. B. „Ratsbeschluss vom 12.03.2020“."),
      })
      .optional()
      .describe("Ein Zitat mit Quelle."),
    note: text("Ein Hinweis, der abgesetzt erscheint.").optional(),
    notes: speakerNotes("zur Folie des Abschnitts"),
  })
  .describe("Ein Abschnitt der Einführung „Worum geht es?“.");

/**
 * Fields added after the first release are optional, so that content written for an earlier release stays valid;
 * where one is left out, its value is derived from the fields every release had.
 */
function withDerivedDefaults<C extends { organisation: string; city: string; sender?: string; portalName?: string }>(
  c: C,
): C & { sender: string; portalName: string } {
  return { ...c, sender: c.sender ?? `${c.organisation}, ${c.city}`, portalName: c.portalName ?? labels.portal };
}

export const conceptSchema = z
  .strictObject({
    title: text("Titel des Konzepts, z. B. „Daten für alle“."),
    subtitle: text("Untertitel des Konzepts.").optional(),
    purpose: text(
      "Wozu die Bausteine dienen, als Fortsetzung der gezählten Überschrift („Drei Bausteine …“), z. B. „für eine offene Verwaltung“. Ohne Angabe steht die Zahl allein.",
    ).optional(),
    organisation: text("Die Organisation, z. B. „Amt für Digitales“."),
    city: text("Die Stadt, so wie sie sich nennt, z. B. „Stadt Beispielstadt“."),
    sender: text(
      "Der Absender in der Fußzeile jeder Folie und jedes Flyers, vor dem Claim, z. B. „Amt für Digitales der Stadt Beispielstadt“. Ohne Angabe: Organisation und Stadt, z. B. „Amt für Digitales, Stadt Beispielstadt“.",
    ).optional(),
    team: text("Wer das Projekt trägt, so wie das Konzept es nennt."),
    claim: text("Der Claim der Stadt, z. B. „Gemeinsam mehr erreichen“."),
    portal: z
      .url({ protocol: /^https$/ })
      .describe("Adresse des Portals, auf das Folien und Flyer verweisen, z. B. „https://daten.beispielstadt.de“."),
    portalName: text(
      `Name des Portals als Überschrift auf den Flyern, z. B. „Datenportal“. Ohne Angabe: „${labels.portal}“.`,
    ).optional(),
    keywords: z
      .array(text("Ein Schlagwort."))
      .default(() => [])
      .describe(
        "Schlagwörter für die Dokumenteigenschaften der PDFs, z. B. [Offene Daten, Beispielstadt]; die Titel der Bausteine kommen von selbst hinzu.",
      ),
    statuses: statusesSchema,
    stand: notation(parseStand, "Stand des Konzepts: „MM/JJJJ“ oder „TT.MM.JJJJ“.", ["11/2018", "30.11.2018"]),
    period: text("Der Projektzeitraum, wie das Konzept ihn nennt, z. B. „bis Ende 2026“."),
    intro: z.array(introSectionSchema).min(1).describe("Die Einführung „Worum geht es?“ in Abschnitten."),
    closing: text("Der Schlusssatz."),
    terms: termsSchema,
    contact: contactSchema,
  })
  .transform(withDerivedDefaults)
  .describe("Das Konzept: content/concept.yaml.");

export type ConceptData = z.output<typeof conceptSchema>;
export type IntroSection = z.output<typeof introSectionSchema>;
