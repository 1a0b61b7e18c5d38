import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parse as parseYaml } from "yaml";
import { main } from "../src/cli.js";

export const PACKAGE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const REPO_ROOT = resolve(PACKAGE_DIR, "../..");
export const CONTENT_DIR = join(REPO_ROOT, "content");
export const FIXTURES = join(PACKAGE_DIR, "test", "fixtures");
/** Complete concepts of other shapes and other cities, shared by every package (see fixtures/concepts/README.md). */
export const FIXTURE_CONCEPTS = join(REPO_ROOT, "fixtures", "concepts");

/** The fixture concepts by folder name. */
export function fixtureConcepts(): string[] {
  return readdirSync(FIXTURE_CONCEPTS)
    .filter((name) => statSync(join(FIXTURE_CONCEPTS, name)).isDirectory())
    .sort();
}

/** What a content folder holds, read straight from its YAML files without the loader: the data for invariants. */
export interface YamlCounts {
  bausteine: { id: string; title: string; measures: string[]; chances: number; risks: number }[];
  measures: number;
  chances: number;
  risks: number;
  decks: string[];
  flyers: string[];
  /** The nouns concept.yaml names for its parts (`terms`), singular and plural; today's words where it names none. */
  nouns: Record<"baustein" | "measure" | "chance" | "risk", [string, string]>;
}

export function countYaml(dir: string): YamlCounts {
  const files = (folder: string) =>
    existsSync(join(dir, folder))
      ? readdirSync(join(dir, folder))
          .filter((f) => /\.ya?ml$/.test(f))
          .sort((a, b) => a.localeCompare(b, "de", { numeric: true }))
      : [];
  const bausteine = files("bausteine").map((f) => {
    const b = parseYaml(readFileSync(join(dir, "bausteine", f), "utf8")) as {
      id: string;
      title: string;
      measures?: { id: string }[];
      chances?: unknown[];
      risks?: unknown[];
    };
    return {
      id: b.id,
      title: b.title,
      measures: (b.measures ?? []).map((m) => m.id),
      chances: (b.chances ?? []).length,
      risks: (b.risks ?? []).length,
    };
  });
  const sum = (f: (b: YamlCounts["bausteine"][number]) => number) => bausteine.reduce((n, b) => n + f(b), 0);
  const ids = (folder: string) => files(folder).map((f) => f.replace(/\.ya?ml$/, ""));
  return {
    bausteine,
    measures: sum((b) => b.measures.length),
    chances: sum((b) => b.chances),
    risks: sum((b) => b.risks),
    decks: ids("decks"),
    flyers: ids("flyers"),
    nouns: nounsOf(dir),
  };
}

function nounsOf(dir: string): YamlCounts["nouns"] {
  const file = join(dir, "concept.yaml");
  const raw = existsSync(file)
    ? ((parseYaml(readFileSync(file, "utf8")) as { terms?: Record<string, { singular: string; plural: string }> })
        ?.terms ?? {})
    : {};
  const noun = (key: string, one: string, many: string): [string, string] =>
    raw[key] ? [raw[key].singular, raw[key].plural] : [one, many];
  return {
    baustein: noun("baustein", "Baustein", "Bausteine"),
    measure: noun("measure", "Maßnahme", "Maßnahmen"),
    chance: noun("chance", "Chance", "Chancen"),
    risk: noun("risk", "Risiko", "Risiken"),
  };
}

/** The line `pnpm check` prints for a valid folder with these counts. */
export function checkLine(c: YamlCounts): string {
  const n = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
  const w = c.nouns;
  return (
    `Alles in Ordnung: ${n(c.bausteine.length, ...w.baustein)}, ${n(c.measures, ...w.measure)}, ` +
    `${n(c.chances, ...w.chance)}, ${n(c.risks, ...w.risk)}, ` +
    `${n(c.decks.length, "Deck-Variante", "Deck-Varianten")}, ${n(c.flyers.length, "Flyer", "Flyer")}.\n`
  );
}

/** Path of a fixture folder as CONTENT_DIR takes it and as messages show it: relative to the repository root. */
export function fixture(kind: "valid" | "invalid", name: string): string {
  return relative(REPO_ROOT, join(FIXTURES, kind, name));
}

