/** What the preview shows: the part of the concept the person is editing. Browser-safe. */
export type PreviewTarget =
  | { kind: "measure"; id: string; baustein: string }
  | { kind: "baustein"; id: string; part?: "why" | "chances-risks" }
  | { kind: "deck"; id: string }
  | { kind: "flyer"; id: string; section?: number }
  | { kind: "concept" };
