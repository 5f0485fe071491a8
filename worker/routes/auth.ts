import { Hono } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import { valid } from '../middleware/validate';
import { SESSION_COOKIE, actorOf, clientIp } from '../middleware/session';
import {
  SESSION_TTL_MS,
  THROTTLE_LIMITS,
  audit,
  clearFailures,
  createSession,
  findAccount,
  loadSession,
  recordFailure,
  revokeAllSessions,
  revokeSession,
  throttledFor,
} from '../db/auth';
import { AppError } from '../domain/errors';
import { fiscalYearIds } from '../db/board';
import { disconnectSignedOut } from '../live/notify';
import { DUMMY_HASH, verifyPassword } from '../domain/password';
import type { AppEnv } from '../env';

const signInBody = z.strictObject({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(1024),
});

const invalidCredentials = () =>
  new AppError(401, 'invalid_credentials', 'อีเมลหรือรหัสผ่านไม่ถูกต้อง', 'Wrong email or password');

export const authRoutes = new Hono<AppEnv>()
  .post('/sign-in', valid('json', signInBody), async (c) => {
    const db = c.get('db');
    const { email, password } = c.req.valid('json');
    const ip = clientIp(c);
    const keys = [{ key: `email:${email}`, limit: THROTTLE_LIMITS.email }, ...(ip ? [{ key: `ip:${ip}`, limit: THROTTLE_LIMITS.ip }] : [])];
    for (const { key, limit } of keys) {
      const minutes = await throttledFor(db, key, limit);
      if (minutes > 0) {
        await audit(db, { orgId: null, userId: null, action: 'sign_in.throttled', detail: { email }, ip });
        throw new AppError(
          429,
          'too_many_attempts',
          `ลงชื่อเข้าใช้ผิดหลายครั้งเกินไป กรุณาลองใหม่ในอีก ${minutes} นาที`,
          `Too many failed sign-ins; try again in ${minutes} minute${minutes === 1 ? '' : 's'}`,
          { retryAfterMinutes: minutes },
        );
      }
    }
    const account = await findAccount(db, email);
    // Verify against a dummy hash when the account does not exist: the same work either way.
    const ok = await verifyPassword(password, account?.user.passwordHash ?? DUMMY_HASH);
    if (!account || !ok || !account.user.passwordHash) {
      await db.batch([
        audit(db, { orgId: account?.membership.orgId ?? null, userId: account?.user.id ?? null, action: 'sign_in.failed', detail: { email }, ip }),
        ...keys.map(({ key }) => recordFailure(db, key)),
      ]);
      throw invalidCredentials();
    }
    const token = await createSession(db, account.user.id, account.membership.orgId);
    await db.batch([
      clearFailures(db, `email:${email}`),
      audit(db, { orgId: account.membership.orgId, userId: account.user.id, action: 'sign_in.succeeded', ip }),
    ]);
    setCookie(c, SESSION_COOKIE, token, {
      httpOnly: true,
      secure: true,
      sameSite: 'Lax',
      path: '/',
      maxAge: SESSION_TTL_MS / 1000,
    });
    const session = await loadSession(db, token);
    return c.json(session!.me);
  })
  .post('/sign-out', async (c) => {
    const sessionId = c.get('sessionId');
    const actor = c.get('actor');
    if (sessionId) {
      const db = c.get('db');
      await revokeSession(db, sessionId);
      if (actor) disconnectSignedOut(c.env, c.executionCtx, actor.orgId, await fiscalYearIds(db, actor.orgId), { sessionId });
    }
    deleteCookie(c, SESSION_COOKIE, { path: '/', secure: true });
    return c.body(null, 204);
  })
  .post('/sign-out-everywhere', async (c) => {
    const actor = actorOf(c);
    const db = c.get('db');
    await db.batch([
      revokeAllSessions(db, actor.userId),
      audit(db, { orgId: actor.orgId, userId: actor.userId, action: 'sign_out.everywhere', ip: clientIp(c) }),
    ]);
    disconnectSignedOut(c.env, c.executionCtx, actor.orgId, await fiscalYearIds(db, actor.orgId), { userId: actor.userId });
    deleteCookie(c, SESSION_COOKIE, { path: '/', secure: true });
    return c.body(null, 204);
  });
