// Signing in and out. Sign-in attempts are counted before the password is checked (one statement
// per key, db/auth.ts countAttempt) and a success clears them; which keys an attempt counts on is
// decided here (domain/throttle.ts explains the figures).
import { Hono, type Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
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
import { AppError, appError } from '../domain/errors';
import { fiscalYearIds } from '../db/board';
import { disconnectSignedOut } from '../live/notify';
import { DUMMY_HASH, verifyPassword } from '../domain/password';
import { THROTTLE, retryAfterSeconds, throttleKey, waitText } from '../domain/throttle';
import { DEVICE_COOKIE_MAX_AGE_S, deviceCookieName, signDevice, verifyDevice } from '../domain/device-cookie';
import type { AppEnv } from '../env';
import { signInBody } from '../domain/schemas/office';
import { actorIn } from '../domain/policy';

const invalidCredentials = () =>
  appError(401, 'invalid_credentials');

export const accountDisabled = () =>
  appError(403, 'account_disabled');

const temporaryPasswordExpired = () =>
  appError(401, 'temporary_password_expired');

function tooManyAttempts(c: Context<AppEnv>, verdict: AttemptVerdict, now: number): AppError {
  const seconds = retryAfterSeconds(verdict.blockedUntil, now);
  c.header('Retry-After', String(seconds));
  const wait = waitText(seconds);
  return appError(429, 'too_many_attempts.sign_in', (lang) => ({ wait: wait[lang] }), { details: { retryAfterSeconds: seconds } });
}

const DEVICE_KEY = 'device-cookie-v1';

// ---- Cloudflare Turnstile (optional) ----------------------------------------------------------
// With TURNSTILE_SITE_KEY and TURNSTILE_SECRET set, an unknown browser's 4th attempt on a pair and
// later ones need a solved challenge: the sign-in page links to GET /api/auth/challenge, a page of
// its own whose CSP adds Cloudflare's challenge origin (the app's pages keep theirs); the solved
// token comes back in a short-lived cookie on the sign-in path and is checked with siteverify once.
export const TURNSTILE_COOKIE = '__Secure-ita_turnstile';
const SITEVERIFY = 'https://challenges.cloudflare.com/turnstile/v0/siteverify';
const CHALLENGE_ORIGIN = 'https://challenges.cloudflare.com';

function turnstileOf(env: AppEnv['Bindings']) {
  return env.TURNSTILE_SITE_KEY && env.TURNSTILE_SECRET ? { siteKey: env.TURNSTILE_SITE_KEY, secret: env.TURNSTILE_SECRET } : null;
}

/** Asks siteverify whether `token` is a challenge solved for this site (each token counts once). */
async function turnstilePassed(env: AppEnv['Bindings'], secret: string, token: string, ip: string | null): Promise<boolean> {
  const form = new URLSearchParams({ secret, response: token, idempotency_key: crypto.randomUUID() });
  if (ip) form.set('remoteip', ip);
  const request = new Request(env.TURNSTILE_VERIFY_URL ?? SITEVERIFY, { method: 'POST', body: form });
  try {
    const res = env.TURNSTILE_VERIFY ? await env.TURNSTILE_VERIFY.fetch(request) : await fetch(request);
    if (!res.ok) return false;
    const body = (await res.json()) as { success?: unknown };
    return body.success === true;
  } catch (e) {
    console.error('turnstile siteverify failed', e);
    return false;
  }
}

const challengeRequired = (siteKey: string) =>
  appError(401, 'challenge_required', undefined, { details: { siteKey, challengeUrl: '/api/auth/challenge' } });
const challengeFailed = () =>
  appError(401, 'challenge_failed', undefined, { details: { challengeUrl: '/api/auth/challenge' } });

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** The challenge page: Cloudflare's widget; once solved, the token goes into the cookie and back to sign-in. */
function challengePage(siteKey: string, nonce: string): string {
  return `<!doctype html>
<html lang="th">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>ยืนยันว่าไม่ใช่โปรแกรมอัตโนมัติ · Not a bot</title>
<style nonce="${nonce}">body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;line-height:1.6}</style>
<script nonce="${nonce}">
function itaSolved(token) {
  document.cookie = '${TURNSTILE_COOKIE}=' + encodeURIComponent(token) + '; Path=/api/auth; Max-Age=300; Secure; SameSite=Strict';
  location.replace('/');
}
</script>
<script src="${CHALLENGE_ORIGIN}/turnstile/v0/api.js" async defer></script>
</head>
<body>
<main>
<h1>ยืนยันว่าไม่ใช่โปรแกรมอัตโนมัติ</h1>
<p>ลงชื่อเข้าใช้ผิดหลายครั้ง ทำเครื่องหมายด้านล่าง แล้วระบบจะพากลับไปหน้าลงชื่อเข้าใช้<br lang="en">Several failed sign-ins: complete the check below and you will be taken back to sign in.</p>
<div class="cf-turnstile" data-sitekey="${escapeHtml(siteKey)}" data-callback="itaSolved"></div>
</main>
</body>
</html>`;
}

export const authRoutes = new Hono<AppEnv>()
  .get('/challenge', (c) => {
    const turnstile = turnstileOf(c.env);
    if (!turnstile) throw appError(404, 'not_found.page');
    const nonce = crypto.randomUUID().replace(/-/g, '');
    // This page only: Cloudflare's challenge origin for its script and frame, and this nonce.
    c.header(
      'Content-Security-Policy',
      `default-src 'none'; script-src 'nonce-${nonce}' ${CHALLENGE_ORIGIN}; frame-src ${CHALLENGE_ORIGIN}; connect-src ${CHALLENGE_ORIGIN}; style-src 'nonce-${nonce}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
    );
    return c.html(challengePage(turnstile.siteKey, nonce));
  })
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
    let attemptOnPair = 0;
    for (const [key, limit] of plan) {
      const verdict = await countAttempt(db, key, limit, attemptId, now);
      if (!verdict.admitted) {
        await audit(db, { orgId: null, userId: null, action: 'sign_in.throttled', detail: { email, key: key.split(':')[0], knownDevice: deviceId !== null }, ip });
        throw tooManyAttempts(c, verdict, now);
      }
      if (key.startsWith('pair:')) attemptOnPair = verdict.failures;
      counted.push(key);
    }

    // Turnstile (when configured): from the pair's 4th attempt on, an unknown browser brings a
    // solved challenge, checked before the password (the attempt stays counted either way).
    const turnstile = turnstileOf(c.env);
    if (turnstile && !deviceId && attemptOnPair >= THROTTLE.challengeFrom) {
      const token = getCookie(c, TURNSTILE_COOKIE);
      deleteCookie(c, TURNSTILE_COOKIE, { path: '/api/auth', secure: true });
      if (!token) throw challengeRequired(turnstile.siteKey);
      if (token.length > 2048 || !(await turnstilePassed(c.env, turnstile.secret, token, ip))) {
        await audit(db, { orgId: null, userId: null, action: 'sign_in.challenge_failed', detail: { email }, ip });
        throw challengeFailed();
      }
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
    const session = await loadSession(db, token, actorIn);
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

/** This sub-app's routes as a type, for the web app's typed client (hc, web/src/api.ts). */
export type AuthApi = typeof authRoutes;
