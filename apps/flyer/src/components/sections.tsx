import { Link, Text, View } from "@react-pdf/renderer";
import type { ReactNode } from "react";
import { mm } from "../formats.js";
import type { PreparedSection, SectionData } from "../prepare-flyer.js";
import { useStyles } from "../styles.js";
import { keepWhole } from "../typography.js";
import { mark } from "./mark.js";
import { QrCode } from "./qr-code.js";

type Headings = "side" | "top";

/** Share of a wide column given to the headings beside the text. */
const SIDE_HEADING = 0.3;

function Paragraph({ children, first }: { children: string; first?: boolean }) {
  const s = useStyles();
  return (
    <Text {...mark({ paragraph: true })} style={[s.body, { marginTop: first ? 0 : s.space[2] }]}>
      {children}
    </Text>
  );
}

function Points({ points, first }: { points: string[]; first?: boolean }) {
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
          <Text {...mark({ paragraph: true })} style={s.body}>
            {p}
          </Text>
        </View>
      ))}
    </View>
  );
}

function TextBody({ data }: { data: Extract<SectionData, { kind: "text" }> }) {
  const s = useStyles();
  const blocks: ReactNode[] = [];
  data.paragraphs.forEach((p, i) => {
    blocks.push(
      <Paragraph key={`p${i}`} first={i === 0}>
        {p}
      </Paragraph>,
    );
  });
  if (data.points.length) blocks.push(<Points key="points" points={data.points} first={blocks.length === 0} />);
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
        <Text {...mark({ paragraph: true })} style={s.quote}>{`„${data.quote.text}“`}</Text>
        <Text style={[s.small, { marginTop: s.space[1] }]}>{`– ${data.quote.source}`}</Text>
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
        <Text {...mark({ paragraph: true })} style={s.note}>
          {data.note}
        </Text>
      </View>,
    );
  return <View>{blocks}</View>;
}

function StepsBody({ data }: { data: Extract<SectionData, { kind: "steps" }> }) {
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
            <Text style={s.stepNumber}>{String(i + 1)}</Text>
          </View>
          <Text {...mark({ paragraph: true })} style={s.body}>
            {step}
          </Text>
        </View>
      ))}
    </View>
  );
}

function BausteineBody({ data }: { data: Extract<SectionData, { kind: "bausteine" }> }) {
  const s = useStyles();
  return (
    <View>
      <Text style={[s.bodyStrong, { marginBottom: s.space[2] }]}>{data.lead}</Text>
      {data.items.map((b) => (
        <View
          key={b.label}
          wrap={false}
          style={{
            borderTopWidth: 1,
            borderTopColor: s.colors.rule,
            paddingTop: s.space[2],
            paddingBottom: s.space[2],
          }}
        >
          <Text style={s.label}>{b.label}</Text>
          <Text style={s.itemTitle}>{b.title}</Text>
          <Text {...mark({ paragraph: true })} style={s.body}>
            {b.summary}
          </Text>
          <Text style={[s.small, { marginTop: s.space[1] }]}>{`${b.measures} · ${b.status}`}</Text>
        </View>
      ))}
    </View>
  );
}

function MeasuresBody({ data }: { data: Extract<SectionData, { kind: "measures" }> }) {
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
          <Text style={s.bodyStrong}>{m.title}</Text>
          <View style={{ flexDirection: "row", alignItems: "center", flexWrap: "wrap", marginTop: 2 }}>
            <View
              style={{
                backgroundColor: s.statusColors[m.statusKind],
                borderRadius: s.leading(s.small) / 2,
                paddingHorizontal: s.space[2],
                marginRight: s.space[2],
              }}
            >
              <Text style={s.badge}>{m.status}</Text>
            </View>
            <Text style={s.small}>{m.planned}</Text>
          </View>
        </View>
      ))}
    </View>
  );
}

function Address({ url, address }: { url: string; address: string }) {
  const s = useStyles();
  return (
    <Link src={url} style={s.link}>
      <Text style={s.link}>{address}</Text>
    </Link>
  );
}

function PortalBody({
  data,
  width,
  narrow,
}: {
  data: Extract<SectionData, { kind: "portal" }>;
  width: number;
  narrow: boolean;
}) {
  const s = useStyles();
  const qr = mm(narrow ? 24 : 26);
  return (
    <View style={{ flexDirection: "row", alignItems: "flex-start" }}>
      <View style={{ width: width - qr - s.space[4], marginRight: s.space[4] }}>
        {data.text ? (
          <Text {...mark({ paragraph: true })} style={[s.body, { marginBottom: s.space[2] }]}>
            {data.text}
          </Text>
        ) : null}
        <Address url={data.url} address={data.address} />
      </View>
      <Link src={data.url}>
        <QrCode text={data.url} size={qr} />
      </Link>
    </View>
  );
}

function ContactBody({ data }: { data: Extract<SectionData, { kind: "contact" }> }) {
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
          <Text {...mark({ paragraph: true })} style={s.callToAction}>
            {data.text}
          </Text>
        </View>
      ) : null}
      {data.lines.map((line, i) => (
        <Text key={line} style={i === 0 ? s.bodyStrong : s.body}>
          {line}
        </Text>
      ))}
      <View style={{ marginTop: s.space[2] }}>
        <Address url={data.url} address={data.address} />
      </View>
    </View>
  );
}

function Body({ data, width, narrow }: { data: SectionData; width: number; narrow: boolean }) {
  switch (data.kind) {
    case "text":
      return <TextBody data={data} />;
    case "steps":
      return <StepsBody data={data} />;
    case "bausteine":
      return <BausteineBody data={data} />;
    case "measures":
      return <MeasuresBody data={data} />;
    case "portal":
      return <PortalBody data={data} width={width} narrow={narrow} />;
    case "contact":
      return <ContactBody data={data} />;
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
}: {
  section: PreparedSection;
  headings: Headings;
  width: number;
  first: boolean;
}) {
  const s = useStyles();
  const { data } = section;
  if (headings === "side") {
    const side = Math.round(width * SIDE_HEADING);
    return (
      <View {...mark({ field: section.field })} style={{ flexDirection: "row", marginTop: first ? 0 : s.space[5] }}>
        <View style={{ width: side, paddingRight: s.space[5] }}>
          <Text style={s.heading} hyphenationCallback={keepWhole}>
            {data.title}
          </Text>
        </View>
        <View style={{ width: width - side, paddingTop: (s.leading(s.heading) - s.leading(s.body)) / 2 }}>
          <Body data={data} width={width - side} narrow={false} />
        </View>
      </View>
    );
  }
  return (
    <View {...mark({ field: section.field })} style={{ marginTop: first ? 0 : s.space[5] }}>
      <Text style={[s.panelHeading, { marginBottom: s.space[2] }]} hyphenationCallback={keepWhole}>
        {data.title}
      </Text>
      <Body data={data} width={width} narrow />
    </View>
  );
}
