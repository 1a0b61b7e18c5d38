/// <reference types="vite/client" />
declare module "virtual:concept-deck" {
  const data: import("./deck-data.js").DeckData;
  export default data;
}
declare module "*.vue" {
  import type { DefineComponent } from "vue";

  const component: DefineComponent<object, object, unknown>;
  export default component;
}
/** The part of Slidev's client API the deck uses (Slidev resolves the module in its Vite build). */
declare module "@slidev/client" {
  import type { Ref } from "vue";

  export function useSlideContext(): {
    $page: Ref<number>;
    $nav: Ref<{ total: number; currentSlideNo: number }>;
  };
  export function useNav(): { currentRoute: Ref<{ path: string }> };
}
