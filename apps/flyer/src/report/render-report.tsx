/**
 * The Sachstandsbericht (A4) from its resolved record (packages/concept resolveReport): a letterhead on every page,
 * the title and Stand, the summary, the changes since the earlier Stand, all Maßnahmen by Baustein as tables, the
 * overdue ones, the Verlauf as a vector chart (a Figure with its description) followed by its table; „Seite 1 von 3“
 * at the foot. Tagged to PDF/UA-1 with the flyers' machinery: the structure tree is built here alongside the
 * painting (every painted text names its element by `structureId`), letterhead, footer, rules and backgrounds are
 * artifacts. The same record gives the same bytes.
 */
import * as defaultBrand from "@dus-opendata/brand";
import { keywordsLine, metadataDate, type ResolvedReport, reportLabels } from "@dus-opendata/concept";
import { keepWhole } from "@dus-opendata/typeset";
import { Document, type DocumentProps, G, Page, Rect, renderToBuffer, Svg, Text, View } from "@react-pdf/renderer";
import { PDFDocument } from "pdf-lib";
import type { ReactElement, ReactNode } from "react";
import { savePdf } from "../add-print-marks.js";
import { artifact, tag } from "../components/mark.js";
import { type Role, readingOrder, type StructureNode, type Style } from "../elements.js";
import { registerFonts } from "../render-flyer.js";
import { type Brand, createStyles } from "../styles.js";

/** A4 in points. */
export const A4 = { width: 595.28, height: 841.89 } as const;
const MARGIN = { left: 62, right: 56, top: 96, bottom: 64 };
const CONTENT_WIDTH = A4.width - MARGIN.left - MARGIN.right;

/** The structure tree, built in reading order while the elements are made. */
class Tagger {
  readonly root: StructureNode = { role: "Document", children: [] };
  private stack: StructureNode[] = [this.root];
  private n = 0;

  private get top(): StructureNode {
    return this.stack[this.stack.length - 1] as StructureNode;
  }

  /** An element around what `make` paints. */
  within<T>(role: Role, make: () => T, attributes?: Record<string, string>): T {
    const node: StructureNode = { role, ...(attributes ? { attributes } : {}), children: [] };
    this.top.children?.push(node);
    this.stack.push(node);
    try {
      return make();
    } finally {
      this.stack.pop();
      if (!node.children?.length) delete node.children;
    }
  }

  /** An element that owns painted content; returns the props that name it. */
  leaf(role: Role, extra: Omit<StructureNode, "role" | "id"> = {}): object {
    const id = `bericht#${this.n++}`;
    this.top.children?.push({ role, id, ...extra });
    return tag(id);
  }
}

interface Ctx {
  t: Tagger;
  s: ReturnType<typeof createStyles>;
  brand: Brand;
}

const spoken = (s: string) => s.replace(/\u00A0/g, " ").replace(/\u00AD/g, "");

function heading(ctx: Ctx, level: 1 | 2 | 3, text: string, presenceAhead = 48): ReactNode {
  const { s, brand } = ctx;
  const style =
    level === 1
      ? { ...s.display, color: brand.colors.ink, fontSize: 24, lineHeight: 1.15 }
      : level === 2
        ? { ...s.heading, fontSize: 14, lineHeight: 1.25 }
        : { ...s.bodyStrong, fontSize: 11, lineHeight: 1.3, color: brand.colors.ink };
  const box =
    level === 2
      ? {
          marginTop: 18,
          marginBottom: 8,
          paddingBottom: 3,
          borderBottomWidth: 1,
          borderBottomColor: brand.colors.primary,
        }
      : level === 3
        ? { marginTop: 10, marginBottom: 4 }
        : { marginBottom: 4 };
  return (
    <View style={box} minPresenceAhead={level === 1 ? 0 : presenceAhead}>
      <Text {...ctx.t.leaf(`H${level}` as Role, { text: spoken(text) })} style={style}>
        {text}
      </Text>
    </View>
  );
}

function paragraph(ctx: Ctx, text: string, style: Style = {}): ReactNode {
  return (
    <Text {...ctx.t.leaf("P")} style={[ctx.s.body, { fontSize: 10, lineHeight: 1.4, marginBottom: 5 }, style]}>
      {text}
    </Text>
  );
}

