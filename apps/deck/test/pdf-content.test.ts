/** The content-stream rewriting behind the tagged deck PDF: artifacts, decorations and soft hyphens, on small streams. */
import { describe, expect, it } from "vitest";
import { markPageArtifacts, type PageContext } from "../src/pdf-artifacts.js";
import { applyEdits, decodeTextString, parseContent } from "../src/pdf-content.js";
import { type GlyphText, glyphsToText, parseToUnicode } from "../src/pdf-unicode.js";

/** A font whose code 0001 is a space, 0002 a hyphen, 0010 the letter a, 0011 an ft ligature. */
const font: GlyphText = {
  codeLength: 2,
  map: parseToUnicode(
    "1 beginbfchar\n<0001> <0020>\n<0002> <002D>\nendbfchar\n1 beginbfrange\n<0010> <0010> <0061>\n<0011> <0011> <00660074>\nendbfrange",
  ),
};
const ctx = (roles: Record<number, string> = {}): PageContext => ({
  owner: (mcid) => roles[mcid] ?? "P",
  fonts: new Map([["F1", font]]),
});

/** Operators with the marked-content nesting depth they run at, and the tag of each open sequence. */
function shape(text: string): string[] {
  const stack: string[] = [];
  const out: string[] = [];
  for (const op of parseContent(text)) {
    if (op.op === "BDC" || op.op === "BMC") {
      const tag = op.operands[0]?.kind === "name" ? op.operands[0].value : "?";
      stack.push(tag);
      out.push(`${op.op}:${tag}`);
    } else if (op.op === "EMC") {
      stack.pop();
      out.push("EMC");
    } else out.push(`${stack.join("/") || "-"} ${op.op}`);
  }
  return out;
}

describe("content stream", () => {
  it("splits operations with strings, hex strings, arrays, dictionaries and names", () => {
    const text = "/P <</MCID 3 /ActualText (a\\)b\\051)>> BDC\nBT /F1 12 Tf [(x) -20 <0041>] TJ ET\nEMC % note\n";
    const ops = parseContent(text);
    expect(ops.map((o) => o.op)).toEqual(["BDC", "BT", "Tf", "TJ", "ET", "EMC"]);
    const dict = ops[0]!.operands[1]!;
    expect(dict.kind).toBe("dict");
    if (dict.kind !== "dict") return;
    expect(dict.entries.get("MCID")).toMatchObject({ kind: "number", value: 3 });
    expect(dict.entries.get("ActualText")).toMatchObject({ kind: "string", bytes: "a)b)" });
    const tj = ops[3]!.operands[0]!;
    expect(tj.kind === "array" && tj.items.map((i) => i.raw)).toEqual(["(x)", "-20", "<0041>"]);
  });

  it("keeps every byte it does not edit, and inserts and replaces whole operations", () => {
    const text = "q 1 0 0 1 0 0 cm\n0 0 10 10 re f Q";
    const ops = parseContent(text);
    expect(applyEdits(text, ops, [])).toBe(text);
    const out = applyEdits(text, ops, [
      { from: 2, to: 2, text: "/Artifact BMC" },
      { from: 4, to: 4, text: "EMC" },
      { from: 0, to: 1, text: "q" },
    ]);
    expect(out).toBe("q 1 0 0 1 0 0 cm\n/Artifact BMC\n0 0 10 10 re f EMC\nQ");
  });

  it("decodes UTF-16 text strings", () => {
    expect(decodeTextString("\xfe\xff\x00\xad")).toBe("\u00AD");
    expect(decodeTextString("\xfe\xff\x00f\x00\xad\x00t")).toBe("f\u00ADt");
    expect(decodeTextString("abc")).toBe("abc");
  });

  it("reads bfchar and bfrange sections of a ToUnicode map, including ranges that count up", () => {
    const map = parseToUnicode("beginbfrange\n<0020> <0022> <0041>\n<0030> <0031> [<0078> <00790079>]\nendbfrange");
    expect([map.get(0x20), map.get(0x22), map.get(0x30), map.get(0x31)]).toEqual(["A", "C", "x", "yy"]);
    expect(glyphsToText(font, "\x00\x10\x00\x11")).toBe("aft");
    expect(glyphsToText(font, "\x00\x99")).toBeUndefined();
  });
});

