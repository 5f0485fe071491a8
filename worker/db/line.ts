// LINE's rows (issue 17): an office's channel credentials (sealed: domain/line.ts opens them), the
// LINE groups its bot is in and what each receives, one-time link codes, webhook events already
// handled, and what the LINE sender needs to know of a queued push. Reads and writes; the
// decisions are domain/line.ts's and domain/policy.ts's.
import { and, asc, desc, eq, gt, gte, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from './client';
import { enqueue, type NewMessage } from './outbox';
import { groups, lineGroups, lineLinkCodes, linePushes, lineSettings, lineWebhookEvents, organisations, outbox } from './schema';
import { openCredential, type LineAudience } from '../domain/line';

export type LineSettingsRow = typeof lineSettings.$inferSelect;
export type LineGroupRow = typeof lineGroups.$inferSelect;

export async function orgIdOfSlug(db: Db, slug: string): Promise<string | null> {
  const [row] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.slug, slug)).limit(1);
  return row?.id ?? null;
}

export async function readLineSettings(db: Db, orgId: string): Promise<LineSettingsRow | null> {
  const [row] = await db.select().from(lineSettings).where(eq(lineSettings.orgId, orgId)).limit(1);
  return row ?? null;
}

export async function saveLineSettings(db: Db, row: LineSettingsRow): Promise<void> {
  const { orgId, ...rest } = row;
  await db.insert(lineSettings).values(row).onConflictDoUpdate({ target: lineSettings.orgId, set: rest });
}

/** The office's channel secret and access token, opened with the deployment's key; null when not set (or not openable). */
export async function lineCredentials(db: Db, key: string | undefined, orgId: string): Promise<{ secret: string; token: string } | null> {
  const row = await readLineSettings(db, orgId);
  if (!row || !key) return null;
  const [secret, token] = await Promise.all([
    openCredential(key, orgId, 'channelSecret', row.channelSecretEnc),
    openCredential(key, orgId, 'channelAccessToken', row.channelAccessTokenEnc),
  ]);
  return secret && token ? { secret, token } : null;
}

/** Records a webhook event; false when it was handled before (LINE redelivers). */
export async function firstDelivery(db: Db, orgId: string, eventId: string, now: number): Promise<boolean> {
  const rows = await db.insert(lineWebhookEvents).values({ orgId, eventId, receivedAt: now }).onConflictDoNothing().returning({ id: lineWebhookEvents.eventId });
  return rows.length > 0;
}

/** Whether a webhook event was handled before. */
export async function handledBefore(db: Db, orgId: string, eventId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: lineWebhookEvents.eventId })
    .from(lineWebhookEvents)
    .where(and(eq(lineWebhookEvents.orgId, orgId), eq(lineWebhookEvents.eventId, eventId)))
    .limit(1);
  return row !== undefined;
}

/** Forgets a webhook event recorded by firstDelivery whose handling failed (LINE will redeliver it). */
export async function forgetDelivery(db: Db, orgId: string, eventId: string): Promise<void> {
  await db.delete(lineWebhookEvents).where(and(eq(lineWebhookEvents.orgId, orgId), eq(lineWebhookEvents.eventId, eventId)));
}

/** The bot joined a LINE group (again): it is in it, linked to nothing until a code says so. */
export async function groupJoined(db: Db, orgId: string, lineGroupId: string, now: number): Promise<void> {
  await db
    .insert(lineGroups)
    .values({ id: crypto.randomUUID(), orgId, lineGroupId, joinedAt: now })
    .onConflictDoUpdate({ target: [lineGroups.orgId, lineGroups.lineGroupId], set: { joinedAt: now, leftAt: null } });
}

/** The bot was removed from a group: it receives nothing more (removing the bot unlinks). */
export async function groupLeft(db: Db, orgId: string, lineGroupId: string, now: number): Promise<void> {
  await db
    .update(lineGroups)
    .set({ leftAt: now, audience: null, officeGroupId: null, linkedAt: null })
    .where(and(eq(lineGroups.orgId, orgId), eq(lineGroups.lineGroupId, lineGroupId)));
}

export async function saveLinkCode(db: Db, row: typeof lineLinkCodes.$inferInsert): Promise<void> {
  await db.batch([
    // Forgotten codes go when new ones are made (a code's life is 15 minutes).
    db.delete(lineLinkCodes).where(and(eq(lineLinkCodes.orgId, row.orgId), lt(lineLinkCodes.expiresAt, row.expiresAt - 24 * 3600_000))),
    db.insert(lineLinkCodes).values(row),
  ]);
}

/**
 * Uses a link code of this office: one conditional UPDATE, so of two groups racing with one
 * code exactly one gets it. Null when it is unknown here, expired or used.
 */
export async function useLinkCode(db: Db, orgId: string, codeHash: string, now: number) {
  const [row] = await db
    .update(lineLinkCodes)
    .set({ usedAt: now })
    .where(and(eq(lineLinkCodes.codeHash, codeHash), eq(lineLinkCodes.orgId, orgId), isNull(lineLinkCodes.usedAt), gt(lineLinkCodes.expiresAt, now)))
    .returning();
  return row ?? null;
}

