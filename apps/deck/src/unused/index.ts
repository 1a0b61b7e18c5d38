/**
 * Stand-ins for parts of Slidev that the deck never uses: vite.config.ts maps their modules here, so they are
 * neither compiled nor shipped. Slidev's client imports them unconditionally (its own switches only hide their
 * buttons), so each stand-in keeps the shape the client calls and does nothing. test/slim-app.e2e.test.ts checks
 * that none of these parts is in the compiled app and that every page of Slidev the deck uses opens without an error.
 */
import type { App, ObjectDirective } from "vue";

/**
 * `@shikijs/vitepress-twoslash/client`: type popups for TypeScript code blocks (twoslash). The deck shows no code.
 * Slidev installs it as a Vue plugin.
 */
export default { install(_app: App) {} };

/**
 * `@vueuse/motion`: the `v-motion` animations. No slide uses them; Slidev's wrapper directive calls `created` and
 * `mounted` and then drives `el.motionInstance`, so an element with `v-motion` stays as it is instead of moving.
 */
export function MotionDirective(): ObjectDirective<HTMLElement & { motionInstance?: object }> {
  const still = { set() {}, apply() {}, watchStopHandle() {} };
  return {
    created(el) {
      el.motionInstance = { ...still };
    },
    mounted() {},
  };
}

/**
 * `drauu`: drawing on slides, switched off in the headmatter (`drawings.enabled: false`). Slidev still creates its
 * drawing board at start and listens to it; this board never draws.
 */
export function createDrauu(options: object = {}) {
  return {
    options,
    mode: "stylus",
    el: null,
    mounted: false,
    on: () => () => {},
    mount() {},
    unmount() {},
    load(_svg: string) {},
    dump: () => "",
    clear() {},
    cancel() {},
    undo: () => false,
    redo: () => false,
    canUndo: () => false,
    canRedo: () => false,
  };
}

/**
 * `@slidev/rough-notation`: hand-drawn marks (`v-mark`, with roughjs). No slide uses them; an element with `v-mark`
 * stays unmarked.
 */
export function annotate(_el: Element, config: object = {}) {
  return { ...config, show() {}, hide() {}, remove() {}, isShowing: () => false };
}
