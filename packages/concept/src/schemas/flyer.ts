import { z } from "zod";
import { idField, paragraphs, text } from "./fields.js";

export const FLYER_FORMATS = ["a4", "a5", "din-lang-wickelfalz"] as const;

const place = z
  .number()
  .int()
  .min(1)
  .max(6)
  .optional()
  .describe("Seite (A4/A5: 1–2) oder Feld des Faltblatts (1–6), auf dem der Abschnitt steht.");

const common = {
  title: text("Überschrift des Abschnitts; ohne Angabe die aus dem Konzept.").optional(),
  place,
};

export const flyerSectionSchema = z.discriminatedUnion("type", [
  z.strictObject({
    type: z.literal("intro").describe("Ein Abschnitt der Einführung des Konzepts."),
    section: idField("Kennung des Abschnitts der Einführung, z. B. „open-data“."),
    ...common,
  }),
  z.strictObject({
    type: z.literal("bausteine").describe("Die Bausteine mit der Zahl ihrer Maßnahmen."),
    ...common,
  }),
  z.strictObject({
    type: z.literal("measures").describe("Maßnahmen eines Bausteins mit ihrem Status."),
    block: idField("Kennung des Bausteins."),
    measures: z.array(idField("Kennung einer Maßnahme.")).min(1).optional().describe("Auswahl; ohne Angabe alle."),
    ...common,
  }),
  z.strictObject({
    type: z.literal("text").describe("Text, den nur dieser Flyer braucht."),
    title: text("Überschrift."),
    text: paragraphs("Absätze.").optional(),
    points: z.array(text("Ein Punkt.")).min(1).optional().describe("Aufzählungspunkte."),
    place,
  }),
  z.strictObject({
    type: z.literal("steps").describe("Ein Ablauf in nummerierten Schritten."),
    title: text("Überschrift."),
    steps: z.array(text("Ein Schritt.")).min(1).describe("Die Schritte in ihrer Reihenfolge."),
    place,
  }),
  z.strictObject({
    type: z.literal("portal").describe("Das Portal mit Adresse und QR-Code."),
    text: text("Begleitsatz zum Portal.").optional(),
    ...common,
  }),
  z.strictObject({
    type: z.literal("contact").describe("Kontakt: Team und Amt, wie das Konzept sie nennt, und das Portal."),
    text: text("Begleitsatz zum Kontakt.").optional(),
    ...common,
  }),
]);

export const flyerSchema = z
  .strictObject({
    format: z
      .enum(FLYER_FORMATS)
      .describe("Format: „a4“, „a5“ oder „din-lang-wickelfalz“ (A4 quer, Wickelfalz, 6 Felder)."),
    occasion: text("Anlass, z. B. „Ämtergespräche“."),
    title: text("Schlagzeile des Flyers."),
    subtitle: text("Unterzeile.").optional(),
    callToAction: text("Aufforderung, z. B. „Sprechen Sie uns an!“.").optional(),
    sections: z.array(flyerSectionSchema).min(1).describe("Die Abschnitte des Flyers, in Lesereihenfolge."),
  })
  .describe("Ein Flyer: eine Datei in content/flyers/.");

export type FlyerData = z.output<typeof flyerSchema>;
export type FlyerSection = z.output<typeof flyerSectionSchema>;
export type FlyerFormat = (typeof FLYER_FORMATS)[number];
