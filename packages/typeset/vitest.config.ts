import { defineProject } from "vitest/config";

export default defineProject({
  // The property tests take seconds on a loaded machine.
  test: { name: "typeset", include: ["src/**/*.test.ts"], testTimeout: 60_000 },
});
