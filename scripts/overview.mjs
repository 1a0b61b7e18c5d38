/**
 * The overview page OUT_DIR/index.html, written by every `pnpm build`: the concept's title and Stand, every deck
 * (in the browser, PDF, Notizen, Handzettel), every flyer (screen and print) and every other output with its pages
 * and size, read from the apps' manifests; outputs that are not up to date are marked so. German, in the brand
 * (self-hosted font, the brand's colours), WCAG 2.1 AA, only relative links (a Pages site lives under a sub-path),
 * no request to another host. The same content gives the same bytes (no date of the build on it).
 */
import { copyFileSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { listTree, readManifest, writeAtomic } from "../packages/concept/src/node/build-cache.js";

/** The page's own files (font, stylesheet), in a folder no output can have. */
const ASSETS = "_seite";

const esc = (s) =>
  String(s).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
const size = (bytes) =>
  bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toLocaleString("de-DE", { maximumFractionDigits: 1 })} MB`
    : `${Math.max(1, Math.round(bytes / 1024)).toLocaleString("de-DE")} KB`;
const pagesOf = (n, one = "Seite", many = "Seiten") => `${n} ${n === 1 ? one : many}`;

async function importDist(root, pkg, entry) {
  return import(pathToFileURL(join(root, "packages", pkg, "dist", `${entry}.js`)).href);
}

/** The brand's font files, copied next to the page, and the @font-face rules that point at them. */
function copyFonts(root, outRoot) {
  const css = readFileSync(join(root, "packages", "brand", "src", "fonts.css"), "utf8");
  const fontDir = join(root, "packages", "brand", "node_modules", "@fontsource", "source-sans-3", "files");
  mkdirSync(join(outRoot, ASSETS, "schrift"), { recursive: true });
  return css.replace(/url\("@fontsource\/source-sans-3\/files\/([^"]+)"\)/g, (_, file) => {
    copyFileSync(join(fontDir, file), join(outRoot, ASSETS, "schrift", file));
    return `url("schrift/${file}")`;
  });
}

function stylesheet(colors, fonts) {
  return `${fonts}
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; font-family: "Source Sans 3", sans-serif; font-size: 1.125rem; line-height: 1.45; color: ${colors.ink}; background: ${colors.paper}; }
.seite { max-width: 60rem; margin: 0 auto; padding: 2rem 1.25rem 3rem; }
.wortmarke { border-left: 4px solid ${colors.primary}; padding-left: 0.75rem; margin-bottom: 1.5rem; }
.wortmarke p { margin: 0; }
.stadt { color: ${colors.primary}; font-weight: 700; }
.amt { font-weight: 600; }
.claim { color: ${colors.muted}; font-style: italic; }
h1 { font-size: 2.25rem; line-height: 1.15; margin: 0 0 0.25rem; color: ${colors.ink}; }
.stand { color: ${colors.muted}; margin: 0 0 2rem; }
h2 { font-size: 1.5rem; color: ${colors.primary}; border-bottom: 2px solid ${colors.primary}; padding-bottom: 0.25rem; margin: 2.25rem 0 1rem; }
.ausgaben { list-style: none; padding: 0; margin: 0; display: grid; gap: 1rem; }
.ausgabe { background: ${colors.surface}; border-radius: 6px; padding: 1rem 1.25rem; }
.ausgabe h3 { margin: 0 0 0.25rem; font-size: 1.25rem; }
.ausgabe .anlass { margin: 0 0 0.5rem; color: ${colors.muted}; }
.dateien { margin: 0; padding-left: 1.25rem; }
.dateien li { margin: 0.2rem 0; }
.dateien .angaben { color: ${colors.muted}; }
a { color: ${colors.link}; text-decoration: underline; text-underline-offset: 2px; }
a:focus-visible { outline: 3px solid ${colors.ink}; outline-offset: 2px; border-radius: 2px; }
.nicht-aktuell { border-left: 4px solid ${colors.primaryDark}; background: ${colors.tint}; padding: 0.5rem 0.75rem; margin: 0.5rem 0 0; }
.hinweis { color: ${colors.muted}; }
footer { margin-top: 3rem; color: ${colors.muted}; font-size: 1rem; border-top: 1px solid ${colors.rule}; padding-top: 0.75rem; }
`;
}

const link = (href, text, details) =>
  `<li><a href="${esc(href)}">${esc(text)}</a> <span class="angaben">(${esc(details)})</span></li>`;

/** Per output: its files as links, and, when it is not up to date, why. */
function outputItem({ title, line, files, stale }) {
  return [
    '<li class="ausgabe">',
    `<h3>${esc(title)}</h3>`,
    line ? `<p class="anlass">${esc(line)}</p>` : "",
    files.length ? `<ul class="dateien">${files.join("")}</ul>` : '<p class="hinweis">Noch keine Datei erzeugt.</p>',
    ...stale.map((s) => `<p class="nicht-aktuell"><strong>Nicht aktuell:</strong> ${esc(s)}</p>`),
    "</li>",
  ].join("");
}

/**
 * Writes OUT_DIR/index.html (and its font and stylesheet in OUT_DIR/_seite/). `failed` names the app folders whose
 * build broke off: all their outputs are marked as not up to date. Returns the number of outputs listed and the
 * page's size.
 */
export async function writeOverview({ root, outRoot, content, failed = [] }) {
  const { loadConceptSync } = await importDist(root, "concept", "node");
  const { formatStand, FLYER_FORMAT_DEFINITIONS, footerLine } = await importDist(root, "concept", "index");
  const { colors } = await importDist(root, "brand", "index");
  const concept = loadConceptSync(content.abs, { displayDir: content.display });
  const manifests = Object.fromEntries(
    ["decks", "flyers", "bericht"].map((app) => [app, readManifest(join(outRoot, app, ".manifest", `${app}.json`))]),
  );
  const staleOf = (app, files) => {
    const m = manifests[app];
    const reasons = (m?.stale ?? []).filter((s) => s.files.some((f) => files.includes(f))).map((s) => s.reason);
    if (failed.includes(app))
      reasons.push("Der letzte Build dieses Teils ist abgebrochen; hier steht der letzte erfolgreiche Stand.");
    return reasons;
  };
  const entry = (app, path) => manifests[app]?.files.find((f) => f.path === path);
  const siteBytes = (dir) => listTree(dir).reduce((n, rel) => n + statSync(join(dir, rel)).size, 0);
  let outputs = 0;

  const decks = concept.decks.map((v) => {
    const files = [];
    const site = entry("decks", `${v.id}/index.html`);
    if (site)
      files.push(
        link(
          `decks/${v.id}/index.html`,
          "Im Browser präsentieren",
          `Website, ${pagesOf(site.pages, "Folie", "Folien")}, ${size(siteBytes(join(outRoot, "decks", v.id)))}`,
        ),
      );
    for (const [suffix, text] of [
      ["", "Als PDF (eine Seite je Folie)"],
      ["-notizen", "Notizen für Vortragende (PDF)"],
      ["-handzettel", "Handzettel (PDF)"],
    ]) {
      const f = entry("decks", `${v.id}${suffix}.pdf`);
      if (f) files.push(link(`decks/${v.id}${suffix}.pdf`, text, `${pagesOf(f.pages)}, ${size(f.bytes)}`));
    }
    outputs += files.length;
    return outputItem({
      title: v.title ?? concept.title,
      line: v.occasion,
      files,
      stale: staleOf("decks", [`${v.id}/index.html`, `${v.id}.pdf`, `${v.id}-notizen.pdf`, `${v.id}-handzettel.pdf`]),
    });
  });

  const flyers = concept.flyers.map((f) => {
    const files = [];
    const screen = entry("flyers", `${f.id}.pdf`);
    const print = entry("flyers", `${f.id}-druck.pdf`);
    if (screen)
      files.push(
        link(
          `flyers/${f.id}.pdf`,
          "Für den Bildschirm (PDF, mit anklickbaren Verweisen)",
          `${pagesOf(screen.pages)}, ${size(screen.bytes)}`,
        ),
      );
    if (print)
      files.push(
        link(
          `flyers/${f.id}-druck.pdf`,
          "Für die Druckerei (PDF mit 3 mm Beschnitt und Schnittmarken)",
          `${pagesOf(print.pages)}, ${size(print.bytes)}`,
        ),
      );
    outputs += files.length;
    return outputItem({
      title: f.title,
      line: `${f.occasion} · ${FLYER_FORMAT_DEFINITIONS[f.format].label}`,
      files,
      stale: staleOf("flyers", [`${f.id}.pdf`, `${f.id}-druck.pdf`]),
    });
  });

  const others = (manifests.bericht?.files ?? []).map((f) => {
    outputs += 1;
    return outputItem({
      title: "Sachstandsbericht",
      line: "für die Sitzung, zum Ausdrucken",
      files: [link(`bericht/${f.path}`, "Sachstandsbericht (PDF)", `${pagesOf(f.pages)}, ${size(f.bytes)}`)],
      stale: staleOf("bericht", [f.path]),
    });
  });

  const stand = formatStand(concept.stand);
  const section = (id, title, items) =>
    items.length
      ? `<section aria-labelledby="${id}"><h2 id="${id}">${esc(title)}</h2><ul class="ausgaben">${items.join("")}</ul></section>`
      : "";
  const html = `<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(concept.title)} – Präsentationen und Flyer</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${ASSETS}/seite.css">
</head>
<body>
<div class="seite">
<header>
<div class="wortmarke"><p class="stadt">${esc(concept.city)}</p><p class="amt">${esc(concept.organisation)}</p><p class="claim">${esc(concept.claim)}</p></div>
<h1>${esc(concept.title)}</h1>
<p class="stand">Stand: ${esc(stand)} · alle Präsentationen und Flyer zum Konzept, aus einer Quelle erzeugt</p>
</header>
<main>
${section("praesentationen", "Präsentationen", decks)}
${section("flyer", "Flyer", flyers)}
${section("weitere", "Weitere Ausgaben", others)}
</main>
<footer><p>${esc(footerLine(concept))}</p></footer>
</div>
</body>
</html>
`;
  writeAtomic(join(outRoot, ASSETS, "seite.css"), stylesheet(colors, copyFonts(root, outRoot)));
  writeAtomic(join(outRoot, "index.html"), html);
  return { outputs, bytes: Buffer.byteLength(html) };
}
