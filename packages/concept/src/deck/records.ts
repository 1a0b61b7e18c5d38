/**
 * What each slide of a deck variant shows, resolved from the model: every string formatted (and, where it is
 * displayed, hyphenated), every count worded, every status a token. The deck's components render these records and
 * nothing else; the browser never receives the raw concept.
 *
 * Display strings may carry soft hyphens (U+00AD) and no-break spaces for line breaking; `title`, `notes`, the
 * headings and the metadata are plain text.
 */
import type { ChangeKind } from "../change-labels.js";
import type { DocumentMetadata } from "../document-metadata.js";
import type { StatusKind } from "../notation/status.js";

/** A status as the slides show it: its kind (the colour) and its words. */
export interface StatusToken {
  kind: StatusKind;
  label: string;
}

/** A piece of running text: plain, or a link with its accessible name. */
export interface TextPart {
  text: string;
  href?: string;
  /** The link's accessible name (plain text). */
  name?: string;
}

/** A paragraph or list item whose web addresses are links. */
export type RichText = TextPart[];

export interface Link {
  href: string;
  /** The visible text: the address without scheme. */
  text: string;
  /** Accessible name on the web page. */
  name: string;
}

export interface Wordmark {
  city: string;
  organisation: string;
  claim: string;
}

export interface Heading {
  level: 1 | 2 | 3;
  text: string;
}

/** Where a text of the content is written, for messages about it („content/bausteine/01-texte.yaml:42:5“). */
export type SourceRef = string;

interface Base {
  /** Plain-text title: Slidev's slide list, go-to dialog, presenter view, the PDF's bookmarks. */
  title: string;
  /** Presenter notes, plain text, one paragraph per entry: the speaker's own first, then the generated ones. */
  notes: string[];
  /** The Baustein, Maßnahme or intro section the slide shows, for tests and data attributes. */
  ref?: { baustein?: string; measure?: string; intro?: string };
  /** Which page of a list that continues over several slides („(1/3)“ in the heading). */
  page?: { index: number; count: number };
  /**
   * Where the slide's main text is written (`file:line:col`), for the build's warning when it does not fit; only
   * on the node side (the build leaves it out of deck-data.json, so that a moved line prints nothing again).
   */
  source?: SourceRef;
}

export type IntroPart =
  | { kind: "text"; paragraphs: RichText[] }
  | { kind: "quote"; text: string; source: string }
  | { kind: "points"; items: RichText[] }
  | { kind: "note"; label: string; text: string };

export interface TimelineRow {
  id: string;
  /** Plain title: measured into two lines of the chart and its tooltip. */
  title: string;
  /** Number of the Baustein, printed in the first column. */
  baustein: number;
  status: StatusToken;
  /** Datum (Plan) in canonical form, shown in the „ohne Termin“ column for open plans. */
  planned: string;
  overdue: boolean;
  /** Dated spans (ISO first and last day); empty for open plans. */
  spans: { start: string; end: string }[];
  /** From a date on, until a date (without a start), ongoing, or not yet scheduled. */
  open?: "from" | "until" | "ongoing" | "unscheduled";
}

export interface Timeline {
  rows: TimelineRow[];
  /** Years of the axis, first to last. */
  years: number[];
  /** The Stand's day (ISO), the red line. */
  standDate: string;
  standLabel: string;
  undatedLabel: string;
  /** Every status kind the variant's Maßnahmen can have, with its count over all of them, in the order of progress. */
  legend: (StatusToken & { count: number })[];
  /**
   * The marks this chart draws beyond the status colours, explained under it: the bar of a planned period, the thin
   * bar of a plan that runs on from a date, the outline of an overdue Maßnahme, the line of the Stand.
   */
  marks: { kind: "span" | "open" | "until" | "overdue" | "stand"; label: string }[];
  /** The chart in words: its text alternative on the site and the Figure's /Alt in the PDF. */
  description: string;
}

