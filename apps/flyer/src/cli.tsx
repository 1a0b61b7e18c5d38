#!/usr/bin/env node
/**
 * `build`: renders every flyer of the content folder into out/flyers (screen and print PDF), and the
 *   Sachstandsbericht into out/bericht (BERICHT_OUT_DIR; not when only FLYER_OUT_DIR is given).
 * `check`: everything `build` checks, writing nothing: the content, then the layout of every flyer whose files in
 *   out/flyers are not current (the root `pnpm check` runs it beside the check of the content).
 * `watch`: the same as `build` on every change of the content or the brand, in one warm process.
 * `preview`: renders single flyers on request, for the browser editor's preview (apps/redaktion starts it as a
 *   process of its own and keeps it warm): one JSON request per line on stdin, `{ "id", "flyer", "out" }`, answered
 *   by one JSON line on stdout, `{ "id", "ok": true, "pages" }` with the screen PDF written to `out`, or
 *   `{ "id", "ok": false, "message" }` with the German message of the loader or of the layout.
 * Exit codes: 0 ok, 1 content errors or a flyer that does not fit (every other flyer is written all the same),
 * 2 wrong usage.
 */
import { existsSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { type Concept, joinGerman } from "@dus-opendata/concept";
import { ContentError, findRepoRoot, resolveContentDir } from "@dus-opendata/concept/node";
import type { BuildEvent, BuiltFlyer } from "./build-flyers.js";
import type { Brand } from "./styles.js";
import { watchFolders } from "./watch-folders.js";

// React's development build checks every element: not needed to print PDFs. Set before React is loaded.
process.env.NODE_ENV ??= "production";

// The build loads react-pdf (most of a second) only when a flyer has to be rendered.
const loadBuild = () => import("./build-flyers.js");

const USAGE = `Aufruf:
  tsx src/cli.tsx build   alle Flyer als PDF nach out/flyers schreiben (Bildschirm und Druck)
  tsx src/cli.tsx check   alles prüfen, was build prüft (Inhalte, Satz jedes Flyers), ohne zu schreiben
  tsx src/cli.tsx watch   dasselbe bei jeder Änderung an Inhalten oder Marke erneut
  tsx src/cli.tsx preview einzelne Flyer auf Anfrage setzen (für den Editor: JSON-Zeilen auf stdin und stdout)
Der Inhaltsordner kommt aus CONTENT_DIR (Standard: content).`;

const de = (n: number, digits = 1) => n.toLocaleString("de-DE", { maximumFractionDigits: digits });

const KIND = { screen: "Bildschirm", print: "Druck (Beschnitt 3 mm, Schnitt- und Falzmarken)" } as const;

/**
 * Prints the build as it goes: what has to be rendered, then one line per file of each rendered flyer (with the
 * time it took), one line per unchanged flyer and one per flyer that failed; at the end how long it all took. The
 * problems of the flyers that failed go to stderr, with a line naming every flyer that is not up to date.
 */
function createReporter(t0: number) {
  let width = 0;
  const out = (line: string) => process.stdout.write(`${line}\n`);
  const onEvent = (e: BuildEvent) => {
    if (e.kind === "plan") {
      const all = [...e.render, ...e.unchanged];
      width = Math.max(0, ...e.paths.map((p) => p.length));
      if (e.render.length)
        out(
          `Flyer: ${e.render.length === all.length ? "alle" : `${e.render.length} von ${all.length}`} neu zu setzen (${e.render.join(", ")})`,
        );
      return;
    }
    const f = e.flyer;
    if (f.status === "unchanged") {
      out(`  ${f.id}: unverändert (${f.files.map((w) => w.path).join(", ")})`);
      return;
    }
    if (f.status === "failed") {
      out(`  ${f.id}: nicht gesetzt, ${f.files.length ? "die bisherigen PDFs bleiben unverändert" : "noch ohne PDF"}`);
      return;
    }
    f.files.forEach((w, i) => {
      const took = i === 0 ? `  gesetzt in ${de((f.ms ?? 0) / 1000)} s` : "";
      out(
        `  ${w.path.padEnd(width)}  ${w.pages} ${w.pages === 1 ? "Seite " : "Seiten"}  ${de(w.bytes / 1024).padStart(6)} kB  ${KIND[w.kind]}${took}`,
      );
    });
    for (const o of f.omissions) out(`    Hinweis: ${o}, damit alles Platz hat.`);
  };
  /** The summary line, then the problems of the flyers that failed; false when one did. */
  const done = (built: BuiltFlyer[]): boolean => {
    const count = (status: BuiltFlyer["status"]) => built.filter((f) => f.status === status).length;
    const failed = built.filter((f) => f.status === "failed");
    out(
      `Flyer fertig (${de((performance.now() - t0) / 1000)} s): ${count("rendered")} neu gesetzt, ${count("unchanged")} unverändert${failed.length ? `, ${failed.length} nicht aktuell` : ""}.`,
    );
    if (!failed.length) return true;
    const problems = failed.flatMap((f) => f.problems ?? []);
    if (problems.length) reportError(new ContentError(problems));
    for (const f of failed)
      if (f.error !== undefined)
        process.stderr.write(
          `Unerwarteter Fehler beim Setzen von „${f.id}“:\n${f.error instanceof Error ? f.error.stack : String(f.error)}\n`,
        );
    const named = failed.map(
      (f) => `„${f.id}“ (${f.files.length ? "die bisherigen PDFs bleiben unverändert" : "noch ohne PDF"})`,
    );
    process.stderr.write(`Nicht aktuell: ${joinGerman(named)}; alle anderen Flyer sind geschrieben.\n`);
    return false;
  };
  return { onEvent, done };
}

/** Content mistakes and flyers that do not fit: one line per problem, no stack trace. */
function reportError(e: unknown): void {
  if (e instanceof ContentError) {
    process.stderr.write(`${e.message}\n\n${e.summary}\n`);
    return;
  }
  process.stderr.write(`Unerwarteter Fehler beim Erzeugen der Flyer:\n${e instanceof Error ? e.stack : String(e)}\n`);
}

async function build(): Promise<number> {
  const reporter = createReporter(performance.now());
  try {
    const { buildFlyers } = await loadBuild();
    let loaded: { concept: Concept; code: string } | undefined;
    const flyersOk = reporter.done(
      await buildFlyers({ onEvent: reporter.onEvent, onConcept: (concept, code) => (loaded = { concept, code }) }),
    );
    // The Sachstandsbericht: a transaction of its own, from the same concept. Into BERICHT_OUT_DIR, or out/bericht
    // when no output folder is named at all; a build that names only FLYER_OUT_DIR (tests, tools) makes flyers only.
    const wanted = process.env.BERICHT_OUT_DIR !== undefined || process.env.FLYER_OUT_DIR === undefined;
    const reportOk = loaded && wanted ? await report(loaded.concept, loaded.code) : true;
    return flyersOk && reportOk ? 0 : 1;
  } catch (e) {
    reportError(e);
    if (e instanceof ContentError) process.stderr.write("Die bisherigen PDFs in out/flyers bleiben unverändert.\n");
    return 1;
  }
}

/** Builds the Sachstandsbericht and prints one line about it (and why it shows no changes, if so). */
async function report(concept: Concept, code: string): Promise<boolean> {
  const { buildReport, SeitError } = await import("./report/build-report.js");
  try {
    const r = await buildReport(concept, code);
    const out = (line: string) => process.stdout.write(`${line}\n`);
    if (r.status === "unchanged") out(`Sachstandsbericht: unverändert (${r.path})`);
    else if (r.status === "rendered")
      out(
        `Sachstandsbericht: ${r.path}  ${r.pages} ${r.pages === 1 ? "Seite" : "Seiten"}  ${de((r.bytes ?? 0) / 1024).padStart(6)} kB  gesetzt in ${de((r.ms ?? 0) / 1000)} s`,
      );
    else {
      process.stderr.write(
        `Der Sachstandsbericht ließ sich nicht erzeugen:\n${r.error instanceof Error ? r.error.stack : String(r.error)}\nNicht aktuell: ${r.path}\n`,
      );
      return false;
    }
    if (r.notice) out(`  Hinweis: ${r.notice}`);
    return true;
  } catch (e) {
    if (e instanceof SeitError) {
      process.stderr.write(`SEIT: ${e.message}\n`);
      return false;
    }
    throw e;
  }
}

/**
 * Checks every flyer as `build` would, writing nothing: one line on stdout when all fit, else the problems (as
 * `build` reports them) on stderr. Flyers whose files in the output folder are current (same key) fit already.
 */
async function check(): Promise<number> {
  const t0 = performance.now();
  try {
    const { buildFlyers } = await loadBuild();
    const built = await buildFlyers({ write: false, layoutOnly: true });
    const failed = built.filter((f) => f.status === "failed");
    if (failed.length) {
      const problems = failed.flatMap((f) => f.problems ?? []);
      if (problems.length) reportError(new ContentError(problems));
      for (const f of failed)
        if (f.error !== undefined)
          process.stderr.write(
            `Unerwarteter Fehler beim Setzen von „${f.id}“:\n${f.error instanceof Error ? f.error.stack : String(f.error)}\n`,
          );
      return 1;
    }
    const laid = built.filter((f) => f.status === "rendered").length;
    process.stdout.write(
      `Flyer geprüft (${de((performance.now() - t0) / 1000)} s): ${built.length === 1 ? "der Flyer passt" : `alle ${built.length} passen`}` +
        ` (${laid} neu gesetzt, ${built.length - laid} unverändert seit dem letzten Build).\n`,
    );
    return 0;
  } catch (e) {
    if (e instanceof ContentError) {
      process.stderr.write(`${e.message}\n\n${e.summary}\n`);
      return 1;
    }
    reportError(e);
    return 1;
  }
}

/** Re-renders on changes, debounced; errors are printed and watching goes on. */
async function watch(): Promise<void> {
  const { buildFlyers } = await loadBuild();
  const content = resolveContentDir(process.env, findRepoRoot());
  const brandEntry = fileURLToPath(import.meta.resolve("@dus-opendata/brand"));
  let brand: Brand | undefined;
  let brandVersion = 0;
  let brandChanged = false;
  let running = false;
  let again = false;
  let timer: NodeJS.Timeout | undefined;

  const run = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    const reporter = createReporter(performance.now());
    try {
      if (brandChanged) {
        brandChanged = false;
        // A fresh URL evaluates the rebuilt brand module again; react-pdf and the fonts stay warm.
        brand = (await import(`${pathToFileURL(brandEntry).href}?v=${++brandVersion}`)) as Brand;
      }
      reporter.done(await buildFlyers({ onEvent: reporter.onEvent, ...(brand ? { brand } : {}) }));
    } catch (e) {
      reportError(e);
      if (e instanceof ContentError) process.stderr.write("Die bisherigen PDFs in out/flyers bleiben unverändert.\n");
    }
    running = false;
    if (again) {
      again = false;
      schedule();
    }
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(run, 150);
  };

  // Folders, not files: an editor that saves by replacing a file (sed -i, „safe write“) is seen every time.
  // Content files are YAML; a path without an extension is a folder (added, renamed or removed).
  watchFolders(content.abs, (file) => {
    if (/\.ya?ml$/i.test(file) || !/\.[^/]*$/.test(file)) schedule();
  });
  const brandDir = dirname(brandEntry);
  if (existsSync(brandDir))
    watchFolders(brandDir, () => {
      brandChanged = true;
      schedule();
    });
  await run();
  process.stdout.write(`Beobachte ${content.display}/ und die Marke; Strg+C beendet.\n`);
}

