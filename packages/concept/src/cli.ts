#!/usr/bin/env node
/**
 * Maintainers' commands: `check`, `status [--json] [--as-of JJJJ-MM-TT]`, `status --seit [STAND|REVISION] [--json]`,
 * `schema [--check]`.
 * Exit codes: 0 ok, 1 content errors (or an outdated schema), 2 wrong usage.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { changeLabels, describeCommit, historyLabels } from "./change-labels.js";
import { changeRows, changeSummaryLine, computeChanges, itemName } from "./changes.js";
import { countConcept, formatStand, standDate, statusRows } from "./index.js";
import { generateJsonSchemas } from "./json-schema.js";
import { labels } from "./labels.js";
import type { Concept } from "./model.js";
import { checkSummary } from "./node/check-summary.js";
import { ContentError } from "./node/content-error.js";
import { resolveContentDir } from "./node/environment.js";
import { resolveBaseline } from "./node/history.js";
import { isEntry } from "./node/is-entry.js";
import { loadConceptSync } from "./node/load-concept.js";
import { termsOf } from "./terms.js";
import { countDative, countNumber } from "./wording.js";

const USAGE = `Aufruf:
  pnpm check                        Inhalte prüfen
  pnpm status [--as-of JJJJ-MM-TT]  Maßnahmen als Tabelle, überfällige markiert (Stichtag: heute)
  pnpm status --json                dasselbe als JSON
  pnpm status --seit [STAND|REVISION] [--json]
                                    Änderungen seit dem vorigen Stand oder seit STAND (z. B. 06/2018)
                                    oder einer Git-Revision (z. B. v1.0, HEAD~3)
  pnpm schema [--check]             JSON-Schemas für Editoren erzeugen oder prüfen
Der Inhaltsordner kommt aus CONTENT_DIR (Standard: content).`;

class UsageError extends Error {}

function load(): Concept {
  const { abs, display } = resolveContentDir();
  return loadConceptSync(abs, { displayDir: display });
}

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

function parseAsOf(value: string | undefined): string {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value))
    throw new UsageError(`--as-of braucht ein Datum als JJJJ-MM-TT, z. B. 2018-11-30.`);
  const d = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value)
    throw new UsageError(`Das Datum ${value} gibt es nicht.`);
  return value;
}

function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, i) => rows.reduce((w, r) => Math.max(w, (r[i] ?? "").length), 0)) ?? [];
  return rows
    .map((r, ri) => {
      const line = r
        .map((c, i) => c.padEnd(widths[i] ?? 0))
        .join("  ")
        .trimEnd();
      return ri === 0 ? `${line}\n${widths.map((w) => "─".repeat(w)).join("  ")}` : line;
    })
    .join("\n");
}

/** `status --seit [STAND|REVISION]`: the changes since an earlier Stand, as a table or as JSON. */
function since(spec: string | undefined, json: boolean): void {
  const { abs, display } = resolveContentDir();
  const current = loadConceptSync(abs, { displayDir: display });
  const baseline = resolveBaseline(abs, spec, { displayDir: display, current });
  if (!baseline.found) {
    if (baseline.kind === "unknown") throw new UsageError(baseline.reason);
    process.stderr.write(`${historyLabels.noBaseline}: ${baseline.reason}\n`);
    if (json) process.stdout.write("[]\n");
    return;
  }
  const { changes, summary } = computeChanges(baseline.concept, current);
  if (json) {
    process.stdout.write(`${JSON.stringify(changeRows(changes), null, 2)}\n`);
    return;
  }
  const stand = formatStand(baseline.stand);
  const compared = historyLabels.comparedWith(
    baseline.chosen.by,
    stand,
    describeCommit(baseline.commit),
    "spec" in baseline.chosen ? baseline.chosen.spec : "",
  );
  const terms = termsOf(current);
  const c = changeLabels.columns;
  const head = [terms.baustein.one, c.item, c.title, c.change, c.before, c.after];
  const body = changes.map((ch) => [
    ch.baustein.removed ? ch.baustein.title : `${ch.baustein.number} ${ch.baustein.title}`,
    itemName(ch.item, terms),
    "formerTitle" in ch && ch.formerTitle ? `${ch.title} (${changeLabels.formerly}: ${ch.formerTitle})` : ch.title,
    changeLabels.kinds[ch.change],
    ch.before ?? changeLabels.empty,
    ch.after ?? changeLabels.empty,
  ]);
  const opening = baseline.chosen.by === "previous" ? changeLabels.sinceLastReport : changeLabels.sinceStand(stand);
  process.stdout.write(
    `${current.title} · ${labels.stand}: ${formatStand(current.stand)}\n${compared}\n\n` +
      (body.length ? `${table([head, ...body])}\n\n` : "") +
      `${changeSummaryLine(summary, { since: opening, terms })}.\n`,
  );
}

