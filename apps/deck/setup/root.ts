/**
 * The browser tab shows the deck's title exactly as the content writes it. Slidev derives its title from
 * Markdown (which drops HTML-like text) and writes it asynchronously; this keeps the literal text.
 */
import { defineRootSetup } from "@slidev/types";
import { onMounted } from "vue";
import { useDeck } from "../src/use-deck.js";

export default defineRootSetup(() => {
  onMounted(() => {
    const apply = () => {
      const title = useDeck().title;
      if (document.title !== title) document.title = title;
    };
    new MutationObserver(apply).observe(document.head, { subtree: true, childList: true, characterData: true });
    apply();
  });
});
