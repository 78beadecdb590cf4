import { defineConfig, devices } from "@playwright/test";
import { SHARED_PORT as PORT } from "./e2e/support/ports";

export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], viewport: { width: 1400, height: 900 } } }],
  // The real production server (`next build` has run before this), on its own fresh database.
  webServer: {
    command: `node scripts/serve-e2e.mjs ${PORT}`,
    url: `http://127.0.0.1:${PORT}/api/maps/demo`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
  },
});
