/**
 * The contract with react-pdf's internal layout data, pinned (src/read-layout.ts reads it, nothing else does): a
 * small real document laid out by the installed react-pdf gives exactly these nodes, boxes, lines and marks. When
 * an update of react-pdf changes that shape, this test fails first, and the adapter refuses the new shape with a
 * German message instead of letting the overflow checks pass without looking.
 */
import { Document, Page, renderToBuffer, Text, View } from "@react-pdf/renderer";
import type { ReactElement } from "react";
import { describe, expect, it } from "vitest";
import { mark } from "../src/components/mark.js";
import { type LayoutNode, LayoutShapeError, layoutOfRender, readLayout, registerFonts } from "../src/index.js";

registerFonts();
const font = { fontFamily: "Source Sans 3", fontSize: 10, lineHeight: 1.2 };

async function layoutOf(doc: (onRender: (props: unknown) => void) => ReactElement): Promise<LayoutNode> {
  let props: unknown;
  await renderToBuffer(doc((p) => (props = p)) as never);
  return layoutOfRender(props);
}

/** A node as the checks see it, rounded to a hundredth of a point. */
const shape = (n: LayoutNode): object => ({
  kind: n.kind,
  ...(Object.keys(n.marks).length ? { marks: n.marks } : {}),
  top: Math.round(n.top * 100) / 100,
  height: Math.round(n.height * 100) / 100,
  width: Math.round(n.width * 100) / 100,
  ...(n.kind === "text"
    ? {
        column: n.column,
        fontSize: n.fontSize,
        lines: n.lines.map((l) => [l.text, Math.round(l.width * 100) / 100]),
      }
    : {}),
  ...(n.children.some((c) => c.kind !== "other")
    ? { children: n.children.filter((c) => c.kind !== "other").map(shape) }
    : {}),
});

const message = (detail: string) =>
  `Das Layout von @react-pdf/renderer hat nicht mehr die erwartete Form: ${detail}. Ohne diese Angaben lässt sich nicht prüfen, ob der Flyer passt; bitte apps/flyer/src/read-layout.ts an die neue Version anpassen (apps/flyer/README.md, „Bei einem Update von react-pdf“).`;

describe("das Layout von react-pdf, wie die Prüfungen es lesen", () => {
  it("ein Rahmen mit einem Absatz: Seiten, Abstände von der Oberkante der Seite, Spaltenbreite, Zeilen ohne Leerzeichen am Ende, Marken", async () => {
    const layout = await layoutOf((onRender) => (
      <Document onRender={onRender}>
        <Page size={[300, 400]}>
          <View {...mark({ frame: "feld" })} style={{ position: "absolute", top: 50, left: 20, width: 100 }}>
            <View {...mark({ field: "sections[0]" })} style={{ marginTop: 10, paddingLeft: 5 }}>
              <Text {...mark({ paragraph: true, entry: "sections[0]" })} style={{ ...font, paddingRight: 3 }}>
                Hallo Welt und noch mehr Text hier
              </Text>
            </View>
          </View>
        </Page>
      </Document>
    ));
    expect(shape(layout)).toEqual({
      kind: "document",
      top: 0,
      height: 0,
      width: 0,
      children: [
        {
          kind: "page",
          top: 0,
          height: 400,
          width: 300,
          children: [
            {
              kind: "view",
              marks: { frame: "feld" },
              top: 50,
              height: 34,
              width: 100,
              children: [
                {
                  kind: "view",
                  marks: { field: "sections[0]" },
                  top: 60,
                  height: 24,
                  width: 100,
                  children: [
                    {
                      kind: "text",
                      marks: { paragraph: true, entry: "sections[0]" },
                      top: 60,
                      height: 24,
                      width: 95,
                      column: 92,
                      fontSize: 10,
                      lines: [
                        ["Hallo Welt und noch ", 84.18],
                        ["mehr Text hier", 59.68],
                      ],
                    },
                  ],
                },
              ],
            },
          ],
        },
      ],
    });
  });

  it("eine andere Form lehnt es mit einer deutschen Meldung ab, statt nichts zu prüfen", () => {
    const page = (node: object) => ({ type: "DOCUMENT", box: {}, children: [{ type: "PAGE", box: node }] });
    const cases: [unknown, string][] = [
      [{}, "„onRender“ erhält kein „_INTERNAL__LAYOUT__DATA_“ mehr"],
      [{ _INTERNAL__LAYOUT__DATA_: { type: "ROOT" } }, "die Wurzel ist kein Knoten vom Typ „DOCUMENT“"],
      [
        { _INTERNAL__LAYOUT__DATA_: { type: "DOCUMENT", children: [] } },
        "das Dokument hat keine Knoten vom Typ „PAGE“",
      ],
      [
        { _INTERNAL__LAYOUT__DATA_: page({ top: "0", width: 1, height: 1 }) },
        "„box.top“ ist keine Zahl (DOCUMENT › PAGE[0])",
      ],
    ];
    for (const [props, detail] of cases) {
      expect(() => layoutOfRender(props)).toThrow(LayoutShapeError);
      expect(() => layoutOfRender(props)).toThrow(message(detail));
    }
    const box = { top: 0, width: 10, height: 10 };
    const text = (t: object) => ({
      type: "DOCUMENT",
      children: [{ type: "PAGE", box, children: [{ type: "TEXT", box, ...t }] }],
    });
    expect(() => readLayout(text({}))).toThrow(
      message("ein gesetzter Text hat keine Liste „lines“ (DOCUMENT › PAGE[0] › TEXT[0])"),
    );
    expect(() => readLayout(text({ lines: [{ text: "a", width: 3 }] }))).toThrow(
      message("Zeile 1 eines Textes hat kein „string“ und „xAdvance“ (DOCUMENT › PAGE[0] › TEXT[0])"),
    );
    expect(() => readLayout(text({ lines: [{ string: "a ", xAdvance: 3 }] }))).toThrow(
      message("Zeile 1 eines Textes hat keine „runs[].positions“ (DOCUMENT › PAGE[0] › TEXT[0])"),
    );
  });
});
