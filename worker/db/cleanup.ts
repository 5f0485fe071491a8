// The daily sweep's statements (figures and what is swept: domain/retention.ts). Each deletes at
// most RETENTION.chunk rows through a rowid subquery and is repeated until nothing is left, so a
// backlog is cleared in bounded steps. Nothing here touches the board's own records.
import { and, inArray, isNotNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Db } from './client';
import { auditLog, lineLinkCodes, lineWebhookEvents, outbox, sessions, signInThrottle } from './schema';
import { RETENTION, SWEPT_AUDIT_ACTIONS } from '../domain/retention';

export interface SweepCounts {
  sessions: number;
  throttle: number;
  mailBodies: number;
  auditRows: number;
  lineWebhookEvents: number;
  lineLinkCodes: number;
}

const MAX_ROUNDS = 50;

/** Deletes the rows of `table` matching `where`, a chunk at a time; returns how many. */
async function deleteInChunks(db: Db, table: SQLiteTable, where: SQL): Promise<number> {
  let total = 0;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const rows = await db
      .delete(table)
      .where(sql`rowid in (select rowid from ${table} where ${where} limit ${RETENTION.chunk})`)
      .returning({ one: sql<number>`1` });
    total += rows.length;
    if (rows.length < RETENTION.chunk) break;
  }
  return total;
}

export async function sweep(db: Db, now: number): Promise<SweepCounts> {
  const sessionsGone = await deleteInChunks(
    db,
    sessions,
    or(lt(sessions.expiresAt, now - RETENTION.endedSessionMs), and(isNotNull(sessions.revokedAt), lt(sessions.revokedAt, now - RETENTION.endedSessionMs)))!,
  );
  // Only counters whose window has passed and whose wait (if any) is over: a live counter is
  // what keeps a guesser waiting.
  const throttle = await deleteInChunks(
    db,
    signInThrottle,
    and(lt(signInThrottle.windowStart, now - RETENTION.throttleMs), lt(signInThrottle.blockedUntil, now))!,
  );
  let mailBodies = 0;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const rows = await db
      .update(outbox)
      .set({ raw: '' })
      .where(sql`rowid in (select rowid from ${outbox} where ${and(sql`${outbox.status} = 'sent'`, lt(outbox.sentAt, now - RETENTION.sentMailBodyMs), sql`${outbox.raw} <> ''`)} limit ${RETENTION.chunk})`)
      .returning({ one: sql<number>`1` });
    mailBodies += rows.length;
    if (rows.length < RETENTION.chunk) break;
  }
  const auditRows = await deleteInChunks(
    db,
    auditLog,
    and(inArray(auditLog.action, [...SWEPT_AUDIT_ACTIONS]), lt(auditLog.at, now - RETENTION.signInRecordsMs))!,
  );
  const lineEvents = await deleteInChunks(db, lineWebhookEvents, lt(lineWebhookEvents.receivedAt, now - RETENTION.lineWebhookEventMs));
  const linkCodes = await deleteInChunks(db, lineLinkCodes, lt(lineLinkCodes.expiresAt, now - RETENTION.expiredLinkCodeMs));
  return { sessions: sessionsGone, throttle, mailBodies, auditRows, lineWebhookEvents: lineEvents, lineLinkCodes: linkCodes };
}
