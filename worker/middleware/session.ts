// Who is asking: the database client for this request, and the actor from the session cookie.
import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { Context } from 'hono';
import { createDb } from '../db/client';
import { loadSession } from '../db/auth';
import { unauthenticated } from '../domain/errors';
import type { Actor } from '../domain/policy';
import type { AppEnv } from '../env';

export const SESSION_COOKIE = 'ita_session';

export const withDb = createMiddleware<AppEnv>(async (c, next) => {
  c.set('db', createDb(c.env.DB));
  c.set('actor', null);
  c.set('me', null);
  c.set('sessionId', null);
  await next();
});

export const withSession = createMiddleware<AppEnv>(async (c, next) => {
  const token = getCookie(c, SESSION_COOKIE);
  if (token && token.length <= 100) {
    const session = await loadSession(c.get('db'), token);
    if (session) {
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
