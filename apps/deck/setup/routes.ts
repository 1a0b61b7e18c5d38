/**
 * Slidev's views, adjusted:
 * - the notes print-out (`#/presenter/print`) is the deck's own (src/runtime/NotesPrint.vue): every slide's notes
 *   from the slide records, a German date;
 * - Slidev's batch notes editor (`#/notes-edit`) leads to the notes page: notes are written in content/, and the
 *   built site cannot save them.
 */
import { defineRoutesSetup } from "@slidev/types";

const PRINT = "/presenter/print";

export default defineRoutesSetup((routes) => [
  ...routes
    .filter((r) => r.path !== PRINT)
    .map((r) => (r.path === "/notes-edit" ? { path: r.path, redirect: { path: "/notes" } } : r)),
  { path: PRINT, component: () => import("../src/runtime/NotesPrint.vue") },
]);
