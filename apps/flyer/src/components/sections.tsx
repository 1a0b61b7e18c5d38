import { HEADING_BREAKS, hyphenationFor, keepWhole } from "@dus-opendata/typeset";
import { Link, Text, View } from "@react-pdf/renderer";
import type { ReactNode } from "react";
import { type SectionLayout, sectionLayout } from "../adapt-sections.js";
import { partId } from "../describe-structure.js";
import { mm } from "../formats.js";
import type { PreparedSection, SectionData } from "../prepare-flyer.js";
import { type Styles, useStyles } from "../styles.js";
import { mark, tag } from "./mark.js";
import { QrCode } from "./qr-code.js";

type Headings = "side" | "top";
/** The structure id of a part of the current section (describeStructure gives the same ids). */
type PartId = (part: string) => string;
type TextStyle = Styles["body"] | (Styles["body"] | Record<string, number>)[];

/**
 * Running text: an element of the structure tree, hyphenated except for its last word, and marked for the runt
 * check of assertFits.
 */
function Prose({ id, style, children }: { id: string; style: TextStyle; children: string }) {
  return (
    <Text {...mark({ paragraph: true })} {...tag(id)} style={style} hyphenationCallback={hyphenationFor(children)}>
      {children}
    </Text>
  );
}

/** Share of a wide column given to the headings beside the text. */
const SIDE_HEADING = 0.3;

function Paragraph({ id, children, first }: { id: string; children: string; first?: boolean }) {
  const s = useStyles();
  return (
    <Prose id={id} style={[s.body, { marginTop: first ? 0 : s.space[2] }]}>
      {children}
    </Prose>
  );
}

function Points({ points, first, id }: { points: string[]; first?: boolean; id: PartId }) {
  const s = useStyles();
  const dot = s.body.fontSize * 0.38;
  return (
    <View style={{ marginTop: first ? 0 : s.space[2] }}>
      {points.map((p, i) => (
        // Bullet placed absolutely, text as a plain block: one text measurement instead of a flex row's two.
        <View key={p} style={{ paddingLeft: dot + s.space[2] + 1, marginTop: i === 0 ? 0 : s.space[1] + 1 }}>
          <View
            style={{
              position: "absolute",
              left: 0,
              top: (s.leading(s.body) - dot) / 2 + 0.5,
              width: dot,
              height: dot,
              backgroundColor: s.colors.primary,
            }}
          />
          <Prose id={id(`pt${i}`)} style={s.body}>
            {p}
          </Prose>
        </View>
      ))}
    </View>
  );
}

function TextBody({ data, id }: { data: Extract<SectionData, { kind: "text" }>; id: PartId }) {
  const s = useStyles();
  const blocks: ReactNode[] = [];
  data.paragraphs.forEach((p, i) => {
    blocks.push(
      <Paragraph key={`p${i}`} id={id(`p${i}`)} first={i === 0}>
        {p}
      </Paragraph>,
    );
  });
  if (data.points.length) blocks.push(<Points key="points" id={id} points={data.points} first={blocks.length === 0} />);
  if (data.quote)
    blocks.push(
      <View
        key="quote"
        style={{
          marginTop: blocks.length ? s.space[4] : 0,
          borderLeftWidth: 3,
          borderLeftColor: s.colors.primary,
          paddingLeft: s.space[3],
        }}
      >
        <Prose id={id("zitat")} style={s.quote}>{`„${data.quote.text}“`}</Prose>
        <Text
          {...tag(id("quelle"))}
          style={[s.small, { marginTop: s.space[1] }]}
          hyphenationCallback={hyphenationFor(data.quote.source)}
        >{`– ${data.quote.source}`}</Text>
      </View>,
    );
  if (data.note)
    blocks.push(
      <View
        key="note"
        style={{
          marginTop: blocks.length ? s.space[3] : 0,
          backgroundColor: s.colors.surface,
          borderRadius: s.radius.box,
          padding: s.space[3],
        }}
      >
        <Prose id={id("hinweis")} style={s.note}>
          {data.note}
        </Prose>
      </View>,
    );
  return <View>{blocks}</View>;
}

