/** Serves the built decks from out/ (127.0.0.1 only) and lists their addresses. */
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { findRepoRoot } from "@dus-opendata/concept/node";
import { serveStatic } from "@dus-opendata/serve";

const root = join(findRepoRoot(), "out");
const port = Number(process.env.PORT ?? 4173);
const server = await serveStatic(root, port);
const decks = readdirSync(join(root, "decks")).filter(
  (d) => !d.startsWith(".") && statSync(join(root, "decks", d)).isDirectory(),
);
process.stdout.write(`Die Präsentationen unter ${server.url}/:\n`);
for (const d of decks)
  process.stdout.write(`  ${server.url}/decks/${d}/   (Referentenansicht: ${server.url}/decks/${d}/#/presenter/1)\n`);
process.stdout.write("Beenden mit Strg+C.\n");
