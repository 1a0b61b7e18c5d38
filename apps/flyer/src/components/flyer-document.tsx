import { keywordsLine, metadataDate } from "@dus-opendata/concept";
import { hyphenationFor, keepWhole } from "@dus-opendata/typeset";
import { Document, Page, Text, View } from "@react-pdf/renderer";
import type { DescribedFlyer } from "../describe-flyer.js";
import { BLEED, SLUG } from "../formats.js";
import type { Band, Frame, PagePlan, Plan } from "../plan-pages.js";
import type { PreparedFlyer } from "../prepare-flyer.js";
import { type LayoutNode, layoutOfRender } from "../read-layout.js";
import { type Styles, StylesContext, useStyles } from "../styles.js";
import { artifact, mark } from "./mark.js";
import { paint } from "./paint.js";

/** A frame: content flows from its top with its natural height, which assertFits compares with the frame's. */
function FrameView({ frame, described }: { frame: Frame; described: DescribedFlyer }) {
  const cover =
    frame.cover === "wordmark" ? described.wordmark : frame.cover === "band" ? described.titleBlock : undefined;
  return (
    <View
      {...mark({ frame: frame.id })}
      style={{ position: "absolute", left: frame.x, top: frame.y, width: frame.width }}
    >
      {cover ? paint(cover) : null}
      {frame.sections.map((section) => {
        const el = described.sections.get(section.field);
        return el ? paint(el, section.field) : null;
      })}
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
  /** The flyer's elements for this plan (describeFlyer). */
  described: DescribedFlyer;
  /** Receives the layout after rendering (read-layout.ts), for assertFits. */
  onLayout?: (layout: LayoutNode) => void;
  /** Tagged (default): the structure tree of `described` goes into the PDF. */
  tagged?: boolean;
}

/**
 * The whole flyer. Every page is rendered at the trim size plus the slug on every side, the trim area in the
 * middle: the print file keeps it all (bleed and marks), the screen file is cut to the trim.
 */
export function FlyerDocument({ flyer: f, plan, styles, described, onLayout, tagged = true }: FlyerDocumentProps) {
  const { width, height } = plan.geometry;
  // Read by the patched @react-pdf/render (patches/): the structure tree in reading order. PDF/UA-1 builds on PDF 1.7.
  const tagging = tagged ? { structureTree: described.structure } : {};
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
        onRender={(props) => onLayout?.(layoutOfRender(props))}
      >
        {plan.pages.map((page) => (
          <Page key={page.number} size={[width + 2 * SLUG, height + 2 * SLUG]} style={styles.page}>
            <View style={{ position: "absolute", left: SLUG, top: SLUG, width, height }}>
              {page.bands.map((band) => (
                <BandView key={`${band.x}-${band.y}`} band={band} width={width} height={height} />
              ))}
              {page.frames.map((frame) => (
                <FrameView key={frame.id} frame={frame} described={described} />
              ))}
              <Footer page={page} f={f} />
            </View>
          </Page>
        ))}
      </Document>
    </StylesContext.Provider>
  );
}
