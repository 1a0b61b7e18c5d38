import { keywordsLine, metadataDate } from "@dus-opendata/concept";
import { HEADING_BREAKS, hyphenationFor, keepWhole } from "@dus-opendata/typeset";
import { Document, Page, Text, View } from "@react-pdf/renderer";
import { COVER_IDS, type StructureNode } from "../describe-structure.js";
import { BLEED, SLUG } from "../formats.js";
import type { Band, Frame, PagePlan, Plan } from "../plan-pages.js";
import type { PreparedFlyer } from "../prepare-flyer.js";
import { type Styles, StylesContext, useStyles } from "../styles.js";
import { artifact, mark, tag } from "./mark.js";
import { Section } from "./sections.js";

/** The brand's wordmark: city and organisation beside a red rule, the claim beneath. */
function Wordmark({ f }: { f: PreparedFlyer }) {
  const s = useStyles();
  const { wordmark } = s.brand;
  return (
    <View {...mark({ field: "(Wortmarke)" })}>
      <View style={{ flexDirection: "row" }}>
        <View style={{ width: wordmark.ruleWidth, backgroundColor: wordmark.ruleColor, marginRight: s.space[2] }} />
        {/* The column takes the rest of the frame's width, so a long name wraps inside it. */}
        <View style={{ flexGrow: 1, flexShrink: 1, flexBasis: 0 }}>
          <Text {...tag(COVER_IDS.city)} style={s.wordmarkCity} hyphenationCallback={keepWhole}>
            {f.wordmark.city}
          </Text>
          <Text {...tag(COVER_IDS.organisation)} style={s.wordmarkOrganisation} hyphenationCallback={keepWhole}>
            {f.wordmark.organisation}
          </Text>
        </View>
      </View>
      <Text
        {...tag(COVER_IDS.claim)}
        style={[s.wordmarkClaim, { marginTop: s.space[1], marginLeft: wordmark.ruleWidth + s.space[2] }]}
        hyphenationCallback={keepWhole}
      >
        {f.wordmark.claim}
      </Text>
    </View>
  );
}

/** Occasion, title and subtitle: on paper on the leaflet's cover, white on the red band of a flat flyer. */
function TitleBlock({ f, onPrimary }: { f: PreparedFlyer; onPrimary: boolean }) {
  const s = useStyles();
  return (
    <View>
      <View {...mark({ field: "occasion" })}>
        <Text
          {...tag(COVER_IDS.occasion)}
          style={onPrimary ? s.kickerOnPrimary : s.kicker}
          hyphenationCallback={keepWhole}
        >
          {f.occasion}
        </Text>
      </View>
      <View {...mark({ field: "title" })} style={{ marginTop: s.space[1] }}>
        <Text {...tag(COVER_IDS.title)} style={onPrimary ? s.displayOnPrimary : s.display} {...HEADING_BREAKS}>
          {f.title}
        </Text>
      </View>
      {f.subtitle ? (
        <View {...mark({ field: "subtitle" })} style={{ marginTop: s.space[2] }}>
          <Text
            {...tag(COVER_IDS.subtitle)}
            style={onPrimary ? s.leadOnPrimary : s.lead}
            hyphenationCallback={hyphenationFor(f.subtitle)}
          >
            {f.subtitle}
          </Text>
        </View>
      ) : null}
    </View>
  );
}

/** A frame: content flows from its top with its natural height, which assertFits compares with the frame's. */
function FrameView({ frame, f, steps }: { frame: Frame; f: PreparedFlyer; steps: Plan["steps"] }) {
  const cover =
    frame.cover === "wordmark" ? <Wordmark f={f} /> : frame.cover === "band" ? <TitleBlock f={f} onPrimary /> : null;
  return (
    <View
      {...mark({ frame: frame.id })}
      style={{ position: "absolute", left: frame.x, top: frame.y, width: frame.width }}
    >
      {cover}
      {frame.sections.map((section, i) => (
        <Section
          key={section.field}
          section={section}
          headings={frame.headings}
          width={frame.width}
          first={i === 0}
          step={steps[section.field] ?? 0}
        />
      ))}
    </View>
  );
}

