// Every 403 given to a signed-in person is recorded in the audit log ('authorisation.refused'),
// whichever route refused: routes that record a refusal with more detail (a card, an action) mark
// the request so it is recorded once. 401s (nobody signed in) are never recorded, so traffic from
// outside cannot grow the log; the daily sweep deletes refusals after a year (domain/retention.ts).
import { createMiddleware } from 'hono/factory';
import type { Context } from 'hono';
import { audit } from '../db/auth';
import { Refusal } from '../domain/errors';
import { actorOf, clientIp } from './session';
import type { AppEnv } from '../env';

const recorded = new WeakSet<Request>();

/** Says this request's refusal is in the audit log already (with its own detail). */
export function markRefusalRecorded(c: Context<AppEnv>): void {
  recorded.add(c.req.raw);
}

/** Records this request's refusal in the audit log with the route's action and detail (once). */
export async function recordRefusal(c: Context<AppEnv>, action: string, detail: Record<string, unknown> = {}): Promise<void> {
  markRefusalRecorded(c);
  const actor = actorOf(c);
  await audit(c.get('db'), { orgId: actor.orgId, userId: actor.userId, action: 'authorisation.refused', detail: { action, ...detail }, ip: clientIp(c) });
}

/**
 * Runs `work` (a change whose permission db/ asks of policy.ts on the rows it reads) and records a
 * refusal it meets (a `Refusal`) with this route's action and detail, before the 403 goes out.
 */
export async function recordingRefusal<T>(c: Context<AppEnv>, action: string, detail: Record<string, unknown>, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof Refusal) await recordRefusal(c, action, detail);
    throw e;
  }
}

export const auditRefusals = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  if (c.res.status !== 403 || recorded.has(c.req.raw)) return;
  const actor = c.get('actor');
  if (!actor) return;
  await audit(c.get('db'), {
    orgId: actor.orgId,
    userId: actor.userId,
    action: 'authorisation.refused',
    detail: { method: c.req.method, path: c.req.path },
    ip: clientIp(c),
  });
});
