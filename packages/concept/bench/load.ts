/**
 * Load + validate benchmark: the real content, and generated concepts of 100, 1 000 and 5 000 Maßnahmen.
 *
 *   npx tsx packages/concept/bench/load.ts
 *
 * Figures are medians of warm runs in one process (the first runs are discarded). Targets: the real content under
 * 50 ms; 1 000 Maßnahmen under 1 s; time growing linearly, so the time per Maßnahme stays about the same.
 * `benchLoad()` returns the figures for a benchmark of the whole repository.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { isEntry } from "../src/node/is-entry.js";
import { loadConceptSync } from "../src/node/load-concept.js";

export interface BenchFigure {
  /** What was loaded, e.g. `content` or `1000 Maßnahmen`. */
  label: string;
  measures: number;
  files: number;
  runs: number;
  medianMs: number;
  /** Median time divided by the number of Maßnahmen, in microseconds. */
  perMeasureUs: number;
}

export interface BenchOptions {
  /** The real content folder (default: content/ at the repository root). */
  contentDir?: string;
  /** Sizes of the generated concepts in Maßnahmen. */
  sizes?: readonly number[];
  /** Warm runs measured per size; the median is reported. */
  runs?: number;
  /** Runs before measuring, so the JIT and the file cache are warm. */
  warmup?: number;
}

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const MEASURES_PER_BAUSTEIN = 50;

// Every notation of the source deck, so the parsers do their real work.
const STATUSES = ["erledigt", "in Arbeit", "2018 stattgefunden", "noch nicht begonnen"];
const PLANNED = [
  "09/2017",
  "12/2018",
  "ab 2019",
  "ab Q2/2019",
  "laufend",
  "noch nicht geplant",
  "für 2019 geplant",
  "12/2018 und 02/2019",
  "06.12.2018 (Foyer Rathaus)",
];
const PUBLISHED = ["11/2018 (Intranet)", "10/2018 (Druck)", "seit 12/2017", "noch nicht"];

function measureYaml(n: number): string {
  const lines = [
    `  - id: massnahme-${n}`,
    `    title: Maßnahme Nummer ${n}`,
    "    summary:",
    `      - Die Maßnahme ${n} informiert die Verwaltung über offene Daten und das Portal der Stadt.`,
    "      - >-",
    "        Ein zweiter Absatz über mehrere Zeilen, wie ihn das Konzept oft hat: Texte, Veranstaltungen,",
    "        Vorträge und Angebote zur Weiterbildung.",
    `    status: ${STATUSES[n % STATUSES.length]}`,
    `    planned: ${PLANNED[n % PLANNED.length]}`,
    `    published: ${PUBLISHED[n % PUBLISHED.length]}`,
  ];
  if (n % 3 === 0)
    lines.push(
      "    details:",
      "      title: Projektauftrag (Auszug)",
      "      facts:",
      "        - label: Projekttitel",
      "          value: Offene Daten",
      "        - label: Projektkontext",
      "          value:",
      "            - Es gibt eine Vielzahl von Daten der Stadt, die veröffentlicht werden können.",
    );
  return lines.join("\n");
}