/** Renders the flyers the editor asks for, one request per line, content read anew for each (a draft changes). */
async function preview(): Promise<void> {
  const { writeFileSync } = await import("node:fs");
  const { loadConceptSync } = await import("@dus-opendata/concept/node");
  const { checkOutputCharacters } = await import("@dus-opendata/brand/node");
  const { renderFlyer } = await import("./render-flyer.js");
  const { FlyerError } = await import("./prepare-flyer.js");
  const content = resolveContentDir(process.env, findRepoRoot());
  const answer = (a: object) => process.stdout.write(`${JSON.stringify(a)}\n`);
  const { createInterface } = await import("node:readline");
  for await (const line of createInterface({ input: process.stdin })) {
    if (!line.trim()) continue;
    let request: { id?: unknown; flyer?: unknown; out?: unknown };
    try {
      request = JSON.parse(line);
    } catch {
      answer({ ok: false, message: "Die Anfrage ist kein JSON." });
      continue;
    }
    const { id, flyer: flyerId, out } = request;
    try {
      if (typeof flyerId !== "string" || typeof out !== "string") throw new Error("Anfrage ohne „flyer“ und „out“.");
      const concept = loadConceptSync(content.abs, {
        displayDir: process.env.PREVIEW_DISPLAY_DIR || content.display,
        checkText: checkOutputCharacters,
      });
      const flyer = concept.flyers.find((f) => f.id === flyerId);
      if (!flyer) {
        answer({ id, ok: false, message: `Den Flyer „${flyerId}“ gibt es nicht.` });
        continue;
      }
      const r = await renderFlyer(concept, flyer);
      writeFileSync(out, r.screen);
      answer({ id, ok: true, pages: r.pages });
    } catch (e) {
      const message =
        e instanceof ContentError || e instanceof FlyerError ? e.message : e instanceof Error ? e.message : String(e);
      answer({ id, ok: false, message });
    }
  }
}

const COMMANDS = ["build", "check", "watch", "preview"];
const [command, ...rest] = process.argv.slice(2);
if (rest.length || !COMMANDS.includes(command ?? "")) {
  process.stderr.write(`${command ? `Unbekannter Befehl „${[command, ...rest].join(" ")}“.\n` : ""}${USAGE}\n`);
  process.exit(2);
}
if (command === "build") process.exitCode = await build();
else if (command === "check") process.exitCode = await check();
else if (command === "preview") await preview();
else await watch();
