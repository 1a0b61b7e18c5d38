declare module "virtual:concept-deck" {
  const data: import("./deck-data.js").DeckData;
  export default data;
}
declare module "*.vue" {
  import type { DefineComponent } from "vue";

  const component: DefineComponent<object, object, unknown>;
  export default component;
}
