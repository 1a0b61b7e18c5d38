import { z } from "zod";
import { text } from "./fields.js";

/** Characters a phone number may be written with besides its digits: „0421 361-12345“, „+49 (0)421 361 12345“. */
const PHONE = /^\+?[0-9 ()/.\u2013-]+$/;

/**
 * Whom readers of the flyers and the audience of a deck can reach: everything optional, shown where it is given
 * (the flyers' „Kontakt“ panel, the deck's closing slide).
 */
export const contactSchema = z
  .strictObject({
    person: text("Name der Ansprechperson, z. B. „Jana Beispiel“.").optional(),
    role: text("Funktion der Ansprechperson, z. B. „Koordinatorin Offene Verwaltung“.").optional(),
    email: z
      .email({ error: "Keine gültige E-Mail-Adresse. Erlaubt ist eine Adresse wie „team@beispielstadt.de“." })
      .meta({
        description: "E-Mail-Adresse; auf dem Bildschirm-PDF und auf den Folien ein Link zum Schreiben.",
        examples: ["offene-daten@beispielstadt.de"],
      })
      .optional(),
    phone: z
      .string()
      .trim()
      .regex(PHONE, {
        error:
          "Keine gültige Telefonnummer. Erlaubt sind Ziffern, Leerzeichen, „+“ am Anfang, „-“, „/“ und Klammern, z. B. „0421 361-12345“ oder „+49 421 361-12345“.",
      })
      .refine((s) => s.replace(/\D/g, "").length >= 3, {
        error: "Die Telefonnummer hat zu wenige Ziffern, z. B. „0421 361-12345“.",
      })
      .meta({
        description:
          "Telefonnummer, so geschrieben, wie sie erscheinen soll; auf dem Bildschirm-PDF und auf den Folien ein Link zum Anrufen.",
        examples: ["0421 361-12345", "+49 421 361-12345"],
      })
      .optional(),
    address: z
      .array(text("Eine Zeile der Anschrift."))
      .min(1)
      .meta({
        description: "Postanschrift, eine Zeile je Eintrag.",
        examples: [["Rathaus, Zimmer 204", "Marktplatz 1", "12345 Beispielstadt"]],
      })
      .optional(),
    hours: text("Sprechzeiten, z. B. „Dienstag und Donnerstag, 9 – 12 Uhr“.").optional(),
  })
  .meta({
    description:
      "Kontakt für Flyer („Kontakt“) und Schlussfolie: Person, Funktion, E-Mail, Telefon, Anschrift, Sprechzeiten – alles optional; gezeigt wird, was angegeben ist.",
    examples: [
      {
        person: "Jana Beispiel",
        role: "Koordinatorin Offene Verwaltung",
        email: "offene-daten@beispielstadt.de",
        phone: "0421 361-12345",
        address: ["Rathaus, Zimmer 204", "Marktplatz 1", "12345 Beispielstadt"],
        hours: "Dienstag und Donnerstag, 9 – 12 Uhr",
      },
    ],
  })
  .optional();

export type Contact = NonNullable<z.output<typeof contactSchema>>;
