import { describe, expect, it } from "vitest";
import { resolveContact, telHref } from "./contact.js";
import { contactSchema } from "./schemas/contact.js";
import { linkDescription } from "./wording.js";

describe("contact", () => {
  it("dials digits only, keeping the „+“ of an international number and dropping its „(0)“", () => {
    expect(telHref("0421 361-12345")).toBe("tel:042136112345");
    expect(telHref("+49 (0)4471 88-2301")).toBe("tel:+494471882301");
    expect(telHref("+49 421 / 361 12345")).toBe("tel:+4942136112345");
    expect(telHref("(0421) 361 12345")).toBe("tel:042136112345");
  });

  it("shows only what is given, and nothing at all without a contact", () => {
    expect(resolveContact(undefined)).toBeUndefined();
    expect(resolveContact({ hours: "Montag, 8 – 12 Uhr" })).toEqual({
      address: [],
      hours: "Sprechzeiten: Montag, 8 – 12 Uhr",
      links: [],
    });
    expect(resolveContact({ email: "a@b.example" })?.links).toEqual([
      { kind: "email", href: "mailto:a@b.example", text: "a@b.example", name: "a@b.example (E-Mail schreiben)" },
    ]);
  });

  it("says what a mailto: and a tel: link do, in a PDF's annotation", () => {
    expect(linkDescription("mailto:a@b.example")).toBe("E-Mail an a@b.example");
    expect(linkDescription("tel:+494471882301")).toBe("Anrufen: +494471882301");
    expect(linkDescription("https://daten.beispielstadt.de/")).toBe("Link zu daten.beispielstadt.de");
  });

  it("refuses an e-mail address and a phone number it cannot link, saying what is allowed", () => {
    const messages = (v: unknown) => contactSchema.safeParse(v).error?.issues.map((i) => i.message);
    expect(messages({ email: "team(at)stadt.example" })).toEqual([
      "Keine gültige E-Mail-Adresse. Erlaubt ist eine Adresse wie „team@beispielstadt.de“.",
    ]);
    expect(messages({ phone: "Durchwahl 1234" })).toEqual([
      "Keine gültige Telefonnummer. Erlaubt sind Ziffern, Leerzeichen, „+“ am Anfang, „-“, „/“ und Klammern, z. B. „0421 361-12345“ oder „+49 421 361-12345“.",
    ]);
    expect(messages({ phone: "12" })).toEqual(["Die Telefonnummer hat zu wenige Ziffern, z. B. „0421 361-12345“."]);
    expect(messages({ address: [] })?.length).toBe(1);
    expect(contactSchema.safeParse({}).success).toBe(true);
  });
});
