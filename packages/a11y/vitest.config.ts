import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "a11y",
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // The files start Chromium and pdf.js; one at a time leaves the CPU to the other packages' tests.
    fileParallelism: false,
  },
});
