/**
 * The hardening corpus: one folder per broken content folder in test/fixtures/invalid/, each with an expected.txt
 * holding the exact problem lines `pnpm check` prints for it. Every case must end in exit 1 with exactly those
 * lines, once each, quickly, and never with a stack trace.
 *
 * After a deliberate change of messages: `UPDATE_EXPECTED=1 npx vitest run test/corpus.test.ts`, then read every
 * changed expected.txt (git diff) before committing it.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import {
  FIXTURES,
  fixture,
  fixtureCases,
  GENERATED_FILES,
  PACKAGE_DIR,
  problemLines,
  REPO_ROOT,
  runCli,
  summaryFor,
  UPDATE_EXPECTED,
  writeGenerated,
} from "./helpers.js";

const cases = fixtureCases("invalid");
const expectedPath = (name: string) => join(FIXTURES, "invalid", name, "expected.txt");
const readExpected = (name: string) =>
  readFileSync(expectedPath(name), "utf8")
    .split("\n")
    .filter((l) => l !== "");

/** `path:line:col  field  message`, the field without blanks, the message not empty. */
const PROBLEM_LINE = /^(\S[^:]*):(\d+):(\d+) {2}(\S+) {2}(\S.*)$/;

describe("hardening corpus", () => {
  it("has at least 40 cases, at least 35 of them committed in full", () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    const committed = cases.filter((name) => !(name in GENERATED_FILES));
    expect(committed.length).toBeGreaterThanOrEqual(35);
    for (const name of cases) expect(existsSync(expectedPath(name)), `${name}/expected.txt`).toBe(true);
  });

  it.each(cases)("%s: exit 1, exactly the expected problems, each once, no stack trace", (name) => {
    const cleanup = writeGenerated(name);
    try {
      const heapBefore = process.memoryUsage().heapUsed;
      const started = performance.now();
      const r = runCli(["check"], fixture("invalid", name));
      const elapsed = performance.now() - started;
      const heapGrowth = process.memoryUsage().heapUsed - heapBefore;
      const lines = problemLines(r.stderr);
      if (UPDATE_EXPECTED) writeFileSync(expectedPath(name), `${lines.join("\n")}\n`);
      const expected = readExpected(name);

      expect(r.code).toBe(1);
      expect(r.stdout).toBe("");
      expect(lines).toEqual(expected);
      expect(r.stderr).toBe(`${expected.join("\n")}\n\n${summaryFor(expected)}\n`);
      expect(new Set(lines).size).toBe(lines.length);
      expect(r.stderr).not.toMatch(/^ {4}at /m);
      for (const line of lines) {
        expect(line).toMatch(PROBLEM_LINE);
        expect(line.startsWith(`${fixture("invalid", name)}/`)).toBe(true);
      }
      expect(elapsed).toBeLessThan(10_000);
      expect(heapGrowth).toBeLessThan(256 * 1024 * 1024);
    } finally {
      cleanup();
    }
  });
});

/**
 * The cases built to exhaust time, stack or memory, once more as a real process (as `pnpm check` runs) with a small
 * heap: a crash, a hang or an out-of-memory abort would show here even where the test process survives.
 */
describe("hostile documents in a separate process with a 256 MB heap", () => {
  const tsx = pathToFileURL(createRequire(join(PACKAGE_DIR, "package.json")).resolve("tsx")).href;
  const cli = join(PACKAGE_DIR, "src", "cli.ts");
  it.each([
    "billion-laughs",
    "alias-flood",
    "deep-nesting",
    "deep-nesting-block",
    "deep-nesting-extreme",
    "file-over-1mb",
    "many-keys",
    "too-many-tokens",
  ])(
    "%s",
    (name) => {
      const cleanup = writeGenerated(name);
      try {
        const started = performance.now();
        const r = spawnSync(process.execPath, ["--max-old-space-size=256", "--import", tsx, cli, "check"], {
          cwd: REPO_ROOT,
          env: { ...process.env, CONTENT_DIR: fixture("invalid", name), NODE_OPTIONS: "" },
          encoding: "utf8",
          timeout: 30_000,
        });
        const elapsed = performance.now() - started;
        const expected = readExpected(name);
        expect(r.signal).toBeNull();
        expect(r.status).toBe(1);
        expect(r.stdout).toBe("");
        expect(r.stderr).toBe(`${expected.join("\n")}\n\n${summaryFor(expected)}\n`);
        expect(r.stderr).not.toMatch(/^ {4}at /m);
        expect(elapsed).toBeLessThan(15_000);
      } finally {
        cleanup();
      }
    },
    30_000,
  );
});
