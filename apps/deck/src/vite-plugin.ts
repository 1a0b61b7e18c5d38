/**
 * Brings the concept into the deck: a virtual module with the variant's data (validated, hyphenated), and in the
 * live preview a watcher on the content folder. A text change updates the open slides by hot module replacement
 * (no page reload); a change in the slide structure (a new Maßnahme) makes Slidev re-read slides.md, whose
 * slides the preparser generates from the same outline.
 */
import { resolve } from "node:path";
import { resolveContentDir } from "@dus-opendata/concept/node";
import type { Plugin, ViteDevServer } from "vite";
import type { DeckData } from "./deck-data.js";
import { ContentError, loadDeckData } from "./load-deck.js";

const ID = "virtual:concept-deck";
const RESOLVED = `\0${ID}`;

/** What decides the slide structure; a text edit leaves it unchanged. */
export function outlineSignature(data: DeckData): string {
  return data.outline.slides.map((s) => `${s.layout}:${s.kind}`).join("|");
}

export function conceptDeckPlugin(options: { slidesFile: string }): Plugin {
  let lastGood: DeckData | undefined;
  let signature = "";
  let server: ViteDevServer | undefined;

  const load = (): DeckData => {
    try {
      const data = loadDeckData();
      lastGood = data;
      return data;
    } catch (e) {
      if (!(e instanceof ContentError) || !server || !lastGood) throw e;
      // Live preview: keep showing the last good slides with the problems on top; recover when fixed.
      return { ...lastGood, error: e.message.split("\n") };
    }
  };

  return {
    name: "concept-deck",
    resolveId(id) {
      return id === ID ? RESOLVED : undefined;
    },
    load(id) {
      if (id !== RESOLVED) return undefined;
      let data: DeckData;
      try {
        data = load();
      } catch (e) {
        if (e instanceof ContentError) this.error(`Die Inhalte sind fehlerhaft:\n${e.message}`);
        throw e;
      }
      if (!data.error) signature = outlineSignature(data);
      return `export default ${JSON.stringify(data)};`;
    },
    configureServer(s) {
      server = s;
      const { abs } = resolveContentDir();
      s.watcher.add(abs);
      let timer: NodeJS.Timeout | undefined;
      const onChange = (file: string) => {
        if (!file.startsWith(abs) || !/\.ya?ml$/i.test(file)) return;
        clearTimeout(timer);
        timer = setTimeout(() => {
          const mod = s.moduleGraph.getModuleById(RESOLVED);
          const before = signature;
          let after = before;
          try {
            after = outlineSignature(loadDeckData());
          } catch {}
          if (mod) void s.reloadModule(mod);
          // A different slide structure: let Slidev re-read slides.md, so the preparser generates the new slides.
          if (after !== before) s.watcher.emit("change", resolve(options.slidesFile));
        }, 30);
      };
      s.watcher.on("change", onChange);
      s.watcher.on("add", onChange);
      s.watcher.on("unlink", onChange);
    },
  };
}
