import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests: Debian Chromium with the built extension (.output/chrome-mv3) and a real backend that
 * each test starts on its own port and database (tests/helpers), so there is no webServer here.
 *
 * Reporter: `list` by default. An aggregating runner can add JSON with
 * `--reporter=list,json` and `PLAYWRIGHT_JSON_OUTPUT_NAME=<file>` (the CLI flag replaces this setting).
 */
export default defineConfig({
  testDir: 'tests/e2e',
  globalSetup: './tests/helpers/global-setup.ts',
  // Two spec files at a time, each with its own browser, backend, port and profile: on two cores the whole run
  // measured 13.6 min against about 18.5 at one worker, every test passing. Tests wait for conditions, never for time.
  workers: 2,
  fullyParallel: false,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: 'list',
  outputDir: 'test-results',
  use: {
    actionTimeout: 15_000,
    navigationTimeout: 15_000,
  },
});
