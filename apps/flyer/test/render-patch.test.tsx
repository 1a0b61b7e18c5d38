/**
 * The pnpm patch of @react-pdf/render on a minimal document: the structure tree from the Document's `structureTree`,
 * content marked by `structureId`, everything else an artifact, links with OBJR on their own page, and nothing
 * changed for a document without a tree.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { Document, Link, Page, Path, renderToBuffer, Svg, Text, View } from "@react-pdf/renderer";
import type { ReactElement } from "react";
import { afterAll, describe, expect, it } from "vitest";
import { registerFonts } from "../src/index.js";
import { removeDir, tempDir } from "./helpers.js";
import { outline, readTaggedPdf } from "./read-tagged-pdf.js";

registerFonts();
const dir = tempDir("patch");
afterAll(() => removeDir(dir));

// The patch's props are not in react-pdf's types.
const tag = (structureId: string) => ({ structureId }) as object;
const artifact = (type: string) => ({ artifact: type }) as object;
const font = { fontFamily: "Source Sans 3", fontSize: 10 };

async function render(name: string, doc: ReactElement): Promise<string> {
  const path = join(dir, `${name}.pdf`);
  writeFileSync(path, await renderToBuffer(doc as never));
  return path;
}

const tree = {
  role: "Document",
  children: [
    { role: "H1", id: "h1" },
    { role: "P", id: "p" },
    {
      role: "Link",
      id: "link",
      contents: "Link zu example.org",
      children: [{ role: "Figure", id: "fig", alt: "Ein Quadrat" }],
    },
    { role: "P", id: "p2" },
  ],
};

function Sample({ withTree = true }: { withTree?: boolean }) {
  const props = withTree ? { structureTree: tree } : {};
  return (
    <Document title="Probe" language="de-DE" {...props}>
      <Page size="A6" style={{ ...font, backgroundColor: "#ffffff" }}>
        <View style={{ height: 10, backgroundColor: "#b4001e" }} />
        <Text {...tag("h1")} style={{ ...font, fontSize: 18 }}>
          Überschrift
        </Text>
        <View {...tag("p")} style={{ borderTopWidth: 1, borderTopColor: "#cccccc" }}>
          <Text style={font}>Ein Absatz,</Text>
          <Text style={font}>zwei Zeilen.</Text>
        </View>
        <Link src="https://example.org" {...tag("link")}>
          <Svg width={20} height={20} viewBox="0 0 10 10" {...tag("fig")}>
            <Path d="M0 0h10v10h-10z" fill="#000000" />
          </Svg>
        </Link>
        <View {...artifact("Pagination")} style={{ position: "absolute", bottom: 10 }}>
          <Text style={font}>Fußzeile 1</Text>
        </View>
      </Page>
      <Page size="A6" style={font}>
        <Text {...tag("p2")} style={font}>
          Seite zwei.
        </Text>
      </Page>
    </Document>
  );
}

describe("gepatchtes @react-pdf/render", () => {
  it("baut den Strukturbaum in der Reihenfolge des structureTree, nicht der Zeichenreihenfolge", async () => {
    const r = await readTaggedPdf(await render("probe", <Sample />));
    expect(r.marked).toBe(true);
    expect(outline(r.root)).toEqual([
      "Document",
      "  H1 Überschrift",
      "  P Ein Absatz, zwei Zeilen.",
      "  Link",
      "    Figure [Ein Quadrat]",
      "  P Seite zwei.",
    ]);
    expect(r.parentTreeProblems).toEqual([]);
  });

  it("markiert alles andere als Artefakt: keine Zeichenoperation außerhalb markierter Inhalte", async () => {
    const r = await readTaggedPdf(await render("probe", <Sample />));
    expect(r.pages.map((p) => p.unmarkedPainting)).toEqual([0, 0]);
    // Page 1: page background, red band, border of the paragraph view, footer; then H1 and P (two texts).
    expect(r.pages[0]?.sequences).toEqual({ Artifact: 4, H1: 1, P: 2, Figure: 1 });
    expect(r.pages[1]?.sequences).toEqual({ P: 1 });
  });

  // pdfkit writes an OBJR's page when the element is flushed: the link on page 1 must not point to page 2.
  it("hängt die Link-Annotation mit OBJR, /Contents und StructParent an ihr Element, auf ihrer eigenen Seite", async () => {
    const r = await readTaggedPdf(await render("probe", <Sample />));
    const link = r.root?.children[2];
    expect(link?.annotations).toEqual([
      { contents: "Link zu example.org", uri: "https://example.org", structParent: expect.any(Number), page: 1 },
    ]);
  });

  it("meldet eine unbekannte structureId und eine doppelte id", async () => {
    await expect(
      renderToBuffer(
        (
          <Document {...{ structureTree: { role: "Document", children: [] } }}>
            <Page>
              <Text {...tag("fehlt")}>x</Text>
            </Page>
          </Document>
        ) as never,
      ),
    ).rejects.toThrow(`structureId "fehlt" is not in the Document's structureTree`);
    await expect(
      renderToBuffer(
        (
          <Document
            {...{
              structureTree: {
                role: "Document",
                children: [
                  { role: "P", id: "a" },
                  { role: "P", id: "a" },
                ],
              },
            }}
          >
            <Page />
          </Document>
        ) as never,
      ),
    ).rejects.toThrow(`structureTree: the id "a" is used twice`);
  });

  it("ändert nichts an einem Dokument ohne structureTree", async () => {
    const path = await render("ohne", <Sample withTree={false} />);
    const r = await readTaggedPdf(path);
    expect(r.marked).toBe(false);
    expect(r.root).toBeUndefined();
    expect(r.pages.map((p) => p.sequences)).toEqual([{}, {}]);
    expect(r.pages[0]?.unmarkedPainting).toBeGreaterThan(0);
  });
});
