/**
 * The one place that reads zod's internal schema definitions (`_zod.def`): the keys a content file may have at a
 * field path, for „Meinten Sie …?“ hints on a misspelt key. zod documents no API for walking a schema; a zod
 * upgrade that changes this shape fails `schema-keys.test.ts` with a clear message instead of silently losing the
 * hints.
 */
import type { z } from "zod";

type AnySchema = z.ZodType;

/** Allowed keys of the object schema at `path` (for "Meinten Sie …?" hints). */
export function keysAt(schema: AnySchema, path: readonly PropertyKey[], data: unknown): string[] {
  // biome-ignore lint/suspicious/noExplicitAny: walking zod's internal definitions
  let s: any = schema;
  let value: unknown = data;
  const unwrap = () => {
    for (;;) {
      const def = s?._zod?.def;
      if (!def) return;
      if (def.type === "optional" || def.type === "nullable" || def.type === "default") s = def.innerType;
      else if (def.type === "pipe") s = def.in;
      else if (def.type === "union") {
        const disc = def.discriminator as string | undefined;
        const tag = disc && value && typeof value === "object" ? (value as Record<string, unknown>)[disc] : undefined;
        // biome-ignore lint/suspicious/noExplicitAny: zod internals
        const match = def.options.find((o: any) => o._zod.def.shape?.[disc ?? ""]?._zod.def.values?.includes(tag));
        s = match ?? def.options[0];
      } else return;
    }
  };
  unwrap();
  for (const seg of path) {
    const def = s?._zod?.def;
    if (def?.type === "array") s = def.element;
    else if (def?.type === "object") s = def.shape[seg as string];
    else return [];
    value = value && typeof value === "object" ? (value as Record<PropertyKey, unknown>)[seg as string] : undefined;
    unwrap();
  }
  const def = s?._zod?.def;
  return def?.type === "object" ? Object.keys(def.shape) : [];
}
