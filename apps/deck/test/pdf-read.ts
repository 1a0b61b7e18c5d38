/**
 * Reads a PDF the way an assistive technology or a checker does, with pdf.js (independent of the pdf-lib code
 * that writes it): the structure tree per page with each element's text, the text inside artifacts, and the
 * page's painting operators relative to marked content (Matterhorn 01-003, 01-004, 01-005).
 */
import { readFileSync } from "node:fs";
import { isPainting } from "@dus-opendata/a11y/pdf-content";
import { getDocument, OPS, type PDFDocumentProxy } from "pdfjs-dist/legacy/build/pdf.mjs";

export interface StructNode {
  role: string;
  alt?: string;
  lang?: string;
  /** The element's text: its marked content and its descendants', in structure order. */
  text: string;
  children: StructNode[];
}

export interface PageReport {
  /** The Document element's subtree as far as this page shows it. */
  tree: StructNode | undefined;
  /** Text drawn inside artifacts. */
  artifactText: string;
  /** Painting operators outside any marked content. */
  unmarkedPaint: number;
  /** Marked-content sequences with an MCID inside an artifact, and artifacts inside one with an MCID. */
  tagInArtifact: number;
  artifactInTag: number;
  /** MCIDs present in the content but not claimed by any structure element of this page. */
  orphanMcids: string[];
}

export function openPdf(file: string): Promise<PDFDocumentProxy> {
  return getDocument({ data: new Uint8Array(readFileSync(file)), verbosity: 0 }).promise;
}

type RawNode = { role?: string; alt?: string; lang?: string; type?: string; id?: string; children?: RawNode[] };
type TextItem = { str?: string; hasEOL?: boolean; type?: string; id?: string; tag?: string };

export async function readPage(doc: PDFDocumentProxy, n: number): Promise<PageReport> {
  const page = await doc.getPage(n);
  const content = await page.getTextContent({ includeMarkedContent: true });
  const byMcid = new Map<string, string>();
  let artifactText = "";
  const stack: { id?: string; artifact: boolean }[] = [];
  for (const raw of content.items as TextItem[]) {
    if (raw.type === "beginMarkedContentProps" || raw.type === "beginMarkedContent") {
      stack.push({ ...(raw.id ? { id: raw.id } : {}), artifact: raw.tag === "Artifact" });
      continue;
    }
    if (raw.type === "endMarkedContent") {
      stack.pop();
      continue;
    }
    const text = (raw.str ?? "") + (raw.hasEOL ? "\n" : "");
    if (stack.some((s) => s.artifact)) artifactText += text;
    const id = stack.findLast((s) => s.id)?.id;
    if (id) byMcid.set(id, (byMcid.get(id) ?? "") + text);
  }

  const claimed = new Set<string>();
  const convert = (node: RawNode): StructNode => {
    const children: StructNode[] = [];
    let text = "";
    for (const kid of node.children ?? []) {
      if (kid.type === "content" && kid.id) {
        claimed.add(kid.id);
        text += byMcid.get(kid.id) ?? "";
      } else if (kid.role) {
        const c = convert(kid);
        children.push(c);
        text += c.text;
      }
    }
    return {
      role: node.role ?? "",
      ...(node.alt ? { alt: node.alt } : {}),
      ...(node.lang ? { lang: node.lang } : {}),
      text,
      children,
    };
  };
  const raw = (await page.getStructTree()) as RawNode | null;
  const tree = raw?.children?.[0] ? convert(raw.children[0]) : undefined;

  const ops = await page.getOperatorList();
  const marks: { mcid: boolean; artifact: boolean }[] = [];
  let unmarkedPaint = 0;
  let tagInArtifact = 0;
  let artifactInTag = 0;
  const nameOf = (a: unknown) => (typeof a === "string" ? a : ((a as { name?: string })?.name ?? ""));
  ops.fnArray.forEach((fn, i) => {
    const args = ops.argsArray[i] as unknown[];
    if (fn === OPS.beginMarkedContent || fn === OPS.beginMarkedContentProps) {
      const artifact = nameOf(args[0]) === "Artifact";
      const mcid = fn === OPS.beginMarkedContentProps && typeof args[1] === "number";
      if (mcid && marks.some((m) => m.artifact)) tagInArtifact++;
      if (artifact && marks.some((m) => m.mcid)) artifactInTag++;
      marks.push({ mcid, artifact });
    } else if (fn === OPS.endMarkedContent) marks.pop();
    else if (isPainting(fn, args) && !marks.length) unmarkedPaint++;
  });
  const orphanMcids = [...byMcid.keys()].filter((id) => !claimed.has(id));
  return { tree, artifactText, unmarkedPaint, tagInArtifact, artifactInTag, orphanMcids };
}

/** Every node of a tree, depth first. */
export function walk(node: StructNode | undefined): StructNode[] {
  return node ? [node, ...node.children.flatMap(walk)] : [];
}

/** Text as a reader hears it: line ends and runs of white space as one space. */
export const spoken = (text: string) => text.replace(/\s+/g, " ").trim();
