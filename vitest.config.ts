import { defineConfig } from "vitest/config";

// Two projects: the default one runs every test on SQLite; "pg" re-runs the store contract and
// the integration tests against the real PostgreSQL server named by OPENWABA_TEST_DATABASE_URL.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "sqlite",
          include: ["packages/*/src/**/*.test.ts", "apps/*/src/**/*.test.ts", "e2e/**/*.test.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          env: { OPENWABA_TEST_DATABASE_URL: "" },
        },
      },
      {
        test: {
          name: "pg",
          include: ["packages/*/src/**/*.both.test.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
