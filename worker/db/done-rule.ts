// The office's switch of the done rule (domain/done-rule.ts) in organisations.settings: read, and
// set key by key with json_set (other settings untouched) in one batch with its audit entry.
import { eq, sql } from 'drizzle-orm';
import type { Db } from './client';
import { organisations } from './schema';
import { audit } from './auth';
import { doneNeedsEvidence } from '../domain/done-rule';

/** Whether the office's done steps need evidence; null when there is no such office. */
export async function readDoneRule(db: Db, orgId: string): Promise<boolean | null> {
  const [org] = await db.select({ settings: organisations.settings }).from(organisations).where(eq(organisations.id, orgId)).limit(1);
  return org ? doneNeedsEvidence(org.settings) : null;
}

/** Sets the switch and records who did; the switch as stored afterwards (null: no such office). */
export async function setDoneRule(db: Db, orgId: string, required: boolean, entry: Parameters<typeof audit>[1]): Promise<boolean | null> {
  const [[org]] = await db.batch([
    db
      .update(organisations)
      .set({ settings: sql`json_set(coalesce(${organisations.settings}, '{}'), '$.doneNeedsEvidence', json(${JSON.stringify(required)}))` })
      .where(eq(organisations.id, orgId))
      .returning({ settings: organisations.settings }),
    audit(db, entry),
  ]);
  return org ? doneNeedsEvidence(org.settings) : null;
}
