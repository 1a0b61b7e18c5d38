/**
 * The browser tab shows the deck's title exactly as the content writes it, and in Slidev's other views what the
 * view is („Referentenansicht – <Titel>“, src/runtime/ui-text.ts) instead of Slidev's English prefixes. Slidev
 * derives its title from Markdown (which drops HTML-like text) and writes it asynchronously; this keeps ours.
 */
import { useNav } from "@slidev/client";
import { defineRootSetup } from "@slidev/types";
import { onMounted, watch } from "vue";
import { viewTitle } from "../src/runtime/ui-text.js";
import { useDeck } from "../src/use-deck.js";

export default defineRootSetup(() => {
  const { currentRoute } = useNav();
  const apply = () => {
    const title = viewTitle(currentRoute.value.path, useDeck().title);
    if (document.title !== title) document.title = title;
  };
  onMounted(() => {
    new MutationObserver(apply).observe(document.head, { subtree: true, childList: true, characterData: true });
    apply();
  });
  watch(() => currentRoute.value.path, apply);
});
