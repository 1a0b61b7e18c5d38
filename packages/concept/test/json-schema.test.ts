import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { CONTENT_SCHEMAS, generateJsonSchemas } from "../src/json-schema.js";
import { CONTENT_DIR, FIXTURE_CONCEPTS, fixtureConcepts, runCli } from "./helpers.js";

const SCHEMA_DIR = join(CONTENT_DIR, "schema");

describe("JSON Schemas for editors", () => {
  const generated = generateJsonSchemas();

  it("the committed content/schema/*.json are exactly what `pnpm schema` generates", () => {
    expect(readdirSync(SCHEMA_DIR).sort()).toEqual(Object.keys(generated).sort());
    for (const [file, json] of Object.entries(generated)) {
      expect(readFileSync(join(SCHEMA_DIR, file), "utf8"), `content/schema/${file} is outdated: run pnpm schema`).toBe(
        json,
      );
    }
    expect(runCli(["schema", "--check"])).toEqual({ code: 0, stdout: "JSON-Schemas sind aktuell.\n", stderr: "" });
  });

  it("carry a description for every field a maintainer edits", () => {
    expect(Object.keys(CONTENT_SCHEMAS).sort()).toEqual(Object.keys(generated).sort());
    const missing: string[] = [];
    const walk = (node: unknown, path: string) => {
      if (!node || typeof node !== "object") return;
      const n = node as Record<string, unknown>;
      if (n.properties && typeof n.properties === "object") {
        for (const [key, prop] of Object.entries(n.properties as Record<string, Record<string, unknown>>)) {
          const described = prop.description ?? (prop.anyOf as Record<string, unknown>[] | undefined)?.[0]?.description;
          if (!described) missing.push(`${path}.${key}`);
        }
      }
      for (const [key, value] of Object.entries(n)) walk(value, `${path}/${key}`);
    };
    for (const [file, json] of Object.entries(generated)) walk(JSON.parse(json), file);
    expect(missing).toEqual([]);
  });

  const SCHEMA_FOR: Record<string, string> = {
    ".": "concept.schema.json",
    bausteine: "baustein.schema.json",
    decks: "deck.schema.json",
    flyers: "flyer.schema.json",
  };
  const yamlFilesOf = (dir: string) =>
    readdirSync(dir, { recursive: true, encoding: "utf8" })
      .filter((rel) => /\.ya?ml$/.test(rel))
      .sort();
  /** The schema a file's first line names (`# yaml-language-server: $schema=…`), resolved; undefined without one. */
  const schemaLine = (dir: string, rel: string) => {
    const first =
      readFileSync(join(dir, rel), "utf8")
        .replace(/^\uFEFF/, "")
        .split(/\r?\n/)[0] ?? "";
    const m = /^# yaml-language-server: \$schema=(\S+)$/.exec(first);
    return m ? resolve(dirname(join(dir, rel)), m[1] ?? "") : undefined;
  };
  const fixtureFiles = fixtureConcepts().flatMap((name) =>
    yamlFilesOf(join(FIXTURE_CONCEPTS, name)).map((rel) => [name, rel] as const),
  );

  it.each(fixtureFiles)(
    "fixtures/concepts/%s/%s starts with a line pointing at its schema in content/schema",
    (name, rel) => {
      const target = schemaLine(join(FIXTURE_CONCEPTS, name), rel);
      expect(target, "erste Zeile: # yaml-language-server: $schema=…").toBeDefined();
      expect(existsSync(target ?? "")).toBe(true);
      expect(relative(SCHEMA_DIR, target ?? "")).toBe(SCHEMA_FOR[dirname(rel)]);
    },
  );

  // content/ is the team's: a new file without the line is still valid content; a line that is there must be right.
  it("every file of content/ that names a schema names the right one", () => {
    const wrong = yamlFilesOf(CONTENT_DIR).flatMap((rel) => {
      const target = schemaLine(CONTENT_DIR, rel);
      return target === undefined || (existsSync(target) && relative(SCHEMA_DIR, target) === SCHEMA_FOR[dirname(rel)])
        ? []
        : [rel];
    });
    expect(wrong).toEqual([]);
  });
});
