// Starting the next fiscal year from an existing one (administrators): a preview that writes
// nothing, then the commit. GET /api/fiscal-years (the list) lives in routes/board.ts.
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { valid } from '../middleware/validate';
import { actorOf, clientIp } from '../middleware/session';
import { audit } from '../db/auth';
import { commitRollover, previewRollover } from '../db/rollover';
import { forbidden } from '../domain/errors';
import { isPlausibleBeYear } from '../domain/fiscal-year';
import { canAdminister, type Actor } from '../domain/policy';
import type { AppEnv } from '../env';

const yearParam = z.object({ beYear: z.coerce.number().int().min(2500).max(2700) });
const rolloverBody = z.strictObject({
  toBeYear: z.number().int().refine(isPlausibleBeYear, 'a Buddhist Era year such as 2568'),
});

function adminOf(c: Context<AppEnv>): Actor {
  const actor = actorOf(c);
  if (!canAdminister(actor, actor.orgId)) {
    c.executionCtx.waitUntil(
      audit(c.get('db'), { orgId: actor.orgId, userId: actor.userId, action: 'authorisation.refused', detail: { path: c.req.path, method: c.req.method }, ip: clientIp(c) }).then(() => undefined),
    );
    throw forbidden();
  }
  return actor;
}

export const fiscalYearRoutes = new Hono<AppEnv>()
  .post('/:beYear/rollover/preview', valid('param', yearParam), valid('json', rolloverBody), async (c) => {
    const actor = adminOf(c);
    return c.json(await previewRollover(c.get('db'), actor.orgId, c.req.valid('param').beYear, c.req.valid('json').toBeYear));
  })
  .post('/:beYear/rollover/commit', valid('param', yearParam), valid('json', rolloverBody), async (c) => {
    const actor = adminOf(c);
    const result = await commitRollover(c.get('db'), actor.orgId, actor.userId, c.req.valid('param').beYear, c.req.valid('json').toBeYear);
    return c.json(result, 201);
  });
