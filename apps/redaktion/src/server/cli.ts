/**
 * `pnpm redaktion [--port 4321]`: the editor for the content folder of CONTENT_DIR, at http://127.0.0.1:<port>/.
 * Exit codes: 0 ended, 1 could not start, 2 wrong usage.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { resolveContentDir } from "@dus-opendata/concept/node";
import { CLIENT_DIR, startEditor } from "./server.js";

const USAGE = "Aufruf: pnpm redaktion [--port <Zahl>]   (Standard: 4321; der Inhaltsordner kommt aus CONTENT_DIR)";

function usage(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

const args = process.argv.slice(2).filter((a) => a !== "--");
let port = 4321;
for (let i = 0; i < args.length; i++) {
  const a = args[i] ?? "";
  const value = a.startsWith("--port=") ? a.slice(7) : a === "--port" ? args[++i] : undefined;
  if (value === undefined) usage(`Unbekannte Angabe „${a}“.`);
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 65535)
    usage(`„${value}“ ist kein Port: erlaubt ist eine Zahl von 1 bis 65535.`);
  port = Number(value);
}

const { abs, display, root } = resolveContentDir();
if (!existsSync(abs)) {
  process.stderr.write(`Den Inhaltsordner ${display}/ gibt es nicht. Bitte CONTENT_DIR prüfen.\n`);
  process.exit(1);
}
if (!existsSync(join(CLIENT_DIR, "index.html"))) {
  process.stderr.write(
    "Die Seite des Editors ist nicht gebaut: bitte mit „pnpm redaktion“ starten, das sie vorher baut.\n",
  );
  process.exit(1);
}

try {
  const editor = await startEditor({
    contentDir: abs,
    display,
    repoRoot: root,
    port,
    deckPreview: true,
    flyerPreview: true,
  });
  process.stdout.write(
    `Redaktion für den Inhaltsordner ${display}/: ${editor.url} im Browser öffnen (beenden mit Strg+C).\n` +
      "Die Vorschau der Folien startet im Hintergrund und erscheint nach einigen Sekunden.\n",
  );
  const stop = async () => {
    await editor.close();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
} catch (e) {
  const err = e as NodeJS.ErrnoException;
  if (err.code === "EADDRINUSE") {
    process.stderr.write(`Port ${port} ist schon belegt: bitte mit --port einen anderen wählen.\n`);
    process.exit(1);
  }
  throw e;
}
