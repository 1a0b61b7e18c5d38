import { describe, expect, it } from "vitest";
import { assertNever } from "../assert-never.js";
import {
  compareStatus,
  formatStatus,
  isCompleted,
  parseStatus,
  STATUS_DEFINITIONS,
  STATUS_EXAMPLES,
  STATUS_FORMS,
  STATUS_KINDS,
  STATUS_LABELS,
  STATUS_NOTATIONS,
  type Status,
} from "./status.js";

const FORMS =
  "Erlaubt sind „erledigt“, „in Arbeit“, „noch nicht begonnen“ oder „<Jahr> stattgefunden“ (z. B. „2018 stattgefunden“).";

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
  it("gives every kind a label that is read and written back, in the order of progress", () => {
    expect(STATUS_DEFINITIONS.map((d) => d.kind)).toEqual(STATUS_KINDS);
    for (const d of STATUS_DEFINITIONS) {
      const text = d.withYear ? `2020 ${d.label}` : d.label;
      expect(parsed(text).kind).toBe(d.kind);
      expect(formatStatus(parsed(text))).toBe(text);
      expect(isCompleted(parsed(text))).toBe(d.completed);
      expect(STATUS_LABELS[d.kind]).toBe(d.label);
      expect(STATUS_FORMS).toContain(d.withYear ? `„<Jahr> ${d.label}“` : `„${d.label}“`);
    }
  });

  it("lists the notations the furthest progress first, with examples for the JSON Schema", () => {
    expect(STATUS_NOTATIONS).toEqual(["erledigt", "in Arbeit", "noch nicht begonnen", "<Jahr> stattgefunden"]);
    expect(STATUS_EXAMPLES).toEqual(["erledigt", "in Arbeit", "noch nicht begonnen", "2018 stattgefunden"]);
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
