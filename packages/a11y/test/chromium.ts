/** Browser tests skip only outside CI, and say so loudly; in CI a missing Chromium fails the run. */
import { findChromium } from "../src/site/launch-browser.js";

export const chromiumPath = findChromium();

export function requireChromium(): boolean {
  if (chromiumPath) return true;
  if (process.env.CI) throw new Error("Chromium fehlt in CI: apt-get install -y chromium");
  process.stderr.write(
    "\n!!! ÜBERSPRUNGEN: Chromium nicht gefunden (/usr/bin/chromium oder CHROMIUM_PATH). Die Browser-Prüfungen von pnpm a11y werden nicht getestet. !!!\n\n",
  );
  return false;
}
