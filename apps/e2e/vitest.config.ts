import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    name: "e2e",
    include: ["src/**/*.e2e.test.ts"],
    globalSetup: ["./src/global-setup.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // One browser at a time: two cores, and journeys that share one seeded service.
    fileParallelism: false,
  },
});
