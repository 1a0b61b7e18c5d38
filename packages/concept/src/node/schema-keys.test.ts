import { describe, expect, it } from "vitest";
import { bausteinSchema } from "../schemas/baustein.js";
import { conceptSchema } from "../schemas/concept.js";
import { flyerSchema } from "../schemas/flyer.js";
import { keysAt } from "./schema-keys.js";

/**
 * Pins what zod's internal definitions give for our schemas. If a zod upgrade changes `_zod.def`, these fail: then
 * adapt schema-keys.ts (the only reader) until they pass again.
 */
describe("keys of a schema at a field path (zod's internal definitions)", () => {
  it("reads the keys of an object, through lists, optional and default wrappers", () => {
    expect(keysAt(conceptSchema, [], {})).toContain("portal");
    expect(keysAt(bausteinSchema, ["measures", 0], { measures: [{}] })).toEqual(
      expect.arrayContaining(["id", "title", "summary", "status", "planned", "published", "details"]),
    );
    expect(keysAt(bausteinSchema, ["measures", 0, "details"], {})).toEqual(
      expect.arrayContaining(["title", "facts", "outline", "points"]),
    );
  });

  it("picks the member of a discriminated union by its tag", () => {
    const data = { sections: [{ type: "portal" }, { type: "measure" }] };
    expect(keysAt(flyerSchema, ["sections", 0], data)).toEqual(
      expect.arrayContaining(["type", "text", "title", "place"]),
    );
    expect(keysAt(flyerSchema, ["sections", 1], data)).toEqual(expect.arrayContaining(["measure", "part", "items"]));
  });

  it("gives nothing below a text field", () => {
    expect(keysAt(conceptSchema, ["title"], {})).toEqual([]);
  });
});
