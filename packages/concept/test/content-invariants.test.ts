/**
 * content/ is the team's, and it changes: these tests pin none of its words or numbers. They check what must hold
 * for any content folder: it loads, its identifiers are unique, every reference of a deck variant or a flyer
 * resolves, and what `pnpm check` and `pnpm status --json` report equals what the YAML files hold. They run on
 * content/, on every fixture concept, and on a copy of content/ after a maintainer's typical edits.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { isMap, isSeq, parseDocument, type YAMLMap, type YAMLSeq } from "yaml";
import { deckReferences, flyerReferences } from "../src/index.js";
import { loadConceptSync } from "../src/node.js";
import { CONTENT_DIR, checkLine, countYaml, FIXTURE_CONCEPTS, fixtureConcepts, REPO_ROOT, runCli } from "./helpers.js";

function expectInvariants(dir: string) {
  const yaml = countYaml(dir);
  const concept = loadConceptSync(dir);

  // Identifiers are unique across the concept.
  const bausteinIds = yaml.bausteine.map((b) => b.id);
  const measureIds = yaml.bausteine.flatMap((b) => b.measures);
  expect(new Set(bausteinIds).size, "Baustein ids").toBe(bausteinIds.length);
  expect(new Set(measureIds).size, "Maßnahme ids").toBe(measureIds.length);

  // The loaded model holds exactly what the files hold, in file order.
  expect(concept.bausteine.map((b) => [b.number, b.id, b.measures.map((m) => m.id)])).toEqual(
    yaml.bausteine.map((b, i) => [i + 1, b.id, b.measures]),
  );
  expect(concept.decks.map((d) => d.id).sort()).toEqual([...yaml.decks].sort());
  expect(concept.flyers.map((f) => f.id).sort()).toEqual([...yaml.flyers].sort());

  // Every reference of a deck variant or a flyer points to something that exists.
  const ids = {
    baustein: new Set(bausteinIds),
    measure: new Set(measureIds),
    intro: new Set(concept.intro.map((s) => s.id)),
  };
  const refs = [...concept.decks.flatMap(deckReferences), ...concept.flyers.flatMap(flyerReferences)];
  for (const r of refs) expect(ids[r.kind].has(r.id), `${r.kind} ${r.id}`).toBe(true);

  // What the maintainers' commands report equals what the files hold.
  const display = relative(REPO_ROOT, dir).startsWith("..") ? dir : relative(REPO_ROOT, dir);
  expect(runCli(["check"], display)).toEqual({ code: 0, stdout: checkLine(yaml), stderr: "" });
  const status = runCli(["status", "--json"], display);
  expect(status.code).toBe(0);
  const rows = JSON.parse(status.stdout) as { baustein: string; id: string }[];
  expect(rows.map((r) => [r.baustein, r.id])).toEqual(
    yaml.bausteine.flatMap((b) => b.measures.map((id) => [b.title, id])),
  );
}

const temps: string[] = [];
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

describe("content invariants", () => {
  it("content/", () => expectInvariants(CONTENT_DIR));

  it.each(fixtureConcepts())("fixtures/concepts/%s", (name) => expectInvariants(join(FIXTURE_CONCEPTS, name)));
});

/** The first Baustein file whose data satisfies `test`, as an editable YAML document. */
function editBaustein(
  dir: string,
  test: (b: YAMLMap) => boolean,
  edit: (b: YAMLMap, doc: ReturnType<typeof parseDocument>) => void,
) {
  const folder = join(dir, "bausteine");
  for (const f of readdirSync(folder).sort()) {
    const path = join(folder, f);
    const doc = parseDocument(readFileSync(path, "utf8"));
    if (!isMap(doc.contents) || !test(doc.contents)) continue;
    edit(doc.contents, doc);
    writeFileSync(path, doc.toString());
    return f;
  }
  throw new Error("no Baustein to edit");
}

const seq = (b: YAMLMap, key: string) => {
  const s = b.get(key, true);
  return isSeq(s) ? (s as YAMLSeq) : undefined;
};

describe("a maintainer's typical edits to a copy of content/", () => {
  it("add a Maßnahme, drop a Chance, change a status and a date, add a Baustein: everything still holds", () => {
    const dir = mkdtempSync(join(tmpdir(), "content-edit-"));
    temps.push(dir);
    cpSync(CONTENT_DIR, dir, { recursive: true });
    const before = countYaml(dir);

    // A new Maßnahme at the end of the first Baustein.
    editBaustein(
      dir,
      () => true,
      (b, doc) =>
        seq(b, "measures")?.add(
          doc.createNode({
            id: "neue-massnahme-zum-test",
            title: "Eine neue Maßnahme",
            summary: ["Sie wurde eben ergänzt."],
            status: "noch nicht begonnen",
            planned: "für 2031 geplant",
            published: "noch nicht",
          }),
        ),
    );
    // One Chance fewer in a Baustein that names some.
    editBaustein(
      dir,
      (b) => (seq(b, "chances")?.items.length ?? 0) > 0,
      (b) => seq(b, "chances")?.items.pop(),
    );
    // Another status and another date for the first Maßnahme there is.
    editBaustein(
      dir,
      (b) => (seq(b, "measures")?.items.length ?? 0) > 0,
      (b) => {
        const first = seq(b, "measures")?.items[0];
        if (!isMap(first)) throw new Error("Maßnahme ist kein Abschnitt");
        first.set("status", "2029 stattgefunden");
        first.set("planned", "03/2030");
      },
    );
    // A new Baustein after the others, with no Chancen and no Risiken named yet.
    writeFileSync(
      join(dir, "bausteine", "99-neuer-baustein.yaml"),
      [
        "id: neuer-baustein-zum-test",
        "title: Ein neuer Baustein",
        "summary: Er kam eben hinzu",
        "why:",
        "  title: Warum ein neuer Baustein?",
        "  text:",
        "    - Weil das Konzept wächst.",
        "measures:",
        "  - id: erste-des-neuen-bausteins",
        "    title: Die erste Maßnahme des neuen Bausteins",
        "    summary:",
        "      - Noch in Planung.",
        "    status: in Arbeit",
        "    planned: ab Q1/2030",
        "    published: noch nicht",
        "",
      ].join("\n"),
    );

    const after = countYaml(dir);
    expect(after.bausteine).toHaveLength(before.bausteine.length + 1);
    expect(after.measures).toBe(before.measures + 2);
    expect(after.chances).toBe(before.chances - 1);
    expectInvariants(dir);
    const changed = loadConceptSync(dir).bausteine.find((b) => b.measures.length > 0)?.measures[0];
    expect([changed?.id, changed?.status, changed?.planned]).toEqual([
      before.bausteine.find((b) => b.measures.length > 0)?.measures[0],
      { kind: "took-place", year: 2029 },
      { kind: "on", period: { unit: "month", year: 2030, month: 3 } },
    ]);
  });
});
