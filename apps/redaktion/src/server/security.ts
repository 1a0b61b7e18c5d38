/**
 * What a request must show before the editor answers it (design principle 11: a local server is an attack surface).
 * - `Host` is 127.0.0.1:<port> or localhost:<port>: a page of another name that resolves to 127.0.0.1 (DNS
 *   rebinding) gets nothing.
 * - `Origin`, where the browser sends one, is the editor's own; requests to /api/ must come from the editor's own
 *   page (`Sec-Fetch-Site: same-origin` where the browser tells) and, when they change something, carry an Origin.
 * - Every /api/ request carries the token of this start in a header. Only the editor's own page has it (in its
 *   HTML, which no other site can read); it is never a cookie, which the browser would add to a foreign site's
 *   request too.
 */
import { randomBytes, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";

export const TOKEN_HEADER = "x-redaktion-token";

export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

export interface Refusal {
  status: number;
  message: string;
}

const WRITES = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export function ownHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

/** Undefined when the request may be answered; else the status and the German reason. */
export function checkRequest(req: IncomingMessage, port: number, token: string): Refusal | undefined {
  const hosts = ownHosts(port);
  const host = req.headers.host?.toLowerCase();
  if (!host || !hosts.includes(host))
    return {
      status: 421,
      message: `Dieser Editor antwortet nur unter http://127.0.0.1:${port}/ oder http://localhost:${port}/.`,
    };
  const origin = req.headers.origin;
  if (origin !== undefined && !hosts.some((h) => origin === `http://${h}`))
    return { status: 403, message: "Anfragen von anderen Websites nimmt der Editor nicht an." };
  const path = (req.url ?? "/").split("?")[0] ?? "/";
  if (!path.startsWith("/api/")) {
    if (req.method !== "GET" && req.method !== "HEAD")
      return { status: 405, message: "Diese Adresse kann nur gelesen werden." };
    return undefined;
  }
  const site = req.headers["sec-fetch-site"];
  if (site !== undefined && site !== "same-origin")
    return { status: 403, message: "Anfragen von anderen Websites nimmt der Editor nicht an." };
  if (WRITES.has(req.method ?? "") && origin === undefined)
    return { status: 403, message: "Änderungen nimmt der Editor nur von seiner eigenen Seite an." };
  if (req.method !== "GET" && req.method !== "POST")
    return { status: 405, message: "Diese Art von Anfrage nimmt der Editor nicht an." };
  if (req.method === "POST" && !/^application\/json\b/i.test(req.headers["content-type"] ?? ""))
    return { status: 415, message: "Der Editor nimmt nur JSON an." };
  const given = req.headers[TOKEN_HEADER];
  if (typeof given !== "string" || !sameToken(given, token))
    return {
      status: 403,
      message: "Der Schlüssel dieser Sitzung fehlt oder stimmt nicht: bitte die Seite des Editors neu laden.",
    };
  return undefined;
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Headers on every answer: nothing from another host, no framing by another page, nothing cached. */
export function securityHeaders(previewOrigin: string | undefined): Record<string, string> {
  return {
    "content-security-policy": [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      "img-src 'self' blob: data:",
      "connect-src 'self'",
      `frame-src ${previewOrigin ?? "'none'"}`,
      "frame-ancestors 'none'",
      "base-uri 'none'",
      "form-action 'none'",
      "object-src 'none'",
    ].join("; "),
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
    "cache-control": "no-store",
  };
}
