/** Reading the content's JSON Schemas (generated from the model) to build the forms. */
import { formatPath, type Path } from "../shared/edit-ops.js";
import type { FileKind } from "./labels.js";

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  description?: string;
  minItems?: number;
  minimum?: number;
  maximum?: number;
  default?: unknown;
  examples?: unknown[];
}

export const SCHEMA_FILES: Record<FileKind, string> = {
  concept: "concept.schema.json",
  baustein: "baustein.schema.json",
  deck: "deck.schema.json",
  flyer: "flyer.schema.json",
};

/** The option of a discriminated union (a flyer section) that a value has, by its `type`. */
export function unionOption(schema: JsonSchema, value: unknown): JsonSchema | undefined {
  const type = value && typeof value === "object" ? (value as Record<string, unknown>).type : undefined;
  return schema.oneOf?.find((o) => o.properties?.type?.const === type);
}

/** A value to start a new entry with: required fields, empty, so that the form says what is missing. */
export function emptyValue(schema: JsonSchema): unknown {
  if (schema.oneOf) {
    const text = schema.oneOf.find((o) => o.properties?.type?.const === "text") ?? schema.oneOf[0];
    return text ? emptyValue(text) : {};
  }
  if (schema.anyOf) return emptyValue(schema.anyOf[schema.anyOf.length - 1] as JsonSchema);
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (type === "integer" || type === "number") return schema.minimum ?? 1;
  if (type === "boolean") return false;
  if (type === "array") return (schema.minItems ?? 0) > 0 && schema.items ? [emptyValue(schema.items)] : [];
  if (type === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, s] of Object.entries(schema.properties ?? {}))
      if (schema.required?.includes(k)) out[k] = emptyValue(s);
    return out;
  }
  return "";
}

/** An id for the form element of a field (also the target of „Zum Feld“). */
export function fieldId(rel: string, path: Path): string {
  return `f-${rel}-${formatPath(path)}`.replace(/[^A-Za-z0-9_-]/g, (c) => `_${c.charCodeAt(0).toString(16)}`);
}

/** The key before `key` in the schema's order that the object has: where a new field is written. */
export function keyBefore(schema: JsonSchema, obj: Record<string, unknown>, key: string): string | null {
  const order = Object.keys(schema.properties ?? {});
  let prev: string | null = null;
  for (const k of order) {
    if (k === key) return prev;
    if (k in obj) prev = k;
  }
  return prev;
}