/** The status counts at every Stand: a stacked bar per Stand, and the same as a table (its text alternative). */
export interface VerlaufChart {
  bars: {
    /** „06/2018“; the current Stand with „(aktuell)“. */
    label: string;
    current: boolean;
    total: number;
    /** In the order of progress, also kinds with no Maßnahme (count 0). */
    segments: (StatusToken & { count: number })[];
  }[];
  /** The largest total: the bars' scale. */
  max: number;
  legend: StatusToken[];
  /** Column and row heads and the counts: the table beside the chart. */
  table: { head: string[]; rows: string[][] };
  /** The chart in words: its /Alt in the PDF and its accessible name on the site. */
  description: string;
}

export type SlideRecord = Base &
  (
    | {
        kind: "title";
        wordmark: Wordmark;
        heading: string;
        subtitle?: string;
        /** The occasion and the Stand: „Sitzung des Ausschusses · Stand: Mai 2024“. */
        line: string;
      }
    | { kind: "intro"; kicker: string; heading: string; parts: IntroPart[] }
    | {
        kind: "overview";
        kicker: string;
        heading: string;
        cards: { id: string; number: string; title: string; summary: string; count: string }[];
      }
    | {
        kind: "baustein";
        kicker: string;
        /** „Baustein 2“. */
        label: string;
        heading: string;
        subtitle?: string;
        count: string;
      }
    | { kind: "why"; kicker: string; heading: string; paragraphs: RichText[] }
    | {
        kind: "plan";
        kicker: string;
        heading: string;
        columns: [string, string, string];
        rows: { id: string; title: string; status: StatusToken; planned: string; overdue?: string }[];
        /** Shown instead of the table when the Baustein names no Maßnahme yet. */
        empty?: string;
      }
    | {
        kind: "measure";
        kicker: string;
        heading: string;
        paragraphs: RichText[];
        /** The detail block's key points, when the Maßnahme has only points (a table or outline gets its own slide). */
        points?: { heading?: string; items: string[] };
        facts: { status: [string, StatusToken]; planned: [string, string]; published: [string, string] };
        /** „überfällig (Stand: November 2018)“, when the variant shows overdue marks on the slides. */
        overdue?: string;
      }
    | {
        kind: "details";
        kicker: string;
        heading: string;
        facts?: { label: string; value: string[] }[];
        outline?: { title: string; items?: string }[];
        points?: string[];
      }
    | {
        kind: "chances-risks";
        kicker: string;
        heading: string;
        columns: { kind: "chances" | "risks"; heading: string; items: string[]; empty?: string }[];
      }
    | { kind: "status"; kicker: string; heading: string; timeline: Timeline }
    | {
        kind: "changes";
        kicker: string;
        heading: string;
        /** „Seit dem letzten Bericht erledigt: 2, neu: 1, verschoben: 1“: first on every page. */
        summary: string;
        /**
         * One line per change: `subject` („Titel“, „Baustein „…““), `former` („früher: Alter Titel“, for a renamed
         * Maßnahme) and `detail` („in Arbeit → erledigt“).
         */
        items: { id: string; change: ChangeKind; subject: string; former?: string; detail: string }[];
        /** Shown instead of the list when nothing changed. */
        empty?: string;
      }
    | { kind: "verlauf"; kicker: string; heading: string; verlauf: VerlaufChart }
    | {
        kind: "closing";
        line: string;
        portal: Link;
        wordmark: Wordmark;
        /** Whom to reach, as far as the concept gives it: the e-mail address and phone number are links. */
        contact?: {
          heading: string;
          person?: string;
          role?: string;
          address: string[];
          hours?: string;
          links: (Link & { kind: "email" | "phone" })[];
        };
      }
  );

export type SlideKind = SlideRecord["kind"];
export type SlideOf<K extends SlideKind> = Extract<SlideRecord, { kind: K }>;

/** A deck variant as the browser receives it (deck-data.json) and the PDF export prints it. */
export interface ResolvedDeck {
  variant: string;
  /** Plain title of the variant: the browser tab, the PDF's title. */
  title: string;
  occasion: string;
  /** The footer of every slide: sender and claim; the Stand. */
  footer: { sender: string; stand: string };
  slides: SlideRecord[];
  /** The PDF's document properties and one bookmark per slide. */
  pdf: DocumentMetadata & { bookmarks: string[] };
  /** What the build tells the maintainer about this variant, in German (e.g. why a section yields no slide). */
  notices?: string[];
}
