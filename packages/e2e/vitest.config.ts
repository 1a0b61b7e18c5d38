import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "e2e",
    include: ["test/**/*.test.ts"],
    testTimeout: 300_000,
    hookTimeout: 900_000,
    // Every test builds decks and prints PDFs: one file at a time on a small machine.
    fileParallelism: false,
    // GitHub's workflow parser imports its schema as JSON without an import attribute: let Vite load it.
    server: { deps: { inline: ["@actions/workflow-parser"] } },
  },
});
