import { Document, Font, Page, Text, View, renderToBuffer } from "@react-pdf/renderer";
import { ttfFonts } from "@dus-opendata/brand/node";
for (const f of ttfFonts()) Font.register({ family: f.family, src: f.path, fontWeight: f.weight, fontStyle: f.style });
Font.registerHyphenationCallback((w) => { console.log("W", JSON.stringify(w)); return [w]; });
let layout: any;
const doc = (
  <Document onRender={(p: any) => { layout = p._INTERNAL__LAYOUT__DATA_; }}>
    <Page size={[300, 200]} wrap={false} style={{ fontFamily: "Source Sans 3" }}>
      <View style={{ position: "absolute", left: 10, top: 10, width: 60 }}>
          <Text style={{fontSize: 10}}>{"Ein kurzes Wort und langes Wort und\u00A0noch ein\u00A0Wort."}</Text>
      </View>
    </Page>
  </Document>
);
const buf = await renderToBuffer(doc);
const t = layout.children[0].children[0].children[0];
console.log(Object.keys(t), t.box.width);
for (const l of t.lines) console.log(JSON.stringify(l.string), l.xAdvance);
