export { addPrintMarks, cropToTrim, finishPdfs } from "./add-print-marks.js";
export { assertFits, findRunts } from "./assert-fits.js";
export {
  type BuildEvent,
  type BuiltFlyer,
  buildFlyers,
  type Manifest,
  type ManifestFile,
  type WrittenFile,
} from "./build-flyers.js";
export { type DescribedFlyer, describeFlyer, describeStructure } from "./describe-flyer.js";
export { type FlyerElement, readingOrder, type StructureNode, structureOf } from "./elements.js";
export * from "./formats.js";
export { digestCode, keyFlyer } from "./key-flyer.js";
export { locateFlyerError } from "./locate-flyer-error.js";
export { type Fit, FOOTER, FOOTER_NARROW, type Frame, type Plan, planPages } from "./plan-pages.js";
export {
  FlyerError,
  type FlyerProblem,
  type PreparedFlyer,
  type PreparedSection,
  prepareFlyer,
  type SectionData,
  type TextPart,
} from "./prepare-flyer.js";
export { type LayoutNode, LayoutShapeError, layoutOfRender, readLayout } from "./read-layout.js";
export { type RenderedFlyer, registerFonts, renderAll, renderFlyer, renderPrepared } from "./render-flyer.js";
export { describeSection, MIN_SHOWN, type SectionLayout, sectionLayout } from "./section-kinds.js";
export { type Brand, createStyles, usedTextPairs } from "./styles.js";
export { isTagged, type PdfMeta, writeMetadata } from "./write-metadata.js";
