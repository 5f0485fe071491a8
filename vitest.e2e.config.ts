import { defineConfig } from 'vitest/config';

// The browser suite: Node-side tests that start `wrangler dev` on a fresh local D1 (global setup)
// and drive Debian's Chromium through playwright-core.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    globalSetup: ['./tests/e2e/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
