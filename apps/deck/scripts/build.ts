/**
 * Builds every deck variant: the static sites in parallel, then all PDFs with one Chromium. Everything is built
 * in a staging folder first and moved into out/decks/ only when complete, so a failed build leaves the last
 * good outputs in place.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { colors } from "@dus-opendata/brand";
import { documentMetadata } from "@dus-opendata/concept";
import { ContentError, findRepoRoot } from "@dus-opendata/concept/node";
import { exportPdfs, findChromium } from "../src/export-pdf.js";
import { deckDataFor, loadConceptForDeck } from "../src/load-deck.js";

const appDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const root = findRepoRoot(appDir);
// Outputs go to out/decks/ at the repository root; DECK_OUT_DIR exists for tests that build hostile content.
const outDir = process.env.DECK_OUT_DIR ? resolve(process.env.DECK_OUT_DIR) : join(root, "out", "decks");
const quiet = !!process.env.CI || !process.stdout.isTTY;
const seconds = (t: number) =>
  `${((performance.now() - t) / 1000).toLocaleString("de-DE", { maximumFractionDigits: 1 })} s`;

/** The favicon in the brand colour (Slidev's default favicon would be loaded from another host). */
function writeFavicon() {
  mkdirSync(join(appDir, "public"), { recursive: true });
  writeFileSync(
    join(appDir, "public", "favicon.svg"),
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="${colors.primary}"/><rect x="8" y="8" width="16" height="16" fill="${colors.paper}"/></svg>\n`,
  );
}

/**
 * A project root of its own for each variant built in parallel: Slidev writes generated modules into
 * <root>/node_modules/.slidev, and parallel builds sharing one root would overwrite each other's files
 * mid-build. The variant root links to the deck's sources, so nothing is copied.
 */
const SHARED = [
  "slides.md",
  "vite.config.ts",
  "slide-top.vue",
  "components",
  "layouts",
  "setup",
  "styles",
  "public",
  "src",
];

function variantRoot(variant: string): string {
  const dir = join(appDir, ".build", variant);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const entry of SHARED) symlinkSync(join(appDir, entry), join(dir, entry));
  return dir;
}

function buildSite(variant: string, out: string): Promise<void> {
  return new Promise((ok, fail) => {
    const bin = join(appDir, "node_modules", ".bin", "slidev");
    const child = spawn(bin, ["build", "slides.md", "--base", "./", "--out", out], {
      cwd: variantRoot(variant),
      env: { ...process.env, DECK_VARIANT: variant, NODE_ENV: "production" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let log = "";
    child.stdout.on("data", (d) => {
      log += d;
    });
    child.stderr.on("data", (d) => {
      log += d;
    });
    child.on("close", (code) => {
      if (code === 0) ok();
      else
        fail(
          new Error(
            `Die Website der Variante „${variant}“ ließ sich nicht bauen (Slidev, Exit ${code}):\n${log.slice(-4000)}`,
          ),
        );
    });
  });
}

/** Moves a finished output into place; the previous one is removed only after the new one is there. */
function replace(from: string, to: string) {
  const old = `${to}.alt-${process.pid}`;
  if (existsSync(to)) renameSync(to, old);
  renameSync(from, to);
  rmSync(old, { recursive: true, force: true });
}

function size(path: string): number {
  const s = statSync(path);
  if (!s.isDirectory()) return s.size;
  return readdirSync(path).reduce((n, f) => n + size(join(path, f)), 0);
}

const kb = (n: number) => `${Math.round(n / 1024).toLocaleString("de-DE")} KB`;

async function main(): Promise<number> {
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
  // DECK_VARIANTS=poa,entscheider builds only those (tests, quick checks); default: every variant in content/decks/.
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
  if (variants.length === 0) {
    process.stdout.write("Keine Deck-Varianten in content/decks/ – nichts zu tun.\n");
    return 0;
  }
  const data = Object.fromEntries(variants.map((v) => [v, deckDataFor(concept, v)]));
  writeFavicon();
  mkdirSync(outDir, { recursive: true });
  const staging = join(outDir, `.neu-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  try {
    const t0 = performance.now();
    await Promise.all(
      variants.map(async (v) => {
        const t = performance.now();
        if (!quiet) process.stdout.write(`Präsentation ${v}: Website wird gebaut …\n`);
        await buildSite(v, join(staging, v));
        process.stdout.write(`Präsentation ${v}: Website fertig (${seconds(t)})\n`);
      }),
    );
    const chromium = findChromium();
    const pdfs: string[] = [];
    if (chromium) {
      const t = performance.now();
      await exportPdfs(
        staging,
        variants.map((v) => {
          const d = data[v]!;
          return {
            site: v,
            slides: d.outline.slides.length,
            meta: documentMetadata(concept, { title: d.outline.title, occasion: d.outline.occasion, medium: "deck" }),
            output: async (bytes) => {
              const file = join(staging, `${v}.pdf`);
              await writeFile(file, bytes);
              pdfs.push(v);
            },
          };
        }),
        chromium,
        (v) => {
          if (!quiet) process.stdout.write(`Präsentation ${v}: PDF wird exportiert …\n`);
        },
      );
      process.stdout.write(`PDF-Export aller Varianten fertig (${seconds(t)})\n`);
    } else {
      process.stdout.write(
        "Hinweis: Chromium nicht gefunden (/usr/bin/chromium oder CHROMIUM_PATH) – Websites gebaut, PDFs der Präsentationen fehlen. Abhilfe: apt-get install -y chromium\n",
      );
    }
    // Everything is complete: move it into place.
    const written: { path: string; pages: number; bytes: number }[] = [];
    for (const v of variants) {
      replace(join(staging, v), join(outDir, v));
      const site = join(outDir, v, "index.html");
      written.push({ path: relative(root, site), pages: data[v]!.outline.slides.length, bytes: size(join(outDir, v)) });
      if (pdfs.includes(v)) {
        renameSync(join(staging, `${v}.pdf`), join(outDir, `${v}.pdf`));
        written.push({
          path: relative(root, join(outDir, `${v}.pdf`)),
          pages: data[v]!.outline.slides.length,
          bytes: size(join(outDir, `${v}.pdf`)),
        });
      } else rmSync(join(outDir, `${v}.pdf`), { force: true });
    }
    // Variants that no longer exist in the content leave no outputs behind.
    for (const entry of readdirSync(outDir)) {
      const id = entry.replace(/\.pdf$/, "");
      if (!only && !entry.startsWith(".") && !variants.includes(id))
        rmSync(join(outDir, entry), { recursive: true, force: true });
    }
    writeManifest(written, data[variants[0]!]!.stand);
    process.stdout.write(`Präsentationen fertig in ${seconds(t0)}\n`);
    return 0;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** What this build wrote, for the summary of `pnpm build` (also restored from turbo's cache). */
function writeManifest(written: { path: string; pages: number; bytes: number }[], stand: string) {
  const dir = join(outDir, ".manifest");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "decks.json"), `${JSON.stringify({ stand, files: written }, null, 2)}\n`);
  if (!quiet) for (const w of written) process.stdout.write(`  ${w.path}  ${w.pages} Folien  ${kb(w.bytes)}\n`);
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
