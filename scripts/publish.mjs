#!/usr/bin/env node
/**
 * `node scripts/publish.mjs <Zielordner>`: what a pipeline runs to publish the outputs (GitLab Pages: `public`,
 * GitHub Pages: `_site`). It checks the content, builds everything, checks the outputs' accessibility, and only when
 * all of that passed assembles the site in the target folder: the overview page and every output, without the
 * build's own files. Any failure ends with exit 1 and the German messages, and the target folder is not touched,
 * so the last published site stays.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";
import { listTree } from "../packages/concept/src/node/build-cache.js";
import { findRepoRoot } from "../packages/concept/src/node/environment.js";

const root = findRepoRoot();
const given = process.argv[2];
if (!given || process.argv.length > 3) {
  process.stderr.write("Aufruf: node scripts/publish.mjs <Zielordner>   (GitLab Pages: public, GitHub Pages: _site)\n");
  process.exit(2);
}
const target = isAbsolute(given) ? given : resolve(root, given);
const outGiven = process.env.OUT_DIR?.trim() || "out";
const out = isAbsolute(outGiven) ? outGiven : resolve(root, outGiven);
const say = (line) => process.stdout.write(`${line}\n`);

function step(title, args) {
  say(`\n== ${title}`);
  const run = spawnSync("pnpm", args, { cwd: root, stdio: "inherit", env: process.env });
  if (run.status !== 0) {
    process.stderr.write(
      `\nNicht veröffentlicht: „${title}“ ist fehlgeschlagen (Meldungen oben). Die zuletzt veröffentlichte Website bleibt, wie sie ist.\n`,
    );
    process.exit(1);
  }
}

step("Inhalte prüfen", ["check"]);
step("Alles erzeugen", ["build"]);
step("Barrierefreiheit prüfen", ["a11y"]);

// The site: everything in OUT_DIR but the build's own files (manifests, folders starting with a dot).
const own = (rel) => rel.split("/").some((part) => part.startsWith("."));
const files = listTree(out).filter((rel) => !own(rel));
const next = join(dirname(target), `.${target.split(/[\\/]/).at(-1)}-neu-${process.pid}`);
rmSync(next, { recursive: true, force: true });
for (const rel of files) {
  mkdirSync(dirname(join(next, rel)), { recursive: true });
  cpSync(join(out, rel), join(next, rel));
}
const old = `${next}-alt`;
if (existsSync(target)) renameSync(target, old);
renameSync(next, target);
rmSync(old, { recursive: true, force: true });
const bytes = files.reduce((n, rel) => n + statSync(join(target, rel)).size, 0);
const shown = relative(root, target) || ".";
say(
  `\nWebsite für die Veröffentlichung in ${shown}/: ${files.length} Dateien, ${(bytes / 1024 / 1024).toLocaleString("de-DE", { maximumFractionDigits: 1 })} MB; Einstieg ${shown}/index.html (${readdirSync(target).length} Einträge oben).`,
);
