/**
 * The one place the editor learns the concept's own terms (concept.yaml `terms`: „Kapitel“ for Baustein,
 * „Verpflichtung“ for Maßnahme, …), with which it names its lists and buttons. Today's words where concept.yaml
 * names none, or while its `terms` has a mistake (the loader reports it at its field). Browser-safe.
 */
import { DEFAULT_TERMS, type Terms, termsSchema } from "@dus-opendata/concept";

/** The terms of concept.yaml's data as written (`terms`). */
export function conceptTerms(terms?: unknown): Terms {
  const parsed = termsSchema.safeParse(terms ?? undefined);
  return parsed.success ? parsed.data : DEFAULT_TERMS;
}
