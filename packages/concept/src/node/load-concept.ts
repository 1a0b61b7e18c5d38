import { join } from "node:path";
import type { z } from "zod";
import { checkDeckSelections } from "../deck-selections.js";
import { checkFlyerSelections, type FlyerLookup } from "../flyer-selections.js";
import type { Baustein, Concept, DeckVariant, Flyer, Reference } from "../model.js";
import { deckReferences, flyerReferences } from "../model.js";
import { closest, q } from "../notation/period.js";
import { statusScaleOf } from "../notation/status.js";
import { bausteinSchemaFor } from "../schemas/baustein.js";
import { conceptSchema } from "../schemas/concept.js";
import { deckVariantSchema } from "../schemas/deck-variant.js";
import { flyerSchema } from "../schemas/flyer.js";
import { statusScaleOfData } from "../schemas/statuses.js";
import { anotherAccusative, DEFAULT_TERMS, definite, toThe } from "../terms.js";
import { checkTexts, type TextCheck } from "./check-texts.js";
import { ContentError, type ContentProblem, formatFieldPath } from "./content-error.js";
import { type FileSource, workingTree } from "./file-source.js";
import { issueMessage } from "./messages.js";
import { locate, readYaml, sourceTextAt, valueAt, type YamlSource } from "./read-yaml.js";
import { keysAt } from "./schema-keys.js";

export interface LoadOptions {
  /** How paths appear in messages, e.g. `content` (default: the directory as given). */
  displayDir?: string;
  /** Where the files come from (default: the working tree), e.g. a git commit. */
  files?: FileSource;
  /**
   * A check of every text as written, e.g. that the outputs' fonts can show each character (packages/brand's
   * `checkOutputCharacters`); its findings are problems at the character's file, line and column.
   */
  checkText?: TextCheck;
}

type AnySchema = z.ZodType;

const FILE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Problems listed for one file; the rest are counted. */
export const MAX_PROBLEMS_PER_FILE = 50;
/** The folders of a content folder; `schema` holds the generated JSON Schemas. */
const CONTENT_FOLDERS = ["bausteine", "decks", "flyers", "schema"];

/** Sets the value at `path` in plain data (objects and arrays from YAML). */
function setAt(data: unknown, path: readonly PropertyKey[], value: unknown): void {
  let cur = data as Record<PropertyKey, unknown>;
  for (const seg of path.slice(0, -1)) cur = cur[seg as string] as Record<PropertyKey, unknown>;
  const last = path[path.length - 1];
  if (last !== undefined) cur[last as string] = value;
}

/**
 * YAML reads `planned: 2019` as a number and `status:` as null. Where the schema expects text, take the text as
 * written in the file (`2019`, or empty), so that the notation's own message says what is allowed.
 */
function textWhereTextExpected(src: YamlSource, issues: readonly z.core.$ZodIssue[]): unknown {
  let data: unknown;
  for (const issue of issues) {
    const expectsText =
      (issue.code === "invalid_type" && issue.expected === "string") || issue.code === "invalid_union";
    if (!expectsText) continue;
    const input = valueAt(src.data, issue.path);
    const text =
      typeof input === "number"
        ? sourceTextAt(src, issue.path)
        : input === null && issue.code === "invalid_type"
          ? ""
          : undefined;
    if (text === undefined || issue.path.length === 0) continue;
    data ??= structuredClone(src.data);
    setAt(data, issue.path, text);
  }
  return data;
}

