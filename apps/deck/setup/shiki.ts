/**
 * The deck shows no code: Shiki, which Slidev uses to highlight code blocks, gets no language beyond Slidev's own
 * few and no colour theme (its built-in `none`), so none of its bundled languages and themes is loaded.
 */
import { defineShikiSetup } from "@slidev/types";

export default defineShikiSetup(() => ({ theme: "none", langs: [] }));
