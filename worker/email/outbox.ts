// The email outbox table: messages are written once (a unique dedupe key per report and
// recipient, or per digest, day and director) and then moved through
// pending → sending → sent, or back to pending with a later attempt time, or to failed.
// Every transition is one conditional UPDATE, so two runs can never both own a message.
import { and, asc, desc, eq, lt, lte, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { outbox } from '../db/schema';
import { MAX_ATTEMPTS, SENDING_LEASE_MS, retryDelay } from '../domain/report-delivery';
import type { OutboxMessageView } from '../domain/report-types';

export type OutboxRow = typeof outbox.$inferSelect;

export interface NewMessage {
  id: string;
  orgId: string;
  dedupeKey: string;
  reportId: string | null;
  toEmail: string;
  subject: string;
  raw: string;
  nextAttemptAt: number;
}

/** Queues messages; ones whose dedupe key is already queued are left alone. Returns how many were new. */
export async function enqueue(db: Db, messages: readonly NewMessage[]): Promise<number> {
  if (messages.length === 0) return 0;
  // One row per statement: each row carries a whole MIME message, and a batch is atomic anyway.
  const statements = messages.map((m) =>
    db
      .insert(outbox)
      .values({ ...m, status: 'pending', attempts: 0 })
      .onConflictDoNothing({ target: outbox.dedupeKey })
      .returning({ id: outbox.id }),
  );
  const results = await db.batch(statements as [(typeof statements)[number], ...typeof statements]);
  return results.reduce((n, rows) => n + rows.length, 0);
}

/** Dedupe keys already queued for a report (so a second run need not build those messages again). */
export async function queuedKeys(db: Db, reportId: string): Promise<Set<string>> {
  const rows = await db.select({ key: outbox.dedupeKey }).from(outbox).where(eq(outbox.reportId, reportId));
  return new Set(rows.map((r) => r.key));
}

/** Ids of messages due by `now`, oldest due first. */
export async function dueMessageIds(db: Db, now: number, limit: number): Promise<string[]> {
  const rows = await db
    .select({ id: outbox.id })
    .from(outbox)
    .where(and(eq(outbox.status, 'pending'), lte(outbox.nextAttemptAt, now)))
    .orderBy(asc(outbox.nextAttemptAt))
    .limit(limit);
  return rows.map((r) => r.id);
}

/**
 * Takes a due message for this run: pending → sending, counting the attempt. Null when another
 * run took it first (or it is no longer due). While sending, nextAttemptAt is the lease's end.
 */
export async function claim(db: Db, id: string, now: number): Promise<OutboxRow | null> {
  const [row] = await db
    .update(outbox)
    .set({ status: 'sending', attempts: sql`${outbox.attempts} + 1`, nextAttemptAt: now + SENDING_LEASE_MS })
    .where(and(eq(outbox.id, id), eq(outbox.status, 'pending'), lte(outbox.nextAttemptAt, now)))
    .returning();
  return row ?? null;
}

export async function markSent(db: Db, id: string, now: number): Promise<void> {
  await db
    .update(outbox)
    .set({ status: 'sent', sentAt: now, lastError: null })
    .where(and(eq(outbox.id, id), eq(outbox.status, 'sending')));
}

/** After a failed attempt: back to pending after the back-off, or failed after the last attempt. */
export async function markAttemptFailed(db: Db, row: OutboxRow, error: string, now: number): Promise<'pending' | 'failed'> {
  const status = row.attempts >= MAX_ATTEMPTS ? 'failed' : 'pending';
  await db
    .update(outbox)
    .set({ status, nextAttemptAt: status === 'pending' ? now + retryDelay(row.attempts) : now, lastError: error.slice(0, 1000) })
    .where(and(eq(outbox.id, row.id), eq(outbox.status, 'sending')));
  return status;
}

/**
 * Messages left 'sending' past their lease: the run that claimed them died between sending and
 * recording. Whether they went out is unknown, so they are not resent automatically (that could
 * send twice); they become 'failed' with the reason, for an administrator to retry.
 */
export async function failAbandoned(db: Db, now: number): Promise<number> {
  const rows = await db
    .update(outbox)
    .set({ status: 'failed', lastError: 'ถูกขัดจังหวะระหว่างส่ง ไม่ทราบว่าส่งถึงหรือไม่ / interrupted while sending; delivery unknown' })
    .where(and(eq(outbox.status, 'sending'), lt(outbox.nextAttemptAt, now)))
    .returning({ id: outbox.id });
  return rows.length;
}

/** An administrator's retry of a failed message: pending again, due now, with a fresh set of attempts. */
export async function retryFailed(db: Db, orgId: string, id: string, now: number): Promise<OutboxRow | null> {
  const [row] = await db
    .update(outbox)
    .set({ status: 'pending', attempts: 0, nextAttemptAt: now })
    .where(and(eq(outbox.id, id), eq(outbox.orgId, orgId), eq(outbox.status, 'failed')))
    .returning();
  return row ?? null;
}

export async function findMessage(db: Db, orgId: string, id: string): Promise<OutboxRow | null> {
  const [row] = await db
    .select()
    .from(outbox)
    .where(and(eq(outbox.id, id), eq(outbox.orgId, orgId)))
    .limit(1);
  return row ?? null;
}

/** The office's recent messages for administrators: failed first, then the newest. */
export async function listMessages(db: Db, orgId: string, limit = 200): Promise<OutboxMessageView[]> {
  return db
    .select({
      id: outbox.id,
      reportId: outbox.reportId,
      toEmail: outbox.toEmail,
      subject: outbox.subject,
      status: outbox.status,
      attempts: outbox.attempts,
      nextAttemptAt: outbox.nextAttemptAt,
      lastError: outbox.lastError,
      sentAt: outbox.sentAt,
      createdAt: outbox.createdAt,
    })
    .from(outbox)
    .where(eq(outbox.orgId, orgId))
    .orderBy(sql`case ${outbox.status} when 'failed' then 0 when 'sending' then 1 when 'pending' then 2 else 3 end`, desc(outbox.createdAt))
    .limit(limit);
}
