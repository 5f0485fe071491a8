// The daily sweep (with the 07:00 Bangkok digest): expired sessions, forgotten sign-in counters,
// the bodies of mail sent more than 90 days ago, and sign-in records and refused authorisations
// older than a year, and LINE's handled webhook events and expired link codes (domain/retention.ts). It runs after the day's other jobs and never fails
// them: a sweep that fails is logged and tried again the next day.
import type { Db } from '../db/client';
import { sweep, type SweepCounts } from '../db/cleanup';

export async function runCleanupJob(db: Db, now: number): Promise<SweepCounts | null> {
  try {
    const counts = await sweep(db, now);
    console.log('cleanup: swept', counts);
    return counts;
  } catch (e) {
    console.error('cleanup job failed', e instanceof Error ? e.message : String(e));
    return null;
  }
}
