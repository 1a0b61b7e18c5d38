import { closest, fail, normaliseSpace, ok, type ParseResult, q } from "./period.js";

/** Status of a Maßnahme, as the concept writes it. */
export type Status =
  | { kind: "not-started" }
  | { kind: "in-progress" }
  | { kind: "took-place"; year: number }
  | { kind: "done" };

export type StatusKind = Status["kind"];

/** Order of progress; used to sort and to colour badges. */
export const STATUS_KINDS: readonly StatusKind[] = ["not-started", "in-progress", "took-place", "done"];

const FIXED: Record<string, Status> = {
  "noch nicht begonnen": { kind: "not-started" },
  "in Arbeit": { kind: "in-progress" },
  erledigt: { kind: "done" },
};

export const STATUS_FORMS =
  "Erlaubt sind „erledigt“, „in Arbeit“, „noch nicht begonnen“ oder „<Jahr> stattgefunden“ (z. B. „2018 stattgefunden“).";

export function parseStatus(input: string): ParseResult<Status> {
  const text = normaliseSpace(input);
  if (text === "") return fail(`Der Status ist leer. ${STATUS_FORMS}`);
  for (const [form, value] of Object.entries(FIXED)) {
    if (text === form) return ok(value);
  }
  const m = /^(\d{4}) stattgefunden$/.exec(text);
  if (m) {
    const year = Number(m[1]);
    if (year < 1990 || year > 2100) return fail(`Das Jahr ${year} liegt außerhalb von 1990 bis 2100. ${STATUS_FORMS}`);
    return ok({ kind: "took-place", year });
  }
  if (/^stattgefunden$/i.test(text))
    return fail(`Beim Status ${q(text)} fehlt das Jahr, z. B. „2018 stattgefunden“. ${STATUS_FORMS}`);
  // „2018 stattgefundn“: suggest the whole status, with the year that was written.
  const year = /^(\d{4}) /.exec(text)?.[1];
  const rest = year ? text.slice(5) : text;
  const lower = Object.keys(FIXED).find((f) => f.toLowerCase() === rest.toLowerCase());
  const hint = lower ?? closest(rest, [...Object.keys(FIXED), "stattgefunden"]);
  const suggestion = hint === "stattgefunden" ? (year ? `${year} stattgefunden` : undefined) : hint;
  return fail(
    `${q(text)} ist kein gültiger Status. ${STATUS_FORMS}${suggestion ? ` Meinten Sie ${q(suggestion)}?` : ""}`,
  );
}

export function formatStatus(s: Status): string {
  switch (s.kind) {
    case "not-started":
      return "noch nicht begonnen";
    case "in-progress":
      return "in Arbeit";
    case "took-place":
      return `${s.year} stattgefunden`;
    case "done":
      return "erledigt";
  }
}

/** Done or took place: nothing open for now. */
export function isCompleted(s: Status): boolean {
  return s.kind === "done" || s.kind === "took-place";
}

export function compareStatus(a: Status, b: Status): number {
  const d = STATUS_KINDS.indexOf(a.kind) - STATUS_KINDS.indexOf(b.kind);
  if (d !== 0) return d;
  return a.kind === "took-place" && b.kind === "took-place" ? a.year - b.year : 0;
}
