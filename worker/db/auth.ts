// Accounts, sessions, sign-in throttling and the security audit trail.
import { and, asc, eq, isNull, gt, lt, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from './client';
import { auditLog, memberships, organisations, serverKeys, sessions, signInThrottle, users } from './schema';
import { randomToken, sha256Hex } from '../domain/crypto';
import { THROTTLE } from '../domain/throttle';
import type { Me } from '../domain/contracts';
import type { Actor, ActorResolver } from '../domain/access';

export const SESSION_TTL_MS = 7 * 24 * 3600_000;

type UserRow = typeof users.$inferSelect;
type MembershipRow = typeof memberships.$inferSelect;

/**
 * The account behind an email and the membership it signs in to: the oldest membership that is
 * neither removed nor disabled; failing that, the oldest disabled one (so sign-in can say the
 * account is disabled). Null when there is no such user or every membership was removed.
 */
export async function findAccount(db: Db, email: string): Promise<{ user: UserRow; membership: MembershipRow } | null> {
  const rows = await db
    .select({ user: users, membership: memberships })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .where(and(eq(users.email, email.trim().toLowerCase()), isNull(memberships.removedAt)))
    .orderBy(asc(memberships.createdAt));
  return rows.find((r) => r.membership.disabledAt === null) ?? rows[0] ?? null;
}

/** Creates a session and returns the cookie token (only its hash is stored). */
export async function createSession(
  db: Db,
  userId: string,
  orgId: string,
  now = Date.now(),
  seen: { userAgent?: string; ip?: string | null } = {},
): Promise<string> {
  const token = randomToken();
  await db.insert(sessions).values({
    id: await sha256Hex(token),
    userId,
    orgId,
    createdAt: now,
    expiresAt: now + SESSION_TTL_MS,
    userAgent: (seen.userAgent ?? '').slice(0, 300),
    ip: seen.ip ?? null,
  });
  return token;
}

export type SessionInfo = { sessionId: string | null; actor: Actor; me: Me; mustChangePassword: boolean };

/** What a request needs of the signed-in person (read on every request: only these columns). */
const whoColumns = {
  user: { id: users.id, email: users.email, displayName: users.displayName, passwordExpiresAt: users.passwordExpiresAt },
  membership: { role: memberships.role, groupId: memberships.groupId },
  org: { id: organisations.id, slug: organisations.slug, nameTh: organisations.nameTh, nameEn: organisations.nameEn, kind: organisations.kind },
};

type Who = {
  user: Pick<UserRow, 'id' | 'email' | 'displayName' | 'passwordExpiresAt'>;
  membership: Pick<MembershipRow, 'role' | 'groupId'>;
  org: Pick<typeof organisations.$inferSelect, 'id' | 'slug' | 'nameTh' | 'nameEn' | 'kind'>;
};

function toSessionInfo(sessionId: string | null, { user, org }: Omit<Who, 'membership'>, actor: Actor): SessionInfo {
  const mustChangePassword = user.passwordExpiresAt !== null;
  return {
    sessionId,
    mustChangePassword,
    actor,
    me: {
      user: { id: user.id, email: user.email, displayName: user.displayName },
      org: { id: org.id, slug: org.slug, nameTh: org.nameTh, nameEn: org.nameEn, kind: org.kind },
      role: actor.role,
      groupId: actor.groupId,
      ...(actor.via ? { via: actor.via } : {}),
      ...(mustChangePassword ? { mustChangePassword: true } : {}),
    },
  };
}

const parentOrg = alias(organisations, 'parent_org');
const grandparentOrg = alias(organisations, 'grandparent_org');

const membershipColumns = {
  org: whoColumns.org,
  membership: { orgId: memberships.orgId, role: memberships.role, groupId: memberships.groupId },
  depth: sql<number>`case ${memberships.orgId} when ${organisations.id} then 0 when ${organisations.parentId} then 1 when ${parentOrg.parentId} then 2 else 3 end`,
};

/** Active memberships of `userId` in the organisation joined as `organisations` or in its ancestors (up to MAX_TREE_DEPTH). */
const inOrgOrAbove = (userId: string | typeof sessions.userId) =>
  and(
    eq(memberships.userId, userId),
    sql`${memberships.orgId} in (${organisations.id}, ${organisations.parentId}, ${parentOrg.parentId}, ${grandparentOrg.parentId})`,
    isNull(memberships.disabledAt),
    isNull(memberships.removedAt),
  );

type MembershipRows = { org: Who['org']; membership: { orgId: string } & Who['membership']; depth: number }[];
const factsOf = (rows: MembershipRows) => rows.map((r) => ({ ...r.membership, depth: Number(r.depth) }));

/**
 * The user's memberships that bear on the organisation `orgId` (theirs there, and their parent
 * bodies' above it, each with its depth: 0 the organisation itself) as facts for policy.actorIn,
 * and the organisation; null when it does not exist or nothing bears on it.
 */
export async function membershipFacts(db: Db, userId: string, orgId: string) {
  const rows = await db
    .select(membershipColumns)
    .from(organisations)
    .leftJoin(parentOrg, eq(parentOrg.id, organisations.parentId))
    .leftJoin(grandparentOrg, eq(grandparentOrg.id, parentOrg.parentId))
    .innerJoin(memberships, inOrgOrAbove(userId))
    .where(eq(organisations.id, orgId));
  return { org: rows[0]?.org ?? null, facts: factsOf(rows) };
}

/**
 * A live session (not revoked, not expired) of an active member of its organisation, or of an
 * active administrator or oversight user of one of its parent bodies: `resolve` (policy.actorIn)
 * decides who they are there from their memberships. One statement (a row per membership that bears).
 */
export async function loadSession(db: Db, token: string, resolve: ActorResolver, now = Date.now()): Promise<SessionInfo | null> {
  const sessionId = await sha256Hex(token);
  const rows = await db
    .select({ user: whoColumns.user, ...membershipColumns })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(organisations, eq(organisations.id, sessions.orgId))
    .leftJoin(parentOrg, eq(parentOrg.id, organisations.parentId))
    .leftJoin(grandparentOrg, eq(grandparentOrg.id, parentOrg.parentId))
    .innerJoin(memberships, inOrgOrAbove(sessions.userId))
    .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)));
  const first = rows[0];
  if (!first) return null;
  const actor = resolve(first.user.id, first.org.id, factsOf(rows));
  return actor ? toSessionInfo(sessionId, first, actor) : null;
}

