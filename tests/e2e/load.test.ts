// The load test's fast variant, inside `npm test`: directors moving and editing cards against the
// e2e suite's `wrangler dev` (in an office of their own), then the board must equal the replay of
// its event log and the chain must verify. The full run (50 directors, 30 s) is
// tests/bench/load.bench.mjs under `npm run bench`.
import { describe, expect, inject, it } from 'vitest';
import { formatLoadResult, loadFailures, runLoad } from '../load/driver';

describe('load (fast variant)', () => {
  it('20 directors for 5 s: no 5xx, every 409 retried, no lost update, the chain verifies', { timeout: 180_000 }, async () => {
    const result = await runLoad({ baseUrl: inject('baseUrl'), directors: 20, seconds: 5 });
    console.log(formatLoadResult(result));
    expect(loadFailures(result)).toEqual([]);
    expect(result.cards).toBe(8 * 25);
    expect(result.changes).toBeGreaterThan(10);
  });
});
