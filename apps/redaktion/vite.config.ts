import vue from "@vitejs/plugin-vue";
import { defineConfig } from "vite";

/** The editor's page: built once into dist/client, served by the editor's own server (no dev server, no CDN). */
export default defineConfig({
  root: "src/client",
  base: "/",
  plugins: [vue()],
  build: { outDir: "../../dist/client", emptyOutDir: true, reportCompressedSize: false, chunkSizeWarningLimit: 2048 },
});
