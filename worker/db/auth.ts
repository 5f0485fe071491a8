// Accounts, sessions, sign-in throttling and the security audit trail.
import { and, asc, eq, isNull, gt, sql } from 'drizzle-orm';
import type { Db } from './client';
import { auditLog, memberships, organisations, sessions, signInThrottle, users } from './schema';
import { randomToken, sha256Hex } from '../domain/crypto';
import type { Me } from '../domain/contracts';
import type { Actor } from '../domain/policy';

export const SESSION_TTL_MS = 7 * 24 * 3600_000;
export const THROTTLE_WINDOW_MS = 15 * 60_000;
export const THROTTLE_LIMITS = { email: 5, ip: 20 } as const;

export async function findAccount(db: Db, email: string) {
  const [row] = await db
    .select({ user: users, membership: memberships })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .where(eq(users.email, email.trim().toLowerCase()))
    .orderBy(asc(memberships.createdAt))
    .limit(1);
  return row ?? null;
}

/** Creates a session and returns the cookie token (only its hash is stored). */
export async function createSession(db: Db, userId: string, orgId: string, now = Date.now()): Promise<string> {
  const token = randomToken();
  await db.insert(sessions).values({ id: await sha256Hex(token), userId, orgId, createdAt: now, expiresAt: now + SESSION_TTL_MS });
  return token;
}

type SessionInfo = { sessionId: string | null; actor: Actor; me: Me };

function toSessionInfo(
  sessionId: string | null,
  { user, membership, org }: { user: typeof users.$inferSelect; membership: typeof memberships.$inferSelect; org: typeof organisations.$inferSelect },
): SessionInfo {
  return {
    sessionId,
    actor: { userId: user.id, orgId: org.id, role: membership.role, groupId: membership.groupId },
    me: {
      user: { id: user.id, email: user.email, displayName: user.displayName },
      org: { id: org.id, slug: org.slug, nameTh: org.nameTh, nameEn: org.nameEn },
      role: membership.role,
      groupId: membership.groupId,
    },
  };
}

export async function loadSession(db: Db, token: string, now = Date.now()): Promise<SessionInfo | null> {
  const sessionId = await sha256Hex(token);
  const [row] = await db
    .select({ session: sessions, user: users, membership: memberships, org: organisations })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(memberships, and(eq(memberships.userId, sessions.userId), eq(memberships.orgId, sessions.orgId)))
    .innerJoin(organisations, eq(organisations.id, sessions.orgId))
    .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)))
    .limit(1);
  return row ? toSessionInfo(sessionId, row) : null;
}

/** The account an identity provider vouched for (Cloudflare Access), without a session row. */
export async function loadByEmail(db: Db, email: string): Promise<SessionInfo | null> {
  const [row] = await db
    .select({ user: users, membership: memberships, org: organisations })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .innerJoin(organisations, eq(organisations.id, memberships.orgId))
    .where(eq(users.email, email.trim().toLowerCase()))
    .orderBy(asc(memberships.createdAt))
    .limit(1);
  return row ? toSessionInfo(null, row) : null;
}

export function revokeSession(db: Db, sessionId: string, now = Date.now()) {
  return db.update(sessions).set({ revokedAt: now }).where(eq(sessions.id, sessionId));
}

export function revokeAllSessions(db: Db, userId: string, now = Date.now()) {
  return db.update(sessions).set({ revokedAt: now }).where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
}

/** Minutes until `key` may try again, or 0 when it is not throttled. */
export async function throttledFor(db: Db, key: string, limit: number, now = Date.now()): Promise<number> {
  const [row] = await db.select().from(signInThrottle).where(eq(signInThrottle.key, key));
  if (!row || now - row.windowStart > THROTTLE_WINDOW_MS || row.failures < limit) return 0;
  return Math.ceil((row.windowStart + THROTTLE_WINDOW_MS - now) / 60_000);
}

export function recordFailure(db: Db, key: string, now = Date.now()) {
  // One statement: a fresh window when the old one has passed, else one more failure.
  return db
    .insert(signInThrottle)
    .values({ key, failures: 1, windowStart: now })
    .onConflictDoUpdate({
      target: signInThrottle.key,
      set: {
        failures: sql`case when ${now} - ${signInThrottle.windowStart} > ${THROTTLE_WINDOW_MS} then 1 else ${signInThrottle.failures} + 1 end`,
        windowStart: sql`case when ${now} - ${signInThrottle.windowStart} > ${THROTTLE_WINDOW_MS} then ${now} else ${signInThrottle.windowStart} end`,
      },
    });
}

export function clearFailures(db: Db, key: string) {
  return db.delete(signInThrottle).where(eq(signInThrottle.key, key));
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