/** A list without bullets: a rule at the left of every entry (an artifact), the text its body. */
function list(ctx: Ctx, lines: string[]): ReactNode {
  const { t, s, brand } = ctx;
  return t.within(
    "L",
    () => (
      <View style={{ marginBottom: 4 }}>
        {lines.map((line, i) =>
          t.within("LI", () => (
            <View
              key={i}
              wrap={false}
              style={{ borderLeftWidth: 2, borderLeftColor: brand.colors.rule, paddingLeft: 7, marginBottom: 3 }}
            >
              <Text {...t.leaf("LBody")} style={[s.body, { fontSize: 10, lineHeight: 1.35 }]}>
                {line}
              </Text>
            </View>
          )),
        )}
      </View>
    ),
    { O: "List", ListNumbering: "None" },
  );
}

/** A table: head cells TH (scope Column), the first cell of each row TH (scope Row), the others TD. */
function table(
  ctx: Ctx,
  head: string[],
  rows: { cells: string[]; status?: { kind: string }; overdue?: boolean }[],
  widths: number[],
  numeric = false,
): ReactNode {
  const { t, s, brand } = ctx;
  const cell = (i: number) => ({
    width: (widths[i] ?? 1) * CONTENT_WIDTH,
    paddingVertical: 3.5,
    paddingRight: 6,
    ...(numeric && i > 0 ? { textAlign: "right" as const } : {}),
  });
  const statusColours = brand.statusColors as Record<string, string>;
  return t.within("Table", () => (
    <View style={{ marginBottom: 8 }}>
      {t.within("TR", () => (
        <View
          wrap={false}
          style={{ flexDirection: "row", borderBottomWidth: 1.2, borderBottomColor: brand.colors.ink }}
        >
          {head.map((h, i) => (
            <Text
              key={i}
              {...t.leaf("TH", { attributes: { O: "Table", Scope: "Column" } })}
              style={[s.smallStrong, { fontSize: 8.5, color: brand.colors.ink }, cell(i)]}
            >
              {h}
            </Text>
          ))}
        </View>
      ))}
      {rows.map((r, k) =>
        t.within("TR", () => (
          <View
            key={k}
            wrap={false}
            style={{
              flexDirection: "row",
              borderBottomWidth: 0.5,
              borderBottomColor: brand.colors.rule,
              ...(k % 2 === 1 ? { backgroundColor: brand.colors.surface } : {}),
            }}
          >
            {r.cells.map((c, i) => {
              const style = [
                i === 0 ? s.bodyStrong : s.body,
                { fontSize: 9.5, lineHeight: 1.3 },
                cell(i),
                ...(i === 1 && r.status ? [{ color: statusColours[r.status.kind] ?? brand.colors.ink }] : []),
                ...(r.overdue && head[i] === head[2] && !numeric ? [{ color: brand.warningColor }] : []),
              ];
              return i === 0 ? (
                <Text key={i} {...t.leaf("TH", { attributes: { O: "Table", Scope: "Row" } })} style={style}>
                  {c}
                </Text>
              ) : (
                <Text key={i} {...t.leaf("TD")} style={style}>
                  {c}
                </Text>
              );
            })}
          </View>
        )),
      )}
    </View>
  ));
}