/** Writes a complete content folder with `measures` Maßnahmen, 50 per Baustein file; returns the number of files. */
export function writeConcept(dir: string, measures: number): number {
  mkdirSync(join(dir, "bausteine"), { recursive: true });
  writeFileSync(
    join(dir, "concept.yaml"),
    [
      "title: Daten für alle",
      "organisation: Amt für Digitales",
      "city: Stadt Beispielstadt",
      "sender: Amt für Digitales der Stadt Beispielstadt",
      "team: Projekt Offene Daten",
      "claim: Gemeinsam mehr erreichen",
      "portal: https://daten.beispielstadt.de",
      "portalName: Datenportal",
      "stand: 11/2018",
      "period: bis Ende 2021",
      "intro:",
      "  - id: offene-daten",
      "    title: Was sind offene Daten?",
      "    text:",
      "      - Offene Daten sind Daten, die jeder frei nutzen, weiterverwenden und teilen darf.",
      "closing: Danke für Ihre Aufmerksamkeit.",
      "",
    ].join("\n"),
  );
  const bausteine = Math.ceil(measures / MEASURES_PER_BAUSTEIN);
  for (let b = 0; b < bausteine; b++) {
    const from = b * MEASURES_PER_BAUSTEIN;
    const to = Math.min(measures, from + MEASURES_PER_BAUSTEIN);
    const body = [
      `id: baustein-${b + 1}`,
      `title: Baustein ${b + 1}`,
      "summary: Mit Texten und Veranstaltungen über offene Daten informieren",
      "why:",
      `  title: Warum Baustein ${b + 1}?`,
      "  text:",
      "    - Die Idee offener Daten soll den Mitarbeitenden der Verwaltung nähergebracht werden.",
      "measures:",
      ...Array.from({ length: to - from }, (_, i) => measureYaml(from + i + 1)),
      "chances:",
      "  - Verfügbarkeit von Informationen steigern",
      "risks:",
      "  - Überangebot an Informationen",
      "",
    ].join("\n");
    writeFileSync(join(dir, "bausteine", `${String(b + 1).padStart(3, "0")}-baustein.yaml`), body);
  }
  return bausteine + 1;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function measure(dir: string, runs: number, warmup: number): { medianMs: number; measures: number } {
  let measures = 0;
  for (let i = 0; i < warmup; i++) loadConceptSync(dir);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const concept = loadConceptSync(dir);
    times.push(performance.now() - started);
    measures = concept.bausteine.reduce((n, b) => n + b.measures.length, 0);
  }
  return { medianMs: median(times), measures };
}

export function benchLoad(options: BenchOptions = {}): BenchFigure[] {
  const { contentDir = join(REPO_ROOT, "content"), sizes = [100, 1000, 5000], runs = 11, warmup = 3 } = options;
  const figures: BenchFigure[] = [];
  const real = measure(contentDir, runs * 3, warmup * 3);
  figures.push({
    label: "content",
    measures: real.measures,
    files: 0,
    runs: runs * 3,
    medianMs: real.medianMs,
    perMeasureUs: (real.medianMs * 1000) / real.measures,
  });
  const tmp = mkdtempSync(join(tmpdir(), "concept-bench-"));
  try {
    for (const size of sizes) {
      const dir = join(tmp, String(size));
      const files = writeConcept(dir, size);
      // Fewer runs for the biggest concepts keep the benchmark short; the median stays stable.
      const n = size >= 5000 ? Math.max(5, Math.ceil(runs / 2)) : runs;
      // Small concepts get more warm-up runs: until about 2 000 Maßnahmen have gone through the JIT.
      const r = measure(dir, n, Math.max(warmup, Math.ceil(2000 / size)));
      if (r.measures !== size) throw new Error(`generated ${size} Maßnahmen, loaded ${r.measures}`);
      figures.push({
        label: `${size} Maßnahmen`,
        measures: size,
        files,
        runs: n,
        medianMs: r.medianMs,
        perMeasureUs: (r.medianMs * 1000) / size,
      });
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return figures;
}

function report(figures: BenchFigure[]): string {
  const rows = figures.map((f) => [
    f.label,
    f.files ? `${f.files} Dateien` : "",
    `${f.medianMs.toFixed(1)} ms`,
    `${f.perMeasureUs.toFixed(0)} µs je Maßnahme`,
    `(${f.runs} Läufe)`,
  ]);
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length))) ?? [];
  const table = rows.map((r) =>
    r.map((c, i) => (i === 2 || i === 3 ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join("  "),
  );
  const real = figures.find((f) => f.label === "content");
  const thousand = figures.find((f) => f.measures === 1000 && f.label !== "content");
  const generated = figures.filter((f) => f.label !== "content");
  const perMeasure = generated.map((f) => f.perMeasureUs);
  const spread = perMeasure.length ? Math.max(...perMeasure) / Math.min(...perMeasure) : 1;
  const verdict = (ok: boolean) => (ok ? "erreicht" : "VERFEHLT");
  return [
    "Laden und Prüfen, Median warmer Läufe in einem Prozess:",
    ...table,
    "",
    real ? `Ziel content/ unter 50 ms: ${verdict(real.medianMs < 50)}.` : "",
    thousand ? `Ziel 1 000 Maßnahmen unter 1 s: ${verdict(thousand.medianMs < 1000)}.` : "",
    `Zeit je Maßnahme schwankt um den Faktor ${spread.toFixed(2)} (linear, wenn nahe 1).`,
  ]
    .filter((l) => l !== "")
    .join("\n");
}

if (isEntry(import.meta.url)) process.stdout.write(`${report(benchLoad())}\n`);