/** The account an identity provider vouched for (Cloudflare Access), without a session row. */
export async function loadByEmail(db: Db, email: string): Promise<SessionInfo | null> {
  const [row] = await db
    .select(whoColumns)
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .innerJoin(organisations, eq(organisations.id, memberships.orgId))
    .where(and(eq(users.email, email.trim().toLowerCase()), isNull(memberships.disabledAt), isNull(memberships.removedAt)))
    .orderBy(asc(memberships.createdAt))
    .limit(1);
  return row ? toSessionInfo(null, row, { userId: row.user.id, orgId: row.org.id, role: row.membership.role, groupId: row.membership.groupId, via: null }) : null;
}

export function revokeSession(db: Db, sessionId: string, now = Date.now()) {
  return db.update(sessions).set({ revokedAt: now }).where(eq(sessions.id, sessionId));
}

export function revokeAllSessions(db: Db, userId: string, now = Date.now()) {
  return db.update(sessions).set({ revokedAt: now }).where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
}

/** Ends every session of a user in one office (disabling or removing a member there). */
export function revokeOfficeSessions(db: Db, userId: string, orgId: string, now = Date.now()) {
  return db.update(sessions).set({ revokedAt: now }).where(and(eq(sessions.userId, userId), eq(sessions.orgId, orgId), isNull(sessions.revokedAt)));
}

export interface AttemptVerdict {
  /** True when this attempt may have its password checked. */
  admitted: boolean;
  failures: number;
  /** When the key's wait ends (ms); 0 when there is none. */
  blockedUntil: number;
}

