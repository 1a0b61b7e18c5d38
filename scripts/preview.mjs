#!/usr/bin/env node
/** `pnpm preview`: serves out/ on http://localhost:4173/ so the built decks can be presented from a browser. */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
if (!existsSync(join(root, "out", "decks"))) {
  process.stderr.write("Es gibt noch keine gebauten Präsentationen: bitte zuerst „pnpm build“ ausführen.\n");
  process.exit(1);
}
const run = spawnSync(join(root, "node_modules", ".bin", "tsx"), ["scripts/preview.ts", ...process.argv.slice(2)], {
  cwd: join(root, "apps", "deck"),
  stdio: "inherit",
});
process.exit(run.status ?? 0);
