// The outbox table: every outgoing message, whatever its channel (email now; LINE pushes next).
// A message is written once (a unique dedupe key per report and recipient, or per digest, day
// and director) and then moved through pending → sending → sent, or back to pending with a later
// attempt time, or to failed. Every transition is one conditional UPDATE, so two runs can never
// both own a message. What the next state is after a failure is decided in
// domain/report-delivery.ts; the sending is cron/outbox-job.ts's, through a channel's sender.
import { and, asc, desc, eq, inArray, lt, lte, sql } from 'drizzle-orm';
import type { Db } from './client';
import { outbox } from './schema';
import type { OutboxChannel, OutboxMessageView } from '../domain/report-types';
import { errorMessages } from '../domain/errors';

/** The lastError of a message whose sending was interrupted: "Thai / English". */
function interruptedText(): string {
  const { messageTh, messageEn } = errorMessages('outbox.interrupted');
  return `${messageTh} / ${messageEn}`;
}

export type OutboxRow = typeof outbox.$inferSelect;

interface MessageBase {
  id: string;
  orgId: string;
  dedupeKey: string;
  reportId: string | null;
  /** The email's subject, or a push's alternative text: what administrators see in the list. */
  subject: string;
  /** The message as its channel sends it (MIME text, a push's JSON body), built once. */
  raw: string;
  nextAttemptAt: number;
}

/** A message to queue: an email to an address, or a push to a target on another channel. */
export type NewMessage = MessageBase & ({ channel: 'email'; toEmail: string } | { channel: Exclude<OutboxChannel, 'email'>; target: string });

/** A built email (db/ takes its parts, not email/'s type) as a message to queue, due `now`. */
export function emailMessage(orgId: string, dedupeKey: string, reportId: string | null, mail: { id: string; to: string; subject: string; raw: string }, now: number): NewMessage {
  return { id: mail.id, orgId, channel: 'email', dedupeKey, reportId, toEmail: mail.to.toLowerCase(), subject: mail.subject, raw: mail.raw, nextAttemptAt: now };
}

/** Queues messages; ones whose dedupe key is already queued are left alone. Returns how many were new. */
export async function enqueue(db: Db, messages: readonly NewMessage[]): Promise<number> {
  if (messages.length === 0) return 0;
  // One row per statement: each row carries a whole message, and a batch is atomic anyway. The
  // retry key is fixed here, once, so every attempt at this message carries the same one.
  const statements = messages.map((m) =>
    db
      .insert(outbox)
      .values({ ...m, retryKey: crypto.randomUUID(), status: 'pending', attempts: 0 })
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

/** Ids of messages of `channels` due by `now`, oldest due first. */
export async function dueMessageIds(db: Db, channels: readonly OutboxChannel[], now: number, limit: number): Promise<string[]> {
  if (channels.length === 0) return [];
  const rows = await db
    .select({ id: outbox.id })
    .from(outbox)
    .where(and(eq(outbox.status, 'pending'), lte(outbox.nextAttemptAt, now), inArray(outbox.channel, [...channels])))
    .orderBy(asc(outbox.nextAttemptAt))
    .limit(limit);
  return rows.map((r) => r.id);
}

/**
 * Takes a due message for this run: pending → sending, counting the attempt, until `leaseEnd`
 * (kept in nextAttemptAt while sending). Null when another run took it first (or it is no longer due).
 */
export async function claim(db: Db, id: string, now: number, leaseEnd: number): Promise<OutboxRow | null> {
  const [row] = await db
    .update(outbox)
    .set({ status: 'sending', attempts: sql`${outbox.attempts} + 1`, nextAttemptAt: leaseEnd })
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

/** After a failed attempt: the state decided for it (pending again at a later time, or failed), with the error. */
export async function markAttemptFailed(db: Db, id: string, next: { status: 'pending' | 'failed'; nextAttemptAt: number }, error: string): Promise<void> {
  await db
    .update(outbox)
    .set({ ...next, lastError: error.slice(0, 1000) })
    .where(and(eq(outbox.id, id), eq(outbox.status, 'sending')));
}

/**
 * Messages left 'sending' past their lease: the run that claimed them died between sending and
 * recording. Whether they went out is unknown, so they are not resent automatically (that could
 * send twice); they become 'failed' with the reason, for an administrator to retry.
 */
export async function failAbandoned(db: Db, now: number): Promise<number> {
  const rows = await db
    .update(outbox)
    .set({ status: 'failed', lastError: interruptedText() })
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
  // What needs attention first (failed, sending, pending), then the rest; each newest first.
  // One indexed page per status (outbox_org_status_created), in one round trip: sorting the
  // office's whole outbox by a status rank to show one page of it would read every row it ever had.
  const page = (status: OutboxRow['status']) =>
    db
      .select({
        id: outbox.id,
        reportId: outbox.reportId,
        channel: outbox.channel,
        toEmail: outbox.toEmail,
        target: outbox.target,
        subject: outbox.subject,
        status: outbox.status,
        attempts: outbox.attempts,
        nextAttemptAt: outbox.nextAttemptAt,
        lastError: outbox.lastError,
        sentAt: outbox.sentAt,
        createdAt: outbox.createdAt,
      })
      .from(outbox)
      .where(and(eq(outbox.orgId, orgId), eq(outbox.status, status)))
      .orderBy(desc(outbox.createdAt))
      .limit(limit);
  const pages = await db.batch([page('failed'), page('sending'), page('pending'), page('sent')]);
  return pages.flat().slice(0, limit);
}
