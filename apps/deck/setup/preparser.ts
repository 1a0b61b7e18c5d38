/**
 * Generates the slides of the chosen deck variant (DECK_VARIANT, default `poa`) from the content: the marker in
 * slides.md becomes one slide per outline entry. The generated Markdown holds no content text except escaped
 * presenter notes; each slide renders its outline entry through <ConceptSlide>.
 */
import { definePreparserSetup } from "@slidev/types";
import { loadOutline } from "../src/load-deck.js";
import { escapeMarkdown, outlineMarkdown } from "../src/outline.js";

const MARKER = "<!-- concept:slides -->";

/** The data of the current parse: loaded once in transformRawLines, read by transformSlide for every slide. */
let current: ReturnType<typeof loadOutline> | undefined;

export default definePreparserSetup(() => [
  {
    transformRawLines(lines: string[]) {
      const at = lines.findIndex((l) => l.trim() === MARKER);
      if (at < 0) return;
      let outline: ReturnType<typeof loadOutline>;
      try {
        outline = loadOutline();
        current = outline;
      } catch {
        current = undefined;
        // The Vite plugin reports content problems; keep a single slide so the preview can show them.
        lines.splice(at, 1, '<ConceptSlide :n="0" />');
        return;
      }
      const first = outline.slides[0];
      // The first slide's frontmatter is the headmatter: give it the first slide's layout and the document title.
      const close = lines.indexOf("---", 1);
      if (close > 0 && first) {
        lines.splice(
          close,
          0,
          `layout: ${first.layout}`,
          `slideKind: ${first.kind}`,
          `title: ${JSON.stringify(escapeMarkdown(outline.title))}`,
        );
      }
      const markerAt = lines.findIndex((l) => l.trim() === MARKER);
      lines.splice(markerAt, 1, ...outlineMarkdown(outline));
    },
    async transformSlide(content: string, frontmatter: Record<string, unknown>) {
      // Plain-text slide titles for the slide list and presenter view, set as data rather than from Markdown.
      const n = /<ConceptSlide :n="(\d+)" \/>/.exec(content)?.[1];
      const s = n === undefined ? undefined : current?.slides[Number(n)];
      if (s) frontmatter.title = s.title;
      return undefined;
    },
  },
]);
