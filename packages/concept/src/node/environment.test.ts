import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CHROMIUM_CANDIDATES, findChromium, findRepoRoot, resolveContentDir } from "./environment.js";

const dir = mkdtempSync(join(tmpdir(), "environment-test-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("findRepoRoot", () => {
  it("finds the folder with pnpm-workspace.yaml above a given folder", () => {
    const root = findRepoRoot();
    expect(findRepoRoot(join(root, "packages", "concept", "src", "node"))).toBe(root);
    writeFileSync(join(dir, "pnpm-workspace.yaml"), "packages: []\n");
    expect(findRepoRoot(join(dir, "a", "b"))).toBe(dir);
  });
});

describe("resolveContentDir", () => {
  const root = "/repo";
  it.each([
    [{}, "/repo/content", "content"],
    [{ CONTENT_DIR: "  " }, "/repo/content", "content"],
    [
      { CONTENT_DIR: "fixtures/concepts/kleinstadt" },
      "/repo/fixtures/concepts/kleinstadt",
      "fixtures/concepts/kleinstadt",
    ],
    [{ CONTENT_DIR: "../entwurf" }, "/entwurf", "../entwurf"],
    [{ CONTENT_DIR: "/daten/konzept" }, "/daten/konzept", "/daten/konzept"],
    [{ CONTENT_DIR: "." }, "/repo", "."],
  ])("%j → %s, shown as %s", (env, abs, display) => {
    expect(resolveContentDir(env, root)).toEqual({ abs, display, root });
  });
});

describe("findChromium", () => {
  it("takes CHROMIUM_PATH when it exists, and then only that path", () => {
    const exe = join(dir, "chromium");
    writeFileSync(exe, "");
    expect(findChromium({ CHROMIUM_PATH: ` ${exe} ` })).toBe(exe);
    expect(findChromium({ CHROMIUM_PATH: join(dir, "gibt-es-nicht") })).toBeUndefined();
  });

  it("otherwise looks in the default places", () => {
    expect(findChromium({})).toBe(CHROMIUM_CANDIDATES.find((p) => existsSync(p)));
  });
});
