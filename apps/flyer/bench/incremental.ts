/**
 * How long the flyer build takes in a cold process after a data-only edit, as the root build runs it
 * (`node scripts/flyer.mjs build` into a build area that holds the previous build), median over several runs:
 * - an edit one flyer shows (the planned date of a Maßnahme that one flyer lists): that flyer is rendered;
 * - an edit no flyer shows: nothing is rendered, react-pdf is not loaded;
 * - for comparison the same through tsx (`tsx src/cli.tsx build`), and a build into an empty folder.
 * Which Maßnahme is edited is found, not named: the first whose date changes the key (keyFlyer) of exactly one
 * flyer, and the first whose date changes none. Works on a copy of the content folder (CONTENT_DIR, default content).
 *
 *   tsx bench/incremental.ts [--runs 7] [--json]
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as brand from "@dus-opendata/brand";
import { loadConceptSync, resolveContentDir } from "@dus-opendata/concept/node";
import { digestCode, keyFlyer, prepareFlyer } from "../src/index.js";

const args = process.argv.slice(2);
const runsAt = args.indexOf("--runs");
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 7;
const appDir = join(dirname(fileURLToPath(import.meta.url)), "..");

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
};
const sec = (ms: number) => `${(ms / 1000).toLocaleString("de-DE", { maximumFractionDigits: 2 })} s`;

const source = resolveContentDir();
const work = mkdtempSync(join(tmpdir(), "flyer-bench-"));
const content = join(work, "inhalt");
const out = join(work, "out");
cpSync(source.abs, content, { recursive: true });

/** The keys of all flyers of the content copy: what decides which flyer is rendered. */
const code = digestCode();
function keys(): string[] {
  const c = loadConceptSync(content, { displayDir: "inhalt" });
  return c.flyers.map((f) => keyFlyer(prepareFlyer(c, f), code, { brand, tagged: true }));
}

/** An edit of one Maßnahme's planned date: another valid notation, and the one it had. */
interface Edit {
  file: string;
  measure: string;
  values: [string, string];
}

function setPlanned(e: Edit, value: string): void {
  const yaml = readFileSync(e.file, "utf8");
  const start = yaml.indexOf(`  - id: ${e.measure}\n`);
  const at = yaml.indexOf("    planned: ", start);
  const end = yaml.indexOf("\n", at);
  writeFileSync(e.file, `${yaml.slice(0, at)}    planned: ${value}${yaml.slice(end)}`);
}

function findEdits(): { one?: Edit; none?: Edit } {
  const base = keys();
  const found: { one?: Edit; none?: Edit } = {};
  const dir = join(content, "bausteine");
  for (const name of readdirSync(dir).sort()) {
    const file = join(dir, name);
    const yaml = readFileSync(file, "utf8");
    for (const m of yaml.matchAll(/^ {2}- id: (\S+)\n(?:(?! {2}- ).*\n)*? {4}planned: (.*)$/gm)) {
      const [, measure, planned] = m as unknown as [string, string, string];
      const other = planned === "noch nicht geplant" ? "laufend" : "noch nicht geplant";
      const edit: Edit = { file, measure, values: [other, planned] };
      setPlanned(edit, other);
      const changed = keys().filter((k, i) => k !== base[i]).length;
      setPlanned(edit, planned);
      if (changed === 1) found.one ??= edit;
      if (changed === 0) found.none ??= edit;
      if (found.one && found.none) return found;
    }
  }
  return found;
}

function timeBuild(command: string[], outDir = out): number {
  const t = performance.now();
  const r = spawnSync(command[0] as string, command.slice(1), {
    cwd: appDir,
    encoding: "utf8",
    env: { ...process.env, CONTENT_DIR: content, FLYER_OUT_DIR: outDir },
  });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`Build fehlgeschlagen:\n${r.stderr}`);
  return ms;
}

const compiled = [process.execPath, "scripts/flyer.mjs", "build"];
const tsx = [join(appDir, "node_modules", ".bin", "tsx"), "src/cli.tsx", "build"];
const edits = findEdits();
timeBuild(compiled);

/**
 * The cases in turns, run after run, so that a busy moment of a shared machine falls on all of them alike. A case
 * with an edit changes the date and builds (measured), then puts it back and builds (not measured).
 */
const cases: { label: string; edit?: Edit; command: string[] }[] = [
  { label: "ein Flyer betroffen", edit: edits.one, command: compiled },
  { label: "kein Flyer betroffen", edit: edits.none, command: compiled },
  { label: "ohne Änderung", command: compiled },
  { label: "ein Flyer betroffen, über tsx", edit: edits.one, command: tsx },
  { label: "kein Flyer betroffen, über tsx", edit: edits.none, command: tsx },
];
const missing = (c: (typeof cases)[number]) => c.label !== "ohne Änderung" && !c.edit;
const times = cases.map(() => [] as number[]);
for (let i = 0; i < runs; i++)
  cases.forEach((c, k) => {
    if (missing(c)) return;
    if (c.edit) setPlanned(c.edit, c.edit.values[0]);
    times[k]?.push(timeBuild(c.command));
    // Back to the content as it was, built, before the next case.
    if (c.edit) {
      setPlanned(c.edit, c.edit.values[1]);
      timeBuild(compiled);
    }
  });
const rows = cases.map((c, k) => ({
  case: missing(c) ? `${c.label}: keine passende Maßnahme` : c.label,
  medianMs: median(times[k] ?? []),
}));
const scratch: number[] = [];
for (let i = 0; i < Math.min(runs, 3); i++) {
  const empty = join(work, `leer-${i}`);
  scratch.push(timeBuild(compiled, empty));
}
rows.push({ case: "alle Flyer, leerer Ordner", medianMs: median(scratch) });
rmSync(work, { recursive: true, force: true });

if (args.includes("--json")) process.stdout.write(`${JSON.stringify(rows)}\n`);
else {
  const what = (e?: Edit) => (e ? `„${e.measure}“ (Datum (Plan))` : "–");
  process.stdout.write(
    `Flyer-Build im kalten Prozess, ${source.display}, Median aus ${runs} Läufen\n` +
      `  geänderte Maßnahme: ein Flyer ${what(edits.one)}, kein Flyer ${what(edits.none)}\n` +
      rows.map((r) => `  ${r.case.padEnd(34)} ${sec(r.medianMs)}`).join("\n") +
      "\n",
  );
}
