import { linkDescription, qrAlt } from "@dus-opendata/concept";
import { type SectionLayout, sectionLayout } from "./adapt-sections.js";
import type { PreparedFlyer, PreparedSection, SectionData } from "./prepare-flyer.js";

/** Standard structure types of PDF 1.7 that the flyers use. */
export type Role =
  | "Document"
  | "Sect"
  | "Div"
  | "H1"
  | "H2"
  | "H3"
  | "P"
  | "L"
  | "LI"
  | "Lbl"
  | "LBody"
  | "BlockQuote"
  | "Figure"
  | "Link";

/**
 * One element of the structure tree as the patched @react-pdf/render reads it from the Document's `structureTree`
 * prop: nodes that paint name it with `structureId`. `text` is not written to the PDF: it is the heading text the
 * reading-order contract lists.
 */
export interface StructureNode {
  role: Role;
  id?: string;
  alt?: string;
  /** The link annotation's /Contents (what the link does), for a Link. */
  contents?: string;
  attributes?: Record<string, string>;
  text?: string;
  children?: StructureNode[];
}

/** Ids of the elements outside the sections. */
export const COVER_IDS = {
  city: "wortmarke-stadt",
  organisation: "wortmarke-organisation",
  claim: "wortmarke-claim",
  occasion: "anlass",
  title: "titel",
  subtitle: "unterzeile",
} as const;

/** The id of one part of section `index` (its heading `h`, paragraph `p0`, list item `pt2`, …). */
export const partId = (index: number, part: string) => `s${index}-${part}`;

/** Text as read aloud and listed: no-break spaces as blanks. */
const spoken = (s: string) => s.replace(/\u00A0/g, " ");

const leaf = (role: Role, id: string, extra: Partial<StructureNode> = {}): StructureNode => ({ role, id, ...extra });
const list = (numbering: "Disc" | "Decimal" | "None", items: StructureNode[][]): StructureNode => ({
  role: "L",
  attributes: { O: "List", ListNumbering: numbering },
  children: items.map((children) => ({ role: "LI", children })),
});
const link = (id: string, url: string, children: StructureNode[] = []): StructureNode => ({
  role: "Link",
  id,
  contents: linkDescription(url),
  children,
});

function describeBody(data: SectionData, id: (part: string) => string, layout: SectionLayout): StructureNode[] {
  switch (data.kind) {
    case "text": {
      const out = data.paragraphs.map((_, k) => leaf("P", id(`p${k}`)));
      if (data.points.length)
        out.push(
          list(
            "Disc",
            data.points.map((_, k) => [leaf("LBody", id(`pt${k}`))]),
          ),
        );
      if (data.quote) out.push({ role: "BlockQuote", children: [leaf("P", id("zitat")), leaf("P", id("quelle"))] });
      if (data.note) out.push(leaf("P", id("hinweis")));
      return out;
    }
    case "steps":
      return [
        list(
          "Decimal",
          data.steps.map((_, k) => [leaf("Lbl", id(`schritt${k}-nr`)), leaf("LBody", id(`schritt${k}`))]),
        ),
      ];
    case "bausteine":
      return [
        leaf("P", id("lead")),
        ...data.items.map((item, k) => ({
          role: "Div" as const,
          children: [
            leaf("P", id(`b${k}-label`)),
            leaf("H3", id(`b${k}-titel`), { text: spoken(item.title) }),
            ...(layout.noSummaries ? [] : [leaf("P", id(`b${k}-text`))]),
            leaf("P", id(`b${k}-zahlen`)),
          ],
        })),
      ];
    case "measures":
      return [
        list(
          "None",
          data.items.map((_, k) => [
            {
              role: "LBody",
              children: [leaf("P", id(`m${k}-titel`)), leaf("P", id(`m${k}-status`)), leaf("P", id(`m${k}-datum`))],
            },
          ]),
        ),
      ];
    case "portal":
      return [
        ...(data.text ? [leaf("P", id("text"))] : []),
        { role: "P", children: [link(id("adresse"), data.url)] },
        link(id("qr-link"), data.url, [leaf("Figure", id("qr"), { alt: qrAlt(data.url) })]),
      ];
    case "contact":
      return [
        ...(data.text ? [leaf("P", id("text"))] : []),
        {
          role: "Div",
          children: [
            ...data.lines.map((_, k) => leaf("P", id(`zeile${k}`))),
            { role: "P", children: [link(id("adresse"), data.url)] },
          ],
        },
      ];
  }
}

function describeSection(section: PreparedSection, step: number): StructureNode {
  const id = (part: string) => partId(section.index, part);
  const layout = sectionLayout(section.data.kind, step);
  return {
    role: "Sect",
    children: [leaf("H2", id("h"), { text: spoken(section.data.title) }), ...describeBody(section.data, id, layout)],
  };
}

/**
 * The flyer's structure tree, built from the model in the order the flyer is read: the wordmark, occasion, title
 * (H1) and subtitle of the cover, then every section by its place (1 to 6 on the leaflet, the pages of a flat
 * flyer) and, within a place, in the order of the flyer file. Each section is a Sect with its heading (H2);
 * the Bausteine inside a section have H3. Footers, bands, rules and marks have no element: they are artifacts.
 * `steps` are the plan's (adapt-sections.ts): a part a section leaves out to fit has no element either.
 */
export function describeStructure(f: PreparedFlyer, steps: Record<string, number> = {}): StructureNode {
  const cover: StructureNode[] = [
    {
      role: "Div",
      children: [leaf("P", COVER_IDS.city), leaf("P", COVER_IDS.organisation), leaf("P", COVER_IDS.claim)],
    },
    leaf("P", COVER_IDS.occasion),
    leaf("H1", COVER_IDS.title, { text: spoken(f.title) }),
    ...(f.subtitle ? [leaf("P", COVER_IDS.subtitle)] : []),
  ];
  return {
    role: "Document",
    children: [...cover, ...f.places.flat().map((s) => describeSection(s, steps[s.field] ?? 0))],
  };
}

/** The texts of the headings (H1, H2, H3) in the order the structure tree presents them. */
export function readingOrder(tree: StructureNode): string[] {
  const out: string[] = [];
  const walk = (n: StructureNode) => {
    if (/^H\d$/.test(n.role) && n.text !== undefined) out.push(n.text);
    for (const c of n.children ?? []) walk(c);
  };
  walk(tree);
  return out;
}
