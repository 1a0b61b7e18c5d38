/**
 * Completes Chromium's tagged PDF to PDF/UA-1: artifacts for decorations and unmarked content, whole words for
 * copy and search, list bodies, a RoleMap for the PDF 2.0 types, the document metadata and link descriptions.
 */
import type { DocumentMetadata } from "@dus-opendata/concept";
import type { PDFDocument } from "pdf-lib";
import { type ArtifactCounts, markArtifacts } from "./pdf-artifacts.js";
import { renumberStructureIds } from "./pdf-ids.js";
import { describeLinks, writeDocumentMetadata } from "./pdf-metadata.js";
import { StructTree, wrapListBodies, writeRoleMap } from "./pdf-structure.js";

export interface AccessibilityReport extends ArtifactCounts {
  listBodies: number;
  roleMap: Record<string, string>;
  links: number;
}

export function makeAccessible(
  pdf: PDFDocument,
  fields: DocumentMetadata,
  describeLink: (uri: string) => string,
): AccessibilityReport {
  const tree = new StructTree(pdf);
  const artifacts = markArtifacts(pdf, tree);
  const listBodies = wrapListBodies(tree);
  const roleMap = writeRoleMap(tree);
  writeDocumentMetadata(pdf, fields);
  const links = describeLinks(pdf, describeLink);
  // Last: the steps above may remove elements (and their IDs).
  renumberStructureIds(pdf);
  return { ...artifacts, listBodies, roleMap, links };
}