/** Gives back a code used at `usedAt` whose linking then failed: it works once more. */
export async function releaseLinkCode(db: Db, orgId: string, codeHash: string, usedAt: number): Promise<void> {
  await db
    .update(lineLinkCodes)
    .set({ usedAt: null })
    .where(and(eq(lineLinkCodes.codeHash, codeHash), eq(lineLinkCodes.orgId, orgId), eq(lineLinkCodes.usedAt, usedAt)));
}

export async function linkGroup(db: Db, orgId: string, lineGroupId: string, audience: LineAudience, officeGroupId: string | null, now: number): Promise<void> {
  await db
    .insert(lineGroups)
    .values({ id: crypto.randomUUID(), orgId, lineGroupId, audience, officeGroupId, joinedAt: now, linkedAt: now })
    .onConflictDoUpdate({ target: [lineGroups.orgId, lineGroups.lineGroupId], set: { audience, officeGroupId, linkedAt: now, leftAt: null } });
}

/** An administrator's unlink; false when the office has no such group. */
export async function unlinkGroup(db: Db, orgId: string, id: string): Promise<boolean> {
  const rows = await db
    .update(lineGroups)
    .set({ audience: null, officeGroupId: null, linkedAt: null })
    .where(and(eq(lineGroups.id, id), eq(lineGroups.orgId, orgId)))
    .returning({ id: lineGroups.id });
  return rows.length > 0;
}

export async function officeGroupName(db: Db, orgId: string, groupId: string): Promise<string | null> {
  const [row] = await db.select({ nameTh: groups.nameTh }).from(groups).where(and(eq(groups.id, groupId), eq(groups.orgId, orgId))).limit(1);
  return row?.nameTh ?? null;
}

/** The office's LINE groups the bot is in, with the office group a 'group' audience names. */
export async function listLineGroups(db: Db, orgId: string) {
  return db
    .select({
      id: lineGroups.id,
      lineGroupId: lineGroups.lineGroupId,
      audience: lineGroups.audience,
      officeGroupId: lineGroups.officeGroupId,
      officeGroupNameTh: groups.nameTh,
      memberCount: lineGroups.memberCount,
      joinedAt: lineGroups.joinedAt,
      linkedAt: lineGroups.linkedAt,
    })
    .from(lineGroups)
    .leftJoin(groups, eq(groups.id, lineGroups.officeGroupId))
    .where(and(eq(lineGroups.orgId, orgId), isNull(lineGroups.leftAt)))
    .orderBy(asc(lineGroups.joinedAt));
}

/** The linked groups of an office (for the report and digest jobs). */
export async function linkedGroups(db: Db, orgId: string): Promise<LineGroupRow[]> {
  return db
    .select()
    .from(lineGroups)
    .where(and(eq(lineGroups.orgId, orgId), isNull(lineGroups.leftAt), sql`${lineGroups.audience} is not null`));
}

export async function setMemberCount(db: Db, orgId: string, lineGroupId: string, count: number): Promise<void> {
  await db.update(lineGroups).set({ memberCount: count }).where(and(eq(lineGroups.orgId, orgId), eq(lineGroups.lineGroupId, lineGroupId)));
}

export interface LinePush {
  message: NewMessage;
  kind: 'report' | 'digest';
  reserve: number;
}

/** Queues pushes in the outbox, each with what its sender must know; returns how many were new. */
export async function enqueuePushes(db: Db, pushes: readonly LinePush[], now: number): Promise<number> {
  const queued = await enqueue(db, pushes.map((p) => p.message));
  for (const p of pushes) {
    // Only beside a row this message made (a dedupe key queued before keeps its own).
    await db.run(
      sql`insert or ignore into line_pushes (outbox_id, kind, reserve, queued_at) select ${p.message.id}, ${p.kind}, ${p.reserve}, ${now} where exists (select 1 from outbox where id = ${p.message.id})`,
    );
  }
  return queued;
}

export async function pushInfo(db: Db, outboxId: string) {
  const [row] = await db.select().from(linePushes).where(eq(linePushes.outboxId, outboxId)).limit(1);
  return row ?? null;
}

/** The office's LINE pushes that failed since `since` (not sent on LINE: over the quota, refused, or too late), newest first. */
export async function undeliveredPushes(db: Db, orgId: string, since: number, limit = 20) {
  return db
    .select({ id: outbox.id, subject: outbox.subject, target: outbox.target, lastError: outbox.lastError, createdAt: outbox.createdAt })
    .from(outbox)
    .where(and(eq(outbox.orgId, orgId), eq(outbox.status, 'failed'), eq(outbox.channel, 'line'), gte(outbox.createdAt, since)))
    .orderBy(desc(outbox.createdAt))
    .limit(limit);
}
