import { defineConfig } from "tsup";

// `build` writes the JavaScript only; the declarations come from the separate `build:types` task
// (`tsup --dts-only`), which only typechecking needs. Each writes and cleans a folder of its own (dist/, dist-types/), so the two never
// remove each other's files when turbo runs them side by side.
export default defineConfig((cli) => {
  const typesOnly = typeof cli.dts === "object" && cli.dts.only === true;
  return {
    entry: { index: "src/index.ts", node: "src/node.ts" },
    format: ["esm"],
    dts: typesOnly ? { only: true } : false,
    target: "node24",
    outDir: typesOnly ? "dist-types" : "dist",
    clean: true,
  };
});
