import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { CONTENT_SCHEMAS, generateJsonSchemas } from "../src/json-schema.js";
import { CONTENT_DIR, runCli } from "./helpers.js";

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

  const yamlFiles = readdirSync(CONTENT_DIR, { recursive: true, encoding: "utf8" })
    .filter((rel) => /\.ya?ml$/.test(rel))
    .sort();
  const SCHEMA_FOR: Record<string, string> = {
    ".": "concept.schema.json",
    bausteine: "baustein.schema.json",
    decks: "deck.schema.json",
    flyers: "flyer.schema.json",
  };

  it("there is content to check", () => {
    expect(yamlFiles).toContain("concept.yaml");
    expect(yamlFiles.filter((f) => f.startsWith("bausteine/")).length).toBeGreaterThan(0);
  });

  it.each(yamlFiles)("content/%s starts with a yaml-language-server line pointing at its schema", (rel) => {
    const first =
      readFileSync(join(CONTENT_DIR, rel), "utf8")
        .replace(/^\uFEFF/, "")
        .split(/\r?\n/)[0] ?? "";
    const m = /^# yaml-language-server: \$schema=(\S+)$/.exec(first);
    expect(m, `first line of content/${rel}: ${first}`).not.toBeNull();
    const target = resolve(dirname(join(CONTENT_DIR, rel)), m?.[1] ?? "");
    expect(existsSync(target), `${m?.[1]} from content/${rel}`).toBe(true);
    expect(relative(SCHEMA_DIR, target)).toBe(SCHEMA_FOR[dirname(rel)]);
  });
});
