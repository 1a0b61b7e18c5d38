/**
 * Where a part of the concept is written: `file:line:col` for a path through the model — `["concept", "closing"]`,
 * `["concept", "intro", <id>, "text"]`, `["bausteine", <id>, "why", "text"]`,
 * `["bausteine", <id>, "measures", <id>, "summary"]`, `["decks", <variant>, "title"]` — for messages about a text
 * that the outputs cannot set (a slide text that would have to shrink below the minimum size). Ids are matched in
 * the files, so the locator follows the model, not list positions. A path that leads nowhere gives undefined.
 */
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { locate, readYaml, valueAt, type YamlSource } from "./read-yaml.js";

type ModelPath = readonly (string | number)[];

const yamlIn = (dir: string) =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => /\.ya?ml$/i.test(f))
        .sort((a, b) => a.localeCompare(b, "de", { numeric: true }))
    : [];

/** Replaces ids by list positions where the file has a list of entries with ids (`measures`, `intro`). */
function yamlPath(src: YamlSource, rest: ModelPath): (string | number)[] {
  const out: (string | number)[] = [];
  for (let i = 0; i < rest.length; i++) {
    const seg = rest[i]!;
    const list = valueAt(src.data, out);
    if (Array.isArray(list) && typeof seg === "string") {
      const index = list.findIndex((e) => valueAt(e, ["id"]) === seg);
      out.push(index < 0 ? seg : index);
    } else out.push(seg);
  }
  return out;
}

export function contentLocator(dir: string, displayDir = dir): (path: ModelPath) => string | undefined {
  const display = displayDir.replace(/\/+$/, "");
  const sources = new Map<string, YamlSource | undefined>();
  const read = (rel: string) => {
    if (!sources.has(rel)) sources.set(rel, readYaml(join(dir, rel), `${display}/${rel}`).source);
    return sources.get(rel);
  };
  let bausteine: Map<string, string> | undefined;
  const bausteinFile = (id: string) => {
    bausteine ??= new Map(
      yamlIn(join(dir, "bausteine")).flatMap((f) => {
        const id = valueAt(read(`bausteine/${f}`)?.data, ["id"]);
        return typeof id === "string" ? [[id, `bausteine/${f}`] as const] : [];
      }),
    );
    return bausteine.get(id);
  };
  return (path) => {
    const [kind, id, ...rest] = path;
    let file: string | undefined;
    let inner: ModelPath;
    if (kind === "concept") {
      file = "concept.yaml";
      inner = path.slice(1);
    } else if (kind === "bausteine" && typeof id === "string") {
      file = bausteinFile(id);
      inner = rest;
    } else if ((kind === "decks" || kind === "flyers") && typeof id === "string") {
      file = `${kind}/${id}.yaml`;
      inner = rest;
    } else return undefined;
    const src = file ? read(file) : undefined;
    if (!src) return undefined;
    const at = locate(src, yamlPath(src, inner));
    return `${src.display}:${at.line}:${at.column}`;
  };
}