function validate<S extends AnySchema>(
  schema: S,
  src: YamlSource,
  problems: ContentProblem[],
): z.output<S> | undefined {
  let data = src.data;
  let result = schema.safeParse(data);
  if (!result.success) {
    const patched = textWhereTextExpected(src, result.error.issues);
    if (patched !== undefined) {
      data = patched;
      result = schema.safeParse(data);
    }
  }
  if (result.success) return result.data;
  // A misspelt key („titel“ for „title“) is one mistake: report the unknown key with its hint, not also the
  // missing field it was meant to be.
  const meant = new Set<string>();
  for (const issue of result.error.issues) {
    if (issue.code !== "unrecognized_keys") continue;
    const allowed = keysAt(schema, issue.path, data);
    for (const key of issue.keys) {
      const hint = closest(key, allowed);
      if (hint) meant.add(formatFieldPath([...issue.path, hint]));
    }
  }
  // One problem per unknown key, per missing field, per wrong value; but a file that is wrong throughout (a pasted
  // export) gets the first MAX_PROBLEMS_PER_FILE and a note, not tens of thousands of lines.
  const found: { path: readonly PropertyKey[]; issue: z.core.$ZodIssue; key?: string }[] = [];
  for (const issue of result.error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) found.push({ path: issue.path, issue, key });
      continue;
    }
    const missing = issue.code === "invalid_type" && valueAt(data, issue.path) === undefined;
    if (missing && meant.has(formatFieldPath(issue.path))) continue;
    found.push({ path: issue.path, issue });
  }
  for (const { path, issue, key } of found.slice(0, MAX_PROBLEMS_PER_FILE)) {
    if (key === undefined) {
      const message = issueMessage(issue, valueAt(data, path), []);
      problems.push({ file: src.display, ...locate(src, path), field: formatFieldPath(path), message });
      continue;
    }
    problems.push({
      file: src.display,
      ...locate(src, path, { key }),
      field: formatFieldPath([...path, key]),
      message: issueMessage({ ...issue, keys: [key] } as z.core.$ZodIssue, undefined, keysAt(schema, path, data)),
    });
  }
  const omitted = found.length - MAX_PROBLEMS_PER_FILE;
  const next = found[MAX_PROBLEMS_PER_FILE];
  if (omitted > 0 && next) {
    problems.push({
      file: src.display,
      ...locate(src, next.path, next.key === undefined ? {} : { key: next.key }),
      field: "(Datei)",
      message: `Ab hier ${omitted === 1 ? "folgt 1 weiterer Fehler" : `folgen ${omitted.toLocaleString("de-DE")} weitere Fehler`} in dieser Datei, die nicht einzeln aufgeführt werden: bitte zuerst die genannten beheben und erneut prüfen.`,
    });
  }
  return undefined;
}

/** The `id` of each entry of a list in raw YAML data, where it is a text. */
function idsOf(list: unknown): { id: string; index: number }[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((entry, index) => {
    const id = valueAt(entry, ["id"]);
    return typeof id === "string" ? [{ id, index }] : [];
  });
}

function yamlFiles(files: FileSource, dir: string): string[] {
  return files
    .entries(dir)
    .map((e) => e.name)
    .filter((f) => /\.ya?ml$/i.test(f))
    .sort((a, b) => a.localeCompare(b, "de", { numeric: true }));
}

/**
 * Reads every YAML file of a content folder, validates everything, collects every problem and reports once:
 * throws a ContentError listing all of them, or returns the typed concept.
 */
