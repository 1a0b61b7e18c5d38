/** One content problem, located in a file. */
export interface ContentProblem {
  /** Path as the user gave it, e.g. `content/bausteine/01-texte.yaml`. */
  file: string;
  line: number;
  column: number;
  /** Field path, e.g. `measures[0].status`; `(Datei)` or `(YAML)` for problems of the whole file. */
  field: string;
  message: string;
}

export function formatProblem(p: ContentProblem): string {
  return `${p.file}:${p.line}:${p.column}  ${p.field}  ${p.message}`;
}

/** Every problem found in the content, reported once. */
export class ContentError extends Error {
  readonly problems: ContentProblem[];

  constructor(problems: ContentProblem[], options?: { cause?: unknown }) {
    const sorted = [...problems].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
    super(sorted.map(formatProblem).join("\n"), options);
    this.name = "ContentError";
    this.problems = sorted;
  }

  /** The summary line printed after the problems. */
  get summary(): string {
    const n = this.problems.length;
    const files = new Set(this.problems.map((p) => p.file)).size;
    return `${n} ${n === 1 ? "Fehler" : "Fehler"} in ${files} ${files === 1 ? "Datei" : "Dateien"}. Bitte korrigieren und erneut prüfen.`;
  }
}

export function formatFieldPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const seg of path) {
    if (typeof seg === "number") out += `[${seg}]`;
    else out += out ? `.${String(seg)}` : String(seg);
  }
  return out || "(Datei)";
}
