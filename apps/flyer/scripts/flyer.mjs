#!/usr/bin/env node
/**
 * Runs the flyer CLI (src/cli.tsx) as compiled JavaScript (see scripts/run-compiled.mjs): same commands, output
 * and exit codes as `tsx src/cli.tsx`; the renderer stays in a chunk of its own that loads only when a flyer has
 * to be rendered.
 */
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { runCompiled } from "../../../scripts/run-compiled.mjs";

const launcher = fileURLToPath(import.meta.url);
await runCompiled({ appDir: dirname(dirname(launcher)), entry: "src/cli.tsx", sources: ["src"], launcher });
