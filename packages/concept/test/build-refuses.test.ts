/**
 * `pnpm build` on broken content: for every case of the hardening corpus it exits 1 with exactly the problems
 * `pnpm check` reports, without a stack trace, and leaves out/ byte for byte as it was.
 * (turbo runs this after the deck and flyer builds, so out/ holds real outputs while it runs.)
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixture, fixtureCases, problemLines, REPO_ROOT, writeGenerated } from "./helpers.js";

const OUT = join(REPO_ROOT, "out");
const cases = fixtureCases("invalid");

/** Path → SHA-256 of every file in out/ (empty when out/ does not exist yet). */
function snapshot(dir = OUT): Map<string, string> {
  const files = new Map<string, string>();
  if (!existsSync(dir)) return files;
  const walk = (d: string) => {
    for (const e of readdirSync(d)) {
      const p = join(d, e);
      if (statSync(p).isDirectory()) walk(p);
      else files.set(relative(OUT, p), createHash("sha256").update(readFileSync(p)).digest("hex"));
    }
  };
  walk(dir);
  return files;
}

let before: Map<string, string>;
beforeAll(() => {
  before = snapshot();
});
afterAll(() => {
  // Every case together: still nothing changed.
  expect(snapshot()).toEqual(before);
});

describe("pnpm build refuses broken content", () => {
  it.each(cases)(
    "%s: exit 1, the problems of pnpm check, out/ unchanged",
    (name) => {
      const cleanup = writeGenerated(name);
      try {
        const dir = fixture("invalid", name);
        const expected = readFileSync(join(REPO_ROOT, dir, "expected.txt"), "utf8")
          .split("\n")
          .filter(Boolean);
        const r = spawnSync(process.execPath, [join(REPO_ROOT, "scripts", "turbo.mjs"), "build"], {
          cwd: REPO_ROOT,
          env: { ...process.env, CONTENT_DIR: dir, CI: "" },
          encoding: "utf8",
          timeout: 60_000,
        });
        expect(r.status, r.stderr).toBe(1);
        expect(problemLines(r.stderr)).toEqual(expected);
        expect(r.stderr).toContain(
          "Der Build wurde nicht gestartet; die bisherigen Ausgaben in out/ bleiben unverändert.",
        );
        expect(r.stderr).not.toMatch(/^ {4}at /m);
        expect(r.stdout).toBe("");
        expect(snapshot()).toEqual(before);
      } finally {
        cleanup();
      }
    },
    60_000,
  );
});
