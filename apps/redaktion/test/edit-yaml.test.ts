/**
 * Saving keeps each file as the team wrote it: every kind of edit the form makes, on every fixture concept. For each
 * edit the line diff touches only the lines of the edited part (a status change exactly one line), and the concept
 * loaded again from the folder has exactly the change and nothing else.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  type Concept,
  measureSchemaFor,
  parsePlanDate,
  parsePublished,
  parseStand,
  parseStatus,
  type StatusScale,
  statusScaleOf,
} from "@dus-opendata/concept";
import { loadConceptSync } from "@dus-opendata/concept/node";
import { describe, expect, it } from "vitest";
import { isMap, isScalar, LineCounter, type Node, parseDocument } from "yaml";
import { editYaml } from "../src/server/edit-yaml.js";
import { applyOps, type EditOp, type Path } from "../src/shared/edit-ops.js";
import { copyFixture, FIXTURES } from "./support.js";

/** Lines removed from the old text and lines added (with the old line they stand before), by a longest common subsequence. */
function lineDiff(a: string[], b: string[]) {
  const n = a.length;
  const m = b.length;
  const lcs = Array.from({ length: n + 1 }, () => new Int32Array(m + 1));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const removed: number[] = [];
  const added: { at: number; text: string }[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      i++;
      j++;
    } else if (j < m && (i === n || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) added.push({ at: i, text: b[j++]! });
    else removed.push(i++);
  }
  return { removed, added };
}

/** Lines (0-based, inclusive) of the node at `path`, with its key where it is a field. */
function linesOf(text: string, path: Path): [number, number] {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter });
  const node = (path.length ? doc.getIn(path, true) : doc.contents) as Node;
  const parent = path.length > 1 ? doc.getIn(path.slice(0, -1), true) : doc.contents;
  let start = node.range![0];
  if (isMap(parent)) {
    const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === path[path.length - 1]);
    if (pair && isScalar(pair.key)) start = pair.key.range![0];
  }
  let end = node.range![1];
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return [counter.linePos(start).line - 1, counter.linePos(end).line - 1];
}

interface Case {
  name: string;
  file: string;
  ops: EditOp[];
  /** The lines of the old text the edit may touch; undefined: insertions only (a new field). */
  region?: [number, number];
  /** Exactly this many lines removed and added. */
  lines?: number;
  /** Only lines added, or only removed, or the same lines in another order. */
  shape?: "insert" | "remove" | "move";
}

/** Where a file's data sits in the loaded concept, and how a value of the form becomes a value of the model. */
function modelPath(concept: Concept, dir: string, file: string): Path {
  if (file === "concept.yaml") return [];
  const [folder, name] = file.split("/") as [string, string];
  if (folder === "bausteine") return ["bausteine", readdirSync(join(dir, "bausteine")).sort().indexOf(name)];
  const id = name.replace(/\.yaml$/, "");
  if (folder === "decks") return ["decks", concept.decks.findIndex((d) => d.id === id)];
  return ["flyers", concept.flyers.findIndex((f) => f.id === id)];
}

function toModel(path: Path, value: unknown, scale: StatusScale): unknown {
  const key = path[path.length - 1];
  const unwrap = <T>(r: { ok: true; value: T } | { ok: false; error: string }) => {
    if (!r.ok) throw new Error(r.error);
    return r.value;
  };
  if (key === "status") return unwrap(parseStatus(String(value), scale));
  if (key === "planned") return unwrap(parsePlanDate(String(value)));
  if (key === "published") return unwrap(parsePublished(String(value)));
  if (key === "stand") return unwrap(parseStand(String(value)));
  if (key === "measures" && value && typeof value === "object" && "status" in value)
    return measureSchemaFor(scale).parse(value);
  return value;
}

function modelOps(prefix: Path, ops: EditOp[], scale: StatusScale): EditOp[] {
  return ops.map((op) => {
    const path = [...prefix, ...op.path];
    if (op.op === "set") return { ...op, path, value: toModel(path, op.value, scale) };
    if (op.op === "insert") return { ...op, path, value: toModel(path, op.value, scale) };
    return { ...op, path };
  });
}

