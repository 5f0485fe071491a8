// What the administration routes (routes/admin.ts) read and write: members' roles, groups, board
// columns, the audit log, and everything the integrity check replays. Facts only: the route has
// checked that the actor administers the office, and decides what a missing row means.
import { and, asc, desc, eq } from 'drizzle-orm';
import type { Db } from './client';
import { isUniqueViolation } from './client';
import { audit } from './auth';
import { auditLog, boardColumns, cardEvents, cards, evidenceLinks, groups, measures, memberships, reports, users } from './schema';
import type { Role } from '../domain/contracts';

type AuditEntry = Parameters<typeof audit>[1];

/** Whether the group belongs to the office. */
export async function groupInOffice(db: Db, orgId: string, groupId: string): Promise<boolean> {
  const [g] = await db.select({ id: groups.id }).from(groups).where(and(eq(groups.id, groupId), eq(groups.orgId, orgId)));
  return !!g;
}

/** Creates the account and its membership with the audit entry, in one batch; false: the email has an account. */
export async function createMember(
  db: Db,
  orgId: string,
  user: { id: string; email: string; displayName: string; passwordHash: string },
  membership: { role: Role; groupId: string | null },
  entry: AuditEntry,
): Promise<boolean> {
  try {
    await db.batch([
      db.insert(users).values(user),
      db.insert(memberships).values({ orgId, userId: user.id, ...membership }),
      audit(db, entry),
    ]);
    return true;
  } catch (e) {
    if (isUniqueViolation(e)) return false;
    throw e;
  }
}

export async function findMembership(db: Db, orgId: string, userId: string) {
  const [row] = await db.select().from(memberships).where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
  return row ?? null;
}

/** Sets a member's role and group with its audit entry, in one batch. */
export async function setMemberRole(db: Db, orgId: string, userId: string, change: { role: Role; groupId: string | null }, entry: AuditEntry): Promise<void> {
  await db.batch([
    db.update(memberships).set(change).where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId))),
    audit(db, entry),
  ]);
}

export function listGroups(db: Db, orgId: string) {
  return db.select().from(groups).where(eq(groups.orgId, orgId)).orderBy(asc(groups.position));
}

/** Adds a group after the office's others; null: a group of that name exists. */
export async function addGroup(db: Db, orgId: string, names: { nameTh: string; nameEn: string }): Promise<string | null> {
  const existing = await db.select({ id: groups.id }).from(groups).where(eq(groups.orgId, orgId));
  const groupId = crypto.randomUUID();
  try {
    await db.insert(groups).values({ id: groupId, orgId, position: existing.length, ...names });
  } catch (e) {
    if (isUniqueViolation(e)) return null;
    throw e;
  }
  return groupId;
}

/** The group renamed, or null when the office has no such group. */
export async function renameGroup(db: Db, orgId: string, groupId: string, names: { nameTh?: string; nameEn?: string }) {
  const [row] = await db
    .update(groups)
    .set(names)
    .where(and(eq(groups.id, groupId), eq(groups.orgId, orgId)))
    .returning();
  return row ?? null;
}

/** The fiscal year of one of the office's columns, or null when it has no such column. */
export async function columnYearId(db: Db, orgId: string, columnId: string): Promise<string | null> {
  const [column] = await db
    .select({ fiscalYearId: boardColumns.fiscalYearId })
    .from(boardColumns)
    .where(and(eq(boardColumns.id, columnId), eq(boardColumns.orgId, orgId)));
  return column?.fiscalYearId ?? null;
}

/** The column changed, or null when the office has no such column. */
export async function updateColumn(
  db: Db,
  orgId: string,
  columnId: string,
  change: { labelTh?: string; labelEn?: string; position?: number; wipLimit?: number | null },
) {
  const [row] = await db
    .update(boardColumns)
    .set(change)
    .where(and(eq(boardColumns.id, columnId), eq(boardColumns.orgId, orgId)))
    .returning();
  return row ?? null;
}

/** The ids of a fiscal year's columns. */
export async function columnIdsOf(db: Db, orgId: string, fiscalYearId: string): Promise<string[]> {
  const cols = await db
    .select({ id: boardColumns.id })
    .from(boardColumns)
    .where(and(eq(boardColumns.fiscalYearId, fiscalYearId), eq(boardColumns.orgId, orgId)));
  return cols.map((col) => col.id);
}

/** Gives each column its place in `columnIds`, in one batch. */
export async function setColumnOrder(db: Db, columnIds: readonly string[]): Promise<void> {
  const [first, ...rest] = columnIds.map((cid, position) => db.update(boardColumns).set({ position }).where(eq(boardColumns.id, cid)));
  await db.batch([first!, ...rest]);
}

/** The office's newest audit entries, with who acted. */
export function recentAuditEntries(db: Db, orgId: string, limit: number) {
  return db
    .select({ id: auditLog.id, action: auditLog.action, detail: auditLog.detail, at: auditLog.at, userId: auditLog.userId, email: users.email })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.userId))
    .where(eq(auditLog.orgId, orgId))
    // Newest first along audit_org_at (org_id, at, then the rowid id): a page, not a sort of the
    // office's whole log.
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit);
}

/**
 * What the integrity check replays, read in one batch (so a change committing meanwhile cannot
 * show as a difference): the year's events in order, the reports' chain anchors, its cards, and
 * their evidence links.
 */
export async function readIntegrityInputs(db: Db, orgId: string, fiscalYearId: string) {
  const [events, anchors, cardRows, evidenceRows] = await db.batch([
    db
      .select()
      .from(cardEvents)
      .where(and(eq(cardEvents.fiscalYearId, fiscalYearId), eq(cardEvents.orgId, orgId)))
      .orderBy(asc(cardEvents.seq)),
    db
      .select({ seq: reports.chainSeq, hash: reports.chainHash, label: reports.periodKey })
      .from(reports)
      .where(and(eq(reports.fiscalYearId, fiscalYearId), eq(reports.orgId, orgId))),
    db.select().from(cards).where(and(eq(cards.fiscalYearId, fiscalYearId), eq(cards.orgId, orgId))),
    db
      .select({
        id: evidenceLinks.id,
        cardId: evidenceLinks.cardId,
        url: evidenceLinks.url,
        note: evidenceLinks.note,
        oitCode: evidenceLinks.oitCode,
        linkPublished: evidenceLinks.linkPublished,
        notePublished: evidenceLinks.notePublished,
        fileId: evidenceLinks.fileId,
      })
      .from(evidenceLinks)
      .innerJoin(cards, eq(cards.id, evidenceLinks.cardId))
      .where(and(eq(cards.fiscalYearId, fiscalYearId), eq(evidenceLinks.orgId, orgId))),
  ]);
  return { events, anchors, cardRows, evidenceRows };
}

/** The number of one of the office's measures, or null. */
export async function measureNumber(db: Db, orgId: string, measureId: string): Promise<number | null> {
  const [m] = await db.select({ number: measures.number }).from(measures).where(and(eq(measures.id, measureId), eq(measures.orgId, orgId)));
  return m?.number ?? null;
}
