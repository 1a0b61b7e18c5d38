import { describe, expect, it } from "vitest";
import { labels } from "./labels.js";

describe("labels", () => {
  it("name every status kind in the concept's words", () => {
    expect(labels.statusKinds).toEqual({
      "not-started": "noch nicht begonnen",
      "in-progress": "in Arbeit",
      "took-place": "stattgefunden",
      done: "erledigt",
      delayed: "verzögert",
      dropped: "entfallen",
      unknown: "ohne Angabe",
    });
    expect([labels.status, labels.planned, labels.published]).toEqual(["Status", "Datum (Plan)", "Veröffentlicht"]);
  });
});