/** A new Maßnahme, with the first word of the concept's own scale that needs no year. */
const aMeasure = (id: string, scale: StatusScale) => ({
  id,
  title: "Neue Maßnahme aus dem Editor",
  summary: ["Ein Absatz, der die neue Maßnahme beschreibt."],
  status: scale.find((w) => !w.withYear)!.label,
  planned: "ab Q3/2031",
  published: "noch nicht",
});

/** The edits for one fixture, aimed at what it has: every kind of edit the form can make. */
function casesFor(dir: string, concept: Concept): Case[] {
  const cases: Case[] = [];
  const bausteinFiles = readdirSync(join(dir, "bausteine")).sort();
  const text = (file: string) => readFileSync(join(dir, file), "utf8");
  const referenced = new Set<string>([
    ...concept.decks.flatMap((d) => d.measures ?? []),
    ...concept.flyers.flatMap((f) =>
      f.sections.flatMap((s) => (s.type === "measure" ? [s.measure] : s.type === "measures" ? (s.measures ?? []) : [])),
    ),
  ]);
  const chancesSelected = new Set(
    concept.flyers.flatMap((f) => f.sections.flatMap((s) => (s.type === "chances" ? [s.block] : []))),
  );
  const whySelected = new Set(
    concept.flyers.flatMap((f) => f.sections.flatMap((s) => (s.type === "why" && s.paragraphs ? [s.block] : []))),
  );

  const withMeasures = concept.bausteine.findIndex((b) => b.measures.length >= 2);
  const b = concept.bausteine[withMeasures]!;
  const bf = `bausteine/${bausteinFiles[withMeasures]}`;
  const t = text(bf);
  const m = 1;
  // A status of the concept's own scale, other than the one written there.
  const scale = statusScaleOf(concept.statuses);
  const status = scale.map((d) => (d.withYear ? `2030 ${d.label}` : d.label)).find((s) => s !== readStatus(t, m))!;
  cases.push(
    {
      name: "a status",
      file: bf,
      ops: [{ op: "set", path: ["measures", m, "status"], value: status }],
      region: linesOf(t, ["measures", m, "status"]),
      lines: 1,
    },
    {
      name: "a title",
      file: bf,
      ops: [{ op: "set", path: ["measures", m, "title"], value: "Ein anderer Titel: mit Doppelpunkt" }],
      region: linesOf(t, ["measures", m, "title"]),
      lines: 1,
    },
    {
      name: "the notations Datum (Plan) and Veröffentlicht",
      file: bf,
      ops: [
        { op: "set", path: ["measures", m, "planned"], value: "12/2030 und 02/2031" },
        { op: "set", path: ["measures", m, "published"], value: "seit 03/2031 (Intranet)" },
      ],
      region: [linesOf(t, ["measures", m, "planned"])[0], linesOf(t, ["measures", m, "published"])[1]],
      lines: 2,
    },
    {
      name: "the Baustein's summary",
      file: bf,
      ops: [
        {
          op: "set",
          path: ["summary"],
          value:
            "Eine neue Kurzbeschreibung, lang genug, dass ein gefalteter Text in der Datei auf mehr als eine Zeile umbrochen werden muss",
        },
      ],
      region: linesOf(t, ["summary"]),
    },
    {
      name: "adding a Maßnahme between two",
      file: bf,
      ops: [{ op: "insert", path: ["measures"], index: 1, value: aMeasure("neu-im-editor", scale) }],
      region: linesOf(t, ["measures"]),
      shape: "insert",
    },
    {
      name: "adding a Maßnahme at the end",
      file: bf,
      ops: [{ op: "insert", path: ["measures"], index: b.measures.length, value: aMeasure("neu-am-ende", scale) }],
      region: [linesOf(t, ["measures"])[0], linesOf(t, ["measures"])[1] + 1],
      shape: "insert",
    },
    {
      name: "moving a Maßnahme to the end",
      file: bf,
      ops: [{ op: "move", path: ["measures"], from: 0, to: b.measures.length - 1 }],
      region: linesOf(t, ["measures"]),
      shape: "move",
    },
  );
  const unreferenced = b.measures.findIndex((x) => !referenced.has(x.id));
  if (unreferenced >= 0)
    cases.push({
      name: "removing a Maßnahme",
      file: bf,
      ops: [{ op: "remove", path: ["measures"], index: unreferenced }],
      region: linesOf(t, ["measures"]),
      shape: "remove",
    });
  const empty = concept.bausteine.findIndex((x) => x.measures.length === 0);
  if (empty >= 0) {
    const ef = `bausteine/${bausteinFiles[empty]}`;
    const et = text(ef);
    cases.push({
      name: "the first Maßnahme of a Baustein without any",
      file: ef,
      ops: [{ op: "insert", path: ["measures"], index: 0, value: aMeasure("erste-massnahme", scale) }],
      region: linesOf(et, ["measures"]),
    });
  }

  // Chancen and Risiken of every Baustein that has them, or adds them.
  for (const [i, x] of concept.bausteine.entries()) {
    const f = `bausteine/${bausteinFiles[i]}`;
    const ft = text(f);
    const raw = parseDocument(ft).toJS() as Record<string, unknown>;
    for (const list of ["chances", "risks"] as const) {
      const items = x[list];
      const label = list === "chances" ? "Chancen" : "Risiken";
      if (!(list in raw)) {
        cases.push({
          name: `${label} of ${x.id}, where the field is missing`,
          file: f,
          ops: [{ op: "set", path: [list], value: ["Ein neuer Eintrag"], after: list === "risks" ? "chances" : "why" }],
          shape: "insert",
        });
        continue;
      }
      const region = linesOf(ft, [list]);
      cases.push({
        name: `${label} of ${x.id}: one added at the end`,
        file: f,
        ops: [{ op: "insert", path: [list], index: items.length, value: "Ein neuer Eintrag, Komma: und Doppelpunkt" }],
        region: [region[0], region[1] + 1],
      });
      if (items.length >= 2) {
        cases.push({
          name: `${label} of ${x.id}: reordered`,
          file: f,
          ops: [{ op: "move", path: [list], from: items.length - 1, to: 0 }],
          region,
          shape: "move",
        });
        if (list === "risks" || !chancesSelected.has(x.id))
          cases.push({
            name: `${label} of ${x.id}: one removed`,
            file: f,
            ops: [{ op: "remove", path: [list], index: 0 }],
            region,
            shape: "remove",
          });
        cases.push({
          name: `${label} of ${x.id}: one changed`,
          file: f,
          ops: [{ op: "set", path: [list, 1], value: "Geänderter Eintrag" }],
          region: linesOf(ft, [list, 1]),
          lines: 1,
        });
      }
    }
    // The paragraphs of the „Warum …?“.
    const region = linesOf(ft, ["why", "text"]);
    cases.push({
      name: `a paragraph of ${x.id}'s Begründung changed, one added`,
      file: f,
      ops: [
        { op: "set", path: ["why", "text", 0], value: "Ein neuer erster Absatz." },
        { op: "insert", path: ["why", "text"], index: x.why.text.length, value: "Ein weiterer Absatz am Ende." },
      ],
      region: [region[0], region[1] + 1],
    });
    if (x.why.text.length >= 2 && !whySelected.has(x.id))
      cases.push({
        name: `a paragraph of ${x.id}'s Begründung removed`,
        file: f,
        ops: [{ op: "remove", path: ["why", "text"], index: 0 }],
        region,
        shape: "remove",
      });
  }

  // A deck variant's selection: which parts, Bausteine and Maßnahmen.
  for (const d of concept.decks) {
    const f = `decks/${d.id}.yaml`;
    const ft = text(f);
    cases.push({
      name: `variant ${d.id}: its sections`,
      file: f,
      ops: [{ op: "set", path: ["sections"], value: [...d.sections].reverse() }],
      region: linesOf(ft, ["sections"]),
      lines: 1,
    });
    if (d.blocks)
      cases.push({
        name: `variant ${d.id}: its Bausteine`,
        file: f,
        ops: [{ op: "set", path: ["blocks"], value: concept.bausteine.map((x) => x.id) }],
        region: linesOf(ft, ["blocks"]),
        lines: 1,
      });
    else
      cases.push({
        name: `variant ${d.id}: a selection of Bausteine where it had none`,
        file: f,
        ops: [{ op: "set", path: ["blocks"], value: [concept.bausteine[0]!.id], after: "sections" }],
        shape: "insert",
      });
    if (d.measures) {
      const more = concept.bausteine
        .filter((x) => !d.blocks || d.blocks.includes(x.id))
        .flatMap((x) => x.measures.map((y) => y.id))
        .filter((id) => !d.measures!.includes(id));
      cases.push({
        name: `variant ${d.id}: its Maßnahmen`,
        file: f,
        ops: [{ op: "set", path: ["measures"], value: [...d.measures.slice(1), ...more.slice(0, 1)] }],
        region: linesOf(ft, ["measures"]),
        lines: 1,
      });
    }
  }

  // A flyer's own texts.
  for (const fl of concept.flyers) {
    const f = `flyers/${fl.id}.yaml`;
    const ft = text(f);
    cases.push({
      name: `flyer ${fl.id}: its title`,
      file: f,
      ops: [{ op: "set", path: ["title"], value: "Kurz" }],
      region: linesOf(ft, ["title"]),
      lines: 1,
    });
    if (fl.subtitle === undefined)
      cases.push({
        name: `flyer ${fl.id}: a subtitle where it had none`,
        file: f,
        ops: [{ op: "set", path: ["subtitle"], value: "Eine Unterzeile", after: "title" }],
        shape: "insert",
      });
    const textSection = fl.sections.findIndex((s) => s.type === "text" || s.type === "steps");
    if (textSection >= 0) {
      const s = fl.sections[textSection]!;
      const key = s.type === "steps" ? "steps" : s.type === "text" && s.text ? "text" : "points";
      cases.push({
        name: `flyer ${fl.id}: a text of its own`,
        file: f,
        ops: [{ op: "set", path: ["sections", textSection, key, 0], value: "Ein eigener Satz des Flyers." }],
        region: linesOf(ft, ["sections", textSection, key, 0]),
        lines: 1,
      });
    }
  }

  // The concept's own fields.
  const ct = text("concept.yaml");
  cases.push({
    name: "the concept's Stand and claim",
    file: "concept.yaml",
    ops: [
      { op: "set", path: ["claim"], value: "Ein anderer Claim" },
      { op: "set", path: ["stand"], value: "12/2031" },
    ],
    region: [linesOf(ct, ["claim"])[0], linesOf(ct, ["stand"])[1]],
    lines: 2,
  });
  return cases;
}

