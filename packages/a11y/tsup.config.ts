import { defineConfig } from "tsup";

// `build` writes the JavaScript only; the declarations come from the separate `build:types` task
// (`tsup --dts-only`), which only typechecking needs. Each cleans only its own files in dist/.
// `pdf-content` is for the apps' PDF tests: one definition of which operators paint.
export default defineConfig((cli) => {
  const typesOnly = typeof cli.dts === "object" && cli.dts.only === true;
  return {
    entry: { cli: "src/cli.ts", "pdf-content": "src/pdf/read-page-content.ts" },
    format: ["esm"],
    dts: typesOnly ? { only: true } : false,
    target: "node24",
    sourcemap: !typesOnly,
    clean: typesOnly ? ["**/*.d.ts"] : ["**/*.js", "**/*.js.map"],
  };
});
