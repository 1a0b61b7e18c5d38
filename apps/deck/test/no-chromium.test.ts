/**
 * Without a browser the build says so in one line with the fix, builds the sites, exits 0, and writes no PDF
 * (so nothing incomplete can pass for complete; the root build keys turbo's cache on the browser, too).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { fixtureConcept, root } from "./support.js";

const dir = mkdtempSync(join(tmpdir(), "deck-no-chromium-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it("builds the site without PDF and tells how to get the PDFs", () => {
  const r = spawnSync(join(root, "node_modules", ".bin", "tsx"), ["scripts/build.ts"], {
    cwd: join(root, "apps", "deck"),
    env: {
      ...process.env,
      CHROMIUM_PATH: "/nicht/vorhanden/chromium",
      CONTENT_DIR: fixtureConcept("kleinstadt"),
      DECK_OUT_DIR: dir,
      DECK_VARIANTS: "kurz",
    },
    encoding: "utf8",
  });
  expect(r.status, r.stderr).toBe(0);
  const hints = r.stdout.split("\n").filter((l) => l.includes("Chromium"));
  expect(hints).toEqual([
    "Hinweis: Chromium nicht gefunden (/usr/bin/chromium oder CHROMIUM_PATH) – Websites gebaut, PDFs der Präsentationen fehlen. Abhilfe: apt-get install -y chromium",
  ]);
  expect(existsSync(join(dir, "kurz", "index.html"))).toBe(true);
  expect(existsSync(join(dir, "kurz.pdf"))).toBe(false);
  // Nor notes or a handout, which place the PDF's pages.
  expect(existsSync(join(dir, "kurz-notizen.pdf"))).toBe(false);
  expect(existsSync(join(dir, "kurz-handzettel.pdf"))).toBe(false);
});

it("keys the root build's cache on the browser, so a build without PDFs is not reused once it is installed", () => {
  const probe = (env: NodeJS.ProcessEnv) =>
    spawnSync(
      process.execPath,
      [join(root, "scripts", "turbo.mjs"), "build", "--dry=json", "--filter=@dus-opendata/deck"],
      {
        cwd: root,
        env: { ...process.env, ...env },
        encoding: "utf8",
      },
    );
  const hashOf = (out: string) => {
    const json = JSON.parse(out.slice(out.indexOf("{")));
    return json.tasks.find((t: { taskId: string }) => t.taskId === "@dus-opendata/deck#build").hash as string;
  };
  const without = probe({ CHROMIUM_PATH: "/nicht/vorhanden/chromium" });
  const withBrowser = probe({});
  expect(without.status, without.stderr).toBe(0);
  expect(hashOf(without.stdout)).not.toBe(hashOf(withBrowser.stdout));
});
