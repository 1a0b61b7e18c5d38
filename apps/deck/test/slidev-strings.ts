/**
 * The English words of Slidev's own UI, read from the source of @slidev/client as Slidev ships it: every text a
 * template renders (text, interpolations, text attributes such as `title`, `aria-label`, `placeholder`, and the
 * string literals of bound text props such as a control's options) and every sentence-like string or text
 * property (`label`, `title`, `display`, …) of a script. The installed client carries our patch, so the patch is
 * taken off a copy first: the words are Slidev's, whatever the patch translates. A Slidev upgrade that adds a
 * label adds its words here, and the German-UI test then fails until the label is translated or hidden.
 */
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { babelParse, parse as parseSfc } from "vue/compiler-sfc";
import { root } from "./support.js";

/** Attributes whose value is text a person reads or hears. */
const TEXT_ATTRIBUTES = new Set([
  "title",
  "aria-label",
  "aria-description",
  "aria-roledescription",
  "aria-valuetext",
  "aria-placeholder",
  "placeholder",
  "alt",
  "label",
  "text",
  "description",
  "tooltip",
  "display",
  "options",
  "items",
]);
/** Object properties whose string value is shown (menu items, segment options, page titles). */
const TEXT_KEYS = new Set(["label", "title", "display", "description", "placeholder", "text", "tooltip", "message"]);
/** A sentence or phrase in a script: starts with a capital letter and has a space (`'Enter password'`). */
const PHRASE = /^[A-Z][a-z]+\b.*\s/s;

export interface UiString {
  /** The file, relative to the client's folder. */
  file: string;
  text: string;
}

/** The folder of the installed @slidev/client (a dependency of @slidev/cli). */
export function slidevClientDir(): string {
  const cli = createRequire(join(root, "apps", "deck", "package.json")).resolve("@slidev/cli/package.json");
  return dirname(createRequire(cli).resolve("@slidev/client/package.json"));
}

/** The patch of @slidev/client named in pnpm-workspace.yaml. */
export function slidevPatch(): string | undefined {
  const workspace = readFileSync(join(root, "pnpm-workspace.yaml"), "utf8");
  const m = /^\s*"?@slidev\/client@[^":]+"?:\s*(\S+)\s*$/m.exec(workspace);
  return m ? join(root, m[1]!) : undefined;
}

function sourceFiles(dir: string, base = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === "node_modules") return [];
    if (statSync(path).isDirectory()) return sourceFiles(path, base);
    return /\.(vue|ts)$/.test(name) && !/\.(test|d)\.ts$/.test(name) ? [relative(base, path)] : [];
  });
}

/** The client's source as Slidev published it: a copy with our patch reversed (git apply -R fails loudly). */
export function pristineClient(): { dir: string; dispose: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "slidev-client-"));
  const client = slidevClientDir();
  for (const f of sourceFiles(client)) cpSync(join(client, f), join(dir, f), { recursive: true });
  const patch = slidevPatch();
  if (patch) execFileSync("git", ["apply", "-R", "--unidiff-zero", patch], { cwd: dir, stdio: "pipe" });
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

type BabelNode = { type: string; [key: string]: unknown };

/** Every string literal and every fixed part of a template literal in an expression or a script. */
function literals(node: unknown, out: { text: string; key?: string }[], key?: string): void {
  if (!node || typeof node !== "object") return;
  if (Array.isArray(node)) {
    for (const n of node) literals(n, out, key);
    return;
  }
  const n = node as BabelNode;
  if (n.type === "StringLiteral") out.push({ text: n.value as string, key });
  else if (n.type === "TemplateLiteral")
    for (const q of n.quasis as { value: { cooked: string } }[]) out.push({ text: q.value.cooked, key });
  // Module paths are no text.
  if (n.type === "ImportDeclaration" || n.type === "ExportAllDeclaration") return;
  for (const [k, v] of Object.entries(n)) {
    if (k === "loc" || k === "start" || k === "end" || k === "extra" || k === "source") continue;
    if ((n.type === "ObjectProperty" || n.type === "ObjectMethod") && k === "key") continue;
    const propertyKey =
      n.type === "ObjectProperty" && k === "value" ? ((n.key as BabelNode).name ?? (n.key as BabelNode).value) : key;
    // A call's arguments keep the key of the property they sit in (`label: t('…')`); a new property names its own.
    literals(v, out, propertyKey as string | undefined);
  }
}

