// Signing in and out. Sign-in attempts are counted before the password is checked (one statement
// per key, db/auth.ts countAttempt) and a success clears them; which keys an attempt counts on is
// decided here (domain/throttle.ts explains the figures).
import { Hono, type Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import { valid } from '../middleware/validate';
import { SESSION_COOKIE, actorOf, clientIp, sessionCookieOptions } from '../middleware/session';
import {
  SESSION_TTL_MS,
  audit,
  clearAttempts,
  countAttempt,
  createSession,
  findAccount,
  forgetStaleAttempts,
  loadSession,
  revokeAllSessions,
  revokeSession,
  serverSecret,
  type AttemptVerdict,
} from '../db/auth';
import { AppError } from '../domain/errors';
import { fiscalYearIds } from '../db/board';
import { disconnectSignedOut } from '../live/notify';
import { DUMMY_HASH, verifyPassword } from '../domain/password';
import { THROTTLE, retryAfterSeconds, throttleKey, waitText } from '../domain/throttle';
import { DEVICE_COOKIE_MAX_AGE_S, deviceCookieName, signDevice, verifyDevice } from '../domain/device-cookie';
import type { AppEnv } from '../env';

const signInBody = z.strictObject({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(1024),
});

const invalidCredentials = () =>
  new AppError(401, 'invalid_credentials', 'อีเมลหรือรหัสผ่านไม่ถูกต้อง', 'Wrong email or password');

export const accountDisabled = () =>
  new AppError(403, 'account_disabled', 'บัญชีนี้ถูกระงับการใช้งาน กรุณาติดต่อผู้ดูแลระบบของสำนักงาน', "This account is disabled; ask your office's administrator");

const temporaryPasswordExpired = () =>
  new AppError(
    401,
    'temporary_password_expired',
    'รหัสผ่านชั่วคราวหมดอายุแล้ว (ใช้ได้ 72 ชั่วโมง) กรุณาขอรหัสใหม่จากผู้ดูแลระบบ',
    'The temporary password has expired (it lasts 72 hours); ask your administrator for a new one',
  );

function tooManyAttempts(c: Context<AppEnv>, verdict: AttemptVerdict, now: number): AppError {
  const seconds = retryAfterSeconds(verdict.blockedUntil, now);
  c.header('Retry-After', String(seconds));
  const wait = waitText(seconds);
  return new AppError(
    429,
    'too_many_attempts',
    `ลงชื่อเข้าใช้ผิดหลายครั้งเกินไป กรุณาลองใหม่ในอีก ${wait.th}`,
    `Too many failed sign-ins; try again in ${wait.en}`,
    { retryAfterSeconds: seconds },
  );
}

const DEVICE_KEY = 'device-cookie-v1';

export const authRoutes = new Hono<AppEnv>()
  .post('/sign-in', valid('json', signInBody), async (c) => {
    const db = c.get('db');
    const { email, password } = c.req.valid('json');
    const ip = clientIp(c);
    const now = Date.now();
    const attemptId = crypto.randomUUID();
    const secret = await serverSecret(db, DEVICE_KEY);
    const cookieName = await deviceCookieName(email);
    const deviceId = await verifyDevice(secret, email, getCookie(c, cookieName));

    // Count this attempt before anything is checked. A known browser counts on its own key only;
    // an unknown one on the (account, address) pair, then on the account.
    const counted: string[] = [];
    const plan: [string, number][] = deviceId
      ? [[throttleKey('device', { email, deviceId }), THROTTLE.deviceLimit]]
      : [
          [throttleKey('pair', { email, ip }), THROTTLE.pairLimit],
          [throttleKey('account', { email }), THROTTLE.accountLimit],
        ];
    for (const [key, limit] of plan) {
      const verdict = await countAttempt(db, key, limit, attemptId, now);
      if (!verdict.admitted) {
        await audit(db, { orgId: null, userId: null, action: 'sign_in.throttled', detail: { email, key: key.split(':')[0], knownDevice: deviceId !== null }, ip });
        throw tooManyAttempts(c, verdict, now);
      }
      counted.push(key);
    }

    const account = await findAccount(db, email);
    // Verify against a dummy hash when the account does not exist: the same work either way.
    const ok = await verifyPassword(password, account?.user.passwordHash ?? DUMMY_HASH);
    if (!account || !ok || !account.user.passwordHash) {
      await audit(db, { orgId: account?.membership.orgId ?? null, userId: account?.user.id ?? null, action: 'sign_in.failed', detail: { email, knownDevice: deviceId !== null }, ip });
      throw invalidCredentials();
    }
    const { user, membership } = account;
    if (membership.disabledAt !== null) {
      await audit(db, { orgId: membership.orgId, userId: user.id, action: 'sign_in.refused_disabled', ip });
      throw accountDisabled();
    }
    if (user.passwordExpiresAt !== null && user.passwordExpiresAt <= now) {
      await audit(db, { orgId: membership.orgId, userId: user.id, action: 'sign_in.refused_temporary_expired', ip });
      throw temporaryPasswordExpired();
    }

    const token = await createSession(db, user.id, membership.orgId, now, { userAgent: c.req.header('user-agent'), ip });
    // A success clears what it was counted on, and the pair of this address even from a known browser.
    const toClear = new Set([...counted, throttleKey('pair', { email, ip })]);
    await db.batch([
      audit(db, { orgId: membership.orgId, userId: user.id, action: 'sign_in.succeeded', detail: { knownDevice: deviceId !== null }, ip }),
      ...[...toClear].map((key) => clearAttempts(db, key)),
      forgetStaleAttempts(db, now),
    ]);
    setCookie(c, SESSION_COOKIE, token, { ...sessionCookieOptions, maxAge: SESSION_TTL_MS / 1000 });
    // The device cookie: kept (and refreshed) across sign-outs, one per account.
    const device = await signDevice(secret, email, deviceId ?? undefined);
    setCookie(c, cookieName, device.value, { ...sessionCookieOptions, maxAge: DEVICE_COOKIE_MAX_AGE_S });
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
    deleteCookie(c, SESSION_COOKIE, sessionCookieOptions);
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
    deleteCookie(c, SESSION_COOKIE, sessionCookieOptions);
    return c.body(null, 204);
  });
