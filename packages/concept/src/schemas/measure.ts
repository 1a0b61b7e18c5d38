import { z } from "zod";
import { parsePlanDate } from "../notation/plan-date.js";
import { parsePublished } from "../notation/published.js";
import {
  DEFAULT_STATUS_SCALE,
  parseStatus,
  STATUS_EXAMPLES,
  STATUS_NOTATION_LIST,
  type StatusScale,
  unknownStatus,
} from "../notation/status.js";
import { idField, notation, paragraphs, speakerNotes, text } from "./fields.js";

/** The status, read against a concept's scale (concept.yaml `statuses`); omitted, it is „ohne Angabe“. */
const statusField = (scale: StatusScale) =>
  notation(
    (t) => parseStatus(t, scale),
    `Status: ${STATUS_NOTATION_LIST}, oder die Wörter der Status-Skala des Konzepts (concept.yaml, statuses). Ohne Angabe: „ohne Angabe“.`,
    [...STATUS_EXAMPLES],
  )
    .optional()
    .transform((s) => s ?? unknownStatus(scale));

export const factSchema = z
  .strictObject({
    label: text("Bezeichnung in der linken Spalte, z. B. „Laufzeit“."),
    value: paragraphs("Inhalt: ein oder mehrere Absätze.").or(text("Inhalt.")),
  })
  .describe("Eine Zeile der Tabelle.");

export const outlineEntrySchema = z
  .strictObject({
    title: text("Kapitelüberschrift."),
    items: z.array(text("Unterpunkt.")).optional().describe("Unterpunkte des Kapitels."),
  })
  .describe("Ein Kapitel der Gliederung.");

export const detailsSchema = z
  .strictObject({
    title: text("Überschrift des Zusatzblocks, z. B. „Projektauftrag (Auszug)“.").optional(),
    facts: z.array(factSchema).min(1).optional().describe("Tabelle, z. B. die Eckdaten eines Projektauftrags."),
    outline: z
      .array(outlineEntrySchema)
      .min(1)
      .optional()
      .describe("Gliederung, z. B. die Kapitel einer Dokumentation."),
    points: z
      .array(text("Ein Kernpunkt."))
      .min(1)
      .optional()
      .describe("Kernpunkte, z. B. die Aussagen eines Artikels."),
  })
  .refine((d) => d.facts || d.outline || d.points, {
    message: "Der Zusatzblock braucht mindestens eines der Felder „facts“, „outline“ oder „points“.",
  })
  .describe("Zusatzblock: Tabelle (facts), Gliederung (outline) oder Kernpunkte (points).");

export const measureSchema = z
  .strictObject({
    id: idField("Kennung der Maßnahme, im ganzen Konzept eindeutig: Kleinbuchstaben, Ziffern, Bindestriche."),
    title: text("Titel der Maßnahme, wie er auf Folien und Flyern steht."),
    summary: paragraphs("Beschreibung der Maßnahme: ein oder mehrere Absätze."),
    status: statusField(DEFAULT_STATUS_SCALE),
    planned: notation(
      parsePlanDate,
      "Datum (Plan): „MM/JJJJ“, „TT.MM.JJJJ (Ort)“, „ab …“, „für JJJJ geplant“, „… und …“, ein Zeitraum „… – …“, „bis …“, „laufend“ oder „noch nicht geplant“; Monat, Tag und Quartal auch in Worten („Juni 2021“, „2. Quartal 2023“).",
      [
        "09/2017",
        "ab Q2/2019",
        "06.12.2018 (Foyer Rathaus)",
        "12/2018 und 02/2019",
        "30.06.2021 – 30.11.2022",
        "Q4/2021 – Q4/2022 (neu: Q2/2023)",
        "bis 30.11.2022",
        "laufend",
        "noch nicht geplant",
      ],
    ),
    published: notation(
      parsePublished,
      "Veröffentlicht: „noch nicht“, „MM/JJJJ (wo)“, „seit MM/JJJJ“ oder eine Fundstelle ohne Datum; Monat und Tag auch in Worten („November 2022“).",
      ["noch nicht", "11/2018 (Intranet)", "seit 12/2017", "30. November 2022", "im 3. NAP, Seite 28 – 29"],
    ),
    details: detailsSchema.optional(),
    notes: speakerNotes("zur Folie der Maßnahme"),
  })
  .describe("Eine Maßnahme des Bausteins.");

/** A Maßnahme of a concept with its own status scale. */
export const measureSchemaFor = (scale: StatusScale) =>
  scale === DEFAULT_STATUS_SCALE ? measureSchema : measureSchema.extend({ status: statusField(scale) });

export type Measure = z.output<typeof measureSchema>;
export type MeasureInput = z.input<typeof measureSchema>;
export type MeasureDetails = z.output<typeof detailsSchema>;
