import { Path, Rect, Svg } from "@react-pdf/renderer";
import QRCode from "qrcode";
import { useStyles } from "../styles.js";
import { tag } from "./mark.js";

/** Quiet zone around the code, in modules (the standard asks for four). */
const QUIET = 4;

/** The dark modules as one path, one sub-path per horizontal run. */
export function qrPath(text: string): { size: number; d: string } {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  const n = modules.size;
  let d = "";
  for (let r = 0; r < n; r++) {
    let c = 0;
    while (c < n) {
      if (!modules.get(r, c)) {
        c++;
        continue;
      }
      const start = c;
      while (c < n && modules.get(r, c)) c++;
      d += `M${start} ${r}h${c - start}v1h${start - c}z`;
    }
  }
  return { size: n, d };
}

/** A QR code as vector graphics, on paper with its quiet zone, so it scans on any background; a Figure in the tree. */
export function QrCode({ text, size, id }: { text: string; size: number; id?: string | undefined }) {
  const s = useStyles();
  const { size: n, d } = qrPath(text);
  const box = n + 2 * QUIET;
  return (
    <Svg width={size} height={size} viewBox={`${-QUIET} ${-QUIET} ${box} ${box}`} {...(id ? tag(id) : {})}>
      <Rect x={-QUIET} y={-QUIET} width={box} height={box} fill={s.colors.paper} />
      <Path d={d} fill={s.colors.ink} />
    </Svg>
  );
}
