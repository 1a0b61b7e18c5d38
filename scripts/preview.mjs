#!/usr/bin/env node
/**
 * `pnpm preview`: serves the built outputs (OUT_DIR, default out/) on http://127.0.0.1:4173/ — the overview page at
 * `/`, every deck under `/decks/<variante>/` — so that a presentation can be given from a browser and a colleague
 * can be sent one link. Another port with PORT.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import { isAbsolute, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { findRepoRoot } from "../packages/concept/src/node/environment.js";

const root = findRepoRoot();
const given = process.env.OUT_DIR?.trim() || "out";
const out = isAbsolute(given) ? given : resolve(root, given);
if (!existsSync(join(out, "index.html"))) {
  process.stderr.write(`Es gibt noch keine gebauten Ausgaben in ${given}/: bitte zuerst „pnpm build“ ausführen.\n`);
  process.exit(1);
}
const { serveStatic } = await import(pathToFileURL(join(root, "packages", "serve", "dist", "index.js")).href);
const server = await serveStatic(out, Number(process.env.PORT ?? 4173));
const decks = existsSync(join(out, "decks"))
  ? readdirSync(join(out, "decks")).filter((d) => !d.startsWith(".") && statSync(join(out, "decks", d)).isDirectory())
  : [];
process.stdout.write(`Übersicht aller Ausgaben: ${server.url}/\n`);
for (const d of decks)
  process.stdout.write(`  ${server.url}/decks/${d}/   (Referentenansicht: ${server.url}/decks/${d}/#/presenter/1)\n`);
process.stdout.write("Beenden mit Strg+C.\n");
