/**
 * The content folder as the editor reads and writes it: which files there are, each with the hash of the version
 * read, and the only way the editor writes one, atomically and only a YAML file that is really inside the folder.
 */
import { createHash, randomBytes } from "node:crypto";
import {
  closeSync,
  existsSync,
  fsyncSync,
  lstatSync,
  openSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from "node:fs";
import { dirname, join, relative, sep } from "node:path";

export type FileKind = "concept" | "baustein" | "deck" | "flyer";

export interface ContentFile {
  /** Path inside the content folder, always with „/“, e.g. `bausteine/01-texte.yaml`. */
  rel: string;
  kind: FileKind;
}

export const FOLDERS: Record<string, FileKind> = { bausteine: "baustein", decks: "deck", flyers: "flyer" };

/** The order the loader reads them in: concept.yaml, then each folder by name as the loader sorts it. */
export function listContentFiles(dir: string): ContentFile[] {
  const files: ContentFile[] = [];
  if (existsSync(join(dir, "concept.yaml"))) files.push({ rel: "concept.yaml", kind: "concept" });
  for (const [folder, kind] of Object.entries(FOLDERS)) {
    const abs = join(dir, folder);
    if (!existsSync(abs)) continue;
    const names = readdirSync(abs)
      .filter((f) => /\.ya?ml$/i.test(f) && statSync(join(abs, f)).isFile())
      .sort((a, b) => a.localeCompare(b, "de", { numeric: true }));
    for (const name of names) files.push({ rel: `${folder}/${name}`, kind });
  }
  return files;
}

export function hashText(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

export function readContentFile(dir: string, rel: string): { text: string; hash: string } {
  const text = readFileSync(join(dir, ...rel.split("/")), "utf8");
  return { text, hash: hashText(text) };
}

/** A write the editor refuses; the message says why, in German. */
export class WriteRefused extends Error {}

const ALLOWED = /^(?:concept\.yaml|(?:bausteine|decks|flyers)\/[^/\\]+\.yaml)$/;

/**
 * The absolute path of a content file the editor may write, or WriteRefused: only `concept.yaml` and `.yaml` files
 * directly in bausteine/, decks/ and flyers/ that exist; no `..`, no absolute path, no other extension, and no file
 * or folder that is a symbolic link leading out of the content folder (checked on the real paths).
 */
export function writablePath(dir: string, rel: unknown): string {
  if (typeof rel !== "string" || rel.length > 300 || /[\0\r\n]/.test(rel))
    throw new WriteRefused("Der Dateiname ist ungültig.");
  if (rel.startsWith("/") || /^[a-zA-Z]:/.test(rel) || rel.split(/[/\\]/).some((s) => s === ".." || s === "."))
    throw new WriteRefused(`„${rel}“ liegt nicht im Inhaltsordner: geschrieben werden nur Dateien darin.`);
  if (!ALLOWED.test(rel))
    throw new WriteRefused(
      `„${rel}“ ist keine Inhaltsdatei: geschrieben werden nur concept.yaml und .yaml-Dateien in bausteine/, decks/ und flyers/.`,
    );
  const abs = join(dir, ...rel.split("/"));
  let real: string;
  let realDir: string;
  try {
    realDir = realpathSync(dir);
    if (!lstatSync(abs).isFile() && !lstatSync(abs).isSymbolicLink()) throw new Error("keine Datei");
    real = realpathSync(abs);
  } catch {
    throw new WriteRefused(
      `Die Datei „${rel}“ gibt es nicht im Inhaltsordner; der Editor legt keine neuen Dateien an.`,
    );
  }
  const inside = (p: string) => p === realDir || p.startsWith(realDir + sep);
  if (!inside(real) || !inside(realpathSync(dirname(abs))) || relative(realDir, real) !== join(...rel.split("/")))
    throw new WriteRefused(
      `„${rel}“ ist ein Verweis auf eine Datei außerhalb des Inhaltsordners (oder an anderer Stelle darin): sie wird nicht geschrieben.`,
    );
  if (!statSync(real).isFile()) throw new WriteRefused(`„${rel}“ ist keine Datei.`);
  return real;
}

/** Writes a file so that no reader ever sees half of it: a temporary file in the same folder, then a rename. */
export function writeAtomically(abs: string, text: string): void {
  const tmp = join(dirname(abs), `.${randomBytes(6).toString("hex")}.redaktion.tmp`);
  const fd = openSync(tmp, "wx", statSync(abs).mode & 0o777);
  try {
    writeSync(fd, text, 0, "utf8");
    fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    rmSync(tmp, { force: true });
    throw e;
  }
  closeSync(fd);
  try {
    renameSync(tmp, abs);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}
