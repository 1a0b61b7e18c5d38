import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { git } from "../../test/history-repo.js";
import {
  browserIdentity,
  Digest,
  historyDigest,
  isCurrent,
  listTree,
  readManifest,
  sha256,
  writeManifest,
} from "./build-cache.js";

const dir = mkdtempSync(join(tmpdir(), "build-cache-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A launcher script like Debian's /usr/bin/chromium: the same size whatever version it starts. */
function launcher(name: string, version: string): string {
  const path = join(dir, name);
  writeFileSync(path, `#!/bin/sh\necho "Chromium ${version} built on Debian"\n`);
  chmodSync(path, 0o755);
  return path;
}

describe("the browser's identity", () => {
  it("changes with the version the browser reports, though the launcher's size stays the same", () => {
    const before = launcher("chromium-alt", "156.0.8078.73");
    const after = launcher("chromium-neu", "157.0.8123.10");
    expect(statSync(before).size).toBe(statSync(after).size);
    expect(browserIdentity(before)).toBe(`${before}@Chromium 156.0.8078.73 built on Debian`);
    expect(browserIdentity(after)).toBe(`${after}@Chromium 157.0.8123.10 built on Debian`);
    expect(browserIdentity(undefined)).toBe("none");
  });
});

describe("digests", () => {
  it("depend on every file's path and bytes below a folder, not on where the folder is", () => {
    const a = join(dir, "a");
    const b = join(dir, "b");
    for (const root of [a, b]) {
      mkdirSync(join(root, "sub"), { recursive: true });
      writeFileSync(join(root, "eins.txt"), "1");
      writeFileSync(join(root, "sub", "zwei.txt"), "2");
    }
    const of = (root: string) => new Digest().tree("x", root).hex();
    expect(of(a)).toBe(of(b));
    writeFileSync(join(b, "sub", "zwei.txt"), "3");
    expect(of(a)).not.toBe(of(b));
    expect(listTree(a)).toEqual(["eins.txt", "sub/zwei.txt"]);
    expect(new Digest().tree("x", a, { skip: ["sub"] }).hex()).not.toBe(of(a));
  });

  it("tell a missing file from an empty one", () => {
    writeFileSync(join(dir, "leer.txt"), "");
    expect(new Digest().file("f", join(dir, "leer.txt")).hex()).not.toBe(
      new Digest().file("f", join(dir, "fehlt.txt")).hex(),
    );
  });
});

describe("manifests", () => {
  it("reuse a file only with the same key and the recorded bytes", () => {
    const file = join(dir, "out", "x.pdf");
    mkdirSync(join(dir, "out"), { recursive: true });
    writeFileSync(file, "pdf");
    const entry = { path: "x.pdf", pages: 1, bytes: 3, key: "k", sha256: sha256("pdf") };
    const manifest = join(dir, "out", ".manifest", "x.json");
    writeManifest(manifest, { stand: "Mai 2024", files: [entry] });
    const read = readManifest(manifest);
    expect(read?.files[0]).toEqual(entry);
    expect(isCurrent(read?.files[0], file, "k")).toBe(true);
    expect(isCurrent(read?.files[0], file, "anders")).toBe(false);
    writeFileSync(file, "PDF");
    expect(isCurrent(read?.files[0], file, "k")).toBe(false);
    expect(readManifest(join(dir, "gibt-es-nicht.json"))).toBeUndefined();
  });
});

describe("the history's digest (HISTORY_HASH of the root build)", () => {
  it("stays for a commit outside the content folder, changes for one inside it and with SEIT", () => {
    const repo = join(dir, "geschichte");
    const content = join(repo, "inhalt");
    mkdirSync(content, { recursive: true });
    const outside = historyDigest(content, {});
    expect(historyDigest(content, {})).toBe(outside);
    git(repo, ["init", "--quiet", "--initial-branch=main"]);
    writeFileSync(join(content, "concept.yaml"), "stand: 06/2024\n");
    git(repo, ["add", "--all"]);
    git(repo, ["commit", "--quiet", "-m", "Stand"]);
    const first = historyDigest(content, {});
    expect(first).not.toBe(outside);
    writeFileSync(join(repo, "NOTIZEN.md"), "nichts\n");
    git(repo, ["add", "--all"]);
    git(repo, ["commit", "--quiet", "-m", "Notizen"]);
    expect(historyDigest(content, {})).toBe(first);
    expect(historyDigest(content, { SEIT: "06/2024" })).not.toBe(first);
    writeFileSync(join(content, "concept.yaml"), "stand: 12/2024\n");
    git(repo, ["add", "--all"]);
    git(repo, ["commit", "--quiet", "-m", "Neuer Stand"]);
    expect(historyDigest(content, {})).not.toBe(first);
  });
});
