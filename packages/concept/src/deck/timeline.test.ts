import { describe, expect, it } from "vitest";
import type { Baustein } from "../model.js";
import { parsePlanDate } from "../notation/plan-date.js";
import { parsePublished } from "../notation/published.js";
import { DEFAULT_STATUS_SCALE, parseStatus, statusScaleOf } from "../notation/status.js";
import { DEFAULT_TERMS } from "../terms.js";
import { timelineLegend, timelineOf, timelineRows } from "./timeline.js";

const value = <T>(r: { ok: true; value: T } | { ok: false; error: string }): T => {
  if (!r.ok) throw new Error(r.error);
  return r.value;
};

function baustein(measures: [string, string, string][]): Baustein {
  return {
    id: "b",
    number: 1,
    title: "B",
    why: ["Warum."],
    chances: [],
    risks: [],
    measures: measures.map(([id, status, planned]) => ({
      id,
      title: id,
      summary: ["Text."],
      status: value(parseStatus(status)),
      planned: value(parsePlanDate(planned)),
      published: value(parsePublished("noch nicht")),
    })),
  } as unknown as Baustein;
}

describe("timeline of ranges", () => {
  const b = baustein([
    ["range", "in Arbeit", "30. Juni 2021 – 30. November 2022"],
    ["until", "in Arbeit", "bis Q2/2023"],
    ["quarters", "erledigt", "4. Quartal 2021 – 4. Quartal 2022 (neu: 2. Quartal 2023)"],
  ]);
  const rows = timelineRows([b], "2023-12-31", true);

  it("draws a range as one bar from its first to its last day, shown canonically", () => {
    expect(rows[0]).toMatchObject({
      planned: "30.06.2021 – 30.11.2022",
      spans: [{ start: "2021-06-30", end: "2022-11-30" }],
      overdue: true,
    });
    expect(rows[0]?.open).toBeUndefined();
    expect(rows[2]).toMatchObject({
      planned: "Q4/2021 – Q4/2022 (neu: 2. Quartal 2023)",
      spans: [{ start: "2021-10-01", end: "2022-12-31" }],
      overdue: false,
    });
  });

  it("draws „bis …“ as its period with a thin bar before it, explained in the legend", () => {
    expect(rows[1]).toMatchObject({ spans: [{ start: "2023-04-01", end: "2023-06-30" }], open: "until" });
    const t = timelineOf(rows, rows, {
      standDate: "2023-12-31",
      standYear: 2023,
      stand: "12/2023",
      terms: DEFAULT_TERMS,
      scale: DEFAULT_STATUS_SCALE,
    });
    expect(t.years).toEqual([2021, 2022, 2023]);
    expect(t.marks.map((m) => m.label)).toContain("bis zu diesem Termin, ohne Beginn");
  });
});

describe("legend of the status colours", () => {
  it("keeps today's four kinds and adds „verzögert“ and „ohne Angabe“ only where a Maßnahme has them", () => {
    const today = timelineRows([baustein([["a", "in Arbeit", "2019"]])], "2019-12-31", true);
    expect(timelineLegend(today, DEFAULT_STATUS_SCALE)).toEqual([
      { kind: "not-started", label: "noch nicht begonnen", count: 0 },
      { kind: "in-progress", label: "in Arbeit", count: 1 },
      { kind: "took-place", label: "stattgefunden", count: 0 },
      { kind: "done", label: "erledigt", count: 0 },
    ]);
    const late = timelineRows(
      [
        baustein([
          ["a", "verzögert", "2019"],
          ["b", "ohne Angabe", "2019"],
          ["c", "in Arbeit", "2020"],
        ]),
      ],
      "2020-06-30",
      true,
    );
    expect(late.map((r) => [r.status, r.overdue])).toEqual([
      [{ kind: "delayed", label: "verzögert" }, true],
      [{ kind: "unknown", label: "ohne Angabe" }, false],
      [{ kind: "in-progress", label: "in Arbeit" }, false],
    ]);
    expect(timelineLegend(late, DEFAULT_STATUS_SCALE).map((l) => `${l.label}: ${l.count}`)).toEqual([
      "noch nicht begonnen: 0",
      "in Arbeit: 1",
      "verzögert: 1",
      "stattgefunden: 0",
      "erledigt: 0",
      "ohne Angabe: 1",
    ]);
  });

  it("names the kinds with the concept's own words", () => {
    const scale = statusScaleOf([
      { label: "nicht begonnen", kind: "offen" },
      { label: "begrenzt", kind: "in-arbeit" },
      { label: "abgeschlossen", kind: "erledigt" },
    ]);
    const rows = timelineRows([baustein([["a", "in Arbeit", "2019"]])], "2019-12-31", true);
    expect(timelineLegend(rows, scale).map((l) => l.label)).toEqual(["nicht begonnen", "begrenzt", "abgeschlossen"]);
  });
});
