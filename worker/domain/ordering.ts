// Order of cards within a board column, as fractional-index string keys.
//
// Invariant: within one column every card has a distinct key, and sorting keys as plain strings
// (code-unit order, which is what SQLite's BINARY collation and `<` on JS strings do) gives the
// column's order. Moving a card rewrites only that card's key. The client names its neighbours;
// the server reads the keys itself and computes the new one, so a client can never write a key.
import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';

export class OrderingError extends Error {
  readonly code = 'ordering_invalid' as const;
}

/** Keys for `n` cards appended after `last` (null: empty column). */
export function keysAfter(last: string | null, n: number): string[] {
  return generateNKeysBetween(last, null, n);
}

/**
 * The key for a card placed between `prev` and `next` (either may be null for the column's ends).
 * `prev` must sort strictly before `next`.
 */
export function keyBetween(prev: string | null, next: string | null): string {
  if (prev !== null && next !== null && !(prev < next)) {
    throw new OrderingError(`neighbours out of order: ${prev} !< ${next}`);
  }
  return generateKeyBetween(prev, next);
}

/**
 * Given the target column's keys in order (without the moving card) and the neighbour the client
 * named, the key for the card. `afterIndex` is the index of the card it follows (-1: first);
 * the successor is always the column's real next card, so two moves to the same place one after
 * the other never produce the same key.
 */
export function keyAfterIndex(columnKeys: readonly string[], afterIndex: number): string {
  const prev = afterIndex >= 0 ? (columnKeys[afterIndex] ?? null) : null;
  const next = columnKeys[afterIndex + 1] ?? null;
  return keyBetween(prev, next);
}

/** True when keys are strictly increasing: the checker for the invariant above. */
export function isStrictlyOrdered(keys: readonly string[]): boolean {
  for (let i = 1; i < keys.length; i++) if (!(keys[i - 1]! < keys[i]!)) return false;
  return true;
}
