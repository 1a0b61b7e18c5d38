/** The deck app's folder, from src/ (tests, tsx, Vite) or from the compiled dist/<version>/ (scripts/deck.mjs). */
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

function findDeckDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "package.json")) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

export const deckDir = findDeckDir();
