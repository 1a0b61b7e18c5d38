/**
 * The editor's server as the page uses it: edits checked with the loader's own messages at their field, a form with
 * errors saved exactly as it is (and nothing else), saves that never go over a version they have not seen (a file
 * changed on disk, a second tab), atomic writes, and the notice of a change made elsewhere.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { labelOf, ui, valueLabels } from "../src/client/labels.js";
import { editYaml } from "../src/server/edit-yaml.js";
import type { EditOp } from "../src/shared/edit-ops.js";
import { editorOn, ownRequest, send, state } from "./http.js";
import { snapshotFolder } from "./support.js";

const FILE = "bausteine/01-informieren.yaml";
let ctx: Awaited<ReturnType<typeof editorOn>> | undefined;
afterEach(async () => {
  await ctx?.close();
  ctx = undefined;
});

async function start() {
  ctx = await editorOn("kleinstadt");
  const s = await state(ctx.editor);
  const f = s.files.find((x) => x.rel === FILE)!;
  return { ...ctx, file: f, s };
}

const draft = (base: string, ops: EditOp[]) => ({ drafts: { [FILE]: { base, ops } } });

describe("the editor's server", () => {
  it("lists every content file with its version, and the loader's problems (none for a valid concept)", async () => {
    const { s, dir } = await start();
    expect(s.files.map((f) => f.rel)).toEqual([
      "concept.yaml",
      "bausteine/01-informieren.yaml",
      "decks/gesamt.yaml",
      "decks/kurz.yaml",
      "flyers/faltblatt.yaml",
      "flyers/sprechstunde.yaml",
    ]);
    expect(s.files.find((f) => f.rel === FILE)!.text).toBe(readFileSync(join(dir, FILE), "utf8"));
    expect(s.problems).toEqual([]);
  });

  it("offers the Status choices of the concept's own scale (concept.yaml statuses), the default scale without one", async () => {
    const { s, dir, editor } = await start();
    const labelsOf = (x: unknown) => (x as { statusScale: { label: string }[] }).statusScale.map((c) => c.label);
    expect(labelsOf(s)).toEqual([
      "erledigt",
      "in Arbeit",
      "verzögert",
      "noch nicht begonnen",
      "stattgefunden",
      "ohne Angabe",
    ]);
    const concept = join(dir, "concept.yaml");
    writeFileSync(
      concept,
      readFileSync(concept, "utf8").replace(
        /^stand:/m,
        "statuses:\n  - { label: begrenzt, kind: in-arbeit }\n  - { label: abgeschlossen, kind: erledigt }\nstand:",
      ),
    );
    expect(labelsOf(await state(editor))).toEqual(["begrenzt", "abgeschlossen", "ohne Angabe"]);
  });

  it("names its lists and buttons in the concept's own terms (concept.yaml terms), today's words without them", async () => {
    const { s } = await start();
    expect(ui.add(labelOf("baustein", ["measures", 0], s.terms).item ?? "")).toBe("Maßnahme hinzufügen");
    await ctx?.close();
    ctx = await editorOn("eigene-worte");
    const own = (await state(ctx.editor)).terms;
    expect(own.measure).toEqual({
      one: "Verpflichtung",
      many: "Verpflichtungen",
      dative: "Verpflichtungen",
      gender: "f",
    });
    const measures = labelOf("baustein", ["measures"], own);
    expect([measures.label, ui.add(measures.item ?? "")]).toEqual(["Verpflichtungen", "Verpflichtung hinzufügen"]);
    expect(ui.add(labelOf("baustein", ["chances"], own).item ?? "")).toBe("Vorteil hinzufügen");
    expect(ui.add(labelOf("baustein", ["risks"], own).item ?? "")).toBe("Hürde hinzufügen");
    expect(labelOf("deck", ["blocks"], own)).toEqual({ label: "Kapitel", item: "Kapitel" });
    expect(labelOf("flyer", ["sections", 0, "measure"], own).label).toBe("Verpflichtung");
    expect(valueLabels(own).parts).toMatchObject({ section: "Titelfolie des Kapitels", measures: "Verpflichtungen" });
    expect(valueLabels(own).sections).toMatchObject({ overview: "Übersicht der Kapitel", bausteine: "Kapitel" });
  });

  it("checks an unsaved edit with the loader's message at its field, naming the real folder, without writing", async () => {
    const { editor, dir, file } = await start();
    const before = snapshotFolder(dir);
    const r = await ownRequest(
      editor,
      "/api/draft",
      draft(file.hash, [{ op: "set", path: ["measures", 1, "planned"], value: "13/2019" }]),
    );
    expect(r.status).toBe(200);
    const body = JSON.parse(r.body);
    expect(body.problems).toHaveLength(1);
    const p = body.problems[0];
    expect(p).toMatchObject({
      file: FILE,
      field: "measures[1].planned",
      path: ["measures", 1, "planned"],
      line: 29,
      column: 14,
    });
    expect(p.message).toMatch(/^Den Monat 13 gibt es nicht: Monate gehen von 01 bis 12\. Erlaubt sind/);
    expect(p.text).toMatch(
      /^fixtures\/concepts\/kleinstadt\/bausteine\/01-informieren\.yaml:29:14 {2}measures\[1\]\.planned {2}Den Monat 13/,
    );
    expect(snapshotFolder(dir)).toEqual(before);
  });

  it("saves a form with errors exactly as it is, says the build will refuse it, and changes nothing else", async () => {
    const { editor, dir, file } = await start();
    const before = snapshotFolder(dir);
    const ops: EditOp[] = [{ op: "set", path: ["measures", 1, "planned"], value: "13/2019" }];
    const r = await ownRequest(editor, "/api/save", draft(file.hash, ops));
    expect(r.status).toBe(200);
    const body = JSON.parse(r.body);
    expect(body.problems.map((p: { field: string }) => p.field)).toEqual(["measures[1].planned"]);
    const expected = editYaml(file.text, ops);
    expect(expected.ok).toBe(true);
    expect(readFileSync(join(dir, FILE), "utf8")).toBe((expected as { text: string }).text);
    const after = snapshotFolder(dir);
    for (const rel of Object.keys(before)) if (rel !== FILE) expect(after[rel], rel).toBe(before[rel]);
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
  });

  it("writes atomically: a new file put in place by a rename, no temporary file left", async () => {
    const { editor, dir, file } = await start();
    const inode = statSync(join(dir, FILE)).ino;
    const r = await ownRequest(editor, "/api/save", draft(file.hash, [{ op: "set", path: ["title"], value: "Neu" }]));
    expect(r.status).toBe(200);
    expect(statSync(join(dir, FILE)).ino).not.toBe(inode);
    expect(readdirSync(join(dir, "bausteine"))).toEqual(["01-informieren.yaml"]);
  });

  it("refuses to save over a version changed on disk, shows both, and saves over it only when told so", async () => {
    const { editor, dir, file } = await start();
    const theirs = file.text.replace("title: Informieren und beteiligen", "title: Von anderswo geändert");
    writeFileSync(join(dir, FILE), theirs);
    const ops: EditOp[] = [{ op: "set", path: ["measures", 0, "status"], value: "in Arbeit" }];
    const r = await ownRequest(editor, "/api/save", draft(file.hash, ops));
    expect(r.status).toBe(409);
    const { conflicts } = JSON.parse(r.body);
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0].rel).toBe(FILE);
    expect(conflicts[0].disk.text).toBe(theirs);
    expect(conflicts[0].mine).toBe((editYaml(file.text, ops) as { text: string }).text);
    expect(readFileSync(join(dir, FILE), "utf8")).toBe(theirs);
    // Told to, having seen the version on disk (its hash), the editor writes its own.
    const forced = await ownRequest(editor, "/api/save", {
      ...draft(file.hash, ops),
      overwrite: { [FILE]: conflicts[0].disk.hash },
    });
    expect(forced.status).toBe(200);
    expect(readFileSync(join(dir, FILE), "utf8")).toBe(conflicts[0].mine);
  });

  it("gives two tabs editing the same file the same protection", async () => {
    const { editor, dir, file } = await start();
    const first = await ownRequest(
      editor,
      "/api/save",
      draft(file.hash, [{ op: "set", path: ["title"], value: "Tab eins" }]),
    );
    expect(first.status).toBe(200);
    const saved = readFileSync(join(dir, FILE), "utf8");
    const second = await ownRequest(
      editor,
      "/api/save",
      draft(file.hash, [{ op: "set", path: ["subtitle"], value: "Tab zwei" }]),
    );
    expect(second.status).toBe(409);
    expect(JSON.parse(second.body).conflicts[0].disk.text).toBe(saved);
    expect(readFileSync(join(dir, FILE), "utf8")).toBe(saved);
  });

  it("tells every open page when a file changes on disk", async () => {
    const { editor, dir, file } = await start();
    const controller = new AbortController();
    const res = await fetch(`${editor.url}api/events`, {
      headers: { "x-redaktion-token": editor.token },
      signal: controller.signal,
    });
    const reader = res.body!.getReader();
    const changed = file.text.replace("title: Informieren und beteiligen", "title: Per git pull");
    writeFileSync(join(dir, FILE), changed);
    let text = "";
    const end = Date.now() + 5000;
    while (!text.includes('"changed"') && Date.now() < end)
      text += new TextDecoder().decode((await reader.read()).value);
    controller.abort();
    const event = JSON.parse(
      text
        .split("\n")
        .find((l) => l.includes('"changed"'))!
        .slice(6),
    );
    expect(event).toMatchObject({ type: "changed", rel: FILE, text: changed });
    expect(event.hash).not.toBe(file.hash);
  });

  it("runs the build of the saved content and reports its progress and a German summary", async () => {
    const { editor, file } = await start();
    // Saved with an error: the build checks first and refuses, touching no output.
    await ownRequest(
      editor,
      "/api/save",
      draft(file.hash, [{ op: "set", path: ["measures", 1, "planned"], value: "13/2019" }]),
    );
    const controller = new AbortController();
    const res = await fetch(`${editor.url}api/events`, {
      headers: { "x-redaktion-token": editor.token },
      signal: controller.signal,
    });
    const reader = res.body!.getReader();
    const started = await ownRequest(editor, "/api/build", {});
    expect(started.status).toBe(202);
    expect((await ownRequest(editor, "/api/build", {})).status).toBe(409);
    let text = "";
    const end = Date.now() + 60_000;
    while (!text.includes('"build-end"') && Date.now() < end)
      text += new TextDecoder().decode((await reader.read()).value);
    controller.abort();
    const events = text
      .split("\n")
      .filter((l) => l.startsWith("data: "))
      .map((l) => JSON.parse(l.slice(6)));
    const lines = events.filter((e) => e.type === "build-line").map((e) => e.line);
    expect(lines.some((l) => /01-informieren\.yaml:29:14 {2}measures\[1\]\.planned {2}Den Monat 13/.test(l))).toBe(
      true,
    );
    expect(events.find((e) => e.type === "build-end")).toEqual({
      type: "build-end",
      code: 1,
      summary:
        "Der Build hat nicht begonnen, weil die gespeicherten Inhalte Fehler haben; die bisherigen Ausgaben in out/ bleiben unverändert.",
    });
  });

  it("answers only its own page's requests with the content", async () => {
    const { editor } = await start();
    expect((await send(editor.port, { path: "/api/state" })).status).toBe(403);
  });
});
