import { defineConfig } from "tsup";

// `build` writes the JavaScript only; the declarations come from the separate `build:types` task
// (`tsup --dts-only`): generating them takes seconds and nothing that builds the outputs needs them,
// only typechecking. Each cleans only its own files in dist/.
export default defineConfig((cli) => {
  const typesOnly = typeof cli.dts === "object" && cli.dts.only === true;
  return {
    entry: { index: "src/index.ts", labels: "src/labels.ts", node: "src/node.ts", cli: "src/cli.ts" },
    format: ["esm"],
    dts: typesOnly
      ? { entry: { index: "src/index.ts", labels: "src/labels.ts", node: "src/node.ts" }, only: true }
      : false,
    target: "node24",
    clean: typesOnly ? ["**/*.d.ts"] : ["**/*.js", "**/*.js.map"],
    sourcemap: true,
  };
});
