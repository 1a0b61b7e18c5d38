/**
 * Slidev's slide list, made from the data instead of from Markdown. Every slide renders the one compiled slide
 * of slides.md (<ConceptSlide />), which shows the slide record of its page number; the title in Slidev's own
 * dialogs and the presenter notes are set here as plain text. So neither text nor the number of slides is
 * compiled into the app: the same build serves every variant and every content.
 */

import SlideLoading from "@slidev/client/internals/SlideLoading.vue";
import SlideError from "@slidev/client/layouts/error.vue";
import { defineAsyncComponent, reactive, shallowReactive, shallowRef, watch } from "vue";
import type { DeckData } from "../deck-data.js";
import { deckRef } from "./deck-store.js";

/** The compiled slide of slides.md (a module of Slidev's Vite plugin). */
const loadSlide = () =>
  // @ts-expect-error a module of Slidev's Vite plugin (a rooted name, so TypeScript cannot declare it)
  import("/@slidev/slides/1/md").catch((e: unknown) => {
    console.error("Folie konnte nicht geladen werden", e);
    return SlideError;
  });

const component = defineAsyncComponent({
  loader: loadSlide,
  delay: 300,
  loadingComponent: SlideLoading,
  errorComponent: SlideError,
});

/** Presenter notes as plain text: Slidev shows `note` with v-text when there is no rendered HTML. */
export const notesText = (notes: readonly string[]) => notes.join("\n\n");

function routesOf(data: DeckData) {
  return data.slides.map((spec, idx) => {
    const no = idx + 1;
    const frontmatter = reactive<Record<string, unknown>>({ layout: "concept" });
    const meta = shallowReactive({
      get layout() {
        return frontmatter.layout;
      },
      get transition() {
        return frontmatter.transition;
      },
      get class() {
        return frontmatter.class;
      },
      get clicks() {
        return frontmatter.clicks;
      },
      get name() {
        return frontmatter.name;
      },
      get preload() {
        return frontmatter.preload;
      },
      slide: {
        index: idx,
        id: idx,
        no,
        title: spec.title,
        level: 1,
        note: notesText(spec.notes),
        noteHTML: "",
        content: "",
        raw: "",
        frontmatter,
        filepath: "",
        start: 0,
        sourceIndex: idx,
      },
      __clicksContext: null,
      __preloaded: false,
    });
    return { no, meta, load: loadSlide, component };
  });
}

/** What the slide list depends on: number, titles and notes of the slides. */
const signature = (d: DeckData) => JSON.stringify(d.slides.map((s) => [s.title, s.notes]));

export const slides = shallowRef(routesOf(deckRef.value));

let last = signature(deckRef.value);
watch(deckRef, (d) => {
  const next = signature(d);
  if (next === last) return;
  last = next;
  slides.value = routesOf(d);
});
