import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "flyer",
    include: ["src/**/*.test.ts", "test/**/*.test.ts", "test/**/*.test.tsx"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
