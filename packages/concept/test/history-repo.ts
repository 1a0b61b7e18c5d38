/**
 * Temporary git repositories with a content history, for the tests of the history, the changes and
 * `pnpm status --seit`. Built from the fixture concepts, with fixed authors and dates, so that the same steps give
 * the same commits.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Document, parseDocument, type YAMLMap, type YAMLSeq } from "yaml";
import { FIXTURE_CONCEPTS } from "./helpers.js";

/** git with a neutral configuration: no global or system settings, fixed names. */
export function git(cwd: string, args: string[], date = "2024-01-01T12:00:00+01:00"): string {
  const r = spawnSync("git", args, {
    cwd,
    encoding: "utf8",
    env: {
      ...process.env,
      GIT_CONFIG_GLOBAL: "/dev/null",
      GIT_CONFIG_NOSYSTEM: "1",
      GIT_AUTHOR_NAME: "Redaktion",
      GIT_AUTHOR_EMAIL: "redaktion@example.invalid",
      GIT_COMMITTER_NAME: "Redaktion",
      GIT_COMMITTER_EMAIL: "redaktion@example.invalid",
      GIT_AUTHOR_DATE: date,
      GIT_COMMITTER_DATE: date,
    },
  });
  if (r.status !== 0) throw new Error(`git ${args.join(" ")}: ${r.stderr}`);
  return r.stdout.trim();
}

const temps: string[] = [];

/** A new temporary folder; `removeTemps()` removes every one. */
export function tempFolder(prefix = "history-test-"): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temps.push(dir);
  return dir;
}