/**
 * Counts one attempt on `key` and reads the verdict, in ONE statement (insert … on conflict do
 * update … returning): an attempt that arrives while the key waits changes nothing and is refused;
 * otherwise the count goes up by one, and from the `limit`-th attempt on the wait starts (30 s,
 * doubling to 15 min) before the password is even checked. SQLite evaluates every SET expression
 * against the old row, and D1 runs statements one at a time, so parallel attempts line up.
 * `attemptId` is unique per request: the row remembers the last attempt let through, which tells
 * this one whether it was.
 */
export async function countAttempt(db: Db, key: string, limit: number, attemptId: string, now = Date.now()): Promise<AttemptVerdict> {
  const t = signInThrottle;
  const stale = sql`(${now} - ${t.windowStart} > ${THROTTLE.forgetAfterMs})`;
  const waiting = sql`(not ${stale} and ${now} < ${t.blockedUntil})`;
  // The wait after the n-th failure on a key allowing `limit`: 30 s × 2^(n − limit), at most 15 min.
  const waitFor = (n: ReturnType<typeof sql>) =>
    sql`(case when ${n} >= ${limit} then ${now} + min(${THROTTLE.maxWaitMs}, ${THROTTLE.firstWaitMs} << min(${n} - ${limit}, 10)) else 0 end)`;
  const firstWait = limit <= 1 ? now + THROTTLE.firstWaitMs : 0;
  const [row] = await db
    .insert(t)
    .values({ key, failures: 1, windowStart: now, blockedUntil: firstWait, lastAttempt: attemptId })
    .onConflictDoUpdate({
      target: t.key,
      set: {
        failures: sql`case when ${stale} then 1 when ${waiting} then ${t.failures} else ${t.failures} + 1 end`,
        blockedUntil: sql`case when ${stale} then ${firstWait} when ${waiting} then ${t.blockedUntil} else ${waitFor(sql`(${t.failures} + 1)`)} end`,
        windowStart: sql`case when ${waiting} then ${t.windowStart} else ${now} end`,
        lastAttempt: sql`case when ${waiting} then ${t.lastAttempt} else ${attemptId} end`,
      },
    })
    .returning({ failures: t.failures, blockedUntil: t.blockedUntil, lastAttempt: t.lastAttempt });
  return { admitted: row!.lastAttempt === attemptId, failures: row!.failures, blockedUntil: row!.blockedUntil };
}

export function clearAttempts(db: Db, key: string) {
  return db.delete(signInThrottle).where(eq(signInThrottle.key, key));
}

/**
 * Deletes the counters forgotten by now (24 h after their last attempt), through the index on the
 * time: guesses at made-up emails leave rows behind, and nothing else would remove them.
 */
export function forgetStaleAttempts(db: Db, now = Date.now()) {
  return db.delete(signInThrottle).where(lt(signInThrottle.windowStart, now - THROTTLE.forgetAfterMs));
}

/** Secrets already read by this isolate: a stored secret never changes, so one read each suffices. */
const knownSecrets = new Map<string, string>();

/**
 * A secret the server makes for itself on first use and keeps in D1 (e.g. the device cookie's HMAC
 * key). Read once per isolate, not on every sign-in (it was two queries each time).
 */
export async function serverSecret(db: Db, name: string): Promise<string> {
  const known = knownSecrets.get(name);
  if (known) return known;
  await db.insert(serverKeys).values({ name, secret: randomToken(32) }).onConflictDoNothing();
  const [row] = await db.select({ secret: serverKeys.secret }).from(serverKeys).where(eq(serverKeys.name, name));
  knownSecrets.set(name, row!.secret);
  return row!.secret;
}

export function audit(
  db: Db,
  entry: { orgId: string | null; userId: string | null; action: string; detail?: Record<string, unknown>; ip?: string | null },
) {
  return db.insert(auditLog).values({
    orgId: entry.orgId,
    userId: entry.userId,
    action: entry.action,
    detail: entry.detail ?? {},
    ip: entry.ip ?? null,
    at: Date.now(),
  });
}
