/**
 * A maintainer sets a new Stand and changes three statuses, in a content folder with a git history (a temporary
 * repository: three Stände, every kind of change, a renamed Maßnahme, a removed Baustein, uncommitted edits): the
 * build shows the changes on the slides „Seit dem letzten Stand (…)“ and „Verlauf“ (read from the built deck's data
 * and from its PDF) and in the Sachstandsbericht; a commit that changes no content rebuilds nothing (the apps reuse
 * every output, the root build's history digest stays the same); the result is byte for byte a build from scratch.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { historyDigest } from "@dus-opendata/concept/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { git, klimaHistory, removeTemps } from "../../concept/test/history-repo.js";
import { buildAll, type Run, root } from "../src/build-outputs.js";
import { filesBelow, requireChromium, tempDir } from "./support.js";

const enabled = requireChromium();
const dir = tempDir("verlauf");
const out = join(dir, "ausgaben");
const env = { DECK_VARIANTS: "bericht" };
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  removeTemps();
});

let h: ReturnType<typeof klimaHistory>;
const ok = (r: { decks: Run; flyers: Run }) => {
  expect(r.decks.stderr).toBe("");
  expect(r.decks.status).toBe(0);
  expect(r.flyers.stderr).toBe("");
  expect(r.flyers.status).toBe(0);
};
const build = (to = out) => buildAll({ content: h.repo.content, out: to, env });
const pdfText = (file: string) => execFileSync("pdftotext", [file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");

let first: { decks: Run; flyers: Run };
beforeAll(async () => {
  if (!enabled) return;
  mkdirSync(join(dir, "repo"));
  h = klimaHistory(join(dir, "repo"));
  // Uncommitted: a new Stand, three statuses, a renamed Maßnahme, and the variant that shows the changes.
  h.repo
    .write(
      "decks/bericht.yaml",
      "occasion: Sitzung des Umweltausschusses\nsections: [title, changes, status, closing]\n",
    )
    .stand("06/2025")
    .measure(h.files.verwaltung, "hitzekarte", "title", "Neue Hitzekarte")
    .measure(h.files.verwaltung, "hitzekarte", "status", "erledigt")
    .measure(h.files.buerger, "mitmachtag", "status", "erledigt")
    .measure(h.files.hochschule, "klimawerkstatt", "status", "in Arbeit");
  first = await build();
}, 600_000);

describe.skipIf(!enabled)("the changes since the previous Stand in the built outputs", () => {
  it("the deck: „Seit dem letzten Stand (Januar 2025)“ with the summary first, then each change; the Verlauf", () => {
    ok(first);
    const data = JSON.parse(readFileSync(join(out, "decks", "bericht", "deck-data.json"), "utf8"));
    const changes = data.slides.filter((s: { kind: string }) => s.kind === "changes");
    expect(changes.map((s: { title: string }) => s.title)).toEqual(["Seit dem letzten Stand (Januar 2025)"]);
    const text = pdfText(join(out, "decks", "bericht.pdf"));
    const at = text.indexOf("Seit dem letzten Stand (Januar 2025)");
    expect(at).toBeGreaterThan(0);
    const slide = text.slice(at);
    expect(slide).toMatch(
      /^Seit dem letzten Stand \(Januar 2025\) Seit dem letzten Bericht erledigt: 2, Status geändert: 1 /,
    );
    for (const line of [
      "Neue Hitzekarte (früher: Hitzekarte für die Stadtplanung): in Arbeit → erledigt",
      "Mitmachtag: noch nicht begonnen → erledigt",
      "Klimawerkstatt: noch nicht begonnen → in Arbeit",
    ])
      expect(slide).toContain(line);
    expect(text).toMatch(/Verlauf .*06\/2024 5 6 2 4 17 01\/2025 6 4 2 4 16 06\/2025 \(aktuell\) 4 4 2 6 16/);
    // The presenter notes of the changes slide.
    expect(changes[0].notes[0]).toBe(
      "Seit dem letzten Bericht wurden 2 Maßnahmen erledigt und 1 Maßnahme hat einen anderen Status.",
    );
  });

  it("the Sachstandsbericht: the same changes, published beside the flyers", () => {
    const text = pdfText(join(out, "bericht", "sachstandsbericht.pdf"));
    expect(text).toContain("Seit dem letzten Stand (Januar 2025)");
    expect(text).toContain("Mitmachtag: noch nicht begonnen → erledigt");
    const manifest = JSON.parse(readFileSync(join(out, "bericht", ".manifest", "bericht.json"), "utf8"));
    expect(manifest.stand).toBe("Juni 2025");
    expect(manifest.files.map((f: { path: string }) => f.path)).toEqual(["sachstandsbericht.pdf"]);
  });

  it("a commit that changes no content rebuilds nothing; committing the current Stand neither", async () => {
    const digest = historyDigest(h.repo.content, {});
    writeFileSync(join(h.repo.root, "NOTIZEN.md"), "außerhalb der Inhalte\n");
    // Only the file outside the content folder: the edits in it stay uncommitted.
    git(h.repo.root, ["add", "NOTIZEN.md"]);
    git(h.repo.root, ["commit", "--quiet", "-m", "Notizen"], "2025-06-02T12:00:00+01:00");
    expect(git(h.repo.root, ["status", "--porcelain"])).not.toBe("");
    expect(historyDigest(h.repo.content, {})).toBe(digest);
    const again = await build();
    ok(again);
    expect(again.decks.stdout).toContain("Präsentation bericht: PDF unverändert");
    expect(again.flyers.stdout).toContain("Sachstandsbericht: unverändert");
    expect(again.flyers.stdout).not.toMatch(/neu zu setzen/);
    h.repo.commit("Stand Juni 2025", "2025-06-10");
    const committed = await build();
    ok(committed);
    expect(committed.decks.stdout).toContain("Präsentation bericht: PDF unverändert");
    expect(committed.flyers.stdout).toContain("Sachstandsbericht: unverändert");
  }, 600_000);

  it("pnpm build with SEIT naming a Stand that does not exist: exit 2 before anything is built, the Stände listed", () => {
    const outDir = join(dir, "seit-falsch");
    const r = spawnSync(process.execPath, ["scripts/turbo.mjs", "build"], {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, CONTENT_DIR: h.repo.content, OUT_DIR: outDir, SEIT: "03/2019" },
    });
    expect(r.stderr).toBe(
      `SEIT=03/2019: Den Stand „03/2019“ gibt es in der Geschichte von ${h.repo.content} nicht, auch keine Revision dieses Namens. Vorhanden sind: 06/2025, 01/2025, 06/2024.\n` +
        `Der Build wurde nicht gestartet; die bisherigen Ausgaben in ${relative(root, outDir).startsWith("..") ? outDir : relative(root, outDir)}/ bleiben unverändert.\n`,
    );
    expect(r.status).toBe(2);
    expect(existsSync(outDir)).toBe(false);
  }, 120_000);

  it("byte for byte the outputs of a build from scratch", async () => {
    const scratch = join(dir, "neu");
    ok(await build(scratch));
    const x = filesBelow(out);
    const y = filesBelow(scratch);
    expect([...x.keys()].sort()).toEqual([...y.keys()].sort());
    expect([...x.keys()].filter((k) => !x.get(k)?.equals(y.get(k) as Buffer))).toEqual([]);
  }, 600_000);
});
