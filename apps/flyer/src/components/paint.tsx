import { assertNever } from "@dus-opendata/concept";
import { HEADING_BREAKS, hyphenationFor, keepWhole } from "@dus-opendata/typeset";
import { Link, Text, View } from "@react-pdf/renderer";
import { Fragment, type ReactNode } from "react";
import type { FlyerElement, Hyphenation } from "../elements.js";
import { artifact, mark, tag } from "./mark.js";
import { QrCode } from "./qr-code.js";

/** The hyphenation callback of a text (undefined: the document's, registered in render-flyer.tsx). */
function hyphenation(mode: Hyphenation, content: string): ((word: string) => string[]) | undefined {
  switch (mode) {
    case "prose":
    case "words":
      return hyphenationFor(content);
    // The one place that says how headings break: only where a word fits no line, after its own hyphen first.
    case "heading":
      return HEADING_BREAKS.hyphenationCallback;
    case "whole":
      return keepWhole;
    case "default":
      return undefined;
    default:
      return assertNever(mode, "Silbentrennung");
  }
}

const tagOf = (el: FlyerElement) => (el.id ? tag(el.id) : {});

/**
 * Paints described elements with react-pdf: a view as a View, a text as a Text (its structure id, its marks for the
 * checks, its hyphenation), a link as a Link, a QR code as vector graphics; a group paints only its children. What
 * an element is in the structure tree is the tagger's business (elements.ts); here only its id is passed on.
 */
export function paint(el: FlyerElement, key?: string | number): ReactNode {
  switch (el.type) {
    case "view":
      return (
        <View
          key={key}
          {...mark({ ...el.marks })}
          {...(el.artifact ? artifact(el.artifact) : {})}
          {...(el.style ? { style: el.style } : {})}
          {...(el.wrap === false ? { wrap: false } : {})}
        >
          {el.children.map(paint)}
        </View>
      );
    case "group":
      return <Fragment key={key}>{el.children.map(paint)}</Fragment>;
    case "text": {
      const callback = hyphenation(el.hyphenation, el.text);
      return (
        <Text
          key={key}
          {...mark({ ...el.marks, paragraph: el.hyphenation === "prose" })}
          {...tagOf(el)}
          style={el.style}
          {...(callback ? { hyphenationCallback: callback } : {})}
          {...(el.hyphenation === "heading" ? { hyphenationPenalty: HEADING_BREAKS.hyphenationPenalty } : {})}
        >
          {el.text}
        </Text>
      );
    }
    case "link":
      return (
        <Link key={key} src={el.url} {...(el.style ? { style: el.style } : {})} {...tagOf(el)}>
          {el.children.map(paint)}
        </Link>
      );
    case "qr":
      return <QrCode key={key} text={el.url} size={el.size} id={el.id} />;
    default:
      return assertNever(el, "Element");
  }
}
