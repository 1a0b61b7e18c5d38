/** The system's Chromium, started headless with the flags every tool of the repository uses. */
import { CHROMIUM_ARGS, findChromium } from "@dus-opendata/concept/node";
import { type Browser, chromium } from "playwright-core";

export { findChromium };

export function launchBrowser(executablePath: string): Promise<Browser> {
  return chromium.launch({ executablePath, args: [...CHROMIUM_ARGS] });
}
