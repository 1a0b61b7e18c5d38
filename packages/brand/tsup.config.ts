import { defineConfig } from "tsup";

// `build` writes the JavaScript only; the declarations come from the separate `build:types` task
// (`tsup --dts-only`), which only typechecking needs. Each cleans only its own files in dist/.
export default defineConfig((cli) => {
  const typesOnly = typeof cli.dts === "object" && cli.dts.only === true;
  return {
    entry: { index: "src/index.ts", node: "src/node.ts" },
    format: ["esm"],
    dts: typesOnly ? { only: true } : false,
    target: "node24",
    clean: typesOnly ? ["**/*.d.ts"] : ["**/*.js", "**/*.js.map"],
  };
});
