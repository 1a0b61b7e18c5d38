/**
 * Exhaustive by construction: a kind added to a copy of a schema (a deck section, a slide kind, a Baustein part, a
 * flyer section, a status, a notation of Datum (Plan)) makes the typecheck fail, and the failure names the place to
 * extend — never a kind that compiles and silently yields nothing. Each edit is typechecked in a copy of the
 * repository, the packages that consume the concept reading its sources (so that a broken concept still lets them
 * be checked).
 */
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { root } from "../src/build-outputs.js";
import { sandboxRepo } from "../src/sandbox.js";
import { tempDir } from "./support.js";

const dir = tempDir("vollstaendig");
const repo = sandboxRepo(join(dir, "repo"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The projects that are typechecked, each with the concept's sources in place of its build. */
const PROJECTS = {
  concept: { dir: "packages/concept", bin: "node_modules/.bin/tsc" },
  brand: { dir: "packages/brand", bin: "node_modules/.bin/tsc" },
  deck: { dir: "apps/deck", bin: "apps/deck/node_modules/.bin/vue-tsc" },
  flyer: { dir: "apps/flyer", bin: "node_modules/.bin/tsc" },
} as const;
type Project = keyof typeof PROJECTS;

for (const [name, p] of Object.entries(PROJECTS)) {
  if (name === "concept") continue;
  writeFileSync(
    join(repo, p.dir, "tsconfig.sources.json"),
    JSON.stringify({
      extends: "./tsconfig.json",
      compilerOptions: {
        paths: {
          "@dus-opendata/concept": ["../../packages/concept/src/index.ts"],
          "@dus-opendata/concept/node": ["../../packages/concept/src/node.ts"],
        },
      },
    }),
  );
}

function typecheck(project: Project): string {
  const p = PROJECTS[project];
  const config = project === "concept" ? "tsconfig.json" : "tsconfig.sources.json";
  const run = spawnSync(join(root, p.bin), ["--noEmit", "-p", config], { cwd: join(repo, p.dir), encoding: "utf8" });
  return `${run.status}\n${run.stdout}${run.stderr}`;
}

/** Applies an edit to a file of the copy, runs `check`, and restores the file. */
function withEdit(file: string, from: string, to: string, check: () => void) {
  const path = join(repo, file);
  const before = readFileSync(path, "utf8");
  expect(before, `${file} enthält die Stelle der Änderung nicht mehr`).toContain(from);
  writeFileSync(path, before.replace(from, to));
  try {
    check();
  } finally {
    writeFileSync(path, before);
  }
}

/** The typecheck fails, and names every place to extend (file and the line of the switch's assertNever). */
function expectFailsAt(output: string, places: string[]) {
  expect(output.split("\n")[0], output).not.toBe("0");
  for (const place of places) expect(output, `keine Meldung für ${place}:\n${output}`).toMatch(new RegExp(place));
}

describe("a new kind in a schema fails the typecheck where it must be handled", () => {
  it("passes without an edit (the copy and its configuration are sound)", () => {
    for (const p of Object.keys(PROJECTS) as Project[]) expect(typecheck(p).split("\n")[0], p).toBe("0");
  }, 300_000);

  it("a deck section", () => {
    withEdit(
      "packages/concept/src/schemas/deck-variant.ts",
      '"status", "closing"] as const',
      '"status", "closing", "neu"] as const',
      () => expectFailsAt(typecheck("concept"), ["src/deck/resolve-deck\\.ts\\(\\d+,\\d+\\): error"]),
    );
  }, 120_000);

  it("a part of a Baustein's slides", () => {
    withEdit(
      "packages/concept/src/schemas/deck-variant.ts",
      '"chances-risks"] as const',
      '"chances-risks", "neu"] as const',
      () => expectFailsAt(typecheck("concept"), ["src/deck/resolve-deck\\.ts\\(\\d+,\\d+\\): error"]),
    );
  }, 120_000);

  it("a slide kind: its headings and its component", () => {
    withEdit(
      "packages/concept/src/deck/records.ts",
      '    | { kind: "status"; kicker: string; heading: string; timeline: Timeline }',
      '    | { kind: "status"; kicker: string; heading: string; timeline: Timeline }\n    | { kind: "neu"; heading: string }',
      () => {
        expectFailsAt(typecheck("concept"), ["src/deck/headings\\.ts\\(\\d+,\\d+\\): error"]);
        expectFailsAt(typecheck("deck"), ["components/ConceptSlide\\.vue\\(\\d+,\\d+\\): error"]);
      },
    );
  }, 180_000);

  it("a flyer section: its references, its selections and the flyer's preparation", () => {
    withEdit(
      "packages/concept/src/schemas/flyer.ts",
      'export const flyerSectionSchema = z.discriminatedUnion("type", [',
      'export const flyerSectionSchema = z.discriminatedUnion("type", [\n  z.strictObject({ type: z.literal("neu"), ...common }),',
      () => {
        expectFailsAt(typecheck("concept"), [
          "src/model\\.ts\\(\\d+,\\d+\\): error",
          "src/flyer-selections\\.ts\\(\\d+,\\d+\\): error",
        ]);
        expectFailsAt(typecheck("flyer"), ["src/prepare-flyer\\.ts\\(\\d+,\\d+\\): error"]);
      },
    );
  }, 180_000);

  it("a status kind: its colour in the brand", () => {
    withEdit(
      "packages/concept/src/notation/status.ts",
      '  { kind: "unknown", key: "unbekannt", label: "ohne Angabe", completed: false, overdue: false },',
      '  { kind: "unknown", key: "unbekannt", label: "ohne Angabe", completed: false, overdue: false },\n  { kind: "neu", key: "neu", label: "neu", completed: false, overdue: false },',
      () => expectFailsAt(typecheck("brand"), ["src/tokens\\.ts\\(\\d+,\\d+\\): error"]),
    );
  }, 120_000);

  it("a notation of Datum (Plan): formatting, sorting, deadline and the timeline's bars", () => {
    withEdit(
      "packages/concept/src/notation/plan-date.ts",
      '  | { kind: "unscheduled" };',
      '  | { kind: "unscheduled" }\n  | { kind: "neu" };',
      () =>
        expectFailsAt(typecheck("concept"), [
          "src/notation/plan-date\\.ts\\(\\d+,\\d+\\): error",
          "src/deck/timeline\\.ts\\(\\d+,\\d+\\): error",
        ]),
    );
  }, 120_000);
});
