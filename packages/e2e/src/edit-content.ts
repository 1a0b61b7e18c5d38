/** Edits of a content folder as a maintainer makes them, through the YAML document (comments and order kept). */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseDocument } from "yaml";

export type YamlDocument = ReturnType<typeof parseDocument>;

export function editYaml(file: string, change: (doc: YamlDocument) => void): void {
  const doc = parseDocument(readFileSync(file, "utf8"));
  change(doc);
  writeFileSync(file, doc.toString());
}

/** The Baustein files of a content folder, in the order that numbers them. */
export function bausteinFiles(content: string): string[] {
  return readdirSync(join(content, "bausteine"))
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => join(content, "bausteine", f));
}

/** The first Baustein file whose list `key` has at least `min` entries. */
export function firstWith(content: string, key: string, min = 1): string | undefined {
  return bausteinFiles(content).find((f) => {
    const list = parseDocument(readFileSync(f, "utf8")).get(key) as { items?: unknown[] } | undefined;
    return (list?.items?.length ?? 0) >= min;
  });
}
