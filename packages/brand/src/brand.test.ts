import { existsSync, readFileSync } from "node:fs";
import { STATUS_KINDS } from "@dus-opendata/concept";
import { describe, expect, it } from "vitest";
import { contrastRatio, statusColors, textPairs } from "./index.js";
import { ttfFonts } from "./node.js";

describe("brand", () => {
  it.each(textPairs)("text colour %s on %s (%s) has a contrast of at least 4.5:1", (fg, bg) => {
    expect(contrastRatio(fg, bg)).toBeGreaterThanOrEqual(4.5);
  });

  it("computes WCAG contrast like the reference values", () => {
    expect(contrastRatio("#000000", "#FFFFFF")).toBeCloseTo(21, 5);
    expect(contrastRatio("#777777", "#FFFFFF")).toBeCloseTo(4.48, 2);
  });

  it("ships every weight of the brand font as a real TrueType file", () => {
    const fonts = ttfFonts();
    expect(fonts).toHaveLength(6);
    for (const f of fonts) {
      expect(existsSync(f.path), f.path).toBe(true);
      const magic = readFileSync(f.path).subarray(0, 4).toString("hex");
      expect(magic).toBe("00010000");
    }
  });

  it("has a colour for every status kind of the concept, in the order of progress", () => {
    expect(Object.keys(statusColors)).toEqual(STATUS_KINDS);
  });
});
