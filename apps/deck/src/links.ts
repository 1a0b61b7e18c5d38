// The labels alone: the package's main entry would bring the schemas (zod) into the browser bundle.
import { labels } from "@dus-opendata/concept/labels";

/** Splits text into plain parts and links: explicit https:// addresses and the portal's host name. */
export interface TextPart {
  text: string;
  href?: string;
}

export function linkParts(text: string, portal: string): TextPart[] {
  const host = portal.replace(/^https?:\/\//, "").replace(/\/.*$/, "");
  const escaped = host.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const pattern = new RegExp(`(https?:\\/\\/[^\\s)]+[^\\s).,;:!?“"']|${escaped})`, "g");
  const parts: TextPart[] = [];
  let last = 0;
  for (const m of text.matchAll(pattern)) {
    const at = m.index ?? 0;
    if (at > last) parts.push({ text: text.slice(last, at) });
    const value = m[0];
    parts.push({ text: value, href: value.startsWith("http") ? value : `https://${value}` });
    last = at + value.length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}

/** An address as people write it: without the scheme and a trailing slash. */
export function displayUrl(href: string): string {
  return href.replace(/^https?:\/\//, "").replace(/\/$/, "");
}

/**
 * A link's accessible name: its visible text (WCAG 2.5.3), the portal's name when it leads there, and that it
 * opens a new window (every link of the deck does, so the presentation stays open). Without soft hyphens, which
 * a screen reader need not hear.
 */
export function linkLabel(href: string, text: string, portal: { url: string; name: string }): string {
  const toPortal = displayUrl(href) === displayUrl(portal.url);
  return `${toPortal ? `${portal.name} ` : ""}${text} (${labels.opensNewWindow})`.replace(/\u00AD/g, "");
}
