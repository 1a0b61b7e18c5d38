/** How the tool reads a notation, for the live feedback beside Datum (Plan), Veröffentlicht and Stand. */
import {
  formatPeriodLong,
  formatPlanDateLong,
  formatStand,
  type ParseResult,
  parsePlanDate,
  parsePublished,
  parseStand,
} from "@dus-opendata/concept";

type Reading = ParseResult<string>;

const read = <T>(r: ParseResult<T>, show: (v: T) => string): Reading => (r.ok ? { ok: true, value: show(r.value) } : r);

export const NOTATIONS: Record<string, (text: string) => Reading> = {
  planned: (t) => read(parsePlanDate(t), formatPlanDateLong),
  published: (t) =>
    read(parsePublished(t), (p) => {
      if (p.kind === "not-yet") return "noch nicht veröffentlicht";
      if (p.kind === "place") return `veröffentlicht, Fundstelle: ${p.place}`;
      const when = `${p.kind === "since" ? "veröffentlicht seit" : "veröffentlicht im"} ${formatPeriodLong(p.period)}`;
      return p.channel ? `${when} (${p.channel})` : when;
    }),
  stand: (t) => read(parseStand(t), formatStand),
};
