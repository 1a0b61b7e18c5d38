/**
 * The words that name this repository's own concept (content/): its city, office, team, portal, titles. Code in
 * apps/ and packages/ must not contain them (they come from content/), and the fixture concepts must not either
 * (they stand for other cities). Derived from content/, so a renamed office or a new Baustein is covered without
 * editing this file.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { CONTENT_DIR } from "./helpers.js";

/** Always this concept's, whatever content/ says today. */
export const FIXED_CONCEPT_WORDS = [
  "Düsseldorf",
  "Duesseldorf",
  "Landeshauptstadt",
  "Open Data",
  "Open-Data",
  "POA",
  "Ämtergespräch",
];

/**
 * Single words shorter than this are too common to name the concept („Texte“, „Stand“): only longer words and
 * phrases of two or more words count.
 */
const MIN_SINGLE_WORD = 10;

const yamlNames = (dir: string) => readdirSync(dir).filter((f) => /\.ya?ml$/.test(f));
const yamlFiles = (dir: string) =>
  yamlNames(dir).map((f) => parse(readFileSync(join(dir, f), "utf8")) as Record<string, unknown>);

const texts = (...values: unknown[]): string[] =>
  values.flatMap((v) => (typeof v === "string" ? [v] : Array.isArray(v) ? texts(...v) : []));

export function conceptWords(dir = CONTENT_DIR): string[] {
  const c = parse(readFileSync(join(dir, "concept.yaml"), "utf8")) as Record<string, unknown>;
  const bausteine = yamlFiles(join(dir, "bausteine"));
  const decks = yamlFiles(join(dir, "decks"));
  const flyers = yamlFiles(join(dir, "flyers"));
  const host = typeof c.portal === "string" ? new URL(c.portal).hostname : undefined;
  const city = typeof c.city === "string" ? c.city : "";
  const candidates = [
    ...texts(c.title, c.subtitle, c.purpose, c.organisation, c.city, c.sender, c.team, c.claim, c.portalName),
    ...texts(c.keywords, c.closing),
    // The team in parts („Projekt …“, „Stabsstelle …“), the city's name without its title, the portal's host.
    ...texts(c.team).flatMap((t) => t.split(", ")),
    city.split(" ").at(-1) ?? "",
    ...(host ? [host, ...host.split(".").filter((label) => label.length >= 6)] : []),
    ...bausteine.flatMap((b) =>
      texts(
        b.title,
        (b.measures as { title?: unknown }[] | undefined)?.map((m) => m.title),
      ),
    ),
    ...decks.flatMap((d) => texts(d.title, d.occasion)),
    ...flyers.flatMap((f) => texts(f.title, f.occasion)),
    // The names of the deck variants and flyers: code must not default to one of them.
    ...[...yamlNames(join(dir, "decks")), ...yamlNames(join(dir, "flyers"))].map((f) => f.replace(/\.ya?ml$/, "")),
  ];
  const words = candidates
    .map((w) => w.trim())
    .filter((w) => w.includes(" ") || w.length >= MIN_SINGLE_WORD || FIXED_CONCEPT_WORDS.includes(w));
  return [...new Set([...FIXED_CONCEPT_WORDS, ...words])].sort();
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Whole words or phrases, ignoring case: „ABC“ matches „abc“ but not „abcde“. */
export function conceptWordPattern(words: readonly string[]): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.map(escapeRegExp).join("|")})(?![\\p{L}\\p{N}])`, "giu");
}

/** Every occurrence in a text, as `line: word`. */
export function findConceptWords(text: string, pattern: RegExp): { line: number; word: string }[] {
  const found: { line: number; word: string }[] = [];
  text.split("\n").forEach((l, i) => {
    for (const m of l.matchAll(pattern)) found.push({ line: i + 1, word: m[0] });
  });
  return found;
}
