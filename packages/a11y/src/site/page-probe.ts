/**
 * Code that runs inside the checked page, as source text: a function handed to `page.evaluate` would be
 * serialised from whatever the TypeScript compiler made of it (tsx adds helper calls that do not exist in the page).
 */

export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** Link texts that do not say where a link leads (WCAG 2.4.4), compared without case and punctuation. */
export interface ShrunkBox {
  size: number;
  text: string;
}

export const VAGUE_LINK_TEXTS = [
  "hier",
  "mehr",
  "weiter",
  "link",
  "klick",
  "klicken",
  "hier klicken",
  "klicken sie hier",
  "mehr lesen",
  "weiterlesen",
  "mehr erfahren",
  "mehr dazu",
  "details",
  "info",
  "infos",
];

export interface AxeViolation {
  id: string;
  impact: string;
  count: number;
  target: string;
}

export interface FocusInfo {
  /** The same number each time the same element has the focus. */
  id: number;
  inNav: boolean;
  name: string;
  visible: boolean;
  /** Why the focus cannot be seen, when it cannot. */
  why: string;
}

export interface LinkInfo {
  href: string;
  name: string;
}

export const PROBE = `
window.__a11yProbe = {
  settled() {
    return document.getAnimations().every((a) => a.playState !== "running");
  },
  async axe(tags) {
    const r = await window.axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact || "",
      count: v.nodes.length,
      target: v.nodes[0] ? v.nodes[0].target.map((t) => (Array.isArray(t) ? t.join(" ") : t)).join(" ") : "",
    }));
  },
  name(el) {
    const by = (el.getAttribute("aria-labelledby") || "").split(/\\s+/).filter(Boolean)
      .map((id) => document.getElementById(id)).filter(Boolean).map((n) => n.textContent).join(" ");
    const alt = [...el.querySelectorAll("img[alt], [role=img][aria-label]")]
      .map((i) => i.getAttribute("alt") || i.getAttribute("aria-label")).join(" ");
    const text = by || el.getAttribute("aria-label") || el.innerText || alt || el.getAttribute("title") || "";
    return text.replace(/[\\s\\u00AD]+/g, " ").replace(/\\u00AD/g, "").trim();
  },
  shown(el) {
    const s = getComputedStyle(el);
    return el.getClientRects().length > 0 && s.visibility !== "hidden" && s.display !== "none";
  },
  links() {
    return [...document.querySelectorAll("a[href]")].filter((a) => this.shown(a))
      .map((a) => ({ href: a.href, name: this.name(a) }));
  },
  // Boxes of the shown slide whose text had to shrink below the minimum size to fit (the deck's FitBox writes
  // the size it set into data-size); waits until no box is still fitting.
  shrunk(minimum) {
    if (window.__deckBusy) return null;
    return [...document.querySelectorAll(".fit-box[data-size]")].filter((b) => this.shown(b))
      .filter((b) => Number(b.dataset.size) < minimum)
      .map((b) => ({ size: Number(b.dataset.size), text: (b.textContent || "").replace(/\\u00AD/g, "").replace(/\\s+/g, " ").trim().slice(0, 60) }));
  },
  ids: new WeakMap(),
  count: 0,
  focused() {
    const el = document.activeElement;
    if (!el || el === document.body || el === document.documentElement) return null;
    const s = getComputedStyle(el);
    const ring = (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0) || (s.boxShadow && s.boxShadow !== "none");
    let opacity = 1;
    for (let n = el; n; n = n.parentElement) opacity *= parseFloat(getComputedStyle(n).opacity);
    const r = el.getBoundingClientRect();
    const onScreen = r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0 && r.left < innerWidth && r.top < innerHeight;
    const why = [];
    if (!ring) why.push("kein Fokusrahmen");
    if (opacity < 0.5) why.push("Deckkraft " + Math.round(opacity * 100) + " %");
    if (!onScreen || s.visibility === "hidden") why.push("nicht im Bild");
    if (!this.ids.has(el)) this.ids.set(el, ++this.count);
    return {
      id: this.ids.get(el),
      inNav: !!el.closest("nav, [role=navigation]"),
      name: this.name(el) || el.tagName.toLowerCase(),
      visible: why.length === 0,
      why: why.join(", "),
    };
  },
};
`;
