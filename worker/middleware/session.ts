// Who is asking: the database client for this request, and the actor from the session cookie.
import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { Context } from 'hono';
import { createDb } from '../db/client';
import { meteredD1, meteredEnv, newMeter } from '../db/metered';
import { loadSession } from '../db/auth';
import { unauthenticated, appError } from '../domain/errors';
import { actorIn, type Actor } from '../domain/policy';
import type { AppEnv } from '../env';

/**
 * `__Host-`: the browser keeps it only when set Secure, from a secure origin, with Path=/ and no
 * Domain, so no other host (a sibling subdomain) can plant or overwrite it. Chromium counts
 * http://127.0.0.1 and http://localhost as secure, so `npm start` works as deployed.
 */
export const SESSION_COOKIE = '__Host-ita_session';
export const sessionCookieOptions = { httpOnly: true, secure: true, sameSite: 'Lax', path: '/' } as const;

/** With a temporary password, a session may only do these until the password is changed. */
const WHILE_PASSWORD_MUST_CHANGE = new Set(['/api/me', '/api/session', '/api/me/password', '/api/auth/sign-out']);

const passwordChangeRequired = () =>
  appError(403, 'password_change_required');

/**
 * Local benchmarks only (DEMO_SEED=1): a request that sends `x-ita-meter: 1` gets back what it
 * cost in D1 (rows read and written, rows returned, round trips, the session lookup included)
 * and the Durable Object calls it made (on stubs from `c.env`'s namespaces, those started in
 * waitUntil included) as JSON in the `x-ita-d1` response header.
 */
export const METER_REQUEST_HEADER = 'x-ita-meter';
export const METER_RESPONSE_HEADER = 'x-ita-d1';

export const withDb = createMiddleware<AppEnv>(async (c, next) => {
  const meter = c.env.DEMO_SEED === '1' && c.req.header(METER_REQUEST_HEADER) === '1' ? newMeter() : null;
  c.set('db', createDb(meter ? meteredD1(c.env.DB, meter) : c.env.DB));
  if (meter) c.env = meteredEnv(c.env, meter);
  c.set('actor', null);
  c.set('me', null);
  c.set('sessionId', null);
  await next();
  // A WebSocket upgrade's headers cannot change; nothing to report there.
  if (meter && c.res.status !== 101) c.res.headers.set(METER_RESPONSE_HEADER, JSON.stringify(meter));
});

export const withSession = createMiddleware<AppEnv>(async (c, next) => {
  const token = getCookie(c, SESSION_COOKIE);
  if (token && token.length <= 100) {
    const session = await loadSession(c.get('db'), token, actorIn);
    if (session) {
      if (session.mustChangePassword && !WHILE_PASSWORD_MUST_CHANGE.has(c.req.path)) throw passwordChangeRequired();
      c.set('actor', session.actor);
      c.set('me', session.me);
      c.set('sessionId', session.sessionId);
    }
  }
  await next();
});

/** The signed-in actor, or a 401. */
export function actorOf(c: Context<AppEnv>): Actor {
  const actor = c.get('actor');
  if (!actor) throw unauthenticated();
  return actor;
}

export function clientIp(c: Context<AppEnv>): string | null {
  return c.req.header('cf-connecting-ip') ?? null;
}
