import { existsSync } from "node:fs";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import {
  ADMIN_STATE,
  APP_PORT,
  APP_URL,
  DEMO_ADMIN_STATE,
  DEMO_PORT,
  DEMO_URL,
  E2E_DIR,
  SIM_PORT,
  SIM_TOKEN,
  SIM_URL,
} from "./e2e/support/env";

/** Debian's Chromium (or CHROMIUM_PATH) when present; elsewhere Playwright's own browser. */
const chromiumPath = [process.env.CHROMIUM_PATH, "/usr/bin/chromium"].find((candidate) => candidate && existsSync(candidate));
const launchOptions = chromiumPath
  ? {
      executablePath: chromiumPath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    }
  : {};

/** The production server with its edge (scripts/serve.mjs), as `npm start` runs it; PORT comes from serverEnv. */
const SERVE = "node scripts/serve.mjs";
const serverEnv = (name: string, port: number, extra: Record<string, string>) => ({
  PORT: String(port),
  HOST: "127.0.0.1",
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  DATA_DIR: path.join(E2E_DIR, name),
  // The e2e journeys run many distinct reports: the real limits are exercised by the simulator's own
  // tests and by `npm run bench:budget`, not here.
  FATHOM_RATE_LIMIT_REPORTS_PER_MINUTE: "1000",
  ...extra,
});

export default defineConfig({
  testDir: "./e2e",
  testIgnore: ["**/perf/**"],
  outputDir: process.env.E2E_OUTPUT_DIR ?? "test-results/e2e",
  fullyParallel: false,
  workers: process.env.CI ? 1 : 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [["list"], ["json", { outputFile: process.env.E2E_JSON_REPORT ?? "test-results/e2e-results.json" }]],
  use: {
    ...devices["Desktop Chrome"],
    launchOptions,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    { name: "setup", testMatch: /first-run\.setup\.ts/, use: { baseURL: APP_URL } },
    { name: "demo-setup", testMatch: /demo\.setup\.ts/, use: { baseURL: DEMO_URL } },
    {
      name: "app",
      testMatch: /.*\.spec\.ts/,
      testIgnore: /demo-.*\.spec\.ts/,
      dependencies: ["setup"],
      use: { baseURL: APP_URL, storageState: ADMIN_STATE },
    },
    {
      name: "demo",
      testMatch: /demo-.*\.spec\.ts/,
      dependencies: ["demo-setup"],
      use: { baseURL: DEMO_URL, storageState: DEMO_ADMIN_STATE },
    },
  ],
  webServer: [
    {
      command: `node node_modules/tsx/dist/cli.mjs lib/simulator/cli.ts --port ${SIM_PORT} --token ${SIM_TOKEN} --no-rate-limits`,
      url: `${SIM_URL}/_sim/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "pipe",
    },
    {
      command: SERVE,
      url: `${APP_URL}/api/health`,
      reuseExistingServer: false,
      timeout: 120_000,
      env: serverEnv("app", APP_PORT, { FATHOM_API_TOKEN: SIM_TOKEN, FATHOM_API_BASE_URL: `${SIM_URL}/v1` }),
    },
    {
      command: SERVE,
      url: `${DEMO_URL}/api/health`,
      reuseExistingServer: false,
      timeout: 120_000,
      env: serverEnv("demo", DEMO_PORT, { FATHOM_API_TOKEN: "" }),
    },
  ],
});
