import { describe, expect, it } from "vitest";
import { assertNever } from "../assert-never.js";
import {
  canBeOverdue,
  compareStatus,
  DEFAULT_STATUS_SCALE,
  formatStatus,
  isCompleted,
  parseStatus,
  STATUS_DEFINITIONS,
  STATUS_EXAMPLES,
  STATUS_FORMS,
  STATUS_KIND_DEFINITIONS,
  STATUS_KINDS,
  STATUS_LABELS,
  STATUS_NOTATIONS,
  type Status,
  shownStatusKinds,
  statusKindLabel,
  statusScaleOf,
  unknownStatus,
} from "./status.js";

const FORMS =
  "Erlaubt sind „erledigt“, „in Arbeit“, „verzögert“, „noch nicht begonnen“, „<Jahr> stattgefunden“ oder „ohne Angabe“ (z. B. „2018 stattgefunden“).";

function parsed(input: string): Status {
  const r = parseStatus(input);
  if (!r.ok) throw new Error(`expected ${input} to parse: ${r.error}`);
  return r.value;
}

function error(input: string): string {
  const r = parseStatus(input);
  if (r.ok) throw new Error(`expected ${input} to be rejected, got ${JSON.stringify(r.value)}`);
  return r.error;
}

describe("parseStatus", () => {
  it("lists the allowed forms", () => {
    expect(STATUS_FORMS).toBe(FORMS);
  });

  it.each([
    ["erledigt", { kind: "done" }],
    ["in Arbeit", { kind: "in-progress" }],
    ["2018 stattgefunden", { kind: "took-place", year: 2018 }],
    ["noch nicht begonnen", { kind: "not-started" }],
    ["verzögert", { kind: "delayed" }],
    ["ohne Angabe", { kind: "unknown" }],
  ] as const)("reads %s and writes it back exactly", (text, value) => {
    expect(parsed(text)).toEqual(value);
    expect(formatStatus(parsed(text))).toBe(text);
  });

  it("accepts blanks pasted from Word and writes the canonical form", () => {
    expect(formatStatus(parsed("  in\u00a0 Arbeit "))).toBe("in Arbeit");
    expect(formatStatus(parsed("2018\u202Fstattgefunden"))).toBe("2018 stattgefunden");
  });

  it.each([
    ["erldigt", `„erldigt“ ist kein gültiger Status. ${FORMS} Meinten Sie „erledigt“?`],
    ["erledigt!", `„erledigt!“ ist kein gültiger Status. ${FORMS} Meinten Sie „erledigt“?`],
    ["Erledigt", `„Erledigt“ ist kein gültiger Status. ${FORMS} Meinten Sie „erledigt“?`],
    ["ERLEDIGT", `„ERLEDIGT“ ist kein gültiger Status. ${FORMS} Meinten Sie „erledigt“?`],
    ["in arbeit", `„in arbeit“ ist kein gültiger Status. ${FORMS} Meinten Sie „in Arbeit“?`],
    ["In Arbeit", `„In Arbeit“ ist kein gültiger Status. ${FORMS} Meinten Sie „in Arbeit“?`],
    ["2018 erledigt", `„2018 erledigt“ ist kein gültiger Status. ${FORMS} Meinten Sie „erledigt“?`],
    ["2018 stattgefundn", `„2018 stattgefundn“ ist kein gültiger Status. ${FORMS} Meinten Sie „2018 stattgefunden“?`],
    ["stattgefunden", `Beim Status „stattgefunden“ fehlt das Jahr, z. B. „2018 stattgefunden“. ${FORMS}`],
    ["Stattgefunden", `Beim Status „Stattgefunden“ fehlt das Jahr, z. B. „2018 stattgefunden“. ${FORMS}`],
    ["18 stattgefunden", `„18 stattgefunden“ ist kein gültiger Status. ${FORMS}`],
    ["1989 stattgefunden", `Das Jahr 1989 liegt außerhalb von 1990 bis 2100. ${FORMS}`],
    ["2101 stattgefunden", `Das Jahr 2101 liegt außerhalb von 1990 bis 2100. ${FORMS}`],
    ["2018", `„2018“ ist kein gültiger Status. ${FORMS}`],
    ["done", `„done“ ist kein gültiger Status. ${FORMS}`],
    ["abgeschlossen", `„abgeschlossen“ ist kein gültiger Status. ${FORMS}`],
    ["noch nicht", `„noch nicht“ ist kein gültiger Status. ${FORMS}`],
    ["", `Der Status ist leer. ${FORMS}`],
    ["   ", `Der Status ist leer. ${FORMS}`],
  ])("rejects %j with an exact message", (input, message) => {
    expect(error(input)).toBe(message);
  });
});

