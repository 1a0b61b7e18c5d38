/**
 * Prints every test/fixtures/chromium/*.html with the system's Chromium exactly as the deck's export prints a slide
 * (tagged, 1280 × 720 px pages, no margins, backgrounds) and writes <probe>.pdf and <probe>.json (the Chromium that
 * printed it, the pages). Run after a Chromium upgrade, once src/chromium-contract.ts's checks pass again with the new one:
 *
 *   tsx scripts/chromium-fixture.ts
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
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
// Every probe page in the folder: probe.html (text, a link, soft hyphens, a list, a table, a figure over two pages),
// probe-folie.html (one page as a slide: aside, quote, nested list, mail and phone links), probe-drei.html (three
// pages, the last one ending without a page break).
for (const html of readdirSync(dir)
  .filter((f) => f.endsWith(".html"))
  .sort()) {
  const name = html.replace(/\.html$/, "");
  const source = readFileSync(join(dir, html), "utf8");
  const pages = (source.match(/<section class="page"/g) ?? []).length;
  const bytes = await printProbe(source, chromium);
  writeFileSync(join(dir, `${name}.pdf`), bytes);
  writeFileSync(
    join(dir, `${name}.json`),
    `${JSON.stringify({ chromium: browserIdentity(chromium).split("@")[1], pages }, null, 2)}\n`,
  );
  process.stdout.write(`Geschrieben: ${join(dir, `${name}.pdf`)} (${bytes.length} Bytes, ${pages} Seiten)\n`);
}
