#!/usr/bin/env node
/**
 * Runs the deck's build (scripts/build.ts) as compiled JavaScript (see scripts/run-compiled.mjs): same output and
 * exit codes as `tsx scripts/build.ts`, without the TypeScript loader's start-up time.
 */
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { runCompiled } from "../../../scripts/run-compiled.mjs";

const launcher = fileURLToPath(import.meta.url);
await runCompiled({
  appDir: dirname(dirname(launcher)),
  entry: "scripts/build.ts",
  sources: ["scripts/build.ts", "src"],
  launcher,
});