function status(args: string[]): void {
  let json = false;
  let asOf: string | undefined;
  let seit: { spec?: string } | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--json") json = true;
    else if (a === "--as-of") asOf = parseAsOf(args[++i]);
    else if (a?.startsWith("--as-of=")) asOf = parseAsOf(a.slice("--as-of=".length));
    else if (a === "--seit") {
      // The value is optional: `--seit --json` compares with the previous Stand.
      const next = args[i + 1];
      seit = next === undefined || next.startsWith("--") ? {} : { spec: args[++i] };
    } else if (a?.startsWith("--seit=")) {
      const spec = a.slice("--seit=".length);
      if (!spec) throw new UsageError("Nach „--seit=“ fehlt ein Stand oder eine Revision, z. B. --seit=06/2018.");
      seit = { spec };
    } else throw new UsageError(`Unbekannte Angabe „${a}“.`);
  }
  if (seit && asOf)
    throw new UsageError("--seit und --as-of gehen nicht zusammen: mit --seit gilt „überfällig“ zum jeweiligen Stand.");
  if (seit) {
    since(seit.spec, json);
    return;
  }
  const concept = load();
  const day = asOf ?? today();
  const rows = statusRows(concept, day);
  if (json) {
    process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return;
  }
  const terms = termsOf(concept);
  const head = [terms.baustein.one, terms.measure.one, labels.status, labels.planned, labels.published, ""];
  const body = rows.map((r) => [
    `${r.bausteinNumber} ${r.baustein}`,
    r.title,
    r.status,
    r.planned,
    r.published,
    r.overdue ? `⚠ ${labels.overdue}` : "",
  ]);
  const counts = countConcept(concept);
  const late = rows.filter((r) => r.overdue).length;
  process.stdout.write(
    `${concept.title} · ${labels.stand}: ${formatStand(concept.stand)}\n\n${table([head, ...body])}\n\n` +
      `${countNumber(counts.measures, terms.measure)} in ${countDative(counts.bausteine, terms.baustein)}; ` +
      `${late} überfällig zum ${day.split("-").reverse().join(".")}` +
      `${asOf ? "" : ` (Stichtag heute; zum Stand ${standDate(concept).split("-").reverse().join(".")}: --as-of ${standDate(concept)})`}.\n`,
  );
}

function check(args: string[]): void {
  if (args.length) throw new UsageError(`Unbekannte Angabe „${args[0]}“.`);
  process.stdout.write(`${checkSummary(load())}.\n`);
}

function schema(args: string[]): number {
  const onlyCheck = args[0] === "--check";
  if (args.length > (onlyCheck ? 1 : 0)) throw new UsageError(`Unbekannte Angabe „${args[onlyCheck ? 1 : 0]}“.`);
  const { root } = resolveContentDir();
  const dir = join(root, "content", "schema");
  const stale: string[] = [];
  for (const [file, json] of Object.entries(generateJsonSchemas())) {
    const path = join(dir, file);
    let current = "";
    try {
      current = readFileSync(path, "utf8");
    } catch {}
    if (current === json) continue;
    stale.push(`content/schema/${file}`);
    if (!onlyCheck) {
      mkdirSync(dir, { recursive: true });
      writeFileSync(path, json);
    }
  }
  if (onlyCheck && stale.length) {
    process.stderr.write(`Veraltet: ${stale.join(", ")}. Bitte „pnpm schema“ ausführen.\n`);
    return 1;
  }
  process.stdout.write(stale.length ? `Geschrieben: ${stale.join(", ")}\n` : "JSON-Schemas sind aktuell.\n");
  return 0;
}

export function main(argv: string[]): number {
  const [command, ...args] = argv;
  try {
    switch (command) {
      case "check":
        check(args);
        return 0;
      case "status":
        status(args);
        return 0;
      case "schema":
        return schema(args);
      case "--help":
      case "-h":
      case "help":
        process.stdout.write(`${USAGE}\n`);
        return 0;
      default:
        throw new UsageError(command ? `Unbekannter Befehl „${command}“.` : "Es fehlt ein Befehl.");
    }
  } catch (e) {
    if (e instanceof ContentError) {
      process.stderr.write(`${e.message}\n\n${e.summary}\n`);
      return 1;
    }
    if (e instanceof UsageError) {
      process.stderr.write(`${e.message}\n\n${USAGE}\n`);
      return 2;
    }
    throw e;
  }
}

if (isEntry(import.meta.url)) process.exitCode = main(process.argv.slice(2));