function readStatus(text: string, index: number): string {
  return String((parseDocument(text).toJS() as { measures: { status: string }[] }).measures[index]?.status);
}

for (const fixture of FIXTURES) {
  describe(`every kind of edit on the fixture ${fixture}`, () => {
    const { dir: probe, cleanup } = copyFixture(fixture);
    const concept = loadConceptSync(probe);
    const cases = casesFor(probe, concept);
    cleanup();

    it.each(cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
      const { dir, cleanup } = copyFixture(fixture);
      try {
        const before = loadConceptSync(dir);
        const path = join(dir, c.file);
        const old = readFileSync(path, "utf8");
        const result = editYaml(old, c.ops);
        if (!result.ok) throw new Error(result.message);
        writeFileSync(path, result.text);

        // The diff: only the intended lines; the first line (the schema line) and everything else as it was.
        const a = old.split("\n");
        const b = result.text.split("\n");
        const { removed, added } = lineDiff(a, b);
        expect(removed.length + added.length).toBeGreaterThan(0);
        expect(b[0]).toBe(a[0]);
        if (c.region) {
          // A blank line right after the region may be matched on either side of it by the diff.
          const [from, edge] = c.region;
          let to = edge;
          while (to + 1 < a.length && a[to + 1]!.trim() === "") to++;
          for (const r of removed) expect(r, `entfernte Zeile ${r + 1}: ${a[r]}`).toBeGreaterThanOrEqual(from);
          for (const r of removed) expect(r, `entfernte Zeile ${r + 1}: ${a[r]}`).toBeLessThanOrEqual(to);
          for (const x of added) expect(x.at, `neue Zeile vor ${x.at + 1}: ${x.text}`).toBeGreaterThanOrEqual(from);
          for (const x of added) expect(x.at, `neue Zeile vor ${x.at + 1}: ${x.text}`).toBeLessThanOrEqual(to + 1);
        }
        if (c.lines !== undefined) {
          expect(removed).toHaveLength(c.lines);
          expect(added).toHaveLength(c.lines);
        }
        if (c.shape === "insert") expect(removed).toEqual([]);
        if (c.shape === "remove") expect(added).toEqual([]);
        if (c.shape === "move") expect([...b].sort()).toEqual([...a].sort());
        if (c.shape === "insert" && !c.region) {
          const at = new Set(added.map((x) => x.at));
          expect(at.size, "neue Zeilen an einer Stelle").toBe(1);
        }

        // The data of the file is exactly the old data with the edit; the concept loaded again has exactly that change.
        expect(parseDocument(result.text).toJS()).toEqual(applyOps(parseDocument(old).toJS(), c.ops));
        const after = loadConceptSync(dir);
        const expected = applyOps(
          JSON.parse(JSON.stringify(before)),
          modelOps(modelPath(before, dir, c.file), c.ops, statusScaleOf(before.statuses)),
        );
        expect(JSON.parse(JSON.stringify(after))).toEqual(expected);
      } finally {
        cleanup();
      }
    });
  });
}

