/**
 * Builds every deck variant: the compiled app (once for all variants, reused while the code is unchanged), each
 * variant's site as that app plus its deck-data.json, and the PDFs of the variants whose data or app changed,
 * all printed by one Chromium. Everything is assembled in a staging folder beside the output folder and moved
 * into place only when complete, so a failed build leaves the last good outputs as they were.
 */
import { createHash } from "node:crypto";
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { dirname, join, resolve } from "node:path";
import { colors } from "@dus-opendata/brand";
import { formatStand, readingOrder } from "@dus-opendata/concept";
import { ContentError, findRepoRoot } from "@dus-opendata/concept/node";
import { ensureApp } from "../src/app-build.js";
import { DATA_FILE } from "../src/data-file.js";
import { deckDir } from "../src/deck-dir.js";
import { exporterHash, exportPdfs, findChromium } from "../src/export-pdf.js";
import { deckDataFor, loadConceptForDeck } from "../src/load-deck.js";

const appDir = deckDir;
const root = findRepoRoot(appDir);
// Outputs go to out/decks/ at the repository root unless DECK_OUT_DIR names another folder (the root build's
// staging area, tests).
const outDir = process.env.DECK_OUT_DIR ? resolve(process.env.DECK_OUT_DIR) : join(root, "out", "decks");
const seconds = (t: number) =>
  `${((performance.now() - t) / 1000).toLocaleString("de-DE", { maximumFractionDigits: 1 })} s`;
const say = (line: string) => process.stdout.write(`${line}\n`);

