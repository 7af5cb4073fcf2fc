import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './test/helpers/preview';

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  // One Wine prefix per worker; two cores.
  workers: 2,
  fullyParallel: false,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : [['list']],
  use: {
    viewport: { width: 1000, height: 760 },
    actionTimeout: 15_000,
    launchOptions: chromiumLaunchOptions,
  },
});
