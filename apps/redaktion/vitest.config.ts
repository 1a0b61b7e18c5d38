import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "redaktion",
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 240_000,
    // The browser tests start the editor, Slidev and Chromium: one file at a time on two cores.
    fileParallelism: false,
  },
});