/** The favicon in the brand colour (Slidev's default favicon would be loaded from another host). */
function writeFavicon() {
  const file = join(appDir, "public", "favicon.svg");
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="${colors.primary}"/><rect x="8" y="8" width="16" height="16" fill="${colors.paper}"/></svg>\n`;
  if (existsSync(file) && readFileSync(file, "utf8") === svg) return;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, svg);
}

const sha256 = (bytes: Uint8Array | string) => createHash("sha256").update(bytes).digest("hex");

interface ManifestFile {
  /** Relative to the output folder, so that the same content gives the same manifest wherever it is built. */
  path: string;
  pages: number;
  bytes: number;
  /** PDFs: the heading texts (H1–H3) in the order the structure tree presents them, from the data. */
  readingOrder?: string[];
}
interface Manifest {
  stand: string;
  files: ManifestFile[];
  /** Per variant: the inputs its PDF was made from and the PDF's digest, to reuse it while they are unchanged. */
  pdfs?: Record<string, { key: string; sha256: string }>;
}

function readManifest(): Manifest | undefined {
  try {
    return JSON.parse(readFileSync(join(outDir, ".manifest", "decks.json"), "utf8")) as Manifest;
  } catch {
    return undefined;
  }
}

function size(path: string): number {
  const s = statSync(path);
  if (!s.isDirectory()) return s.size;
  return readdirSync(path).reduce((n, f) => n + size(join(path, f)), 0);
}

/** Moves a finished output into place; the previous one is removed only after the new one is there. */
function replace(from: string, to: string) {
  const old = `${to}.alt-${process.pid}`;
  if (existsSync(to)) renameSync(to, old);
  renameSync(from, to);
  rmSync(old, { recursive: true, force: true });
}

async function main(): Promise<number> {
  const t0 = performance.now();
  let concept: ReturnType<typeof loadConceptForDeck>;
  try {
    concept = loadConceptForDeck();
  } catch (e) {
    if (e instanceof ContentError) {
      process.stderr.write(`${e.message}\n\n${e.summary}\n`);
      return 1;
    }
    throw e;
  }
  // DECK_VARIANTS=a,b builds only those (tests, quick checks); default: every variant of the content.
  const only = process.env.DECK_VARIANTS?.split(",")
    .map((v) => v.trim())
    .filter(Boolean);
  const unknown = only?.filter((v) => !concept.decks.some((d) => d.id === v)) ?? [];
  if (unknown.length) {
    process.stderr.write(
      `Unbekannte Deck-Variante: ${unknown.join(", ")}. Vorhanden: ${concept.decks.map((d) => d.id).join(", ")}.\n`,
    );
    return 2;
  }
  const variants = concept.decks.map((d) => d.id).filter((v) => !only || only.includes(v));
  const data = Object.fromEntries(variants.map((v) => [v, deckDataFor(concept, v)]));
  const json = Object.fromEntries(variants.map((v) => [v, JSON.stringify(data[v])]));

  writeFavicon();
  const tApp = performance.now();
  const app = await ensureApp(root, appDir);
  if (app.compiled) say(`Präsentationen: App gebaut (${seconds(tApp)})`);

  mkdirSync(outDir, { recursive: true });
  // Staging beside out/decks (same file system, so the final moves are renames), never inside it.
  const staging = join(dirname(outDir), `.${relativeName(outDir)}-neu-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  const cleanup = () => rmSync(staging, { recursive: true, force: true });
  for (const signal of ["SIGINT", "SIGTERM"] as const)
    process.once(signal, () => {
      cleanup();
      process.exit(130);
    });
  try {
    // Sites: the app plus the variant's data.
    for (const v of variants) {
      cpSync(app.dir, join(staging, v), { recursive: true, filter: (src) => !src.endsWith(".app-hash") });
      writeFileSync(join(staging, v, DATA_FILE), json[v]!);
      say(`Präsentation ${v}: Website (${data[v]!.slides.length} Folien)`);
    }

    // PDFs: reuse a PDF whose inputs (app, data, exporter, browser) are unchanged; print the others.
    const chromium = findChromium();
    const previous = readManifest()?.pdfs ?? {};
    const pdfs: Record<string, { key: string; sha256: string }> = {};
    if (chromium) {
      const browser = `${chromium}@${statSync(chromium).size}`;
      const todo: string[] = [];
      for (const v of variants) {
        const key = sha256([app.hash, exporterHash(), browser, json[v]].join("\0"));
        const old = join(outDir, `${v}.pdf`);
        const was = previous[v];
        if (was && was.key === key && existsSync(old) && sha256(readFileSync(old)) === was.sha256) {
          cpSync(old, join(staging, `${v}.pdf`));
          pdfs[v] = was;
          say(`Präsentation ${v}: PDF unverändert`);
        } else {
          todo.push(v);
          pdfs[v] = { key, sha256: "" };
        }
      }
      if (todo.length) {
        const tPdf = performance.now();
        await exportPdfs(
          staging,
          todo.map((v) => {
            const d = data[v]!;
            return {
              site: v,
              slides: d.slides.length,
              meta: d.pdf,
              output: async (bytes) => {
                writeFileSync(join(staging, `${v}.pdf`), bytes);
                pdfs[v]!.sha256 = sha256(bytes);
                say(`Präsentation ${v}: PDF (${d.slides.length} Seiten, ${seconds(tPdf)})`);
              },
            };
          }),
          chromium,
        );
      }
    } else {
      say(
        "Hinweis: Chromium nicht gefunden (/usr/bin/chromium oder CHROMIUM_PATH) – Websites gebaut, PDFs der Präsentationen fehlen. Abhilfe: apt-get install -y chromium",
      );
    }

    // Everything is complete: move it into place.
    const written: ManifestFile[] = [];
    for (const v of variants) {
      replace(join(staging, v), join(outDir, v));
      written.push({
        path: `${v}/index.html`,
        pages: data[v]!.slides.length,
        bytes: size(join(outDir, v)),
      });
      if (pdfs[v]) {
        renameSync(join(staging, `${v}.pdf`), join(outDir, `${v}.pdf`));
        written.push({
          path: `${v}.pdf`,
          pages: data[v]!.slides.length,
          bytes: size(join(outDir, `${v}.pdf`)),
          // The headings of the records as plain text (the displayed copy carries soft hyphens for line breaking).
          readingOrder: readingOrder(data[v]!),
        });
      } else rmSync(join(outDir, `${v}.pdf`), { force: true });
    }
    // Variants that no longer exist in the content leave no outputs behind.
    if (!only)
      for (const entry of readdirSync(outDir)) {
        const id = entry.replace(/\.pdf$/, "");
        if (!entry.startsWith(".") && !variants.includes(id))
          rmSync(join(outDir, entry), { recursive: true, force: true });
      }
    writeManifest({ stand: formatStand(concept.stand), files: written, pdfs });
    say(`Präsentationen fertig (${seconds(t0)})`);
    return 0;
  } finally {
    cleanup();
  }
}

/** The output folder's name, for the staging folder beside it. */
function relativeName(dir: string): string {
  return dir.split(/[\\/]/).filter(Boolean).at(-1) ?? "decks";
}

/** What this build wrote, for the summary of `pnpm build` and for reusing unchanged PDFs next time. */
function writeManifest(manifest: Manifest) {
  const dir = join(outDir, ".manifest");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "decks.json"), `${JSON.stringify(manifest, null, 2)}\n`);
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  },
);
