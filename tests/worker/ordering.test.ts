import { describe, expect, it } from 'vitest';
import { isStrictlyOrdered, keyAfterIndex, keyBetween, keysAfter, OrderingError } from '../../worker/domain/ordering';

// A small deterministic PRNG so a failure can be reproduced from its seed.
function rng(seed: number) {
  return () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

describe('ordering keys', () => {
  it('keys appended to an empty column are strictly increasing', () => {
    const keys = keysAfter(null, 50);
    expect(keys).toHaveLength(50);
    expect(isStrictlyOrdered(keys)).toBe(true);
  });

  it('refuses neighbours given out of order', () => {
    const [a, b] = keysAfter(null, 2) as [string, string];
    expect(() => keyBetween(b, a)).toThrow(OrderingError);
    expect(() => keyBetween(a, a)).toThrow(OrderingError);
  });

  it('2,000 random moves across 4 columns keep a strict order in every column, no card lost', () => {
    const random = rng(2567);
    const columns: { id: number; key: string }[][] = [[], [], [], []];
    let next = 0;
    for (const key of keysAfter(null, 40)) columns[0]!.push({ id: next++, key });
    for (let i = 0; i < 2000; i++) {
      const from = columns[Math.floor(random() * 4)]!;
      if (from.length === 0) continue;
      const [card] = from.splice(Math.floor(random() * from.length), 1);
      const to = columns[Math.floor(random() * 4)]!;
      // Bias towards the ends and the same spot, where collisions and key growth would show.
      const r = random();
      const after = r < 0.2 ? -1 : r < 0.4 ? to.length - 1 : Math.floor(random() * (to.length + 1)) - 1;
      const key = keyAfterIndex(to.map((c) => c.key), after);
      to.splice(after + 1, 0, { id: card!.id, key });
    }
    const all = columns.flat();
    expect(all).toHaveLength(40);
    for (const col of columns) expect(isStrictlyOrdered(col.map((c) => c.key))).toBe(true);
    // Keys are unique per column (strict order); across columns the same key may recur.
    expect(new Set(all.map((c) => c.id)).size).toBe(40);
    for (const col of columns) expect(new Set(col.map((c) => c.key)).size).toBe(col.length);
  });

  it('repeated inserts at the same place stay ordered', () => {
    const keys = keysAfter(null, 2);
    for (let i = 0; i < 200; i++) keys.splice(1, 0, keyAfterIndex(keys, 0));
    expect(isStrictlyOrdered(keys)).toBe(true);
  });
});
