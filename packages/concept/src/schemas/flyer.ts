import { z } from "zod";
import { joinGerman } from "../join-german.js";
import { idField, paragraphs, text } from "./fields.js";
import {
  describePlaces,
  FLYER_FORMAT_DEFINITIONS,
  FLYER_FORMATS,
  FLYER_PLACES,
  type FlyerFormat,
} from "./flyer-formats.js";

export { FLYER_FORMATS, FLYER_PLACES, type FlyerFormat };

const MAX_PLACE = Math.max(...Object.values(FLYER_PLACES));
const FOLDED = FLYER_FORMATS.filter((f) => FLYER_FORMAT_DEFINITIONS[f].kind === "panels");
const FLAT = FLYER_FORMATS.filter((f) => FLYER_FORMAT_DEFINITIONS[f].kind === "pages");
const formatNames = (formats: readonly FlyerFormat[]) => formats.map((f) => f.toUpperCase()).join("/");

const place = z
  .number()
  .int()
  .min(1)
  .max(MAX_PLACE)
  .optional()
  .describe(
    `Seite (${formatNames(FLAT)}: ${FLAT.map((f) => `1–${FLYER_PLACES[f]}`)
      .filter((r, i, all) => all.indexOf(r) === i)
      .join(" bzw. ")}, ohne Angabe 1)${FOLDED.map(
      (f) => ` oder Feld des Faltblatts (1–${FLYER_PLACES[f]}, Pflicht): ${describePlaces(f)}`,
    ).join("")}.`,
  );

/** A 1-based selection from a list of the concept, e.g. `[1, 3]` for the first and the third entry. */
const selection = (what: string) =>
  z
    .array(z.number().int().min(1).describe(`Nummer ${what} (1 = erster).`))
    .min(1)
    .optional()
    .describe(`Auswahl ${what} nach Nummer (1 = erster), z. B. [1, 3]; ohne Angabe alle.`);

const common = {
  title: text("Überschrift des Abschnitts; ohne Angabe die aus dem Konzept.").optional(),
  place,
};

export const flyerSectionSchema = z.discriminatedUnion("type", [
  z.strictObject({
    type: z.literal("intro").describe("Ein Abschnitt der Einführung des Konzepts."),
    section: idField("Kennung des Abschnitts der Einführung, z. B. „worum-es-geht“."),
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
    type: z.literal("measure").describe("Eine Maßnahme: ihre Beschreibung oder die Kernpunkte ihres Zusatzblocks."),
    measure: idField("Kennung der Maßnahme, z. B. „sprechstunde“."),
    part: z
      .enum(["summary", "details"])
      .optional()
      .describe("„summary“ (Beschreibung, Standard) oder „details“ (Kernpunkte des Zusatzblocks)."),
    paragraphs: selection("der Absätze der Beschreibung"),
    items: selection("der Kernpunkte"),
    ...common,
  }),
  z.strictObject({
    type: z.literal("why").describe("Die Begründung „Warum …?“ eines Bausteins."),
    block: idField("Kennung des Bausteins."),
    paragraphs: selection("der Absätze"),
    ...common,
  }),
  z.strictObject({
    type: z.literal("chances").describe("Die Chancen eines Bausteins als Aufzählung."),
    block: idField("Kennung des Bausteins."),
    items: selection("der Chancen"),
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
    format: z.enum(FLYER_FORMATS).describe(
      `Format: ${joinGerman(
        FLYER_FORMATS.map((f) => {
          const d = FLYER_FORMAT_DEFINITIONS[f];
          return `„${f}“ für ${d.label} (${FLYER_PLACES[f]} ${d.kind === "panels" ? "Felder" : "Seiten"})`;
        }),
        "oder",
      )}.`,
    ),
    occasion: text("Anlass, z. B. „Tag der offenen Tür“."),
    title: text("Schlagzeile des Flyers."),
    subtitle: text("Unterzeile.").optional(),
    callToAction: text("Aufforderung, z. B. „Sprechen Sie uns an!“.").optional(),
    sections: z.array(flyerSectionSchema).min(1).describe("Die Abschnitte des Flyers, in Lesereihenfolge."),
  })
  .superRefine((flyer, ctx) => {
    const max = FLYER_PLACES[flyer.format];
    flyer.sections.forEach((s, i) => {
      if (FLYER_FORMAT_DEFINITIONS[flyer.format].kind === "panels" && s.place === undefined)
        ctx.addIssue({
          code: "custom",
          path: ["sections", i, "place"],
          message: `Beim Faltblatt braucht jeder Abschnitt ein Feld „place“ (1–${max}): ${describePlaces(flyer.format)}.`,
        });
      if (s.place !== undefined && s.place > max)
        ctx.addIssue({
          code: "custom",
          path: ["sections", i, "place"],
          message: `Das Format „${flyer.format}“ hat nur ${max} Seiten: erlaubt ist „place“ von 1 bis ${max}.`,
        });
    });
  })
  .describe("Ein Flyer: eine Datei in content/flyers/.");

export type FlyerData = z.output<typeof flyerSchema>;
export type FlyerSection = z.output<typeof flyerSectionSchema>;
