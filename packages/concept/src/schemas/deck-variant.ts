import { z } from "zod";
import { idField, speakerNotes, text } from "./fields.js";

export const DECK_SECTIONS = ["title", "intro", "overview", "bausteine", "changes", "status", "closing"] as const;
export const BAUSTEIN_PARTS = ["section", "why", "plan", "measures", "chances-risks"] as const;
/** Where a variant shows that a Maßnahme is overdue: on the slides (and in the notes), or only in the notes. */
export const OVERDUE_PLACES = ["folien", "notizen"] as const;

export const deckVariantSchema = z
  .strictObject({
    title: text("Titel dieser Variante; ohne Angabe gilt der Titel des Konzepts.").optional(),
    subtitle: text("Untertitel dieser Variante; ohne Angabe gilt der des Konzepts.").optional(),
    occasion: text("Anlass, z. B. „Vorstellung in der Amtsleitungsrunde“; erscheint auf der Titelfolie."),
    sections: z
      .array(z.enum(DECK_SECTIONS))
      .min(1)
      .describe(`Welche Teile die Variante zeigt, in dieser Reihenfolge: ${DECK_SECTIONS.join(", ")}.`),
    intro: z
      .array(idField("Kennung eines Abschnitts der Einführung."))
      .min(1)
      .optional()
      .describe("Welche Abschnitte der Einführung; ohne Angabe alle."),
    blocks: z
      .array(idField("Kennung eines Bausteins."))
      .min(1)
      .optional()
      .describe("Welche Bausteine; ohne Angabe alle."),
    parts: z
      .array(z.enum(BAUSTEIN_PARTS))
      .min(1)
      .optional()
      .describe(`Welche Folien je Baustein; ohne Angabe alle: ${BAUSTEIN_PARTS.join(", ")}.`),
    measures: z
      .array(idField("Kennung einer Maßnahme."))
      .min(1)
      .optional()
      .describe("Welche Maßnahmen eine eigene Folie bekommen; ohne Angabe alle der gewählten Bausteine."),
    overdue: z
      .enum(OVERDUE_PLACES)
      .optional()
      .describe(
        "Wo „überfällig“ erscheint: folien (auf den Folien und in den Notizen; Vorgabe) oder notizen (nur in den Notizen der Referentenansicht, das Publikum sieht es nicht).",
      ),
    notes: speakerNotes("zur Titelfolie dieser Variante (ohne Titelfolie: zur ersten Folie)"),
  })
  .describe("Eine Variante der Präsentation: eine Datei in content/decks/.");

export type DeckVariantData = z.output<typeof deckVariantSchema>;
export type DeckSection = (typeof DECK_SECTIONS)[number];
export type BausteinPart = (typeof BAUSTEIN_PARTS)[number];
export type OverduePlace = (typeof OVERDUE_PLACES)[number];
