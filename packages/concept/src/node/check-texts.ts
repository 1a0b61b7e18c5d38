import { isScalar } from "yaml";
import { type ContentProblem, formatFieldPath } from "./content-error.js";
import type { YamlSource } from "./read-yaml.js";

/** What a text check finds: the characters from `index` (in the text as read) on, and why they cannot be used. */
export interface TextFinding {
  index: number;
  length: number;
  message: string;
}

/**
 * A check of every text of the content, given to the loader by whoever knows what the outputs can show (the fonts
 * belong to packages/brand, which the concept must not depend on).
 */
export type TextCheck = (text: string) => TextFinding[];

/**
 * Runs `check` on every text (every string value) of a file and locates each finding at its character: in the
 * file as written where the text holds it literally, else (written as an escape such as „\u0007“) at the text.
 * Fields that already have a problem are skipped: one mistake, one message.
 */
export function checkTexts(src: YamlSource, check: TextCheck, taken: ReadonlySet<string>): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value: src.data, path: [] }];
  while (stack.length) {
    const { value, path } = stack.pop() as { value: unknown; path: (string | number)[] };
    if (Array.isArray(value)) {
      for (const [i, v] of value.entries()) stack.push({ value: v, path: [...path, i] });
    } else if (value && typeof value === "object")
      for (const [k, v] of Object.entries(value)) stack.push({ value: v, path: [...path, k] });
    else if (typeof value === "string") {
      const field = formatFieldPath(path);
      if (taken.has(`${src.display}\0${field}`)) continue;
      const findings = check(value);
      if (!findings.length) continue;
      const node = src.doc.getIn(path, true);
      const range = isScalar(node) ? node.range : undefined;
      const raw = range ? src.text.slice(range[0], range[1]) : "";
      let from = 0;
      for (const f of findings) {
        const at = raw.indexOf(value.slice(f.index, f.index + f.length), from);
        if (at >= 0) from = at + 1;
        const offset = (range?.[0] ?? 0) + Math.max(at, 0);
        const { line, col } = src.lines.linePos(offset);
        problems.push({ file: src.display, line, column: col, field, message: f.message });
      }
    }
  }
  return problems;
}
