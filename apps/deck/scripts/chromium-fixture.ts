/**
 * Prints test/fixtures/chromium/probe.html with the system's Chromium exactly as the deck's export prints a slide
 * (tagged, 1280 × 720 px pages, no margins, backgrounds) and writes probe.pdf and probe.json (the Chromium that
 * printed it). Run after a Chromium upgrade, once src/chromium-contract.ts's checks pass again with the new one:
 *
 *   tsx scripts/chromium-fixture.ts
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { browserIdentity } from "@dus-opendata/concept/node";
import { deckDir } from "../src/deck-dir.js";
import { findChromium, printProbe } from "../src/export-pdf.js";

const dir = join(deckDir, "test", "fixtures", "chromium");
const chromium = findChromium();
if (!chromium) {
  process.stderr.write("Chromium nicht gefunden (/usr/bin/chromium oder CHROMIUM_PATH).\n");
  process.exit(1);
}
const bytes = await printProbe(readFileSync(join(dir, "probe.html"), "utf8"), chromium);
writeFileSync(join(dir, "probe.pdf"), bytes);
writeFileSync(
  join(dir, "probe.json"),
  `${JSON.stringify({ chromium: browserIdentity(chromium).split("@")[1], pages: 2 }, null, 2)}\n`,
);
process.stdout.write(`Geschrieben: ${join(dir, "probe.pdf")} (${bytes.length} Bytes)\n`);
