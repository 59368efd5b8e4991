import { defineConfig } from "vitest/config";

const db = process.env.DATABASE_URL ? "postgres" : "pglite";
// CI runs the suite again under other Node versions; REPORT_TAG (e.g. "node24") keeps their reports apart.
const tag = process.env.REPORT_TAG ? `${process.env.REPORT_TAG}-` : "";

export default defineConfig({
  test: {
    include: ["src/**/*.test.{ts,tsx}", "tests/integration/**/*.test.{ts,tsx}", "bench/**/*.test.ts"],
    globalSetup: ["tests/support/global-setup.ts"],
    setupFiles: ["tests/support/audit-key-setup.ts"],
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ["default", ["json", { outputFile: `reports/vitest-${tag}${db}.json` }]],
  },
});