describe("a file as the team wrote it", () => {
  it("keeps a byte-order mark and Windows line ends", () => {
    const text = "\uFEFF# Kommentar\r\nid: a\r\ntitle: Alt # bleibt\r\n\r\nchances:\r\n  - eins\r\n";
    const r = editYaml(text, [
      { op: "set", path: ["title"], value: "Neu" },
      { op: "insert", path: ["chances"], index: 1, value: "zwei" },
    ]);
    expect(r).toEqual({
      ok: true,
      text: "\uFEFF# Kommentar\r\nid: a\r\ntitle: Neu # bleibt\r\n\r\nchances:\r\n  - eins\r\n  - zwei\r\n",
    });
  });

  it("keeps quoting: a quoted text stays quoted in its own quotes, a plain one plain where YAML allows", () => {
    const text = "a: 'eins'\nb: \"zwei\"\nc: drei\nd: vier\n";
    const r = editYaml(text, [
      { op: "set", path: ["a"], value: "Eins" },
      { op: "set", path: ["b"], value: "Zwei" },
      { op: "set", path: ["c"], value: "Drei" },
      { op: "set", path: ["d"], value: "Rückblick: Was war?" },
    ]);
    expect(r).toEqual({ ok: true, text: 'a: \'Eins\'\nb: "Zwei"\nc: Drei\nd: "Rückblick: Was war?"\n' });
  });

  it("moves a comment above an entry with the entry", () => {
    const text = "risks:\n  # erstes\n  - eins\n  # zweites\n  - zwei\n";
    const r = editYaml(text, [{ op: "move", path: ["risks"], from: 1, to: 0 }]);
    expect(r).toEqual({ ok: true, text: "risks:\n  # zweites\n  - zwei\n  # erstes\n  - eins\n" });
  });

  it("writes „[]“ for a list whose last entry is removed (an empty field would not be a list)", () => {
    const r = editYaml("chances:\n  - eins\nrisks: []\n", [{ op: "remove", path: ["chances"], index: 0 }]);
    expect(r).toEqual({ ok: true, text: "chances: []\nrisks: []\n" });
  });

  it("refuses an edit that does not fit the file, with a German message, and writes nothing", () => {
    const r = editYaml("chances: []\n", [{ op: "remove", path: ["chances"], index: 3 }]);
    expect(r).toEqual({ ok: false, message: "Die Änderung passt nicht zur Datei: Eintrag 3 gibt es nicht." });
  });
});
