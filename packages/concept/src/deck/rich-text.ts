import { webLinkName } from "../wording.js";
import type { RichText, TextPart } from "./records.js";

/**
 * Splits text into plain parts and links: explicit https:// addresses and the portal's host name. Only these become
 * links, so a text can never make a link to anything else (`javascript:`, a relative path).
 */
export function linkParts(text: string, portal: { url: string; name: string }): RichText {
  const host = portal.url.replace(/^https?:\/\//, "").replace(/\/.*$/, "");
  const escaped = host.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const pattern = new RegExp(`(https:\\/\\/[^\\s)]+[^\\s).,;:!?“"']|${escaped})`, "g");
  const parts: TextPart[] = [];
  let last = 0;
  for (const m of text.matchAll(pattern)) {
    const at = m.index ?? 0;
    if (at > last) parts.push({ text: text.slice(last, at) });
    const value = m[0];
    const href = value.startsWith("https://") ? value : `https://${value}`;
    parts.push({ text: value, href, name: webLinkName(href, value, portal) });
    last = at + value.length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}
