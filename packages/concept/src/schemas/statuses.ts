import { z } from "zod";
import { q } from "../notation/period.js";
import {
  STATUS_KIND_KEYS,
  type StatusKindKey,
  type StatusScale,
  type StatusWordData,
  statusScaleOf,
} from "../notation/status.js";
import { text } from "./fields.js";

export const statusWordSchema = z
  .strictObject({
    label: text("Das Wort, wie das Team es schreibt, z. B. „abgeschlossen“ oder „teilweise umgesetzt“."),
    kind: z
      .enum(STATUS_KIND_KEYS)
      .describe(
        "Was das Wort bedeutet: offen (nicht begonnen), in-arbeit, verzögert, erledigt, stattgefunden, entfallen oder unbekannt (ohne Angabe). Danach richten sich Farbe, Legende, Zählung, Reihenfolge und „überfällig“.",
      ),
    synonyms: z
      .array(text("Ein gleichbedeutendes Wort."))
      .min(1)
      .optional()
      .describe("Andere Wörter für denselben Status, z. B. [umgesetzt]; sie werden als das Wort in „label“ gezeigt."),
    year: z
      .boolean()
      .optional()
      .describe("true: das Wort steht mit der Jahreszahl davor, z. B. „2018 stattgefunden“. Ohne Angabe: ohne Jahr."),
  })
  .describe("Ein Wort der Status-Skala.");

/** Every word and synonym of a scale is one status only. */
export const statusesSchema = z
  .array(statusWordSchema)
  .min(1)
  .superRefine((words, ctx) => {
    const seen = new Map<string, number>();
    words.forEach((w, i) => {
      const all: [string, (string | number)[]][] = [
        [w.label, [i, "label"]],
        ...(w.synonyms ?? []).map((s, j): [string, (string | number)[]] => [s, [i, "synonyms", j]]),
      ];
      for (const [word, path] of all) {
        const first = seen.get(word.toLowerCase());
        if (first !== undefined)
          ctx.addIssue({
            code: "custom",
            path,
            message: `Das Wort ${q(word)} steht schon in der Status-Skala (Eintrag ${first + 1}): jedes Wort darf nur einmal vorkommen.`,
          });
        else seen.set(word.toLowerCase(), i);
      }
    });
  })
  .optional()
  .describe(
    "Die Status-Skala des Konzepts: die Wörter, die das Team für den Status einer Maßnahme schreibt, je mit seiner Bedeutung. Ohne Angabe: erledigt, in Arbeit, verzögert, noch nicht begonnen, <Jahr> stattgefunden, ohne Angabe.",
  )
  .meta({
    examples: [
      [
        { label: "nicht begonnen", kind: "offen" },
        { label: "begrenzt", kind: "in-arbeit" },
        { label: "verzögert", kind: "verzögert" },
        { label: "abgeschlossen", kind: "erledigt", synonyms: ["umgesetzt"] },
      ],
    ],
  });

export type StatusesData = z.output<typeof statusesSchema>;

/**
 * The scale of a concept.yaml as written (raw YAML data of its `statuses`): the whole scale where it is valid,
 * otherwise its valid words, so that a mistake in one word does not make every Maßnahme's status an error too.
 */
export function statusesAsWritten(raw: unknown): StatusWordData[] | undefined {
  const whole = statusesSchema.safeParse(raw);
  if (whole.success) return whole.data;
  if (!Array.isArray(raw)) return undefined;
  const kinds: readonly string[] = STATUS_KIND_KEYS;
  return raw.flatMap((entry): StatusWordData[] => {
    const r = statusWordSchema.safeParse(entry);
    if (r.success) return [r.data];
    // A word with a misspelt key („lable“) or kind is still a word of the scale: its Maßnahmen are not refused too.
    if (typeof entry !== "object" || entry === null) return [];
    const e = entry as Record<string, unknown>;
    const kind = typeof e.kind === "string" && kinds.includes(e.kind) ? (e.kind as StatusKindKey) : "offen";
    const words = Object.entries(e)
      .filter(([key]) => key !== "kind")
      .flatMap(([, v]) => (Array.isArray(v) ? v : [v]))
      .filter((v): v is string => typeof v === "string" && v.trim() !== "");
    return words.map((label) => ({ label: label.trim(), kind }));
  });
}

/** The status scale of a concept.yaml as written (see statusesAsWritten). */
export function statusScaleOfData(raw: unknown): StatusScale {
  return statusScaleOf(statusesAsWritten(raw));
}