export function loadConceptSync(dir: string, options: LoadOptions = {}): Concept {
  const display = (options.displayDir ?? dir).replace(/\/+$/, "");
  const shown = (...parts: string[]) => [display, ...parts].join("/");
  const problems: ContentProblem[] = [];
  const files = options.files ?? workingTree;

  if (!files.isFolder(dir)) {
    throw new ContentError([
      {
        file: display,
        line: 1,
        column: 1,
        field: "(Ordner)",
        message: "Den Inhaltsordner gibt es nicht. Bitte CONTENT_DIR prüfen.",
      },
    ]);
  }

  const sources: YamlSource[] = [];
  const read = (rel: string[]) => {
    const r = readYaml(join(dir, ...rel), shown(...rel), files);
    problems.push(...r.problems);
    if (r.source) sources.push(r.source);
    return r.source;
  };

  for (const f of yamlFiles(files, dir)) {
    if (f !== "concept.yaml")
      problems.push({
        file: shown(f),
        line: 1,
        column: 1,
        field: "(Datei)",
        message: "Unbekannte Inhaltsdatei: erwartet werden concept.yaml und die Ordner bausteine/, decks/ und flyers/.",
      });
  }

  // A misspelt folder („baustein/“) would silently drop its files; other folders (images, notes) are fine.
  for (const entry of files.entries(dir)) {
    if (!entry.folder || entry.name.startsWith(".") || CONTENT_FOLDERS.includes(entry.name)) continue;
    const hint = closest(entry.name, CONTENT_FOLDERS.slice(0, 3));
    if (hint)
      problems.push({
        file: shown(entry.name),
        line: 1,
        column: 1,
        field: "(Ordner)",
        message: `Unbekannter Ordner ${q(`${entry.name}/`)}: Meinten Sie ${q(`${hint}/`)}? Inhaltsdateien liegen in bausteine/, decks/ und flyers/.`,
      });
  }

  const conceptSrc = read(["concept.yaml"]);
  const conceptData = conceptSrc ? validate(conceptSchema, conceptSrc, problems) : undefined;
  // The Maßnahmen's statuses are read against the concept's own scale; where concept.yaml is not valid, against
  // the valid words of its scale (a wrong word is reported in concept.yaml, not at every Maßnahme that uses it).
  const bausteinSchema = bausteinSchemaFor(
    conceptData ? statusScaleOf(conceptData.statuses) : statusScaleOfData(valueAt(conceptSrc?.data, ["statuses"])),
  );

  const bausteinFiles = yamlFiles(files, join(dir, "bausteine"));
  if (bausteinFiles.length === 0)
    problems.push({
      file: shown("bausteine"),
      line: 1,
      column: 1,
      field: "(Ordner)",
      message: "Es gibt keinen Baustein: jeder Baustein ist eine Datei in bausteine/, z. B. bausteine/01-texte.yaml.",
    });
  const bausteine: { data: z.output<typeof bausteinSchema>; src: YamlSource }[] = [];
  // Every Baustein file that is valid YAML, valid or not: its ids still count for duplicates and references,
  // so that one mistake in a Baustein does not also show up as „gibt es nicht“ in every deck and flyer.
  const bausteinSources: YamlSource[] = [];
  let unreadableBaustein = false;
  for (const f of bausteinFiles) {
    const src = read(["bausteine", f]);
    if (!src) unreadableBaustein = true;
    else bausteinSources.push(src);
    const data = src && validate(bausteinSchema, src, problems);
    if (src && data) bausteine.push({ data, src });
  }

  const named = <S extends AnySchema>(folder: string, schema: S) => {
    const out: { id: string; data: z.output<S>; src: YamlSource }[] = [];
    for (const f of yamlFiles(files, join(dir, folder))) {
      const id = f.replace(/\.ya?ml$/i, "");
      if (!FILE_ID.test(id)) {
        problems.push({
          file: shown(folder, f),
          line: 1,
          column: 1,
          field: "(Datei)",
          message: `Der Dateiname ${q(f)} ist nicht erlaubt: nur Kleinbuchstaben a–z, Ziffern und Bindestriche, Endung .yaml.`,
        });
        continue;
      }
      const src = read([folder, f]);
      const data = src && validate(schema, src, problems);
      if (src && data !== undefined) out.push({ id, data, src });
    }
    return out;
  };
  const decks = named("decks", deckVariantSchema);
  const flyers = named("flyers", flyerSchema);

  // Messages name the parts the way the concept does (its `terms`), today's words where concept.yaml is broken.
  const terms = conceptData?.terms ?? DEFAULT_TERMS;
  const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  // Identifiers: Baustein ids and Maßnahme ids are unique across the whole concept.
  const bausteinIds = new Map<string, { src: YamlSource; path: (string | number)[] }>();
  const measureIds = new Map<string, { src: YamlSource; path: (string | number)[]; baustein: string }>();
  const introIds = new Set(idsOf(valueAt(conceptSrc?.data, ["intro"])).map(({ id }) => id));
  for (const src of bausteinSources) {
    const bausteinId = valueAt(src.data, ["id"]);
    if (typeof bausteinId === "string") {
      const first = bausteinIds.get(bausteinId);
      if (first) {
        const pos = locate(src, ["id"]);
        const firstPos = locate(first.src, first.path);
        problems.push({
          file: src.display,
          ...pos,
          field: "id",
          message: `Die Kennung ${q(bausteinId)} hat schon ${definite(terms.baustein, "nominative")} in ${first.src.display}:${firstPos.line}:${firstPos.column}. Jede Kennung darf nur einmal vorkommen.`,
        });
      } else bausteinIds.set(bausteinId, { src, path: ["id"] });
    }
    for (const { id, index } of idsOf(valueAt(src.data, ["measures"]))) {
      const path = ["measures", index, "id"];
      const prev = measureIds.get(id);
      if (prev) {
        const pos = locate(src, path);
        const prevPos = locate(prev.src, prev.path);
        problems.push({
          file: src.display,
          ...pos,
          field: formatFieldPath(path),
          message: `Die Kennung ${q(id)} hat schon ${anotherAccusative(terms.measure)} in ${prev.src.display}:${prevPos.line}:${prevPos.column}. Jede Kennung darf im ganzen Konzept nur einmal vorkommen.`,
        });
      } else measureIds.set(id, { src, path, baustein: typeof bausteinId === "string" ? bausteinId : "" });
    }
  }

  // A reference into a file that could not be read at all cannot be checked; that file's problem is reported.
  const checkRefs = (refs: Reference[], src: YamlSource) => {
    for (const r of refs) {
      let message: string | undefined;
      if (r.kind === "baustein" && !unreadableBaustein && !bausteinIds.has(r.id))
        message = `${capitalise(definite(terms.baustein, "accusative"))} ${q(r.id)} gibt es nicht. Vorhanden sind: ${[...bausteinIds.keys()].join(", ")}.`;
      if (r.kind === "intro" && conceptSrc && !introIds.has(r.id))
        message = `Den Abschnitt ${q(r.id)} gibt es in der Einführung (concept.yaml, intro) nicht. Vorhanden sind: ${[...introIds].join(", ")}.`;
      if (r.kind === "measure" && !unreadableBaustein) {
        const m = measureIds.get(r.id);
        if (!m)
          message = `${capitalise(definite(terms.measure, "accusative"))} ${q(r.id)} gibt es nicht. Vorhanden sind: ${[...measureIds.keys()].join(", ")}.`;
        else if (r.within && m.baustein !== r.within && bausteinIds.has(r.within))
          message = `${capitalise(definite(terms.measure, "nominative"))} ${q(r.id)} gehört ${toThe(terms.baustein)} ${q(m.baustein)}, nicht zu ${q(r.within)}.`;
      }
      if (message)
        problems.push({ file: src.display, ...locate(src, r.path), field: formatFieldPath(r.path), message });
    }
  };
  for (const d of decks) checkRefs(deckReferences(d.data), d.src);
  for (const f of flyers) checkRefs(flyerReferences(f.data), f.src);

  // What a flyer selects from a Baustein or a Maßnahme must be there: checked against the valid Bausteine only (a
  // broken one has its own problem), so that `pnpm check` finds everything the flyer build would refuse.
  const validById = new Map(bausteine.map(({ data }) => [data.id, data]));
  const measureById = new Map(bausteine.flatMap(({ data }) => data.measures.map((m) => [m.id, m] as const)));
  const lookup: FlyerLookup = {
    baustein: (id) => validById.get(id),
    measure: (id) => measureById.get(id),
    ...(conceptData ? { terms: conceptData.terms } : {}),
  };
  for (const f of flyers)
    for (const p of checkFlyerSelections(f.data, lookup))
      problems.push({
        file: f.src.display,
        ...locate(f.src, p.path),
        field: formatFieldPath(p.path),
        message: p.message,
      });

  // What a deck variant selects must be shown: Maßnahmen of the Bausteine it shows, slides it has.
  const valid = bausteine.map(({ data }) => data);
  for (const d of decks)
    for (const p of checkDeckSelections(d.data, valid))
      problems.push({
        file: d.src.display,
        ...locate(d.src, p.path),
        field: formatFieldPath(p.path),
        message: p.message,
      });

  if (options.checkText) {
    const taken = new Set(problems.map((p) => `${p.file}\0${p.field}`));
    for (const src of sources) problems.push(...checkTexts(src, options.checkText, taken));
  }

  if (problems.length || !conceptData) throw new ContentError(problems);

  const model: Baustein[] = bausteine.map(({ data }, i) => ({ ...data, number: i + 1 }));
  return {
    ...conceptData,
    bausteine: model,
    decks: decks.map(({ id, data }) => ({ id, ...data }) as DeckVariant),
    flyers: flyers.map(({ id, data }) => ({ id, ...data }) as Flyer),
  };
}

export async function loadConcept(dir: string, options: LoadOptions = {}): Promise<Concept> {
  return loadConceptSync(dir, options);
}
