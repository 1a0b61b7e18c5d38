/**
 * Publishing from CI: the one script both pipelines run (scripts/publish.mjs), on a copy of the repository, and the
 * two pipeline files, checked against their published schemas (GitLab's ci.json as gitlab-ci-local ships it,
 * GitHub's workflow schema in @actions/workflow-parser).
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { NoOperationTraceWriter, parseWorkflow } from "@actions/workflow-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { root } from "../src/build-outputs.js";
import { sandboxRepo } from "../src/sandbox.js";
import { requireChromium, tempDir } from "./support.js";

const enabled = requireChromium();
const dir = tempDir("veroeffentlichen");
let repo = "";
let content = "";
const publish = (target: string) =>
  spawnSync("node", ["scripts/publish.mjs", target], {
    cwd: repo,
    env: { ...process.env, CONTENT_DIR: content, TURBO_TELEMETRY_DISABLED: "1" },
    encoding: "utf8",
  });

beforeAll(() => {
  if (!enabled) return;
  repo = sandboxRepo(join(dir, "repo"));
  content = join(dir, "inhalte");
  cpSync(join(repo, "fixtures", "concepts", "lange-namen"), content, { recursive: true });
}, 600_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!enabled)("the publish script", () => {
  it("checks, builds, checks accessibility and assembles the site: the overview page and every output, nothing of the build's own", () => {
    const run = publish("public");
    expect(run.status, run.stderr).toBe(0);
    for (const step of ["== Inhalte prüfen", "== Alles erzeugen", "== Barrierefreiheit prüfen"])
      expect(run.stdout).toContain(step);
    expect(run.stdout).toMatch(
      /Website für die Veröffentlichung in public\/: \d+ Dateien, [\d,]+ MB; Einstieg public\/index\.html/,
    );
    const site = join(repo, "public");
    const html = readFileSync(join(site, "index.html"), "utf8");
    const links = [...html.matchAll(/<a href="([^"]+)"/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThan(4);
    for (const l of links) {
      expect(l).not.toMatch(/^(\/|https?:)/);
      expect(existsSync(join(site, l)), l).toBe(true);
    }
    expect(readdirSync(join(site, "decks")).some((f) => f.startsWith("."))).toBe(false);
    expect(existsSync(join(site, "flyers", ".manifest"))).toBe(false);
  }, 900_000);

  it("fails on a content error with the German messages and leaves the last published site as it was", () => {
    const before = readFileSync(join(repo, "public", "index.html"), "utf8");
    const b = join(content, "bausteine", readdirSync(join(content, "bausteine")).sort()[0]!);
    writeFileSync(b, readFileSync(b, "utf8").replace(/status: erledigt/, "status: erldigt"));
    const run = publish("public");
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/„erldigt“ ist kein gültiger Status\. .* Meinten Sie „erledigt“\?/);
    expect(run.stderr).toContain(
      "Nicht veröffentlicht: „Inhalte prüfen“ ist fehlgeschlagen (Meldungen oben). Die zuletzt veröffentlichte Website bleibt, wie sie ist.",
    );
    expect(readFileSync(join(repo, "public", "index.html"), "utf8")).toBe(before);
  }, 300_000);
});

describe("the pipeline files", () => {
  it("GitLab: valid against GitLab's CI schema, the whole history, one script, the site in public", () => {
    const check = join(dir, "gitlab");
    mkdirSync(check, { recursive: true });
    cpSync(join(root, ".gitlab-ci.yml"), join(check, ".gitlab-ci.yml"));
    const git = (...args: string[]) => spawnSync("git", args, { cwd: check, encoding: "utf8" });
    git("init", "-q", "-b", "main");
    git("-c", "user.email=ci@example.org", "-c", "user.name=CI", "commit", "-q", "--allow-empty", "-m", "Probe");
    const run = spawnSync(join(root, "packages", "e2e", "node_modules", ".bin", "gitlab-ci-local"), ["--list-all"], {
      cwd: check,
      encoding: "utf8",
    });
    expect(`${run.stdout}${run.stderr}`).not.toContain("Invalid .gitlab-ci.yml");
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stdout + run.stderr).toContain("json schema validated");
    expect(run.stdout).toMatch(/^pages +deploy +on_success/m);
    expect(run.stdout).toMatch(/^pruefen +test /m);
    const ci = parse(readFileSync(join(root, ".gitlab-ci.yml"), "utf8"));
    expect(ci.variables.GIT_DEPTH).toBe("0");
    expect(ci.pages.script).toEqual(["node scripts/publish.mjs public"]);
    expect(ci.pages.artifacts.paths).toEqual(["public"]);
    expect(ci[".erzeugen"].image).toMatch(/^node:24-/);
  });

  it("GitHub: valid against GitHub's workflow schema, the whole history, one script, the site uploaded for Pages", () => {
    const content = readFileSync(join(root, ".github", "workflows", "pages.yml"), "utf8");
    const parsed = parseWorkflow({ name: "pages.yml", content }, new NoOperationTraceWriter());
    expect(parsed.context.errors.getErrors().map((e) => e.message)).toEqual([]);
    const wf = parse(content);
    const steps = wf.jobs.erzeugen.steps as { uses?: string; run?: string; with?: Record<string, unknown> }[];
    expect(steps.find((s) => s.uses?.startsWith("actions/checkout"))?.with?.["fetch-depth"]).toBe(0);
    expect(steps.some((s) => s.run === "node scripts/publish.mjs _site")).toBe(true);
    expect(steps.find((s) => s.uses?.startsWith("actions/upload-pages-artifact"))?.with?.path).toBe("_site");
    expect(wf.jobs.veroeffentlichen.steps[0].uses).toMatch(/^actions\/deploy-pages@/);
    expect(wf.permissions).toEqual({ contents: "read", pages: "write", "id-token": "write" });
  });
});
