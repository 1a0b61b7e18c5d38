/**
 * A build that fails leaves out/ byte for byte as it was: the apps build into the build area, and only a build in
 * which every app succeeded is published to out/. Run with `pnpm build` in a copy of the repository (its own out/,
 * its own turbo cache), first with good content, then with a flyer that cannot fit.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sandboxRepo } from "../src/sandbox.js";
import { requireChromium, tempDir } from "./support.js";

const enabled = requireChromium();
const dir = tempDir("fehlschlag");
let repo = "";

function snapshot(folder: string): Record<string, string> {
  const all: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else all[relative(folder, p)] = readFileSync(p).toString("base64");
    }
  };
  if (existsSync(folder)) walk(folder);
  return all;
}

const pnpmBuild = (content: string) =>
  spawnSync("node", ["scripts/turbo.mjs", "build"], {
    cwd: repo,
    env: { ...process.env, CONTENT_DIR: content, TURBO_TELEMETRY_DISABLED: "1" },
    encoding: "utf8",
  });

beforeAll(() => {
  if (enabled) repo = sandboxRepo(join(dir, "repo"));
}, 600_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!enabled)("a failed build", () => {
  it("leaves out/ byte for byte as it was, with no temporary files", () => {
    const content = join(repo, "fixtures", "concepts", "kleinstadt");
    const good = pnpmBuild(content);
    expect(good.status, good.stderr).toBe(0);
    const before = snapshot(join(repo, "out"));
    expect(Object.keys(before).some((f) => f.endsWith(".pdf"))).toBe(true);

    // A flyer whose text cannot fit on its page: the decks build, the flyers fail.
    const flyer = readdirSync(join(content, "flyers"))[0]!;
    const file = join(content, "flyers", flyer);
    writeFileSync(
      file,
      `${readFileSync(file, "utf8")}\n  - type: text\n    title: Zu viel\n    place: 1\n    points:\n${Array.from({ length: 80 }, (_, i) => `      - "Punkt ${i + 1} – ein Satz, der Platz braucht und den Platz der Seite übersteigt."`).join("\n")}\n`,
    );
    // The deck changes too, so that its app would have new outputs to publish.
    const bausteine = join(content, "bausteine");
    const b = join(bausteine, readdirSync(bausteine)[0]!);
    writeFileSync(b, readFileSync(b, "utf8").replace(/status: erledigt/, "status: in Arbeit"));

    const bad = pnpmBuild(content);
    expect(bad.status).toBe(1);
    expect(bad.stderr + bad.stdout).toContain("Zu viel");
    expect(snapshot(join(repo, "out"))).toEqual(before);
    const leftovers = [...readdirSync(join(repo, "out")), ...readdirSync(join(repo, ".build"))].filter((f) =>
      /neu|alt|publish|tmp/.test(f),
    );
    expect(leftovers).toEqual([]);
  });
});
