export { type SectionLayout, sectionLayout } from "./adapt-sections.js";
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
export { describeStructure, readingOrder, type StructureNode } from "./describe-structure.js";
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
} from "./prepare-flyer.js";
export { type RenderedFlyer, registerFonts, renderAll, renderFlyer, renderPrepared } from "./render-flyer.js";
export { type Brand, createStyles, usedTextPairs } from "./styles.js";
export { writeFileSafely } from "./write-file-safely.js";
export { isTagged, type PdfMeta, writeMetadata } from "./write-metadata.js";
