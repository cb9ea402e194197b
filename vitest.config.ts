import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/helpers/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Integration tests share one Redis and one PostgreSQL; each file uses its own
    // key prefix / schema, so files may run in parallel.
    pool: "forks",
  },
});
