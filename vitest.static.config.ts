import { defineConfig } from 'vitest/config';

// Checks in Node: the source itself (the import rules between the project's rooms, the cron list)
// and pure modules of worker/domain/ (thai-date.ts, which the web app shares; policy.ts's decisions),
// and the web app's typed client against a Hono app (web/src/typed-client.ts).
export default defineConfig({
  test: { include: ['tests/static/**/*.test.ts'] },
});
