/**
 * Builds every deck variant: the compiled app (once for all variants, reused while the code is unchanged), each
 * variant's site as that app plus its deck-data.json, and the PDFs of the variants whose data or app changed,
 * all printed by one Chromium. Everything is assembled in a staging folder beside the output folder and moved
 * into place only when complete, so a failed build leaves the last good outputs as they were.
 */
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
import { colors, deckType } from "@dus-opendata/brand";
import { formatStand, readingOrder } from "@dus-opendata/concept";
import {
  browserIdentity,
  ContentError,
  Digest,
  findRepoRoot,
  isCurrent,
  type Manifest,
  type ManifestEntry,
  readManifest,
  type StaleOutput,
  sha256,
  writeManifest,
} from "@dus-opendata/concept/node";
import { ensureApp } from "../src/app-build.js";
import { DATA_FILE } from "../src/data-file.js";
import { deckDir } from "../src/deck-dir.js";
import { exporterHash, exportPdfs, findChromium, type ShrunkText } from "../src/export-pdf.js";
import { handoutReadingOrder, slideText } from "../src/handout-html.js";
import { HANDOUT_NAMES, type HandoutKind, handoutCodeHash, printHandouts } from "../src/handout-pdf.js";
import { contentLocate, deckDataFor, loadConceptForDeck, progressFor } from "../src/load-deck.js";

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

/** An output of the decks as the manifest records it (`out/decks/.manifest/decks.json`). */
interface DeckFile extends ManifestEntry {
  variant: string;
  kind: "site" | "pdf" | HandoutKind;
  /** PDFs: the heading texts (H1–H3) in the order the structure tree presents them, from the records. */
  readingOrder?: string[];
  /** Text that had to shrink below the brand's minimum size to fit its box. */
  shrunk?: ShrunkText[];
}
type DeckManifest = Manifest<DeckFile>;

const MANIFEST = join(outDir, ".manifest", "decks.json");

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