function expressionStrings(code: string): string[] {
  const found: { text: string }[] = [];
  try {
    literals(babelParse(`(${code})`, { plugins: ["typescript"] }).program, found);
  } catch {
    // v-for and v-slot expressions are no JavaScript expressions; they hold no text.
  }
  return found.map((f) => f.text);
}

function scriptStrings(code: string): string[] {
  const found: { text: string; key?: string }[] = [];
  literals(babelParse(code, { sourceType: "module", plugins: ["typescript"] }).program, found);
  return found.filter((f) => (f.key && TEXT_KEYS.has(f.key)) || PHRASE.test(f.text)).map((f) => f.text);
}

type TemplateNode = {
  type: number;
  content?: string | { content: string };
  tag?: string;
  props?: {
    type: number;
    name: string;
    value?: { content: string };
    arg?: { content: string };
    exp?: { content: string };
  }[];
  children?: TemplateNode[];
};

/** Vue's template AST: 1 element, 2 text, 5 interpolation; props 6 attribute, 7 directive. */
function templateStrings(node: TemplateNode, out: string[]): void {
  if (node.type === 2 && typeof node.content === "string") out.push(node.content);
  if (node.type === 5 && typeof node.content === "object") out.push(...expressionStrings(node.content.content));
  for (const p of node.props ?? []) {
    if (p.type === 6 && TEXT_ATTRIBUTES.has(p.name) && p.value) out.push(p.value.content);
    if (p.type !== 7 || !p.exp) continue;
    const bound = p.name === "bind" && p.arg && TEXT_ATTRIBUTES.has(p.arg.content);
    if (bound || p.name === "text" || p.name === "html") out.push(...expressionStrings(p.exp.content));
  }
  for (const c of node.children ?? []) templateStrings(c, out);
}

/** Every text of Slidev's UI in the client's source under `dir`. */
export function slidevUiStrings(dir: string): UiString[] {
  const result: UiString[] = [];
  for (const file of sourceFiles(dir)) {
    const source = readFileSync(join(dir, file), "utf8");
    const texts: string[] = [];
    if (file.endsWith(".vue")) {
      const { descriptor } = parseSfc(source, { filename: file });
      if (descriptor.template?.ast) templateStrings(descriptor.template.ast as unknown as TemplateNode, texts);
      for (const s of [descriptor.script, descriptor.scriptSetup]) if (s) texts.push(...scriptStrings(s.content));
    } else texts.push(...scriptStrings(source));
    for (const text of texts) if (/\p{L}{2}/u.test(text)) result.push({ file, text: text.trim() });
  }
  return result;
}

/** The words of a text: runs of letters (with inner apostrophes), lower-cased. */
export function wordsOf(text: string): string[] {
  return (text.match(/\p{L}+(?:['’]\p{L}+)*/gu) ?? []).map((w) => w.toLowerCase());
}

/**
 * Words in Slidev's source that are German words too, as our labels use them: not evidence of English. Kept short
 * on purpose; each is a word a German UI may show.
 */
export const ALSO_GERMAN = new Set<string>(["in", "an"]);

/** Slidev's English UI words (at least two letters), each with the files it comes from. */
export function slidevWords(strings: UiString[]): Map<string, Set<string>> {
  const words = new Map<string, Set<string>>();
  for (const s of strings)
    for (const w of wordsOf(s.text)) {
      if (w.length < 2 || ALSO_GERMAN.has(w)) continue;
      if (!words.has(w)) words.set(w, new Set());
      words.get(w)!.add(s.file);
    }
  return words;
}
