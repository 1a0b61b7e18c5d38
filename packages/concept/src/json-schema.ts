import { z } from "zod";
import { bausteinSchema } from "./schemas/baustein.js";
import { conceptSchema } from "./schemas/concept.js";
import { deckVariantSchema } from "./schemas/deck-variant.js";
import { flyerSchema } from "./schemas/flyer.js";

/** JSON Schemas for editors (yaml-language-server), one per kind of content file. */
export const CONTENT_SCHEMAS = {
  "concept.schema.json": conceptSchema,
  "baustein.schema.json": bausteinSchema,
  "deck.schema.json": deckVariantSchema,
  "flyer.schema.json": flyerSchema,
} as const;

export function generateJsonSchemas(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [file, schema] of Object.entries(CONTENT_SCHEMAS)) {
    const json = z.toJSONSchema(schema, { io: "input", target: "draft-7", unrepresentable: "any" });
    out[file] = `${JSON.stringify(json, null, 2)}\n`;
  }
  return out;
}
