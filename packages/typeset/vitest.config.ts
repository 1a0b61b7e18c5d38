import { defineProject } from "vitest/config";

export default defineProject({
  test: { name: "typeset", include: ["src/**/*.test.ts"] },
});
