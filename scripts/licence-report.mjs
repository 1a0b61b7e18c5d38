#!/usr/bin/env node
/**
 * `pnpm licence-report`: every production dependency with its version and licence, from the installed packages
 * (no network). Fails when a licence is neither permissive nor reviewed below: the outputs are used by a public
 * body, so nothing copyleft may be shipped inside them.
 */
import { execFileSync } from "node:child_process";

/** Licences that allow use, change and redistribution without obligations beyond keeping the notice. */
const PERMISSIVE = new Set([
  "MIT",
  "ISC",
  "0BSD",
  "BSD-2-Clause",
  "BSD-3-Clause",
  "Apache-2.0",
  "Unlicense",
  "CC0-1.0",
  "BlueOak-1.0.0",
  "Zlib",
  "(MIT AND Zlib)",
  "Python-2.0",
  "PSF-2.0",
  "CC-BY-4.0",
  "OFL-1.1",
  "MIT AND OFL-1.1",
]);

/** Reviewed by hand: why each is acceptable. */
const REVIEWED = {
  "(MIT OR GPL-3.0-or-later)": "dual licence; used under MIT",
  "(MPL-2.0 OR Apache-2.0)": "dual licence; used under Apache-2.0",
  "MPL-2.0": "lightningcss: CSS compiler run at build time, not part of any output",
  "MPL-2.0:axe-core":
    "accessibility rules run by `pnpm a11y` in CI against the outputs; unmodified, not part of any output",
  "Unknown:khroma": "MIT (licence file in the package; the package.json has no licence field)",
  "EPL-2.0 OR GPL-3.0-or-later:elkjs":
    "graph layout of mermaid (Slidev's diagrams), not part of any output: the deck draws no diagram, and apps/deck/test/slim-app.e2e.test.ts checks that neither mermaid nor elkjs is in the compiled app",
};

const raw = execFileSync("pnpm", ["licenses", "list", "--prod", "--json", "-r"], {
  encoding: "utf8",
  maxBuffer: 64 * 1024 * 1024,
});
const byLicence = JSON.parse(raw);
const rows = [];
const problems = [];
for (const [licence, pkgs] of Object.entries(byLicence)) {
  for (const p of pkgs) {
    const key = REVIEWED[`${licence}:${p.name}`] ? `${licence}:${p.name}` : licence;
    const note = PERMISSIVE.has(licence) ? "" : REVIEWED[key];
    if (!PERMISSIVE.has(licence) && !note) problems.push(`${p.name}@${p.versions.join(", ")}: ${licence}`);
    rows.push([p.name, p.versions.join(", "), licence, note ?? ""]);
  }
}
rows.sort((a, b) => a[0].localeCompare(b[0]));
const w = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i].length)));
if (!process.argv.includes("--quiet")) {
  for (const r of rows)
    console.log(`${r[0].padEnd(w[0])}  ${r[1].padEnd(w[1])}  ${r[2].padEnd(w[2])}  ${r[3]}`.trimEnd());
}
console.log(`\n${rows.length} Produktionsabhängigkeiten; Lizenzen: ${Object.keys(byLicence).sort().join(", ")}.`);
if (problems.length) {
  console.error(`Nicht geprüfte oder nicht erlaubte Lizenzen:\n  ${problems.join("\n  ")}`);
  process.exit(1);
}
console.log(
  "Alle Lizenzen erlauben die Nutzung durch eine Behörde; nichts mit Copyleft wird mit den Ausgaben ausgeliefert.",
);
