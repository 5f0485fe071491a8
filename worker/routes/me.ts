// The signed-in person's own account: who they are, changing their password (a temporary one
// included), and seeing and ending their own sessions.
import { Hono } from 'hono';
import { unauthenticated, appError, problemError } from '../domain/errors';
import { valid } from '../middleware/validate';
import { actorOf, clientIp } from '../middleware/session';
import { audit, countAttempt, clearAttempts } from '../db/auth';
import { liveSessions, officeNames, passwordHashOf, revokeOtherSessions, revokeOwnSession, setPassword } from '../db/accounts';
import { fiscalYearIds } from '../db/board';
import { disconnectSignedOut } from '../live/notify';
import { hashPassword, verifyPassword } from '../domain/password';
import { passwordProblem } from '../domain/password-policy';
import { passwordBody, sessionParam } from '../domain/schemas/office';
import { THROTTLE, retryAfterSeconds, waitText } from '../domain/throttle';
import type { AppEnv } from '../env';

export const meRoutes = new Hono<AppEnv>()
  .get('/me', (c) => {
    const me = c.get('me');
    if (!me) throw unauthenticated();
    return c.json(me);
  })
  // Who is signed in, for the app's start: 200 with `me` null when nobody is (no failed request
  // in the console for a signed-out visitor; web/src/state/session.ts).
  // `demo`: the demo accounts can be listed (npm start only), so a production sign-in page never
  // asks for them and gets a 404 in its console.
  .get('/session', (c) => c.json({ me: c.get('me'), demo: c.env.DEMO_SEED === '1' }))
  .put('/me/password', valid('json', passwordBody), async (c) => {
    const actor = actorOf(c);
    const me = c.get('me')!;
    const db = c.get('db');
    const { currentPassword, newPassword } = c.req.valid('json');
    const now = Date.now();
    // The current password is guessed no more freely here than at sign-in.
    const key = `change:${actor.userId}`;
    const verdict = await countAttempt(db, key, THROTTLE.pairLimit, crypto.randomUUID(), now);
    if (!verdict.admitted) {
      const seconds = retryAfterSeconds(verdict.blockedUntil, now);
      c.header('Retry-After', String(seconds));
      const wait = waitText(seconds);
      throw appError(429, 'too_many_attempts.password', (lang) => ({ wait: wait[lang] }));
    }
    const hash = await passwordHashOf(db, actor.userId);
    if (!hash || !(await verifyPassword(currentPassword, hash))) {
      await audit(db, { orgId: actor.orgId, userId: actor.userId, action: 'password.change_failed', ip: clientIp(c) });
      throw appError(422, 'wrong_current_password');
    }
    await clearAttempts(db, key);
    if (newPassword === currentPassword)
      throw appError(422, 'password_unchanged');
    const problem = passwordProblem(newPassword, { email: me.user.email, officeNames: await officeNames(db, actor.orgId) });
    if (problem) throw problemError(problem);
    const sessionId = c.get('sessionId');
    const [, ended] = await db.batch([
      setPassword(db, actor.userId, await hashPassword(newPassword), null),
      // The other sessions end: whoever knew the old password is signed out.
      revokeOtherSessions(db, actor.userId, sessionId, now),
      audit(db, { orgId: actor.orgId, userId: actor.userId, action: 'password.changed', detail: { wasTemporary: me.mustChangePassword === true }, ip: clientIp(c) }),
    ]);
    // Their live sockets close too (in every office: the password is the account's), not only their cookies.
    for (const orgId of new Set(ended.map((s) => s.orgId))) {
      const years = await fiscalYearIds(db, orgId);
      for (const s of ended) if (s.orgId === orgId) disconnectSignedOut(c.env, c.executionCtx, orgId, years, { sessionId: s.id });
    }
    const { mustChangePassword: _done, ...rest } = me;
    return c.json(rest);
  })
  .get('/me/sessions', async (c) => {
    const actor = actorOf(c);
    const current = c.get('sessionId');
    const rows = await liveSessions(c.get('db'), actor.userId, actor.orgId);
    return c.json({ sessions: rows.map((s) => ({ ...s, current: s.id === current })) });
  })
  .delete('/me/sessions/:id', valid('param', sessionParam), async (c) => {
    const actor = actorOf(c);
    const db = c.get('db');
    const { id } = c.req.valid('param');
    const [ended] = await revokeOwnSession(db, actor.userId, id);
    if (!ended) throw appError(404, 'not_found.session');
    await audit(db, { orgId: actor.orgId, userId: actor.userId, action: 'session.ended', detail: { sessionId: id.slice(0, 12) }, ip: clientIp(c) });
    disconnectSignedOut(c.env, c.executionCtx, actor.orgId, await fiscalYearIds(db, actor.orgId), { sessionId: id });
    return c.body(null, 204);
  });

/** This sub-app's routes as a type, for the web app's typed client (hc, web/src/api.ts). */
export type MeApi = typeof meRoutes;
