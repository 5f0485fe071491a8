// The account life cycle's reads and writes: an office's members with their state, a member's
// sessions, and the statements that disable, re-enable, remove and reset (routes/accounts.ts and
// routes/me.ts compose them into one batch with their audit entry).
import { and, asc, desc, eq, gt, isNull, ne, count } from 'drizzle-orm';
import type { Db } from './client';
import { memberships, organisations, sessions, users } from './schema';

export type MemberState = 'active' | 'disabled' | 'removed';

export interface MemberRow {
  id: string;
  email: string;
  displayName: string;
  role: (typeof memberships.$inferSelect)['role'];
  groupId: string | null;
  state: MemberState;
  /** Set while a temporary password waits to be changed (ms). */
  temporaryPasswordUntil: number | null;
  /** How many other offices the account belongs to (a temporary password is refused then). */
  otherOffices: number;
}

const stateOf = (m: { disabledAt: number | null; removedAt: number | null }): MemberState =>
  m.removedAt !== null ? 'removed' : m.disabledAt !== null ? 'disabled' : 'active';

function toMemberRow(user: typeof users.$inferSelect, membership: typeof memberships.$inferSelect, otherOffices: number): MemberRow {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: membership.role,
    groupId: membership.groupId,
    state: stateOf(membership),
    temporaryPasswordUntil: user.passwordExpiresAt,
    otherOffices,
  };
}

export async function listMembers(db: Db, orgId: string): Promise<MemberRow[]> {
  // Two reads side by side, not one batch: in a batch the joined rows came back mapped wrongly here
  // (a disabled member read as removed).
  const [rows, others] = await Promise.all([
    db
      .select({ user: users, membership: memberships })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(eq(memberships.orgId, orgId))
      .orderBy(asc(users.email)),
    db
      .select({ userId: memberships.userId, n: count() })
      .from(memberships)
      .where(and(ne(memberships.orgId, orgId), isNull(memberships.removedAt)))
      .groupBy(memberships.userId),
  ]);
  const otherCount = new Map(others.map((o) => [o.userId, o.n]));
  return rows.map(({ user, membership }) => toMemberRow(user, membership, otherCount.get(user.id) ?? 0));
}

export async function findMember(db: Db, orgId: string, userId: string): Promise<MemberRow | null> {
  const [row] = await db
    .select({ user: users, membership: memberships })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
  if (!row) return null;
  const [other] = await db
    .select({ n: count() })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), ne(memberships.orgId, orgId), isNull(memberships.removedAt)));
  return toMemberRow(row.user, row.membership, other?.n ?? 0);
}

const membershipOf = (orgId: string, userId: string) => and(eq(memberships.orgId, orgId), eq(memberships.userId, userId));

export function setDisabled(db: Db, orgId: string, userId: string, disabledAt: number | null) {
  return db.update(memberships).set({ disabledAt }).where(membershipOf(orgId, userId));
}

export function setRemoved(db: Db, orgId: string, userId: string, removedAt: number) {
  return db.update(memberships).set({ removedAt }).where(membershipOf(orgId, userId));
}

export function setPassword(db: Db, userId: string, passwordHash: string, expiresAt: number | null) {
  return db.update(users).set({ passwordHash, passwordExpiresAt: expiresAt }).where(eq(users.id, userId));
}

/** The office's names, which a password may not contain. */
export async function officeNames(db: Db, orgId: string): Promise<string[]> {
  const [org] = await db.select({ nameTh: organisations.nameTh, nameEn: organisations.nameEn, slug: organisations.slug }).from(organisations).where(eq(organisations.id, orgId));
  return org ? [org.nameTh, org.nameEn, org.slug].filter(Boolean) : [];
}

export async function passwordHashOf(db: Db, userId: string): Promise<string | null> {
  const [row] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, userId));
  return row?.hash ?? null;
}

export interface SessionRow {
  id: string;
  createdAt: number;
  expiresAt: number;
  userAgent: string;
  ip: string | null;
}

/** A user's live sessions in one office, newest first. */
export async function liveSessions(db: Db, userId: string, orgId: string, now = Date.now()): Promise<SessionRow[]> {
  return db
    .select({ id: sessions.id, createdAt: sessions.createdAt, expiresAt: sessions.expiresAt, userAgent: sessions.userAgent, ip: sessions.ip })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), eq(sessions.orgId, orgId), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)))
    .orderBy(desc(sessions.createdAt));
}

/** Ends one of the user's own sessions; nothing when the id is not theirs. */
export function revokeOwnSession(db: Db, userId: string, sessionId: string, now = Date.now()) {
  return db
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
}

/** Ends the user's other sessions (after a password change), keeping `keep`. */
export function revokeOtherSessions(db: Db, userId: string, keep: string | null, now = Date.now()) {
  const base = and(eq(sessions.userId, userId), isNull(sessions.revokedAt));
  return db
    .update(sessions)
    .set({ revokedAt: now })
    .where(keep ? and(base, ne(sessions.id, keep)) : base)
    .returning({ id: sessions.id, orgId: sessions.orgId });
}
