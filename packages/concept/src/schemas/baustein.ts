import { z } from "zod";
import { idField, paragraphs, text } from "./fields.js";
import { measureSchema } from "./measure.js";

export const bausteinSchema = z
  .strictObject({
    id: idField(
      "Kennung des Bausteins: Kleinbuchstaben, Ziffern, Bindestriche. Die Nummer ergibt sich aus der Reihenfolge der Dateien.",
    ),
    title: text("Titel des Bausteins, z. B. „Texte“."),
    subtitle: text("Untertitel, z. B. „Veranstaltungen, Präsentationen, Vorträge“.").optional(),
    summary: text("Ein Satz für die Übersicht der Bausteine."),
    why: z
      .strictObject({
        title: text("Die Frage als Überschrift, z. B. „Warum Texte?“."),
        text: paragraphs("Die Begründung: ein oder mehrere Absätze."),
      })
      .describe("Die Begründung „Warum …?“."),
    measures: z.array(measureSchema).min(1).describe("Die Maßnahmen des Bausteins, in der Reihenfolge der Folien."),
    chances: z.array(text("Eine Chance.")).min(1).describe("Chancen des Bausteins."),
    risks: z.array(text("Ein Risiko.")).min(1).describe("Risiken des Bausteins."),
  })
  .describe("Ein Baustein des Konzepts: eine Datei in content/bausteine/.");

export type BausteinData = z.output<typeof bausteinSchema>;
