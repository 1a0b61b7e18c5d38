import { z } from "zod";
import type { ParseResult } from "../notation/period.js";

/**
 * A line of text a maintainer writes: not empty, surrounding blanks removed, in Unicode's composed form (NFC: „e“
 * with a combining acute is „é“), the form the outputs' fonts show.
 */
export const text = (description: string) => z.string().trim().min(1).normalize("NFC").describe(description);

/** Several paragraphs: a list of texts. */
export const paragraphs = (description: string) => z.array(text("Ein Absatz.")).min(1).describe(description);

/**
 * The speaker's own notes to a slide: paragraphs of plain text, shown first in the presenter view and the notes
 * print-out, before the notes the deck generates.
 */
export const speakerNotes = (where: string) =>
  z
    .array(text("Ein Absatz der Notizen."))
    .min(1)
    .optional()
    .meta({
      description: `Notizen für die Vortragenden ${where}: Absätze, die die Referentenansicht vor den erzeugten Notizen zeigt. Reiner Text, nie Markup.`,
      examples: [["Hier das Beispiel aus dem Bürgeramt erzählen.", "Nach Fragen aus dem Publikum fragen."]],
    });

/** A short identifier used in file names, deck variants and flyers. */
export const idField = (description: string) =>
  z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
    .describe(description);

/**
 * A value in the concept's German notation: edited as text, parsed into a typed value.
 * The parser's message (which forms are allowed) becomes the validation message.
 */
export function notation<T>(parse: (s: string) => ParseResult<T>, description: string, examples: string[]) {
  return z
    .string()
    .meta({ description, examples })
    .transform((value, ctx) => {
      const r = parse(value);
      if (r.ok) return r.value;
      ctx.addIssue({ code: "custom", message: r.error, input: value });
      return z.NEVER;
    });
}
