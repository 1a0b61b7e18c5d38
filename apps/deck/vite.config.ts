import type { UserConfig } from "vite";
import { conceptDeckPlugin } from "./src/vite-plugin.js";

export default {
  plugins: [conceptDeckPlugin()],
  server: { fs: { strict: false } },
  // The print view in the built site: our exporter prints all variants from their built sites with one browser.
  define: { __SLIDEV_FEATURE_PRINT__: "true" },
  build: { reportCompressedSize: false, chunkSizeWarningLimit: 4096 },
} satisfies UserConfig;
