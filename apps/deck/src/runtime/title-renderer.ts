/**
 * Slidev's title renderer (go-to dialog, table of contents), replaced: Slidev compiles every slide title as
 * Markdown and a Vue template; this prints the slide record's plain title as the text of a span.
 */
import { useSlideContext } from "@slidev/client";
import { defineComponent, h } from "vue";
import { deckRef } from "./deck-store.js";

export default defineComponent({
  name: "TitleRenderer",
  props: { no: { type: [Number, String], required: false } },
  setup(props) {
    const { $page } = useSlideContext();
    return () => h("span", deckRef.value.slides[Number(props.no ?? $page.value) - 1]?.title ?? "");
  },
});
