import { defineProject } from "vitest/config";

export default defineProject({
  test: { name: "serve", include: ["src/**/*.test.ts"] },
});
