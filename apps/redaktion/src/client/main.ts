import { colors } from "@dus-opendata/brand";
import { createApp } from "vue";
import App from "./App.vue";
import "./editor.css";
import { load } from "./store.js";

// The brand's colours, one definition for every output and the editor.
for (const [name, value] of Object.entries(colors))
  document.documentElement.style.setProperty(`--${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`, value);
createApp(App).mount("#app");
void load();
