import { execSync } from "node:child_process";
import { defineConfig } from "@playwright/test";
import { SERVER_NODE_FLAGS } from "./scripts/server-node-flags.mjs";

/**
 * Browser tests against a real server on a fresh embedded database, so the demo seed is the
 * starting state of every run. `npx playwright install` cannot download here: Debian's chromium
 * is used instead (reference/stack.md §2.10).
 */
// E2E_PORT/E2E_SANDBOX_PORT let a second run (another Node version, another checkout) use other ports.
const PORT = Number(process.env.E2E_PORT ?? 3199);
export const BASE_URL = `http://127.0.0.1:${PORT}`;
const DATA_DIR = `.tmp/e2e-data-${PORT}`;
/** The emulator runs beside the app, so the browser tests can follow a real call into the test-run view. */
export const SANDBOX_PORT = Number(process.env.E2E_SANDBOX_PORT ?? 3198);

function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  try {
    return execSync("command -v chromium", { encoding: "utf8", shell: "/bin/sh" }).trim() || "/usr/bin/chromium";
  } catch {
    return "/usr/bin/chromium";
  }
}

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  // A flow logs in (argon2) and runs axe on every page it visits; 30 s is tight on 2 cores.
  timeout: 90_000,
  expect: { timeout: 10_000 },
  // CI sums the totals from the JSON report (reference/stack.md §2.10).
  reporter: [["list"], ["json", { outputFile: "reports/playwright.json" }]],
  outputDir: ".tmp/playwright-results",
  use: {
    baseURL: BASE_URL,
    locale: "sv-SE",
    timezoneId: "Europe/Stockholm",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromiumPath(),
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
  webServer: {
    // A fresh data directory each run: the first start on an empty database seeds the demo.
    command: `rm -rf ${DATA_DIR} && PORT=${PORT} SANDBOX_PORT=${SANDBOX_PORT} HOST=127.0.0.1 DATA_DIR=${DATA_DIR} LOG_LEVEL=warn node ${SERVER_NODE_FLAGS.join(" ")} scripts/start.mjs`,
    url: `${BASE_URL}/healthz`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
    stderr: "pipe",
  },
});
