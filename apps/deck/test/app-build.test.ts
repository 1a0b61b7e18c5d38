import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { removeAbandoned } from "../src/app-build.js";

const dir = mkdtempSync(join(tmpdir(), "deck-app-build-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("folders a killed compile left behind", () => {
  it("are removed when their process no longer runs; a running compile's folder and the app stay", () => {
    // A process that has ended: its id is free.
    const gone = spawnSync(process.execPath, ["-e", ""]).pid;
    const names = [".app", `.app.neu-${gone}`, `.app.alt-${gone}`, `.app.neu-${process.pid}`, ".app.neu-x", ".apple"];
    for (const n of names) mkdirSync(join(dir, n));
    removeAbandoned(join(dir, ".app"));
    expect(readdirSync(dir).sort()).toEqual([".app", ".app.neu-x", `.app.neu-${process.pid}`, ".apple"].sort());
  });

  it("does nothing when the folder around the app does not exist yet", () => {
    expect(() => removeAbandoned(join(dir, "fehlt", ".app"))).not.toThrow();
    expect(existsSync(join(dir, "fehlt"))).toBe(false);
  });
});
