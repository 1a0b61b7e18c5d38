/**
 * `pnpm dev:flyers` keeps watching a file that an editor saves by replacing it (a new file renamed over the old one,
 * as `sed -i` and the „safe write“ of many editors do): every save is a rebuild, not only the first.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { watchFolders } from "../src/watch-folders.js";
import { appDir, removeDir, repoRoot, tempDir } from "./helpers.js";

const temps: string[] = [];
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill();
  for (const t of temps) removeDir(t);
});

/** Saves a file the way `sed -i` does: the new text into a file beside it, renamed over the old one. */
function replaceFile(path: string, edit: (text: string) => string) {
  const next = `${path}.tmp-${process.pid}`;
  writeFileSync(next, edit(readFileSync(path, "utf8")));
  renameSync(next, path);
}

const until = async (test: () => boolean, what: string, ms = 60_000) => {
  const t0 = Date.now();
  while (!test()) {
    if (Date.now() - t0 > ms) throw new Error(`Zeitüberschreitung: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe("watchFolders: every change below a folder, also of a file replaced again and again", () => {
  it.each([
    ["folders watched", false],
    ["polling", true],
  ])("%s: a file replaced twice is seen twice, and a file in a new folder", async (_, poll) => {
    const dir = tempDir("beobachten");
    temps.push(dir);
    mkdirSync(join(dir, "flyers"));
    const file = join(dir, "flyers", "a.yaml");
    writeFileSync(file, "title: Null\n");
    const seen: string[] = [];
    const w = watchFolders(dir, (p) => seen.push(p), { poll, pollMs: 50 });
    try {
      await new Promise((r) => setTimeout(r, poll ? 120 : 50));
      for (const title of ["Eins", "Zwei"]) {
        const before = seen.filter((p) => p === join("flyers", "a.yaml")).length;
        replaceFile(file, () => `title: ${title}\n`);
        await until(() => seen.filter((p) => p === join("flyers", "a.yaml")).length > before, `a.yaml ${title}`, 5000);
      }
      mkdirSync(join(dir, "neu"));
      await new Promise((r) => setTimeout(r, poll ? 120 : 50));
      writeFileSync(join(dir, "neu", "b.yaml"), "title: B\n");
      await until(() => seen.includes(join("neu", "b.yaml")), "neu/b.yaml", 5000);
    } finally {
      w.close();
    }
  });
});

describe("tsx src/cli.tsx watch", () => {
  it("baut nach jedem Ersetzen der Datei neu: zweimal ersetzt, zweimal gebaut", async () => {
    const content = tempDir("watch-inhalt");
    const out = tempDir("watch-out");
    temps.push(content, out);
    cpSync(join(repoRoot, "fixtures", "concepts", "kleinstadt"), content, { recursive: true });
    const child = spawn(process.execPath, ["scripts/flyer.mjs", "watch"], {
      cwd: appDir,
      env: { ...process.env, CONTENT_DIR: content, FLYER_OUT_DIR: out },
      stdio: ["ignore", "pipe", "pipe"],
    });
    children.push(child);
    let stdout = "";
    let stderr = "";
    child.stdout?.on("data", (d) => {
      stdout += d;
    });
    child.stderr?.on("data", (d) => {
      stderr += d;
    });
    const builds = () => stdout.split("\n").filter((l) => l.startsWith("Flyer fertig")).length;
    await until(() => stdout.includes("Beobachte "), `Start: ${stdout}${stderr}`);
    expect(builds()).toBe(1);

    const flyer = join(content, "flyers", "sprechstunde.yaml");
    for (const [n, title] of [
      [2, "Erste Fassung"],
      [3, "Zweite Fassung"],
    ] as const) {
      replaceFile(flyer, (y) => y.replace(/^title: .*$/m, `title: ${title}`));
      await until(() => builds() >= n, `Build ${n}: ${stdout}${stderr}`, 30_000);
      expect(
        stdout
          .split("\n")
          .filter((l) => l.startsWith("Flyer: "))
          .at(-1),
      ).toBe("Flyer: 1 von 2 neu zu setzen (sprechstunde)");
    }
    expect(stderr).toBe("");
    child.kill();
  }, 120_000);
});
