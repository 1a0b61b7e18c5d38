import { fileURLToPath } from "node:url";
import type { UserConfig } from "vite";
import { conceptDeckPlugin } from "./src/vite-plugin.js";

const unused = (file: string) => fileURLToPath(new URL(`./src/unused/${file}`, import.meta.url));

/**
 * Parts of Slidev the deck does not use, which Slidev's client imports whatever the headmatter says: mapped to
 * stand-ins (src/unused/), so they are neither compiled nor shipped. The headmatter switches off what Slidev lets
 * switch off (slides.md); test/slim-app.e2e.test.ts checks the compiled app for both.
 */
const UNUSED_MODULES = [
  // Type popups of twoslash code blocks, and its stylesheet.
  { find: /^@shikijs\/vitepress-twoslash\/client$/, replacement: unused("index.ts") },
  { find: /^@shikijs\/vitepress-twoslash\/style\.css$/, replacement: unused("empty.css") },
  // Animated code blocks (Shiki Magic Move) and GitHub-style alert boxes: their stylesheets.
  { find: /^@shikijs\/magic-move\/style\.css$/, replacement: unused("empty.css") },
  { find: /^markdown-it-github-alerts\/styles\/[\w-]+\.css$/, replacement: unused("empty.css") },
  // v-motion animations (@vueuse/motion with popmotion) and drawing on slides (drauu with roughjs).
  { find: /^@vueuse\/motion$/, replacement: unused("index.ts") },
  { find: /^drauu$/, replacement: unused("index.ts") },
  // Slidev's logo (94 kB), shown only in its info dialog, which the headmatter switches off (`info: false`).
  { find: /^\.\.\/assets\/logo\.png$/, replacement: unused("empty.svg") },
  // Hand-drawn marks (v-mark, with roughjs).
  { find: /^@slidev\/rough-notation$/, replacement: unused("index.ts") },
  // The client needs one function of Slidev's Markdown parser, parseRangeString; its core entry re-exports it from
  // the utils entry and brings the YAML parser with it.
  { find: /^@slidev\/parser\/core$/, replacement: "@slidev/parser/utils" },
  // Vue without its template compiler: every template of the deck and of Slidev is compiled at build time (Slidev
  // ships the full build for addons that compile templates in the browser).
  { find: /^vue$/, replacement: "vue/dist/vue.runtime.esm-bundler.js" },
];

export default {
  plugins: [conceptDeckPlugin()],
  // Vite's cache of pre-bundled dependencies: the editor's live preview names one of its own
  // (DECK_VITE_CACHE_DIR), so that it and a `pnpm dev` or a test's preview running at the same time do not rewrite
  // each other's files (a page whose dependencies were re-bundled under it stays blank).
  ...(process.env.DECK_VITE_CACHE_DIR ? { cacheDir: process.env.DECK_VITE_CACHE_DIR } : {}),
  resolve: { alias: UNUSED_MODULES },
  server: { fs: { strict: false } },
  // The print view in the built site: our exporter prints all variants from their built sites with one browser.
  define: { __SLIDEV_FEATURE_PRINT__: "true" },
  build: { reportCompressedSize: false, chunkSizeWarningLimit: 4096 },
} satisfies UserConfig;