describe("status order", () => {
  it("sorts by progress, places that took place by year", () => {
    const texts = ["erledigt", "2018 stattgefunden", "in Arbeit", "2017 stattgefunden", "noch nicht begonnen"];
    const sorted = texts.map(parsed).sort(compareStatus).map(formatStatus);
    expect(sorted).toEqual([
      "noch nicht begonnen",
      "in Arbeit",
      "2017 stattgefunden",
      "2018 stattgefunden",
      "erledigt",
    ]);
  });

  it("counts done and took place as completed, nothing else", () => {
    expect(
      ["erledigt", "2018 stattgefunden", "in Arbeit", "noch nicht begonnen"].map((t) => isCompleted(parsed(t))),
    ).toEqual([true, true, false, false]);
  });
});

describe("the one definition of the statuses", () => {
  it("gives every word of the default scale a kind, read and written back", () => {
    expect(STATUS_DEFINITIONS.map((d) => d.kind)).toEqual([
      "done",
      "in-progress",
      "delayed",
      "not-started",
      "took-place",
      "unknown",
    ]);
    for (const d of STATUS_DEFINITIONS) {
      const text = d.withYear ? `2020 ${d.label}` : d.label;
      expect(parsed(text).kind).toBe(d.kind);
      expect(formatStatus(parsed(text))).toBe(text);
      expect(STATUS_LABELS[d.kind]).toBe(d.label);
      expect(STATUS_FORMS).toContain(d.withYear ? `„<Jahr> ${d.label}“` : `„${d.label}“`);
    }
    expect(STATUS_KINDS).toEqual(STATUS_KIND_DEFINITIONS.map((d) => d.kind));
  });

  it("lists the notations the furthest progress first, with examples for the JSON Schema", () => {
    expect(STATUS_NOTATIONS).toEqual([
      "erledigt",
      "in Arbeit",
      "verzögert",
      "noch nicht begonnen",
      "<Jahr> stattgefunden",
      "ohne Angabe",
    ]);
    expect(STATUS_EXAMPLES).toEqual([
      "erledigt",
      "in Arbeit",
      "verzögert",
      "noch nicht begonnen",
      "2018 stattgefunden",
      "ohne Angabe",
    ]);
  });

  it("never counts done, took place, dropped or „ohne Angabe“ as overdue; not started, in progress and delayed can be", () => {
    const overdue = Object.fromEntries(STATUS_KINDS.map((kind) => [kind, canBeOverdue({ kind })]));
    expect(overdue).toEqual({
      "not-started": true,
      "in-progress": true,
      delayed: true,
      "took-place": false,
      done: false,
      dropped: false,
      unknown: false,
    });
  });
});

