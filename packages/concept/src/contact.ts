/**
 * The concept's contact as every output shows it: the lines to print, and the e-mail address and phone number as
 * links (`mailto:`, `tel:`) with what each link does, for a web page's accessible name and a PDF's structure tree.
 * Pure; the deck's closing slide and the flyers' „Kontakt“ panel take it from here.
 */
import type { Contact } from "./schemas/contact.js";

export interface ContactLink {
  kind: "email" | "phone";
  /** `mailto:team@beispielstadt.de`, `tel:+4942136112345`. */
  href: string;
  /** The visible text: the address, or „Telefon: 0421 361-12345“. */
  text: string;
  /**
   * What the link does, starting with its visible text (WCAG 2.5.3): „team@… (E-Mail schreiben)“, „Telefon: 0421
   * 361-12345 (anrufen)“.
   */
  name: string;
}

export interface ResolvedContact {
  person?: string;
  role?: string;
  /** Postal address, one line each. */
  address: string[];
  /** „Sprechzeiten: Dienstag, 9 – 12 Uhr“. */
  hours?: string;
  links: ContactLink[];
}

export const contactLabels = {
  phone: "Telefon",
  hours: "Sprechzeiten",
  write: "E-Mail schreiben",
  call: "anrufen",
} as const;

/**
 * The `tel:` address of a phone number as written: its digits only, with a leading „+“ kept for an international
 * number, whose trunk prefix written as „(0)“ is dropped („+49 (0)421 361-12345“ → `tel:+4942136112345`).
 */
export function telHref(phone: string): string {
  const international = phone.trim().startsWith("+");
  const digits = (international ? phone.replace(/\(0\)/g, "") : phone).replace(/\D/g, "");
  return `tel:${international ? "+" : ""}${digits}`;
}

export const mailtoHref = (email: string): string => `mailto:${email}`;

/** The contact's lines and links; undefined when the concept gives none. */
export function resolveContact(c: Contact | undefined): ResolvedContact | undefined {
  if (!c) return undefined;
  const links: ContactLink[] = [];
  if (c.email)
    links.push({
      kind: "email",
      href: mailtoHref(c.email),
      text: c.email,
      name: `${c.email} (${contactLabels.write})`,
    });
  if (c.phone)
    links.push({
      kind: "phone",
      href: telHref(c.phone),
      text: `${contactLabels.phone}: ${c.phone}`,
      name: `${contactLabels.phone}: ${c.phone} (${contactLabels.call})`,
    });
  return {
    ...(c.person ? { person: c.person } : {}),
    ...(c.role ? { role: c.role } : {}),
    address: c.address ?? [],
    ...(c.hours ? { hours: `${contactLabels.hours}: ${c.hours}` } : {}),
    links,
  };
}

/** A `mailto:` or `tel:` address: it opens the mail program or the phone, never a new window. */
export const isContactHref = (href: string): boolean => /^(mailto|tel):/.test(href);
