/** Puts the brand's design tokens into the page as CSS custom properties; styles/index.css uses only these. */
import { cssVariables } from "@dus-opendata/brand";
import { defineAppSetup } from "@slidev/types";

export default defineAppSetup(() => {
  if (typeof document === "undefined" || document.getElementById("brand-tokens")) return;
  const style = document.createElement("style");
  style.id = "brand-tokens";
  style.textContent = cssVariables();
  document.head.prepend(style);
});
