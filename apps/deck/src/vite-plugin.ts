/**
 * Brings the concept into the deck without compiling any of its text:
 * - `virtual:concept-deck`: the variant's data. The built site fetches it from deck-data.json next to
 *   index.html (written by scripts/build.ts), so a content change needs no new build of the app; the live
 *   preview serves it from here and replaces it by hot module replacement when content/ changes.
 * - Slidev's slide list (`/@slidev/slides`) and title renderer (`/@slidev/title-renderer`) are replaced by
 *   modules that take the slides, their titles and their notes from that data at run time (src/runtime/).
 * - Slidev's configuration module takes the document title from the data.
 */
import { fileURLToPath } from "node:url";
import { resolveContentDir } from "@dus-opendata/concept/node";
import type { Plugin, ViteDevServer } from "vite";
import { DATA_FILE } from "./data-file.js";
import type { DeckData } from "./deck-data.js";
import { ContentError, loadDeckData } from "./load-deck.js";

const ID = "virtual:concept-deck";
const RESOLVED = `\0${ID}`;

const runtime = (file: string) => fileURLToPath(new URL(`./runtime/${file}`, import.meta.url));
const OVERRIDES: Record<string, string> = {
  "/@slidev/slides": `export { slides } from ${JSON.stringify(runtime("slide-routes.ts"))};`,
  "/@slidev/title-renderer": `export { default } from ${JSON.stringify(runtime("title-renderer.ts"))};`,
};

/** The built site reads its data at start from the file next to index.html. */
const FETCH_DATA = `
let data;
try {
  const res = await fetch(new URL(${JSON.stringify(DATA_FILE)}, document.baseURI));
  if (!res.ok) throw new Error(String(res.status));
  data = await res.json();
} catch (e) {
  document.body.textContent = "Die Daten der Präsentation (${DATA_FILE}) ließen sich nicht laden.";
  throw e;
}
export default data;
`;

export function conceptDeckPlugin(): Plugin {
  let lastGood: DeckData | undefined;
  let server: ViteDevServer | undefined;
  let build = false;

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
    enforce: "pre",
    configResolved(config) {
      build = config.command === "build";
    },
    resolveId: {
      order: "pre",
      handler(id) {
        if (id === ID) return RESOLVED;
        return undefined;
      },
    },
    load: {
      order: "pre",
      handler(id) {
        const override = OVERRIDES[id];
        if (override) return override;
        if (id !== RESOLVED) return undefined;
        if (build) return FETCH_DATA;
        try {
          return `export default ${JSON.stringify(load())};`;
        } catch (e) {
          if (e instanceof ContentError) this.error(`Die Inhalte sind fehlerhaft:\n${e.message}`);
          throw e;
        }
      },
    },
    // The page is German before any script runs (a crawler, an indexer, a screen reader on a slow machine):
    // Slidev writes `lang="en"` into index.html and sets the headmatter's language only at run time.
    transformIndexHtml: {
      order: "post",
      handler: (html) => html.replace(/<html(\s[^>]*)?>/, '<html lang="de" dir="ltr">'),
    },
    transform(code, id) {
      // The built site's document title comes from the data, not from the Markdown headmatter. (In the live
      // preview, setup/root.ts sets it: importing the data here would turn every content edit into a page reload.)
      if (!build || id !== "/@slidev/configs") return undefined;
      return `import __deck from ${JSON.stringify(ID)};\nconst __configs = ${code.replace(/^export default /, "")};\n__configs.title = __configs.slidesTitle = __deck.title;\nexport default __configs;\n`;
    },
    configureServer(s) {
      server = s;
      // Slidev's dev server answers slide information (title, notes for the presenter view) from its Markdown;
      // here it comes from the data.
      s.middlewares.use((req, res, next) => {
        const m = /^\/__slidev\/slides\/(\d+)\.json$/.exec(req.url ?? "");
        if (!m) return next();
        if (req.method !== "GET") {
          // Notes are edited in content/, not in the browser: Slidev would write them into slides.md.
          res.statusCode = 405;
          res.end();
          return;
        }
        let spec: DeckData["slides"][number] | undefined;
        try {
          spec = (lastGood ?? load()).slides[Number(m[1]) - 1];
        } catch {}
        res.setHeader("Content-Type", "application/json; charset=utf-8");
        res.end(JSON.stringify(spec ? slideInfo(spec, Number(m[1])) : null));
      });
      const { abs } = resolveContentDir();
      s.watcher.add(abs);
      let timer: NodeJS.Timeout | undefined;
      const onChange = (file: string) => {
        if (!file.startsWith(abs) || !/\.ya?ml$/i.test(file)) return;
        clearTimeout(timer);
        timer = setTimeout(() => {
          const mod = s.moduleGraph.getModuleById(RESOLVED);
          if (mod) void s.reloadModule(mod);
          try {
            const data = load();
            for (const [i, spec] of data.slides.entries())
              s.ws.send({
                type: "custom",
                event: "slidev:update-slide",
                data: { no: i + 1, data: slideInfo(spec, i + 1) },
              });
          } catch {}
        }, 30);
      };
      s.watcher.on("change", onChange);
      s.watcher.on("add", onChange);
      s.watcher.on("unlink", onChange);
    },
  };
}

function slideInfo(spec: DeckData["slides"][number], no: number) {
  return {
    index: no - 1,
    no,
    title: spec.title,
    level: 1,
    note: spec.notes.join("\n\n"),
    noteHTML: "",
    frontmatter: { layout: "concept" },
    content: "",
  };
}