export function removeTemps(): void {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** One commit of a HistoryRepo: its id, its abbreviation as git prints it, and its day. */
export interface MadeCommit {
  oid: string;
  short: string;
  date: string;
}

export class HistoryRepo {
  readonly root: string;
  /** The content folder (absolute). */
  readonly content: string;

  /** A repository whose folder `sub` holds a copy of the fixture concept `fixture`. */
  constructor(fixture: string, sub = "content", root = tempFolder()) {
    this.root = root;
    this.content = join(root, sub);
    git(root, ["init", "--quiet", "--initial-branch=main"]);
    mkdirSync(this.content, { recursive: true });
    cpSync(join(FIXTURE_CONCEPTS, fixture), this.content, { recursive: true });
  }

  /** Edits a YAML file of the content folder (`concept.yaml`, `bausteine/04-presse.yaml`) as a document. */
  edit(rel: string, change: (doc: Document) => void): this {
    const path = join(this.content, rel);
    const doc = parseDocument(readFileSync(path, "utf8"));
    change(doc);
    writeFileSync(path, doc.toString());
    return this;
  }

  stand(value: string): this {
    return this.edit("concept.yaml", (doc) => doc.set("stand", value));
  }

  /** Sets a field of the Maßnahme `id` in the Baustein file `rel`. */
  measure(rel: string, id: string, field: string, value: string): this {
    return this.edit(rel, (doc) => doc.setIn(["measures", measureIndex(doc, id), field], value));
  }

  write(rel: string, text: string): this {
    writeFileSync(join(this.content, rel), text);
    return this;
  }

  remove(rel: string): this {
    rmSync(join(this.content, rel));
    return this;
  }

  /** Commits everything (inside and outside the content folder) on `day` (`JJJJ-MM-TT`). */
  commit(message: string, day: string): MadeCommit {
    git(this.root, ["add", "--all"]);
    git(this.root, ["commit", "--quiet", "--allow-empty", "-m", message], `${day}T12:00:00+01:00`);
    const [oid = "", short = ""] = git(this.root, ["log", "-1", "--format=%H %h"]).split(" ");
    return { oid, short, date: day };
  }
}

export function measureIndex(doc: Document, id: string): number {
  const list = doc.get("measures") as YAMLSeq<YAMLMap>;
  const i = list.items.findIndex((m) => m.get("id") === id);
  if (i < 0) throw new Error(`Maßnahme ${id} fehlt`);
  return i;
}

/** Removes the entry `text` from the list `key` (`chances`, `risks`). */
export function removeText(doc: Document, key: string, text: string): void {
  const list = doc.get(key) as YAMLSeq;
  const i = list.items.findIndex((item) => String((item as { value?: unknown }).value ?? item) === text);
  if (i < 0) throw new Error(`${text} fehlt in ${key}`);
  doc.deleteIn([key, i]);
}

/** „30.06.2018“ for `2018-06-30`. */
export const german = (day: string) => day.split("-").reverse().join(".");

/**
 * The history the tests share: the fixture „sechs-bausteine“ in `content/`, three commits and two Stände.
 * - `first` (Stand 06/2024): the state before, with „Hitzekarte“ not yet begun;
 * - `second` (Stand 06/2024): „Hitzekarte“ in Arbeit — the last committed version of the Stand 06/2024;
 * - `third` (Stand 01/2025): one change of every kind (see below);
 * - `outside`: a commit that touches only a file outside the content folder.
 */
export function klimaHistory(root?: string) {
  const repo = new HistoryRepo("sechs-bausteine", "content", root);
  const b = {
    portal: "bausteine/01-portal.yaml",
    schulen: "bausteine/02-schulen.yaml",
    verwaltung: "bausteine/03-verwaltung.yaml",
    presse: "bausteine/04-presse.yaml",
    buerger: "bausteine/05-buerger.yaml",
    hochschule: "bausteine/06-hochschule.yaml",
    vereine: "bausteine/07-vereine.yaml",
  };
  repo
    .stand("06/2024")
    .measure(b.verwaltung, "hitzekarte", "status", "noch nicht begonnen")
    // Due before the Stand 01/2025, not before 06/2024: becomes overdue.
    .measure(b.buerger, "mitmachtag", "planned", "10/2024");
  const first = repo.commit("Stand Juni 2024", "2024-06-10");
  repo.measure(b.verwaltung, "hitzekarte", "status", "in Arbeit");
  const second = repo.commit("Hitzekarte begonnen", "2024-06-28");

  repo
    .stand("01/2025")
    // Status: completed, and another change of status.
    .measure(b.buerger, "sprechstunde-klima", "status", "erledigt")
    .measure(b.verwaltung, "schulung-gis", "status", "in Arbeit")
    // Datum (Plan): later, earlier, the same date with another place.
    .measure(b.hochschule, "klimabericht", "planned", "06/2029")
    .measure(b.verwaltung, "leitfaden-planung", "planned", "für Q1/2027 geplant")
    .measure(b.buerger, "klimaspaziergang", "planned", "21.09.2024 (Rathausplatz)")
    // Veröffentlicht: published now, and another change.
    .measure(b.hochschule, "abschlussarbeiten", "published", "12/2024 (Hochschulseite)")
    .measure(b.verwaltung, "rundmail", "published", "07/2018 (Intranet)")
    // A new title is no change of its own.
    .measure(b.portal, "portal-karte", "title", "Interaktive Karte der Messstationen")
    // A new and a removed Maßnahme.
    .edit(b.hochschule, (doc) =>
      doc.addIn(["measures"], {
        id: "klimawerkstatt",
        title: "Klimawerkstatt",
        summary: ["Studierende und Ämter werten die Messreihen gemeinsam aus."],
        status: "noch nicht begonnen",
        planned: "2026",
        published: "noch nicht",
      }),
    )
    .edit(b.verwaltung, (doc) => doc.deleteIn(["measures", measureIndex(doc, "planungsrunde")]))
    // Chancen and Risiken, new and removed.
    .edit(b.verwaltung, (doc) => doc.addIn(["chances"], "Schnellere Abstimmung"))
    .edit(b.buerger, (doc) => removeText(doc, "chances", "Mehr Messpunkte"))
    .edit(b.portal, (doc) => doc.addIn(["risks"], "Kosten für den Betrieb"))
    .edit(b.schulen, (doc) => removeText(doc, "risks", "Material veraltet schnell"))
    // A removed and a new Baustein.
    .remove(b.presse)
    .write(
      b.vereine,
      [
        "id: vereine",
        "title: Vereine",
        "summary: Mit den Vereinen der Stadt",
        "why:",
        "  title: Warum die Vereine?",
        "  text:",
        "    - Vereine erreichen Menschen, die kein Amtsblatt lesen.",
        "measures:",
        "  - id: vereinsabend",
        "    title: Abend der Vereine",
        "    summary:",
        "      - Ein Abend im Bürgerhaus für alle Vereine.",
        "    status: noch nicht begonnen",
        "    planned: für 2026 geplant",
        "    published: noch nicht",
        "chances:",
        "  - Neue Zielgruppen",
        "",
      ].join("\n"),
    );
  const third = repo.commit("Stand Januar 2025", "2025-01-20");
  writeFileSync(join(repo.root, "README.md"), "Notizen außerhalb der Inhalte\n");
  const outside = repo.commit("Notizen", "2025-01-21");
  return { repo, files: b, first, second, third, outside };
}
