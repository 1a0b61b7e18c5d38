/**
 * What names a concept's owner and nothing else: its city (also without a title such as „Stadt“), office, sender
 * line, team, claim, concept title, portal name and host. Used to show that no output of one concept carries
 * another's identity; generic words both may use („Verwaltung“, „Fortbildung“) are not among them.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";

export function identityWords(dir: string): string[] {
  const c = parse(readFileSync(join(dir, "concept.yaml"), "utf8")) as Record<string, unknown>;
  const text = (k: string) => (typeof c[k] === "string" ? [c[k] as string] : []);
  const city = text("city");
  const host = typeof c.portal === "string" ? [new URL(c.portal).hostname] : [];
  return [
    ...new Set(
      [
        ...city,
        ...city.map((x) => x.split(" ").at(-1) ?? ""),
        ...text("organisation"),
        ...text("sender"),
        ...text("team"),
        ...text("claim"),
        ...text("title"),
        ...text("portalName"),
        ...host,
      ].filter((w) => w.length >= 6 || w.includes(" ")),
    ),
  ];
}
