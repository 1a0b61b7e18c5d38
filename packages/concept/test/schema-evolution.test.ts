/**
 * Content evolves without breaking: a content folder valid for the first release stays valid. Every field added to
 * the content schemas since then is optional, with a default derived from the fields every release had.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { labels } from "../src/index.js";
import { generateJsonSchemas, loadConceptSync } from "../src/node.js";
import { FIXTURE_CONCEPTS, fixtureConcepts } from "./helpers.js";

/**
 * What the first release's JSON Schemas (content/schema/*.json of the first commit) required, per object: the path
 * of properties (`[]` for a list's entries, a flyer section by its `type`).
 */
const FIRST_RELEASE_REQUIRED: Record<string, Record<string, string[]>> = {
  "concept.schema.json": {
    "/": ["city", "claim", "closing", "intro", "organisation", "period", "portal", "stand", "team", "title"],
    "/intro/[]": ["id", "title"],
    "/intro/[]/quote": ["source", "text"],
  },
  "baustein.schema.json": {
    "/": ["chances", "id", "measures", "risks", "summary", "title", "why"],
    "/why": ["text", "title"],
    "/measures/[]": ["id", "planned", "published", "status", "summary", "title"],
    "/measures/[]/details/facts/[]": ["label", "value"],
    "/measures/[]/details/outline/[]": ["title"],
  },
  "deck.schema.json": { "/": ["occasion", "sections"] },
  "flyer.schema.json": {
    "/": ["format", "occasion", "sections", "title"],
    "/sections/[]/intro": ["section", "type"],
    "/sections/[]/bausteine": ["type"],
    "/sections/[]/measures": ["block", "type"],
    "/sections/[]/text": ["title", "type"],
    "/sections/[]/steps": ["steps", "title", "type"],
    "/sections/[]/portal": ["type"],
    "/sections/[]/contact": ["type"],
  },
};

/** Fields of concept.yaml added since the first release. */
const ADDED_TO_CONCEPT = ["purpose", "sender", "portalName", "keywords"] as const;

interface JsonSchema {
  required?: string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  const?: unknown;
}

/** Every object's required fields, by the path of properties. */
function requiredFields(schema: JsonSchema, path = "", found: Record<string, string[]> = {}) {
  if (schema.required) found[path || "/"] = [...schema.required].sort();
  for (const [key, value] of Object.entries(schema.properties ?? {})) requiredFields(value, `${path}/${key}`, found);
  if (schema.items) requiredFields(schema.items, `${path}/[]`, found);
  for (const variant of [...(schema.oneOf ?? []), ...(schema.anyOf ?? [])])
    requiredFields(variant, `${path}/${String(variant.properties?.type?.const ?? "")}`, found);
  return found;
}

const temps: string[] = [];
afterAll(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

/** A copy of a fixture concept whose concept.yaml has none of the fields added since the first release. */
function withoutAddedFields(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `erste-fassung-${name}-`));
  temps.push(dir);
  cpSync(join(FIXTURE_CONCEPTS, name), dir, { recursive: true });
  const file = join(dir, "concept.yaml");
  const doc = parseDocument(readFileSync(file, "utf8"));
  for (const key of ADDED_TO_CONCEPT) doc.delete(key);
  writeFileSync(file, doc.toString({ lineWidth: 0 }));
  return dir;
}

describe("content written for the first release stays valid", () => {
  it("no content schema requires a field the first release did not require", () => {
    for (const [file, json] of Object.entries(generateJsonSchemas())) {
      const now = requiredFields(JSON.parse(json) as JsonSchema);
      const then = FIRST_RELEASE_REQUIRED[file] ?? {};
      for (const [path, fields] of Object.entries(now)) {
        // A new kind of section or block is optional as a whole: what it requires, it requires only where used.
        if (!(path in then)) continue;
        expect(
          fields.filter((f) => !then[path]?.includes(f)),
          `${file} ${path}`,
        ).toEqual([]);
      }
    }
  });

  it.each(fixtureConcepts())(
    "%s without the fields added since then loads, with the derived defaults and nothing else changed",
    (name) => {
      const full = loadConceptSync(join(FIXTURE_CONCEPTS, name));
      const first = loadConceptSync(withoutAddedFields(name));
      expect(first.sender).toBe(`${full.organisation}, ${full.city}`);
      expect(first.portalName).toBe(labels.portal);
      expect(first.keywords).toEqual([]);
      expect(first.purpose).toBeUndefined();
      const rest = (c: typeof full) => {
        const { sender, portalName, keywords, purpose, ...others } = c;
        return others;
      };
      expect(rest(first)).toEqual(rest(full));
    },
  );

  it("an explicit value wins over the default", () => {
    const c = loadConceptSync(join(FIXTURE_CONCEPTS, "kleinstadt"));
    const yaml = parseDocument(readFileSync(join(FIXTURE_CONCEPTS, "kleinstadt", "concept.yaml"), "utf8"));
    expect(c.sender).toBe(yaml.get("sender"));
    expect(c.portalName).toBe(yaml.get("portalName"));
  });

  it("the JSON Schemas say what a field left out means", () => {
    const concept = JSON.parse(generateJsonSchemas()["concept.schema.json"] ?? "{}") as {
      properties: Record<string, { description: string }>;
    };
    expect(concept.properties.sender?.description).toContain("Ohne Angabe: Organisation und Stadt");
    expect(concept.properties.portalName?.description).toContain(`Ohne Angabe: „${labels.portal}“`);
    expect(concept.properties.purpose?.description).toContain("Ohne Angabe");
    expect(concept.properties.keywords?.description).toBeDefined();
  });
});