describe("a concept's own status scale", () => {
  const scale = statusScaleOf([
    { label: "nicht begonnen", kind: "offen" },
    { label: "begrenzt", kind: "in-arbeit" },
    { label: "substanziell", kind: "in-arbeit" },
    { label: "verzögert", kind: "verzögert" },
    { label: "abgeschlossen", kind: "erledigt", synonyms: ["umgesetzt", "teilweise umgesetzt"] },
    { label: "durchgeführt", kind: "stattgefunden", year: true },
  ]);
  const own = (t: string) => parseStatus(t, scale);
  const OWN_FORMS =
    "Erlaubt sind „nicht begonnen“, „begrenzt“, „substanziell“, „verzögert“, „abgeschlossen“, „<Jahr> durchgeführt“ oder „ohne Angabe“ (z. B. „2018 durchgeführt“); gleichbedeutend: „umgesetzt“ für „abgeschlossen“ und „teilweise umgesetzt“ für „abgeschlossen“.";

  it.each([
    ["nicht begonnen", { kind: "not-started", label: "nicht begonnen" }, "nicht begonnen"],
    ["begrenzt", { kind: "in-progress", label: "begrenzt" }, "begrenzt"],
    ["verzögert", { kind: "delayed" }, "verzögert"],
    ["abgeschlossen", { kind: "done", label: "abgeschlossen" }, "abgeschlossen"],
    ["umgesetzt", { kind: "done", label: "abgeschlossen" }, "abgeschlossen"],
    ["2021 durchgeführt", { kind: "took-place", year: 2021, label: "durchgeführt" }, "2021 durchgeführt"],
    ["ohne Angabe", { kind: "unknown" }, "ohne Angabe"],
  ] as const)("reads %j as its kind and writes %j", (text, value, canonical) => {
    const r = own(text);
    expect(r).toEqual({ ok: true, value });
    expect(r.ok && formatStatus(r.value)).toBe(canonical);
  });

  it("adds „ohne Angabe“ where the concept has no word for it, and uses the concept's word where it has one", () => {
    expect(scale.at(-1)).toEqual({
      kind: "unknown",
      label: "ohne Angabe",
      synonyms: [],
      withYear: false,
      always: false,
    });
    const withUnknown = statusScaleOf([
      { label: "offen", kind: "offen" },
      { label: "keine Angabe", kind: "unbekannt" },
    ]);
    expect(unknownStatus(withUnknown)).toEqual({ kind: "unknown", label: "keine Angabe" });
    expect(formatStatus(unknownStatus(withUnknown))).toBe("keine Angabe");
    expect(unknownStatus()).toEqual({ kind: "unknown" });
    expect(statusScaleOf(undefined)).toBe(DEFAULT_STATUS_SCALE);
  });

  it.each([
    ["abgeschlosen", `„abgeschlosen“ ist kein gültiger Status. ${OWN_FORMS} Meinten Sie „abgeschlossen“?`],
    ["umgesezt", `„umgesezt“ ist kein gültiger Status. ${OWN_FORMS} Meinten Sie „umgesetzt“?`],
    ["2021 durchgefürt", `„2021 durchgefürt“ ist kein gültiger Status. ${OWN_FORMS} Meinten Sie „2021 durchgeführt“?`],
    ["durchgeführt", `Beim Status „durchgeführt“ fehlt das Jahr, z. B. „2018 durchgeführt“. ${OWN_FORMS}`],
    ["erledigt", `„erledigt“ ist kein gültiger Status. ${OWN_FORMS}`],
    ["in Arbeit", `„in Arbeit“ ist kein gültiger Status. ${OWN_FORMS}`],
  ])("refuses %j against the concept's own words", (input, message) => {
    const r = own(input);
    expect(r.ok ? "" : r.error).toBe(message);
  });

  it("names each kind with the concept's words, joined where several share it", () => {
    expect(statusKindLabel(scale, "in-progress")).toBe("begrenzt oder substanziell");
    expect(statusKindLabel(scale, "done")).toBe("abgeschlossen");
    expect(statusKindLabel(scale, "dropped")).toBe("entfallen");
  });

  it("shows the kinds of the scale always, „ohne Angabe“ and the default scale's new words only where used", () => {
    expect(shownStatusKinds(scale, [])).toEqual(["not-started", "in-progress", "delayed", "took-place", "done"]);
    expect(shownStatusKinds(scale, ["unknown"])).toContain("unknown");
    expect(shownStatusKinds(DEFAULT_STATUS_SCALE, [])).toEqual(["not-started", "in-progress", "took-place", "done"]);
    expect(shownStatusKinds(DEFAULT_STATUS_SCALE, ["delayed"])).toEqual([
      "not-started",
      "in-progress",
      "delayed",
      "took-place",
      "done",
    ]);
  });
});

describe("assertNever", () => {
  it("fails loudly for a kind that bypassed the types", () => {
    expect(() => formatStatus({ kind: "verschoben" } as unknown as Status)).toThrow();
    expect(() => assertNever({ kind: "verschoben" } as never, "Status")).toThrow(
      'Unbekannte Art von Status: {"kind":"verschoben"}.',
    );
  });
});
