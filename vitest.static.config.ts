import { defineConfig } from 'vitest/config';

// Checks in Node: the source itself (the import rules between the project's rooms, the cron list)
// and the pure modules both runtimes share (worker/domain/thai-date.ts).
export default defineConfig({
  test: { include: ['tests/static/**/*.test.ts'] },
});
