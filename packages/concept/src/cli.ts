#!/usr/bin/env node
/**
 * Maintainers' commands: `check`, `status [--json] [--as-of JJJJ-MM-TT]`, `schema [--check]`.
 * Exit codes: 0 ok, 1 content errors (or an outdated schema), 2 wrong usage.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { countConcept, formatStand, standDate, statusRows } from "./index.js";
import { generateJsonSchemas } from "./json-schema.js";
import { labels } from "./labels.js";
import type { Concept } from "./model.js";
import { checkSummary } from "./node/check-summary.js";
import { ContentError } from "./node/content-error.js";
import { resolveContentDir } from "./node/environment.js";
import { isEntry } from "./node/is-entry.js";
import { loadConceptSync } from "./node/load-concept.js";

const USAGE = `Aufruf:
  pnpm check                        Inhalte prüfen
  pnpm status [--as-of JJJJ-MM-TT]  Maßnahmen als Tabelle, überfällige markiert (Stichtag: heute)
  pnpm status --json                dasselbe als JSON
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

function status(args: string[]): void {
  let json = false;
  let asOf: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--json") json = true;
    else if (a === "--as-of") asOf = parseAsOf(args[++i]);
    else if (a?.startsWith("--as-of=")) asOf = parseAsOf(a.slice("--as-of=".length));
    else throw new UsageError(`Unbekannte Angabe „${a}“.`);
  }
  const concept = load();
  const day = asOf ?? today();
  const rows = statusRows(concept, day);
  if (json) {
    process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return;
  }
  const head = [labels.baustein, labels.measure, labels.status, labels.planned, labels.published, ""];
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
      `${counts.measures} ${counts.measures === 1 ? labels.measure : labels.measures} in ${counts.bausteine} ` +
      `${counts.bausteine === 1 ? labels.baustein : labels.bausteineDative}; ` +
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