/** The Verlauf as stacked bars, vector graphics, one Figure whose alternative text is the chart's description. */
function verlaufChart(ctx: Ctx, chart: NonNullable<ResolvedReport["verlauf"]["chart"]>): ReactNode {
  const { t, brand } = ctx;
  const W = CONTENT_WIDTH;
  const H = 190;
  const top = 16;
  const bottom = 26;
  const slot = W / Math.max(1, chart.entries.length);
  // The labels shrink with the bars (a long history), never below 5 pt: the table below has them at full size.
  const label = Math.max(5, Math.min(9, slot / 4.5));
  const bar = Math.min(64, slot * 0.55);
  const scale = (H - top - bottom) / chart.max;
  const colours = brand.statusColors as Record<string, string>;
  const font = { fontFamily: brand.fontFamily };
  return (
    <View wrap={false} style={{ marginBottom: 6, flexShrink: 0 }}>
      <Svg
        {...t.leaf("Figure", { alt: chart.description })}
        width={W}
        height={H}
        viewBox={`0 0 ${W} ${H}`}
        style={{ flexShrink: 0 }}
      >
        <Rect x={0} y={H - bottom} width={W} height={0.8} fill={brand.colors.rule} />
        {chart.entries.map((e, i) => {
          const x = i * slot + (slot - bar) / 2;
          let y = H - bottom;
          const parts = [...e.counts].reverse().flatMap((c) => {
            if (!c.count) return [];
            const h = c.count * scale;
            y -= h;
            return [{ ...c, y, h }];
          });
          return (
            <G key={e.label}>
              {parts.map((p) => (
                <Rect key={p.kind} x={x} y={p.y} width={bar} height={p.h} fill={colours[p.kind] ?? brand.colors.ink} />
              ))}
              {parts
                .filter((p) => p.h >= 12)
                .map((p) => (
                  <Text
                    key={`n${p.kind}`}
                    x={x + bar / 2}
                    y={p.y + p.h / 2 + 3.5}
                    textAnchor="middle"
                    fill={brand.colors.paper}
                    style={{ ...font, fontSize: 9, fontWeight: 700 }}
                  >
                    {String(p.count)}
                  </Text>
                ))}
              <Text
                x={x + bar / 2}
                y={H - bottom - e.total * scale - 4}
                textAnchor="middle"
                fill={brand.colors.ink}
                style={{ ...font, fontSize: 9, fontWeight: 600 }}
              >
                {String(e.total)}
              </Text>
              {(chart.table.rows[i]?.[0] ?? e.label).split(/ (?=\()/).map((line, k) => (
                <Text
                  key={`l${k}`}
                  x={x + bar / 2}
                  y={H - bottom + 10 + k * (label + 1)}
                  textAnchor="middle"
                  fill={brand.colors.ink}
                  style={{ ...font, fontSize: label, fontWeight: e.current ? 700 : 400 }}
                >
                  {line}
                </Text>
              ))}
            </G>
          );
        })}
      </Svg>
      {/* The legend: the same words as the table's head, so it is part of the picture. */}
      <View {...artifact("Layout")} style={{ flexDirection: "row", marginTop: 4 }}>
        {chart.legend.map((l) => (
          <View key={l.kind} style={{ flexDirection: "row", alignItems: "center", marginRight: 14 }}>
            <View style={{ width: 8, height: 8, backgroundColor: colours[l.kind], marginRight: 4 }} />
            <Text style={[ctx.s.small, { fontSize: 8.5, color: brand.colors.ink }]}>{l.label}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}

function ReportPages({ r, ctx }: { r: ResolvedReport; ctx: Ctx }): ReactElement {
  const { s, brand } = ctx;
  const t = ctx.t;
  const body: ReactNode[] = [];
  // Title block.
  body.push(
    <View key="title" style={{ marginBottom: 6 }}>
      <Text {...t.leaf("P")} style={[s.label, { fontSize: 10, letterSpacing: 0.6, marginBottom: 4 }]}>
        {r.kicker}
      </Text>
      {heading(ctx, 1, r.heading)}
      {r.subtitle ? paragraph(ctx, r.subtitle, { fontSize: 12, color: brand.colors.muted }) : null}
      {paragraph(ctx, r.standLine, { fontSize: 11, fontWeight: 600 })}
    </View>,
  );
  body.push(
    t.within("Sect", () => (
      <View key="summary">
        {heading(ctx, 2, r.summary.heading)}
        {r.summary.paragraphs.map((p, i) => (
          <View key={i}>{paragraph(ctx, p)}</View>
        ))}
      </View>
    )),
  );
  body.push(
    t.within("Sect", () => (
      <View key="changes">
        {heading(ctx, 2, r.changes.heading)}
        {paragraph(ctx, r.changes.lead)}
        {r.changes.groups.map((g, i) =>
          t.within("Sect", () => (
            <View key={i}>
              {heading(ctx, 3, g.heading)}
              {list(ctx, g.lines)}
            </View>
          )),
        )}
      </View>
    )),
  );
  body.push(
    t.within("Sect", () => (
      <View key="measures">
        {heading(ctx, 2, r.measures.heading)}
        {r.measures.bausteine.map((b, i) =>
          t.within("Sect", () => (
            <View key={i}>
              {heading(ctx, 3, b.heading)}
              {b.empty ? paragraph(ctx, b.empty) : table(ctx, b.table.head, b.table.rows, [0.36, 0.23, 0.21, 0.2])}
            </View>
          )),
        )}
      </View>
    )),
  );
  body.push(
    t.within("Sect", () => (
      <View key="overdue">
        {heading(ctx, 2, r.overdue.heading)}
        {paragraph(ctx, r.overdue.lead, { color: brand.colors.muted })}
        {r.overdue.table
          ? table(ctx, r.overdue.table.head, r.overdue.table.rows, [0.36, 0.28, 0.18, 0.18])
          : paragraph(ctx, r.overdue.empty ?? "")}
      </View>
    )),
  );
  body.push(
    t.within("Sect", () => (
      // The Verlauf on a page of its own: a chart that does not fit the rest of a page would be squeezed.
      <View key="verlauf" break>
        {r.verlauf.chart ? (
          <View>
            {/* The heading stays with the chart: it needs the chart's height below it on its page. */}
            {heading(ctx, 2, r.verlauf.heading)}
            {verlaufChart(ctx, r.verlauf.chart)}
            {table(
              ctx,
              r.verlauf.chart.table.head,
              r.verlauf.chart.table.rows.map((cells) => ({ cells })),
              [
                0.24,
                ...r.verlauf.chart.table.head
                  .slice(1)
                  .map(() => 0.76 / ((r.verlauf.chart?.table.head.length ?? 2) - 1)),
              ],
              true,
            )}
          </View>
        ) : (
          <View>
            {heading(ctx, 2, r.verlauf.heading)}
            {paragraph(ctx, r.verlauf.none ?? "")}
          </View>
        )}
      </View>
    )),
  );

  return (
    <Page size={[A4.width, A4.height]} style={[s.page, { paddingTop: MARGIN.top, paddingBottom: MARGIN.bottom }]}>
      {/* Letterhead on every page: an artifact of the pagination. */}
      <View
        fixed
        {...artifact("Pagination")}
        style={{
          position: "absolute",
          left: MARGIN.left,
          right: MARGIN.right,
          top: 34,
          flexDirection: "row",
          justifyContent: "space-between",
          alignItems: "flex-end",
          paddingBottom: 6,
          borderBottomWidth: 1.5,
          borderBottomColor: brand.colors.primary,
        }}
      >
        {/* A long organisation wraps in what the line on the right leaves. */}
        <View
          style={{
            borderLeftWidth: 3,
            borderLeftColor: brand.colors.primary,
            paddingLeft: 6,
            paddingRight: 16,
            flexGrow: 1,
            flexShrink: 1,
            flexBasis: 0,
          }}
        >
          <Text style={[s.bodyStrong, { fontSize: 11, color: brand.colors.primary }]} hyphenationCallback={keepWhole}>
            {r.letterhead.city}
          </Text>
          <Text style={[s.body, { fontSize: 9.5 }]} hyphenationCallback={keepWhole}>
            {r.letterhead.organisation}
          </Text>
        </View>
        <Text style={[s.small, { fontSize: 9, flexShrink: 0 }]}>{r.letterhead.line}</Text>
      </View>
      <View style={{ marginLeft: MARGIN.left, marginRight: MARGIN.right }}>{body}</View>
      <View
        fixed
        {...artifact("Pagination")}
        style={{
          position: "absolute",
          left: MARGIN.left,
          right: MARGIN.right,
          // From the top: a fixed box placed with `bottom` lands off the page in react-pdf.
          top: A4.height - 46,
          flexDirection: "row",
          justifyContent: "space-between",
          paddingTop: 5,
          borderTopWidth: 0.75,
          borderTopColor: brand.colors.rule,
        }}
      >
        <Text style={[s.small, { fontSize: 8.5 }]}>{r.footer}</Text>
        <Text
          style={[s.small, { fontSize: 8.5 }]}
          render={({ pageNumber, totalPages }) => reportLabels.page(pageNumber, totalPages ?? pageNumber)}
        />
      </View>
    </Page>
  );
}

export interface RenderedReport {
  pdf: Uint8Array;
  pages: number;
  readingOrder: string[];
  structure: StructureNode;
}

/** Renders the report; tagged (PDF/UA-1, PDF 1.7), with the metadata of the record, the dates of the Stand. */
export async function renderReport(r: ResolvedReport, brand: Brand = defaultBrand): Promise<RenderedReport> {
  registerFonts(brand);
  const ctx: Ctx = { t: new Tagger(), s: createStyles(brand), brand };
  // Called, not mounted: the structure tree is complete before react-pdf reads it.
  const pages = ReportPages({ r, ctx });
  const structure = ctx.t.root;
  const element = (
    <Document
      title={r.meta.title}
      author={r.meta.author}
      subject={r.meta.subject}
      keywords={keywordsLine(r.meta)}
      creator={r.meta.creator}
      producer={r.meta.producer}
      creationDate={metadataDate(r.meta)}
      modificationDate={metadataDate(r.meta)}
      language={r.meta.language}
      pdfVersion="1.7"
      {...{ structureTree: structure }}
    >
      {pages}
    </Document>
  ) as unknown as ReactElement<DocumentProps>;
  const rendered = new Uint8Array(await renderToBuffer(element));
  const doc = await PDFDocument.load(rendered, { updateMetadata: false });
  const pdf = await savePdf(doc, r.meta);
  return { pdf, pages: doc.getPageCount(), readingOrder: readingOrder(structure), structure };
}
