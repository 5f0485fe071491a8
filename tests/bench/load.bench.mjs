// The load benchmark (`npm run bench`, or `node tests/bench/load.bench.mjs`). Starts `wrangler dev`
// (own port, throw-away D1, DEMO_SEED=1) and runs tests/load/driver.ts: LOAD_DIRECTORS directors
// (default 50) moving and editing their groups' cards for LOAD_SECONDS seconds (default 30), each
// signed in once with a real session cookie, in an office of their own with a 200-card board made
// by the import API. Prints throughput, median and p99 latency, the 409s (retried with the card
// from the answer) and 5xx; then checks that the board equals the replay of its event log and
// that the chain verifies. Exits non-zero on a 5xx, an unexpected answer, a lost update or a
// broken chain. LOAD_LEVELS="1,10,50" runs several levels in a row (each in a fresh office).
import { existsSync } from 'node:fs';
import { runnerImport } from 'vite';
import { buildWeb, startApp } from './harness.mjs';

const PORT = Number(process.env.LOAD_PORT ?? 8796);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 30);
const LEVELS = (process.env.LOAD_LEVELS ?? process.env.LOAD_DIRECTORS ?? '50').split(',').map(Number);

// The driver is TypeScript shared with the e2e suite; vite's module runner loads it as it is.
const { module: driver } = await runnerImport('./tests/load/driver.ts', { configFile: false, logLevel: 'error' });

if (!existsSync('web/dist/index.html')) buildWeb(); // wrangler dev serves the built app
const app = await startApp(PORT);
let failed = false;
try {
  for (const directors of LEVELS) {
    const result = await driver.runLoad({ baseUrl: app.base, directors, seconds: SECONDS, log: (line) => console.log(line) });
    console.log(`\n${driver.formatLoadResult(result)}\n`);
    const failures = driver.loadFailures(result);
    if (failures.length > 0) {
      failed = true;
      console.error(`✗ ${directors} directors:\n  ${failures.join('\n  ')}`);
    } else console.log(`✓ ${directors} directors: no 5xx, no lost update, chain verified`);
  }
} catch (e) {
  failed = true;
  console.error(e);
  console.error(app.log().slice(-3000));
} finally {
  app.stop();
}
process.exit(failed ? 1 : 0);
