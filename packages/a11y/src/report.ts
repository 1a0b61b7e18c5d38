/** What a check found, and how it is printed: a table per file, a summary, or JSON. */

export interface CheckResult {
  /** Stable key for machines (`--json`). */
  id: string;
  /** The check as a person reads it in the table. */
  name: string;
  ok: boolean;
  detail: string;
  /** Everything found, for `--json` (counts per page, violations per slide, …). */
  data?: unknown;
}

export interface FileReport {
  /** The path as given or as found under out/, relative to the working directory where possible. */
  path: string;
  kind: "pdf" | "site" | "page";
  checks: CheckResult[];
}

export interface Summary {
  files: number;
  checks: number;
  passed: number;
  failed: number;
  seconds: number;
}

export function summarise(reports: FileReport[], seconds: number): Summary {
  const checks = reports.flatMap((r) => r.checks);
  const passed = checks.filter((c) => c.ok).length;
  return { files: reports.length, checks: checks.length, passed, failed: checks.length - passed, seconds };
}

const DETAIL_WIDTH = 88;

/** Breaks a detail into lines of at most `width` characters at spaces (a longer word stays whole). */
export function wrap(text: string, width = DETAIL_WIDTH): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    for (const word of paragraph.split(" ")) {
      if (line && line.length + 1 + word.length > width) {
        lines.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    lines.push(line);
  }
  return lines;
}

export function formatTable(report: FileReport): string {
  const head = ["Prüfung", "Ergebnis", "Detail"];
  const nameWidth = Math.max(head[0]!.length, ...report.checks.map((c) => c.name.length));
  const mark = (ok: boolean) => (ok ? "✓" : "✗");
  const lines = [
    `${report.path} (${report.kind === "pdf" ? "PDF" : report.kind === "page" ? "Seite" : "Website"})`,
    `${head[0]!.padEnd(nameWidth)}  ${head[1]}  ${head[2]}`,
    `${"─".repeat(nameWidth)}  ${"─".repeat(head[1]!.length)}  ${"─".repeat(head[2]!.length)}`,
  ];
  for (const c of report.checks) {
    const [first = "", ...rest] = wrap(c.detail);
    lines.push(`${c.name.padEnd(nameWidth)}  ${mark(c.ok).padEnd(head[1]!.length)}  ${first}`.trimEnd());
    for (const more of rest) lines.push(`${" ".repeat(nameWidth + head[1]!.length + 4)}${more}`.trimEnd());
  }
  return lines.join("\n");
}

export function formatSummary(reports: FileReport[], summary: Summary): string {
  const failing = reports.filter((r) => r.checks.some((c) => !c.ok));
  const seconds = summary.seconds.toLocaleString("de-DE", { maximumFractionDigits: 1 });
  const lines = [
    `Zusammenfassung: ${summary.files} ${summary.files === 1 ? "Ausgabe" : "Ausgaben"}, ` +
      `${summary.checks} Prüfungen, ${summary.passed} bestanden, ${summary.failed} nicht bestanden (${seconds} s).`,
  ];
  if (failing.length === 0) lines.push("Alle Prüfungen bestanden.");
  else {
    lines.push("Nicht bestanden:");
    for (const r of failing) {
      const names = r.checks.filter((c) => !c.ok).map((c) => c.name);
      lines.push(`  ${r.path}: ${names.join(", ")}`);
    }
  }
  return lines.join("\n");
}

/** Page numbers as ranges: [1, 2, 3, 5] → "1–3, 5". */
export function formatPages(pages: number[]): string {
  const sorted = [...new Set(pages)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const start = sorted[i]!;
    while (i + 1 < sorted.length && sorted[i + 1] === sorted[i]! + 1) i++;
    parts.push(start === sorted[i] ? String(start) : `${start}–${sorted[i]}`);
  }
  return parts.join(", ");
}

/** "1 Seite", "3 Seiten": the count with the singular or plural noun (numbers as German text shows them). */
export function plural(n: number, one: string, many: string): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** A number as German text shows it: 17812 → "17.812". */
export function formatCount(n: number): string {
  return n.toLocaleString("de-DE");
}

/** Text quoted the German way, shortened to `max` characters. */
export function quote(text: string, max = 60): string {
  const t = text.length > max ? `${text.slice(0, max - 1)}…` : text;
  return `„${t}“`;
}
