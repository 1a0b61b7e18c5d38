import { z } from "zod";
import { DEFAULT_TERMS, type Noun, type Terms } from "../terms.js";
import { text } from "./fields.js";

const GENDERS = { der: "m", die: "f", das: "n" } as const;

/** The dative plural most German nouns take: the plural with „n“ added, unless it ends in „n“ or „s“. */
export const dativeOf = (plural: string): string => (/[ns]$/.test(plural) ? plural : `${plural}n`);

const nounSchema = (what: keyof Terms) => {
  const d = DEFAULT_TERMS[what];
  const article = Object.entries(GENDERS).find(([, g]) => g === d.gender)?.[0];
  const name =
    what === "baustein"
      ? "einen Baustein"
      : what === "measure"
        ? "eine Maßnahme"
        : what === "chance"
          ? "eine Chance"
          : "ein Risiko";
  return z
    .strictObject({
      singular: text(`Das Wort in der Einzahl, z. B. „${d.one}“ („1 ${d.one}“).`),
      plural: text(`Das Wort in der Mehrzahl, z. B. „${d.many}“ („3 ${d.many}“).`),
      dative: text(
        `Die Mehrzahl nach „in“ und „von“ (Dativ), z. B. „${d.dative}“ („in 3 ${d.dative}“). Ohne Angabe: die Mehrzahl, mit „n“ ergänzt, wenn sie nicht auf „n“ oder „s“ endet („Kapitel“ → „Kapiteln“).`,
      ).optional(),
      gender: z
        .enum(["der", "die", "das"])
        .describe(
          `Das Geschlecht des Worts, als sein Artikel: „der“, „die“ oder „das“ (z. B. „${article} ${d.one}“). Es bestimmt „ein“ oder „eine“, „diesen“, „diese“ oder „dieses“ in den erzeugten Sätzen.`,
        ),
    })
    .meta({
      description: `Wie das Konzept ${name} nennt. Ohne Angabe: „${d.one}“.`,
      examples: [
        what === "baustein"
          ? { singular: "Kapitel", plural: "Kapitel", dative: "Kapiteln", gender: "das" }
          : what === "measure"
            ? { singular: "Verpflichtung", plural: "Verpflichtungen", gender: "die" }
            : { singular: d.one, plural: d.many, gender: article },
      ],
    })
    .optional();
};

type NounInput = NonNullable<z.output<ReturnType<typeof nounSchema>>>;

// The mapping to a Noun happens once for all four, above them: a transform inside would drop the examples of the
// whole `terms` object from the JSON Schema.
const toNoun = (n: NounInput | undefined, what: keyof Terms): Noun =>
  n
    ? { one: n.singular, many: n.plural, dative: n.dative ?? dativeOf(n.plural), gender: GENDERS[n.gender] }
    : DEFAULT_TERMS[what];

/**
 * What the concept calls its parts. Every word the outputs generate (headings, counts, notes, flyers, PDF
 * properties, `pnpm status`) takes its nouns from here; a part left out keeps today's word (terms.ts).
 */
const TERMS_META = {
  description:
    "Die Wörter des Konzepts für seine Teile, wenn es nicht „Baustein“, „Maßnahme“, „Chance“ und „Risiko“ sagt: Folien, Notizen, Flyer, Dokumenteigenschaften und „pnpm status“ verwenden sie. Jedes Teil ist optional.",
  examples: [
    {
      baustein: { singular: "Kapitel", plural: "Kapitel", dative: "Kapiteln", gender: "das" },
      measure: { singular: "Verpflichtung", plural: "Verpflichtungen", gender: "die" },
    },
  ],
};

export const termsSchema = z
  .strictObject({
    baustein: nounSchema("baustein"),
    measure: nounSchema("measure"),
    chance: nounSchema("chance"),
    risk: nounSchema("risk"),
  })
  .meta(TERMS_META)
  .optional()
  .transform(
    (t): Terms => ({
      baustein: toNoun(t?.baustein, "baustein"),
      measure: toNoun(t?.measure, "measure"),
      chance: toNoun(t?.chance, "chance"),
      risk: toNoun(t?.risk, "risk"),
    }),
  );