function StepsBody({ data, id }: { data: Extract<SectionData, { kind: "steps" }>; id: PartId }) {
  const s = useStyles();
  const circle = s.leading(s.body) + 5;
  return (
    <View>
      {data.steps.map((step, i) => (
        <View key={step} style={{ paddingLeft: circle + s.space[3], marginTop: i === 0 ? 0 : s.space[3] }}>
          <View
            style={{
              position: "absolute",
              left: 0,
              top: -2,
              width: circle,
              height: circle,
              borderRadius: circle / 2,
              backgroundColor: s.colors.primary,
              alignItems: "center",
              justifyContent: "center",
            }}
          >
            <Text {...tag(id(`schritt${i}-nr`))} style={s.stepNumber}>
              {String(i + 1)}
            </Text>
          </View>
          <Prose id={id(`schritt${i}`)} style={s.body}>
            {step}
          </Prose>
        </View>
      ))}
    </View>
  );
}

function BausteineBody({
  data,
  id,
  layout,
}: {
  data: Extract<SectionData, { kind: "bausteine" }>;
  id: PartId;
  layout: SectionLayout;
}) {
  const s = useStyles();
  const room = layout.tight ? s.space[1] : s.space[2];
  return (
    <View>
      <Prose id={id("lead")} style={[s.bodyStrong, { marginBottom: s.space[2] }]}>
        {data.lead}
      </Prose>
      {data.items.map((b, k) => (
        <View
          key={b.label}
          wrap={false}
          style={{
            borderTopWidth: 1,
            borderTopColor: s.colors.rule,
            paddingTop: room,
            paddingBottom: room,
          }}
        >
          <Text {...tag(id(`b${k}-label`))} style={s.label}>
            {b.label}
          </Text>
          <Text {...tag(id(`b${k}-titel`))} style={s.itemTitle} hyphenationCallback={hyphenationFor(b.title)}>
            {b.title}
          </Text>
          {layout.noSummaries ? null : (
            <Prose id={id(`b${k}-text`)} style={layout.smallSummaries ? s.summarySmall : s.body}>
              {b.summary}
            </Prose>
          )}
          <Text
            {...tag(id(`b${k}-zahlen`))}
            style={[s.small, { marginTop: s.space[1] }]}
            hyphenationCallback={keepWhole}
          >
            {`${b.measures} · ${b.status}`}
          </Text>
        </View>
      ))}
    </View>
  );
}

function MeasuresBody({ data, id }: { data: Extract<SectionData, { kind: "measures" }>; id: PartId }) {
  const s = useStyles();
  return (
    <View>
      {data.items.map((m, i) => (
        <View
          key={m.title}
          style={{
            borderTopWidth: i === 0 ? 0 : 1,
            borderTopColor: s.colors.rule,
            paddingTop: i === 0 ? 0 : s.space[2],
            paddingBottom: s.space[2],
          }}
        >
          <Text {...tag(id(`m${i}-titel`))} style={s.bodyStrong} hyphenationCallback={hyphenationFor(m.title)}>
            {m.title}
          </Text>
          <View style={{ flexDirection: "row", alignItems: "center", flexWrap: "wrap", marginTop: 2 }}>
            <View
              style={{
                backgroundColor: s.statusColors[m.statusKind],
                borderRadius: s.leading(s.small) / 2,
                paddingHorizontal: s.space[2],
                marginRight: s.space[2],
              }}
            >
              <Text {...tag(id(`m${i}-status`))} style={s.badge}>
                {m.status}
              </Text>
            </View>
            <Text {...tag(id(`m${i}-datum`))} style={s.small} hyphenationCallback={hyphenationFor(m.planned)}>
              {m.planned}
            </Text>
          </View>
        </View>
      ))}
    </View>
  );
}

/** The portal's address as a link, never broken; marked for assertFits, which checks that it fits its column. */
function Address({
  url,
  address,
  id,
  field,
  small,
}: {
  url: string;
  address: string;
  id: string;
  field: string;
  small: boolean;
}) {
  const s = useStyles();
  const style = small ? s.linkSmall : s.link;
  return (
    <Link src={url} style={style} {...tag(id)}>
      <Text {...mark({ address: field })} style={style} hyphenationCallback={keepWhole}>
        {address}
      </Text>
    </Link>
  );
}

/**
 * Text and address beside the QR code; an address too wide for that column goes beneath the code, on the section's
 * full width (adapt-sections.ts). The structure tree keeps the reading order text, address, code either way.
 */