/** A shrunk text as the build reports it: where it is written, on which slide, how small. */
function describeShrunk(variant: string, s: ShrunkText): string {
  const where = s.source ? `${s.source}  ` : "";
  return `${where}Präsentation ${variant}, Folie ${s.slide}: Der Text „${s.text}“ passt nur in ${s.size} px auf die Folie (Mindestgröße ${deckType.minimum} px). Bitte kürzen oder auf mehrere Absätze aufteilen.`;
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
  const locate = contentLocate();
  // The history is read once for every variant (SEIT names another baseline than the previous Stand).
  const progress = progressFor(concept);
  if (progress.unknown) {
    process.stderr.write(`SEIT: ${progress.unknown}\n`);
    return 2;
  }
  const data = Object.fromEntries(
    variants.map((v) => [v, deckDataFor(concept, v, { locate, history: progress.history })]),
  );
  for (const v of variants) for (const n of data[v]!.notices ?? []) say(`Hinweis: Präsentation ${v}: ${n}`);
  // The browser's copy holds no source locations (a line moved by an edit elsewhere changes no output).
  const json = Object.fromEntries(
    variants.map((v) => [v, JSON.stringify(data[v], (key, value) => (key === "source" ? undefined : value))]),
  );
  // The deck PDF does not print the notes: a changed note reprints only the notes document.
  const printed = Object.fromEntries(
    variants.map((v) => [
      v,
      JSON.stringify(data[v], (key, value) => (key === "source" || key === "notes" ? undefined : value)),
    ]),
  );

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

    // PDFs: reuse a PDF made from the same inputs (app, records and metadata, exporter, browser); print the others.
    // Each PDF is its own transaction: one that cannot be printed keeps its last good file, the others go on.
    const chromium = findChromium();
    const before = readManifest<DeckManifest>(MANIFEST);
    const previous = new Map((before?.files ?? []).map((f) => [f.path, f]));
    // A PDF that could not be printed last time is not reused, even if its last good file is still there.
    for (const s of before?.stale ?? []) for (const f of s.files) previous.delete(f);
    const pdfs = new Map<string, DeckFile>();
    const failed = new Map<string, string>();
    // Notes and handouts by file name (`<variante>-notizen.pdf`).
    const handouts = new Map<string, DeckFile>();
    const handoutFailed = new Map<string, string>();
    if (chromium) {
      const browser = process.env.DECK_CHROMIUM?.startsWith(`${chromium}@`)
        ? process.env.DECK_CHROMIUM
        : browserIdentity(chromium);
      const exporter = exporterHash();
      const todo: { v: string; key: string }[] = [];
      for (const v of variants) {
        const key = new Digest()
          .add("app", app.hash)
          .add("exporter", exporter)
          .add("browser", browser)
          .add("deck", printed[v]!)
          .hex();
        const path = `${v}.pdf`;
        const was = previous.get(path);
        if (was && isCurrent(was, join(outDir, path), key)) {
          cpSync(join(outDir, path), join(staging, path));
          pdfs.set(v, was);
          say(`Präsentation ${v}: PDF unverändert`);
        } else todo.push({ v, key });
      }
      if (todo.length) {
        const tPdf = performance.now();
        await exportPdfs(
          staging,
          todo.map(({ v, key }) => {
            const d = data[v]!;
            return {
              site: v,
              slides: d.slides.length,
              meta: d.pdf,
              output: async (bytes, report) => {
                writeFileSync(join(staging, `${v}.pdf`), bytes);
                pdfs.set(v, {
                  path: `${v}.pdf`,
                  variant: v,
                  kind: "pdf",
                  pages: d.slides.length,
                  bytes: bytes.length,
                  key,
                  sha256: sha256(bytes),
                  // The headings of the records as plain text (the displayed copy carries soft hyphens).
                  readingOrder: readingOrder(d),
                  ...(report.shrunk.length ? { shrunk: report.shrunk } : {}),
                });
                say(`Präsentation ${v}: PDF (${d.slides.length} Seiten, ${seconds(tPdf)})`);
              },
              fail: (e) => failed.set(v, e.message),
            };
          }),
          chromium,
        );
      }

      // Notes and handouts: the slides of the variant's PDF placed on A4 pages. Each is its own transaction, made
      // again only when what it shows changed: the handout when the slides (the deck PDF's bytes) or their texts
      // did, the notes also when a note did.
      const code = handoutCodeHash();
      const handoutJobs: Parameters<typeof printHandouts>[0] = [];
      for (const v of variants) {
        const pdf = pdfs.get(v);
        if (!pdf) continue;
        const d = data[v]!;
        const deckPdf = readFileSync(join(staging, `${v}.pdf`));
        for (const kind of Object.keys(HANDOUT_NAMES) as HandoutKind[]) {
          const shown = {
            title: d.title,
            occasion: d.occasion,
            footer: d.footer,
            pdf: d.pdf,
            slides: d.slides.map((s) => ({
              title: s.title,
              text: slideText(s),
              ...(kind === "notizen" ? { notes: s.notes } : {}),
            })),
          };
          const key = new Digest()
            .add("code", code)
            .add("browser", browser)
            .add("slides", sha256(deckPdf))
            .add(kind, JSON.stringify(shown))
            .hex();
          const path = `${v}${HANDOUT_NAMES[kind].suffix}.pdf`;
          const was = previous.get(path);
          if (was && isCurrent(was, join(outDir, path), key)) {
            cpSync(join(outDir, path), join(staging, path));
            handouts.set(path, was);
            say(`Präsentation ${v}: ${HANDOUT_NAMES[kind].title} unverändert`);
            continue;
          }
          handoutJobs.push({
            kind,
            deck: d,
            deckPdf,
            output: async (bytes, pages) => {
              writeFileSync(join(staging, path), bytes);
              handouts.set(path, {
                path,
                variant: v,
                kind,
                pages,
                bytes: bytes.length,
                key,
                sha256: sha256(bytes),
                readingOrder: handoutReadingOrder(d),
              });
              say(`Präsentation ${v}: ${HANDOUT_NAMES[kind].title} (${pages} Seiten)`);
            },
            fail: (e) => handoutFailed.set(path, e.message),
          });
        }
      }
      await printHandouts(handoutJobs, chromium);
    } else {
      say(
        "Hinweis: Chromium nicht gefunden (/usr/bin/chromium oder CHROMIUM_PATH) – Websites gebaut, PDFs der Präsentationen fehlen. Abhilfe: apt-get install -y chromium",
      );
    }

    // Everything that was made is complete: move it into place.
    const files: DeckFile[] = [];
    const stale: StaleOutput[] = [];
    for (const v of variants) {
      replace(join(staging, v), join(outDir, v));
      files.push({
        path: `${v}/index.html`,
        variant: v,
        kind: "site",
        pages: data[v]!.slides.length,
        bytes: size(join(outDir, v)),
      });
      const pdf = pdfs.get(v);
      const reason = failed.get(v);
      if (pdf) {
        renameSync(join(staging, `${v}.pdf`), join(outDir, `${v}.pdf`));
        files.push(pdf);
      } else if (reason !== undefined) {
        // The last good PDF stays as it was, listed as not up to date.
        const was = before?.files.find((f) => f.path === `${v}.pdf`);
        if (was && existsSync(join(outDir, `${v}.pdf`))) files.push(was);
        stale.push({
          output: v,
          files: [`${v}.pdf`],
          reason: `Die PDF der Präsentation „${v}“ ließ sich nicht drucken (${reason}); ${was ? "es gilt weiter die PDF des letzten erfolgreichen Builds" : "es gibt noch keine PDF von ihr"}.`,
        });
      } else rmSync(join(outDir, `${v}.pdf`), { force: true });
      for (const kind of Object.keys(HANDOUT_NAMES) as HandoutKind[]) {
        const path = `${v}${HANDOUT_NAMES[kind].suffix}.pdf`;
        const made = handouts.get(path);
        const why = handoutFailed.get(path) ?? (reason !== undefined ? "die PDF der Präsentation fehlt" : undefined);
        if (made) {
          renameSync(join(staging, path), join(outDir, path));
          files.push(made);
        } else if (why !== undefined) {
          const was = before?.files.find((f) => f.path === path);
          if (was && existsSync(join(outDir, path))) files.push(was);
          stale.push({
            output: `${v}${HANDOUT_NAMES[kind].suffix}`,
            files: [path],
            reason: `${HANDOUT_NAMES[kind].title} der Präsentation „${v}“ (${path}) ließ sich nicht erzeugen (${why}); ${was ? "es gilt weiter die Datei des letzten erfolgreichen Builds" : "es gibt noch keine Datei davon"}.`,
          });
          failed.set(`${v}${HANDOUT_NAMES[kind].suffix}`, why);
        } else rmSync(join(outDir, path), { force: true });
      }
    }
    // Variants that no longer exist in the content leave no outputs behind.
    if (!only) {
      const kept = new Set(
        variants.flatMap((v) => [v, `${v}.pdf`, ...Object.values(HANDOUT_NAMES).map((h) => `${v}${h.suffix}.pdf`)]),
      );
      for (const entry of readdirSync(outDir))
        if (!entry.startsWith(".") && !kept.has(entry)) rmSync(join(outDir, entry), { recursive: true, force: true });
    }
    const notices = variants.flatMap((v) => (data[v]!.notices ?? []).map((n) => `Präsentation ${v}: ${n}`));
    writeManifest(MANIFEST, {
      stand: formatStand(concept.stand),
      files,
      ...(stale.length ? { stale } : {}),
      ...(notices.length ? { notices } : {}),
    });

    // Where each shrunk text is written, from the current records (a reused PDF's lines may have moved since).
    for (const f of files)
      for (const s of f.shrunk ?? []) {
        const source = data[f.variant]?.slides[s.slide - 1]?.source;
        say(`Warnung: ${describeShrunk(f.variant, source ? { ...s, source } : s)}`);
      }
    if (failed.size) {
      for (const [v, reason] of failed)
        process.stderr.write(`Präsentation ${v}: Die PDF ließ sich nicht drucken: ${reason}\n`);
      process.stderr.write(
        `Nicht aktuell: ${[...failed.keys()].map((v) => `out/decks/${v}.pdf`).join(", ")} (die letzte gute Fassung bleibt erhalten).\n`,
      );
      return 1;
    }
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

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  },
);
