import { defineConfig } from 'vitest/config';

// Checks of the source itself, in Node: the import rules between the project's rooms.
export default defineConfig({
  test: { include: ['tests/static/**/*.test.ts'] },
});
