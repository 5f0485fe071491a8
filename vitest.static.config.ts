import { defineConfig } from 'vitest/config';

// Checks in Node: the source itself (the import rules between the project's rooms, the cron list)
// and pure modules of worker/domain/ (thai-date.ts, which the web app shares; policy.ts's decisions).
export default defineConfig({
  test: { include: ['tests/static/**/*.test.ts'] },
});
