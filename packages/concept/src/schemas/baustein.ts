import { z } from "zod";
import { DEFAULT_STATUS_SCALE, type StatusScale } from "../notation/status.js";
import { idField, paragraphs, speakerNotes, text } from "./fields.js";
import { measureSchema, measureSchemaFor } from "./measure.js";

export const bausteinSchema = z
  .strictObject({
    id: idField(
      "Kennung des Bausteins: Kleinbuchstaben, Ziffern, Bindestriche. Die Nummer ergibt sich aus der Reihenfolge der Dateien.",
    ),
    title: text("Titel des Bausteins, z. B. „Veranstaltungen“."),
    subtitle: text("Untertitel, z. B. „Vorträge, Workshops, Sprechstunden“.").optional(),
    summary: text("Ein Satz für die Übersicht der Bausteine."),
    why: z
      .strictObject({
        title: text("Die Frage als Überschrift, z. B. „Warum Veranstaltungen?“."),
        text: paragraphs("Die Begründung: ein oder mehrere Absätze."),
      })
      .describe("Die Begründung „Warum …?“."),
    // A Baustein may name none yet: a missing key and an empty list mean the same, so a maintainer may write
    // either; a misspelt key is still an unknown field.
    measures: z
      .array(measureSchema)
      .default(() => [])
      .describe(
        "Die Maßnahmen des Bausteins, in der Reihenfolge der Folien. Ohne Angabe oder mit „[]“: noch keine Maßnahme.",
      ),
    chances: z
      .array(text("Eine Chance."))
      .default(() => [])
      .describe("Chancen des Bausteins. Ohne Angabe oder mit „[]“: keine Chance genannt."),
    risks: z
      .array(text("Ein Risiko."))
      .default(() => [])
      .describe("Risiken des Bausteins. Ohne Angabe oder mit „[]“: kein Risiko genannt."),
    notes: speakerNotes("zur ersten Folie des Bausteins"),
  })
  .describe("Ein Baustein des Konzepts: eine Datei in content/bausteine/.");

/** A Baustein of a concept with its own status scale: its Maßnahmen's statuses are read against it. */
export const bausteinSchemaFor = (scale: StatusScale) =>
  scale === DEFAULT_STATUS_SCALE
    ? bausteinSchema
    : bausteinSchema.extend({
        measures: z
          .array(measureSchemaFor(scale))
          .default(() => [])
          .describe(bausteinSchema.shape.measures.description ?? ""),
      });

export type BausteinData = z.output<typeof bausteinSchema>;