function PortalBody({
  data,
  width,
  narrow,
  id,
  field,
  layout,
}: {
  data: Extract<SectionData, { kind: "portal" }>;
  width: number;
  narrow: boolean;
  id: PartId;
  field: string;
  layout: SectionLayout;
}) {
  const s = useStyles();
  const qr = mm(narrow ? 24 : 26);
  const address = (
    <Address url={data.url} address={data.address} id={id("adresse")} field={field} small={layout.addressSmall} />
  );
  const text = data.text ? (
    <Prose id={id("text")} style={[s.body, layout.addressBelow ? {} : { marginBottom: s.space[2] }]}>
      {data.text}
    </Prose>
  ) : null;
  return (
    <View>
      <View style={{ flexDirection: "row", alignItems: "flex-start" }}>
        {text || !layout.addressBelow ? (
          <View style={{ width: width - qr - s.space[4], marginRight: s.space[4] }}>
            {text}
            {layout.addressBelow ? null : address}
          </View>
        ) : null}
        <Link src={data.url} {...tag(id("qr-link"))}>
          <QrCode text={data.url} size={qr} id={id("qr")} />
        </Link>
      </View>
      {layout.addressBelow ? <View style={{ marginTop: s.space[2] }}>{address}</View> : null}
    </View>
  );
}

function ContactBody({
  data,
  id,
  field,
  layout,
}: {
  data: Extract<SectionData, { kind: "contact" }>;
  id: PartId;
  field: string;
  layout: SectionLayout;
}) {
  const s = useStyles();
  return (
    <View>
      {data.text ? (
        <View
          style={{
            backgroundColor: s.colors.tint,
            borderRadius: s.radius.box,
            paddingHorizontal: s.space[3],
            paddingVertical: s.space[2],
            marginBottom: s.space[3],
          }}
        >
          <Prose id={id("text")} style={s.callToAction}>
            {data.text}
          </Prose>
        </View>
      ) : null}
      {data.lines.map((line, i) => (
        <Text
          key={line}
          {...tag(id(`zeile${i}`))}
          style={i === 0 ? s.bodyStrong : s.body}
          hyphenationCallback={hyphenationFor(line)}
        >
          {line}
        </Text>
      ))}
      <View style={{ marginTop: s.space[2] }}>
        <Address url={data.url} address={data.address} id={id("adresse")} field={field} small={layout.addressSmall} />
      </View>
    </View>
  );
}

function Body({
  section,
  width,
  narrow,
  id,
  step,
}: {
  section: PreparedSection;
  width: number;
  narrow: boolean;
  id: PartId;
  step: number;
}) {
  const { data, field } = section;
  const layout = sectionLayout(data.kind, step);
  switch (data.kind) {
    case "text":
      return <TextBody data={data} id={id} />;
    case "steps":
      return <StepsBody data={data} id={id} />;
    case "bausteine":
      return <BausteineBody data={data} id={id} layout={layout} />;
    case "measures":
      return <MeasuresBody data={data} id={id} />;
    case "portal":
      return <PortalBody data={data} width={width} narrow={narrow} id={id} field={field} layout={layout} />;
    case "contact":
      return <ContactBody data={data} id={id} field={field} layout={layout} />;
  }
}

/**
 * One section of a flyer: heading above the text on panels, beside it on wide pages. Columns get their width
 * from the frame, not from flex, so react-pdf measures each text once.
 */
export function Section({
  section,
  headings,
  width,
  first,
  step = 0,
}: {
  section: PreparedSection;
  headings: Headings;
  width: number;
  first: boolean;
  /** How far the section is adapted to fit (adapt-sections.ts). */
  step?: number;
}) {
  const s = useStyles();
  const { data } = section;
  const id = (part: string) => partId(section.index, part);
  if (headings === "side") {
    const side = Math.round(width * SIDE_HEADING);
    return (
      <View {...mark({ field: section.field })} style={{ flexDirection: "row", marginTop: first ? 0 : s.space[5] }}>
        <View style={{ width: side, paddingRight: s.space[5] }}>
          <Text {...tag(id("h"))} style={s.heading} {...HEADING_BREAKS}>
            {data.title}
          </Text>
        </View>
        <View style={{ width: width - side, paddingTop: (s.leading(s.heading) - s.leading(s.body)) / 2 }}>
          <Body section={section} width={width - side} narrow={false} id={id} step={step} />
        </View>
      </View>
    );
  }
  return (
    <View {...mark({ field: section.field })} style={{ marginTop: first ? 0 : s.space[5] }}>
      <Text {...tag(id("h"))} style={[s.panelHeading, { marginBottom: s.space[2] }]} {...HEADING_BREAKS}>
        {data.title}
      </Text>
      <Body section={section} width={width} narrow id={id} step={step} />
    </View>
  );
}
