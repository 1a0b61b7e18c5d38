/**
 * Copies of the content folder outside it, with the unsaved edits applied: the loader checks the edited concept
 * there (its messages name the real folder), and the deck's live preview reads its own copy, which holds only the
 * variant being previewed (the live preview shows a folder's first variant). Only files that changed are written,
 * so the live preview sees one change per edit.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

export class Shadow {
  /** The whole concept with the edits: what the loader checks and the flyer preview renders. */
  readonly checkDir: string;
  /** The same with only the previewed variant in decks/: what the deck's live preview reads. */
  readonly previewDir: string;
  private variant: string | undefined;
  private texts = new Map<string, string>();

  constructor(readonly root: string) {
    this.checkDir = join(root, "inhalt");
    this.previewDir = join(root, "vorschau");
    rmSync(root, { recursive: true, force: true });
    mkdirSync(this.checkDir, { recursive: true });
    mkdirSync(this.previewDir, { recursive: true });
  }

  /** Sets both copies to these files (path inside the folder → text); `variant`: the deck file the preview keeps. */
  write(texts: Map<string, string>, variant?: string): void {
    if (variant !== undefined) this.variant = variant;
    const keep = this.variant ?? [...texts.keys()].find((rel) => rel.startsWith("decks/"))?.slice(6, -5);
    const inPreview = (rel: string) => !rel.startsWith("decks/") || rel === `decks/${keep}.yaml`;
    for (const dir of [this.checkDir, this.previewDir]) {
      const wanted = new Map([...texts].filter(([rel]) => dir === this.checkDir || inPreview(rel)));
      for (const [rel, text] of wanted) {
        const abs = join(dir, ...rel.split("/"));
        if (existsSync(abs) && readFileSync(abs, "utf8") === text) continue;
        mkdirSync(dirname(abs), { recursive: true });
        writeFileSync(abs, text);
      }
      for (const rel of listFiles(dir)) if (!wanted.has(rel)) rmSync(join(dir, ...rel.split("/")), { force: true });
    }
    this.texts = new Map(texts);
  }

  text(rel: string): string | undefined {
    return this.texts.get(rel);
  }

  remove(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  if (existsSync(join(dir, "concept.yaml"))) out.push("concept.yaml");
  for (const folder of ["bausteine", "decks", "flyers"]) {
    const abs = join(dir, folder);
    if (existsSync(abs)) for (const f of readdirSync(abs)) out.push(`${folder}/${f}`);
  }
  return out;
}
