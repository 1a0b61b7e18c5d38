import { describe, expect, it } from "vitest";
import { describePlaces, FLYER_FORMAT_DEFINITIONS, FLYER_FORMATS, FLYER_PLACES, flyerPlaces } from "./flyer-formats.js";

describe("the flyer formats", () => {
  it.each(FLYER_FORMATS)("%s: the panels of every sheet fill its width, places count 1 to n once each", (format) => {
    const d = FLYER_FORMAT_DEFINITIONS[format];
    for (const sheet of d.sheets) expect(sheet.reduce((w, p) => w + p.widthMm, 0)).toBe(d.widthMm);
    expect(flyerPlaces(format).map((p) => p.place)).toEqual(
      Array.from({ length: FLYER_PLACES[format] }, (_, i) => i + 1),
    );
  });

  it("A4 and A5 have two pages, the roll fold six panels, the flap folded in 3 mm narrower", () => {
    expect(FLYER_PLACES).toEqual({ a4: 2, a5: 2, "din-lang-wickelfalz": 6 });
    const [outside, inside] = FLYER_FORMAT_DEFINITIONS["din-lang-wickelfalz"].sheets;
    expect(outside.map((p) => [p.place, p.widthMm])).toEqual([
      [3, 97],
      [6, 100],
      [1, 100],
    ]);
    expect(inside.map((p) => [p.place, p.widthMm])).toEqual([
      [2, 100],
      [4, 100],
      [5, 97],
    ]);
    expect(describePlaces("din-lang-wickelfalz")).toBe(
      "1 Titel, 2 innen links, 3 Einklappseite außen, 4 innen Mitte, 5 Einklappseite innen, 6 Rückseite",
    );
  });
});
