/** The loader's check of a content folder, its problems tied to the file and the form field they concern. */
import type { Concept } from "@dus-opendata/concept";
import { ContentError, formatProblem, loadConceptSync } from "@dus-opendata/concept/node";
import { type Path, parsePath } from "../shared/edit-ops.js";

export interface FieldProblem {
  /** The content file (path inside the folder), where the problem is in one. */
  file?: string;
  /** The loader's field path, e.g. `measures[2].planned`, and the same as a path of the form. */
  field: string;
  path: Path;
  line: number;
  column: number;
  message: string;
  /** The loader's whole line, `datei:zeile:spalte  feld  Meldung`, as `pnpm check` prints it. */
  text: string;
}

export interface CheckResult {
  concept?: Concept;
  problems: FieldProblem[];
}

/** Loads `dir` with the messages naming `display` (the real folder), as the build will. */
export function checkContent(dir: string, display: string): CheckResult {
  try {
    return { concept: loadConceptSync(dir, { displayDir: display }), problems: [] };
  } catch (e) {
    if (!(e instanceof ContentError)) throw e;
    const prefix = `${display.replace(/\/+$/, "")}/`;
    return {
      problems: e.problems.map((p) => {
        const rel = p.file.startsWith(prefix) ? p.file.slice(prefix.length) : undefined;
        const isFile = rel !== undefined && /\.ya?ml$/i.test(rel);
        const path = p.field.startsWith("(") ? [] : parsePath(p.field);
        return {
          ...(isFile ? { file: rel } : {}),
          field: p.field,
          path,
          line: p.line,
          column: p.column,
          message: p.message,
          text: formatProblem(p),
        };
      }),
    };
  }
}
