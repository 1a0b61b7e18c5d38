import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fontFamily } from "./tokens.js";

const require = createRequire(import.meta.url);

export interface FontFile {
  family: string;
  weight: 400 | 600 | 700;
  style: "normal" | "italic";
  /** Absolute path of the TTF file (for PDFs). */
  path: string;
}

const TTF = [
  [400, "normal", "400Regular/SourceSans3_400Regular.ttf"],
  [400, "italic", "400Regular_Italic/SourceSans3_400Regular_Italic.ttf"],
  [600, "normal", "600SemiBold/SourceSans3_600SemiBold.ttf"],
  [600, "italic", "600SemiBold_Italic/SourceSans3_600SemiBold_Italic.ttf"],
  [700, "normal", "700Bold/SourceSans3_700Bold.ttf"],
  [700, "italic", "700Bold_Italic/SourceSans3_700Bold_Italic.ttf"],
] as const;

/** The brand font as TTF files, for react-pdf (which cannot read WOFF2). */
export function ttfFonts(): FontFile[] {
  const root = dirname(require.resolve("@expo-google-fonts/source-sans-3/package.json"));
  return TTF.map(([weight, style, file]) => ({ family: fontFamily, weight, style, path: join(root, file) }));
}

/** Folder of the web font files (WOFF2, WOFF) and their CSS, for the deck. */
export function webFontDir(): string {
  return dirname(require.resolve("@fontsource/source-sans-3/package.json"));
}

export * from "./font-coverage.js";
