import { drizzle } from 'drizzle-orm/d1';
import * as schema from './schema';

/** A Drizzle client for one request (never a module-level singleton on Workers). */
export function createDb(d1: D1Database) {
  return drizzle(d1, { schema });
}
export type Db = ReturnType<typeof createDb>;

/** D1 reports constraint failures as errors whose message (or cause's) names the constraint. */
export function isUniqueViolation(e: unknown): boolean {
  for (let err: unknown = e, depth = 0; err && depth < 5; depth++) {
    if (String((err as Error).message ?? err).includes('UNIQUE constraint failed')) return true;
    err = (err as { cause?: unknown }).cause;
  }
  return false;
}
