/**
 * Live preview of one deck variant (default: the first of the content folder): Slidev's dev server with the
 * content folder watched.
 * Editing a YAML file updates the open slides without a page reload; content errors show on the slides
 * (with file and line) until the file is fixed.
 */
import { spawn } from "node:child_process";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { ContentError, resolveContentDir } from "@dus-opendata/concept/node";
import { loadConceptForDeck, UnknownVariantError, variantOf } from "../src/load-deck.js";

const appDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2).filter((a) => a !== "--");
const asked = args.find((a) => !a.startsWith("-"));
let variant = asked ?? "";
const port = Number(process.env.PORT ?? 3030);

try {
  variant = variantOf(loadConceptForDeck(), asked).id;
} catch (e) {
  if (e instanceof UnknownVariantError) {
    process.stderr.write(`${e.message}\n`);
    process.exit(2);
  }
  if (e instanceof ContentError) {
    // Start anyway: the preview shows the problems and recovers once the files are fixed.
    process.stderr.write(`${e.message}\n\n${e.summary}\n`);
    process.exit(1);
  }
  throw e;
}

process.stdout.write(
  `Vorschau der Variante „${variant}“ aus ${resolveContentDir().display}/: http://localhost:${port}/ (Referentenansicht: http://localhost:${port}/#/presenter/1)\n`,
);
const child = spawn(
  join(appDir, "node_modules", ".bin", "slidev"),
  ["slides.md", "--port", String(port), "--open", "false", "--bind", process.env.HOST ?? "127.0.0.1"],
  {
    cwd: appDir,
    env: { ...process.env, DECK_VARIANT: variant },
    stdio: "inherit",
  },
);
child.on("close", (code) => process.exit(code ?? 0));
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