describe("artifacts", () => {
  it("wraps painting outside marked content as an artifact, inside a text object where it starts there", () => {
    const text = "0 0 1280 720 re f\n/P <</MCID 0>> BDC BT /F1 12 Tf <0010> Tj ET EMC\nBT /F1 9 Tf <0010> Tj ET";
    const { text: out, counts } = markPageArtifacts(text, ctx());
    expect(counts.wrapped).toBe(2);
    expect(shape(out)).toEqual([
      "BMC:Artifact",
      "Artifact re",
      "Artifact f",
      "EMC",
      "BDC:P",
      "P BT",
      "P Tf",
      "P Tj",
      "P ET",
      "EMC",
      "- BT",
      "BMC:Artifact",
      "Artifact Tf",
      "Artifact Tj",
      "EMC",
      "- ET",
    ]);
  });

  it("leaves operations that paint nothing (clipping, state) outside and never splits a path", () => {
    const text = "q 0 0 10 10 re W* n 1 0 0 RG 5 5 m 6 6 l S Q q";
    const { text: out } = markPageArtifacts(text, ctx());
    expect(shape(out)).toEqual([
      "BMC:Artifact",
      "Artifact q",
      "Artifact re",
      "Artifact W*",
      "Artifact n",
      "Artifact RG",
      "Artifact m",
      "Artifact l",
      "Artifact S",
      "EMC",
      "- Q",
      "- q",
    ]);
  });

  it("turns tagged content that paints only vector graphics into an artifact, except in a figure", () => {
    const text =
      "/NonStruct <</MCID 0>> BDC 0 0 5 5 re f EMC /Figure <</MCID 1>> BDC 0 0 5 5 re f EMC /P <</MCID 2>> BDC 0 0 5 5 re f BT /F1 9 Tf <0010> Tj ET EMC";
    const { text: out, detached } = markPageArtifacts(text, ctx({ 0: "NonStruct", 1: "Figure", 2: "P" }));
    expect(detached).toEqual([0]);
    expect(shape(out).filter((s) => s.startsWith("B"))).toEqual(["BMC:Artifact", "BDC:Figure", "BDC:P"]);
  });

  it("keeps a decoration tagged when tagged content is nested inside it (no structure inside an artifact)", () => {
    const text = "/Div <</MCID 0>> BDC 0 0 5 5 re f /P <</MCID 1>> BDC 0 0 5 5 re f EMC EMC";
    const { detached } = markPageArtifacts(text, ctx({ 0: "Div", 1: "P" }));
    expect(detached).toEqual([]);
  });

  it("marks a span around unstructured glyphs as an artifact as a whole", () => {
    const text = "BT /F1 9 Tf /Span <</Lang (en)>> BDC <0010> Tj EMC ET";
    const { text: out } = markPageArtifacts(text, ctx());
    expect(shape(out)).toEqual(["- BT", "- Tf", "BMC:Artifact", "BDC:Span", "Artifact/Span Tj", "EMC", "EMC", "- ET"]);
  });

  it("refuses a stream whose marked content does not close", () => {
    expect(() => markPageArtifacts("/P <</MCID 0>> BDC 0 0 1 1 re f", ctx())).toThrow("BMC/BDC ohne EMC");
  });
});

describe("soft hyphens", () => {
  const shy = (actual: string) => `/Span<</ActualText <feff${actual}> >> BDC`;

  it("removes an invisible soft-hyphen glyph with its span when the next glyph is placed anew", () => {
    const text = `BT /F1 9 Tf /P <</MCID 0>> BDC 1 0 Td <0010> Tj ${shy("00ad")} 5 0 Td <0001> Tj EMC 0 0 Td <0010> Tj EMC ET`;
    const { text: out, counts } = markPageArtifacts(text, ctx());
    expect(counts.softHyphens).toBe(1);
    expect(out).not.toContain("ActualText");
    expect(out).not.toContain("<0001>");
    // The positioning stays: every glyph is where it was.
    expect(parseContent(out).filter((o) => o.op === "Td")).toHaveLength(3);
  });

  it("keeps a visible hyphen at a line break and takes U+00AD out of its ActualText", () => {
    const text = `BT /F1 9 Tf /P <</MCID 0>> BDC <0010> Tj ${shy("00ad")} 5 0 Td <0002> Tj EMC ET EMC`;
    const { text: out } = markPageArtifacts(text, ctx());
    expect(out).toContain("<0002> Tj");
    expect(out).toContain("/Span <</ActualText <FEFF>>> BDC");
  });

  it("keeps a ligature's letters when a soft hyphen sits inside it", () => {
    const text = `BT /F1 9 Tf /P <</MCID 0>> BDC ${shy("006600ad0074")} 5 0 Td <0011> Tj 0 0 Td <0001> Tj EMC ET EMC`;
    const { text: out } = markPageArtifacts(text, ctx());
    expect(out).toContain("/Span <</ActualText <FEFF00660074>>> BDC");
    expect(out).toContain("<0011> Tj");
  });

  it("keeps the span (emptied) when removing the glyph would move the next one", () => {
    const text = `BT /F1 9 Tf /P <</MCID 0>> BDC ${shy("00ad")} <0001> Tj EMC <0010> Tj EMC ET`;
    const { text: out } = markPageArtifacts(text, ctx());
    expect(out).toContain("<0001> Tj");
    expect(out).toContain("/Span <</ActualText <FEFF>>> BDC");
  });

  it("restores the font with the graphics state (Q), so a glyph is read in the font it is drawn with", () => {
    // Inside q…Q the font is F2 (unknown here); after Q it is F1 again, whose 0001 is a space.
    const text = `BT /F1 9 Tf q /F2 9 Tf Q /P <</MCID 0>> BDC ${shy("00ad")} 1 0 Td <0001> Tj EMC 0 0 Td <0010> Tj EMC ET`;
    expect(markPageArtifacts(text, ctx()).text).not.toContain("<0001>");
    const unknown = `BT /F2 9 Tf /P <</MCID 0>> BDC ${shy("00ad")} 1 0 Td <0001> Tj EMC 0 0 Td <0010> Tj EMC ET`;
    expect(markPageArtifacts(unknown, ctx()).text).toContain("<0001>");
  });
});
