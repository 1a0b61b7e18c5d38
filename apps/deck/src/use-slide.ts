/** What a slide of a given kind looks up in the deck's data: its Baustein, Maßnahme, intro section, timeline row. */
import { computed } from "vue";
import type { SlideSpec } from "./outline.js";
import { useDeck } from "./use-deck.js";

export function useSlide(slide: () => SlideSpec) {
  const deck = computed(() => useDeck());
  const concept = computed(() => deck.value.concept);
  const baustein = computed(() => concept.value.bausteine.find((b) => b.id === slide().baustein));
  const measure = computed(() => baustein.value?.measures.find((m) => m.id === slide().measure));
  const intro = computed(() => concept.value.intro.find((s) => s.id === slide().intro));
  const row = (id: string | undefined) => deck.value.timeline.find((r) => r.id === id);
  const L = computed(() => deck.value.labels);
  const measureCount = (n: number) => `${n} ${n === 1 ? L.value.measure : L.value.measures}`;
  const bausteinKicker = computed(() =>
    baustein.value ? `${L.value.baustein} ${baustein.value.number} · ${baustein.value.title}` : "",
  );
  return { deck, concept, baustein, measure, intro, row, L, measureCount, bausteinKicker };
}