/** Backgrounds that touch the trim edge run on into the bleed. */
function BandView({ band, width, height }: { band: Band; width: number; height: number }) {
  const s = useStyles();
  const left = band.x <= 0 ? -BLEED : band.x;
  const top = band.y <= 0 ? -BLEED : band.y;
  const right = band.x + band.width >= width ? width + BLEED : band.x + band.width;
  const bottom = band.y + band.height >= height ? height + BLEED : band.y + band.height;
  return (
    <View
      {...artifact("Background")}
      style={{
        position: "absolute",
        left,
        top,
        width: right - left,
        height: bottom - top,
        backgroundColor: s.colors[band.color],
      }}
    />
  );
}

function Footer({ page, f }: { page: PagePlan; f: PreparedFlyer }) {
  const s = useStyles();
  if (!page.footer) return null;
  const { x, width, bottom, pageLabel } = page.footer;
  const right = [f.stand, pageLabel].filter(Boolean).join(" · ");
  const narrow = width < 400;
  return (
    <View
      {...mark({ frame: `fuss-${page.number}` })}
      {...artifact("Pagination")}
      style={{
        position: "absolute",
        left: x,
        width,
        bottom,
        borderTopWidth: 0.75,
        borderTopColor: s.colors.rule,
        paddingTop: s.space[2],
        flexDirection: narrow ? "column" : "row",
        justifyContent: "space-between",
      }}
    >
      {/* Beside each other the sender takes what the Stand leaves and wraps in it; beneath each other the full width. */}
      <Text
        style={[s.small, narrow ? {} : { flexGrow: 1, flexShrink: 1, flexBasis: 0, paddingRight: s.space[4] }]}
        hyphenationCallback={hyphenationFor(f.footer)}
      >
        {f.footer}
      </Text>
      <Text style={[s.small, narrow ? {} : { flexShrink: 0 }]} hyphenationCallback={keepWhole}>
        {right}
      </Text>
    </View>
  );
}

export interface FlyerDocumentProps {
  flyer: PreparedFlyer;
  plan: Plan;
  styles: Styles;
  /** Receives react-pdf's layout tree after rendering, for assertFits. */
  onLayout?: (layout: unknown) => void;
  /** The structure tree (describeStructure); without it the PDF is not tagged. */
  structure?: StructureNode;
}

/**
 * The whole flyer. Every page is rendered at the trim size plus the slug on every side, the trim area in the
 * middle: the print file keeps it all (bleed and marks), the screen file is cut to the trim.
 */
export function FlyerDocument({ flyer: f, plan, styles, onLayout, structure }: FlyerDocumentProps) {
  const { width, height } = plan.geometry;
  // Read by the patched @react-pdf/render (patches/): the structure tree in reading order. PDF/UA-1 builds on PDF 1.7.
  const tagging = structure ? { structureTree: structure } : {};
  return (
    <StylesContext.Provider value={styles}>
      <Document
        title={f.meta.title}
        author={f.meta.author}
        subject={f.meta.subject}
        keywords={keywordsLine(f.meta)}
        creator={f.meta.creator}
        producer={f.meta.producer}
        creationDate={metadataDate(f.meta)}
        modificationDate={metadataDate(f.meta)}
        language={f.meta.language}
        pdfVersion="1.7"
        {...tagging}
        onRender={(props) => onLayout?.((props as { _INTERNAL__LAYOUT__DATA_?: unknown })._INTERNAL__LAYOUT__DATA_)}
      >
        {plan.pages.map((page) => (
          <Page key={page.number} size={[width + 2 * SLUG, height + 2 * SLUG]} style={styles.page}>
            <View style={{ position: "absolute", left: SLUG, top: SLUG, width, height }}>
              {page.bands.map((band) => (
                <BandView key={`${band.x}-${band.y}`} band={band} width={width} height={height} />
              ))}
              {page.frames.map((frame) => (
                <FrameView key={frame.id} frame={frame} f={f} steps={plan.steps} />
              ))}
              <Footer page={page} f={f} />
            </View>
          </Page>
        ))}
      </Document>
    </StylesContext.Provider>
  );
}
