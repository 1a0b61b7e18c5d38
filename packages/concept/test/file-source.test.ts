import { cpSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ContentError, formatProblem, loadConceptSync, type SnapshotFile, snapshotSource } from "../src/node.js";
import { FIXTURE_CONCEPTS, FIXTURES, fixtureCases, GENERATED_FILES } from "./helpers.js";
import { removeTemps, tempFolder } from "./history-repo.js";

afterAll(removeTemps);

/** Every file under `dir`, in memory, by its path relative to `dir`. */
function inMemory(dir: string): { files: Map<string, SnapshotFile>; folders: Set<string> } {
  const files = new Map<string, SnapshotFile>();
  const folders = new Set<string>();
  for (const rel of readdirSync(dir, { recursive: true, encoding: "utf8" })) {
    const path = join(dir, rel);
    if (statSync(path).isDirectory()) folders.add(relative(dir, path));
    else {
      const bytes = readFileSync(path);
      files.set(relative(dir, path), { size: bytes.length, bytes });
    }
  }
  return { files, folders };
}

function problemsOf(load: () => unknown): string[] {
  try {
    load();
  } catch (e) {
    if (e instanceof ContentError) return e.problems.map(formatProblem);
    throw e;
  }
  throw new Error("loaded without problems");
}

describe("loading from a snapshot held in memory", () => {
  it.each(["kleinstadt", "lange-namen", "sechs-bausteine"])("%s: exactly what the working tree gives", (name) => {
    const dir = join(FIXTURE_CONCEPTS, name);
    const { files, folders } = inMemory(dir);
    // Any root will do: the paths only have to match.
    const root = "/nirgends/inhalt";
    expect(loadConceptSync(root, { files: snapshotSource(root, files, folders) })).toEqual(loadConceptSync(dir));
  });

  it.each(fixtureCases("invalid"))("invalid/%s: the same problems, at the same places", (name) => {
    // A copy, with the files too big to commit written into it (the corpus test writes them into the case folder).
    const dir = join(tempFolder(), name);
    cpSync(join(FIXTURES, "invalid", name), dir, { recursive: true });
    for (const [rel, make] of Object.entries(GENERATED_FILES[name] ?? {})) writeFileSync(join(dir, rel), make());
    const { files, folders } = inMemory(dir);
    const root = "/nirgends/inhalt";
    const fromMemory = problemsOf(() =>
      loadConceptSync(root, { displayDir: "x", files: snapshotSource(root, files, folders) }),
    );
    expect(fromMemory).toEqual(problemsOf(() => loadConceptSync(dir, { displayDir: "x" })));
  });

  it.each(fixtureCases("valid"))("valid/%s: the same concept", (name) => {
    const dir = join(FIXTURES, "valid", name);
    const { files, folders } = inMemory(dir);
    expect(loadConceptSync("/y", { files: snapshotSource("/y", files, folders) })).toEqual(loadConceptSync(dir));
  });

  it("fetches a file's bytes only when the loader reads it, and once", () => {
    const dir = join(FIXTURE_CONCEPTS, "kleinstadt");
    const { files, folders } = inMemory(dir);
    let fetched = 0;
    const concept = files.get("concept.yaml")!;
    files.set("concept.yaml", {
      size: concept.size,
      fetch: () => {
        fetched++;
        return concept.bytes!;
      },
    });
    const source = snapshotSource("/x", files, folders);
    expect(fetched).toBe(0);
    expect(source.read("/x/concept.yaml")).toBe(concept.bytes);
    source.read("/x/concept.yaml");
    expect(fetched).toBe(1);
    expect(
      source
        .entries("/x")
        .filter((e) => e.folder)
        .map((e) => e.name)
        .sort(),
    ).toEqual(["bausteine", "decks", "flyers"]);
    expect(source.isFolder("/x/bausteine")).toBe(true);
    expect(source.isFolder("/x/concept.yaml")).toBe(false);
    expect(source.size("/x/bausteine")).toBe(undefined);
    expect(source.entries("/x/gibt-es-nicht")).toEqual([]);
  });
});

describe("the working tree", () => {
  it("a folder named like a content file is a problem of that file, not a crash", () => {
    const dir = join(tempFolder(), "inhalt");
    cpSync(join(FIXTURE_CONCEPTS, "kleinstadt"), dir, { recursive: true });
    mkdirSync(join(dir, "bausteine", "02-ordner.yaml"));
    expect(problemsOf(() => loadConceptSync(dir, { displayDir: "inhalt" }))).toEqual([
      "inhalt/bausteine/02-ordner.yaml:1:1  (Datei)  Die Datei fehlt oder kann nicht gelesen werden.",
    ]);
  });
});