export function fixtureCases(kind: "valid" | "invalid"): string[] {
  const dir = join(FIXTURES, kind);
  return readdirSync(dir)
    .filter((name) => statSync(join(dir, name)).isDirectory())
    .sort();
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the CLI in this process, as `pnpm check` would with `CONTENT_DIR=<contentDir>`, and captures what it prints.
 * Anything other than an exit code (an exception) fails the calling test.
 */
export function runCli(argv: string[], contentDir?: string): CliResult {
  const out: string[] = [];
  const err: string[] = [];
  const previous = process.env.CONTENT_DIR;
  const stdoutWrite = process.stdout.write;
  const stderrWrite = process.stderr.write;
  process.stdout.write = ((chunk: string | Uint8Array) => {
    out.push(String(chunk));
    return true;
  }) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => {
    err.push(String(chunk));
    return true;
  }) as typeof process.stderr.write;
  if (contentDir === undefined) delete process.env.CONTENT_DIR;
  else process.env.CONTENT_DIR = contentDir;
  try {
    const code = main(argv);
    return { code, stdout: out.join(""), stderr: err.join("") };
  } finally {
    process.stdout.write = stdoutWrite;
    process.stderr.write = stderrWrite;
    if (previous === undefined) delete process.env.CONTENT_DIR;
    else process.env.CONTENT_DIR = previous;
  }
}

/** The problem lines of a failed check: everything before the blank line and the summary. */
export function problemLines(stderr: string): string[] {
  const [problems = ""] = stderr.split("\n\n");
  return problems.split("\n").filter((l) => l !== "");
}

/** The summary the CLI prints after the problems, for the given problem lines. */
export function summaryFor(lines: readonly string[]): string {
  const files = new Set(lines.map((l) => /^(.*?):\d+:\d+ {2}/.exec(l)?.[1]));
  const n = lines.length;
  return `${n} Fehler in ${files.size} ${files.size === 1 ? "Datei" : "Dateien"}. Bitte korrigieren und erneut prüfen.`;
}

/**
 * Corpus cases whose files are too big to commit: the test writes them into the case folder (each folder's
 * .gitignore names them) before the check and removes them afterwards.
 */
export const GENERATED_FILES: Record<string, Record<string, () => string>> = {
  "file-over-1mb": {
    // A Baustein file of exactly 5 MB (ASCII, so characters are bytes): a pasted export, say.
    "bausteine/03-gross.yaml": () => {
      const head = "id: gross\ntitle: Ein sehr langer Baustein\nchances:\n";
      const line = "  - Eine Chance, die sehr oft wiederholt wird.\n";
      const size = 5 * 1024 * 1024;
      let body = head;
      while (body.length + line.length <= size) body += line;
      return `${body}${"#".repeat(size - body.length - 1)}\n`;
    },
  },
  "alias-flood": {
    // One anchor and 20 000 aliases of it: reported once, with their number.
    "bausteine/03-verweise.yaml": () => `id: verweise\nanker: &a x\nchances: [${"*a,".repeat(20_000)}*a]\n`,
  },
  "many-keys": {
    // 12 000 different keys in one section, as many as fit under the token limit: comparing every key with every
    // other one would take seconds, and listing 12 000 unknown fields helps nobody.
    "bausteine/03-felder.yaml": () =>
      `id: felder\n${Array.from({ length: 12_000 }, (_, i) => `feld${i}: Wert\n`).join("")}`,
  },
  "too-many-tokens": {
    // 60 000 one-letter list entries, 240 kB: seconds of work for the YAML parser, for nothing.
    "bausteine/03-liste.yaml": () => `id: liste\nchances:\n${"- x\n".repeat(60_000)}`,
  },
  "deep-nesting-extreme": {
    // 400 000 opening brackets: far beyond any stack, well under 1 MB.
    "bausteine/03-klammern.yaml": () => `id: klammern\ntitle: ${"[".repeat(400_000)}\n`,
    // 300 000 nested lists on one line: `- - - - …`.
    "bausteine/04-striche.yaml": () => `${"- ".repeat(300_000)}x\n`,
  },
};

export function writeGenerated(name: string): () => void {
  const files = GENERATED_FILES[name] ?? {};
  const written: string[] = [];
  for (const [rel, make] of Object.entries(files)) {
    const path = join(FIXTURES, "invalid", name, rel);
    writeFileSync(path, make());
    written.push(path);
  }
  return () => {
    for (const path of written) if (existsSync(path)) rmSync(path);
  };
}

/** `UPDATE_EXPECTED=1 npx vitest run test/corpus.test.ts` rewrites every expected.txt from the actual output. */
export const UPDATE_EXPECTED = process.env.UPDATE_EXPECTED === "1";
