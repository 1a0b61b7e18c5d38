import { existsSync } from "node:fs";
import { join } from "node:path";
import { type ContentProblem, formatFieldPath, locate, readYaml } from "@dus-opendata/concept/node";
import type { FlyerError } from "./prepare-flyer.js";

/** A YAML file of the content folder for messages: its name as shown and its source, if it exists. */
function contentFile(contentDir: string, displayDir: string, folder: string, base: string) {
  const name = ["yaml", "yml"].map((ext) => `${base}.${ext}`).find((f) => existsSync(join(contentDir, folder, f)));
  const display = [displayDir, folder, name ?? `${base}.yaml`].filter(Boolean).join("/");
  return { display, source: name ? readYaml(join(contentDir, folder, name), display).source : undefined };
}

/**
 * A FlyerError as content problems: file, line and column of the field in content/flyers/<id>.yaml, or in
 * content/concept.yaml for a problem that a field of the concept causes (the footer's sender, the portal).
 */
export function locateFlyerError(err: FlyerError, contentDir: string, displayDir: string): ContentProblem[] {
  const flyerFile = contentFile(contentDir, displayDir, "flyers", err.flyer);
  const conceptFile = contentFile(contentDir, displayDir, "", "concept");
  return err.problems.map((p) => {
    const file = p.source === "concept" ? conceptFile : flyerFile;
    return {
      file: file.display,
      ...(file.source ? locate(file.source, p.path) : { line: 1, column: 1 }),
      field: formatFieldPath(p.path),
      message: `Flyer „${err.flyer}“: ${p.message}`,
    };
  });
}
