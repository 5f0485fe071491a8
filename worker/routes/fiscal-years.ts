// Starting the next fiscal year from an existing one (administrators): a preview that writes
// nothing, then the commit. GET /api/fiscal-years (the list) lives in routes/board.ts.
import { Hono } from 'hono';
import { z } from 'zod';
import { valid } from '../middleware/validate';
import { commitRollover, previewRollover } from '../db/rollover';
import { isPlausibleBeYear } from '../domain/fiscal-year';
import type { AppEnv } from '../env';
import { adminOf } from '../middleware/authorize';

const yearParam = z.object({ beYear: z.coerce.number().int().min(2500).max(2700) });
const rolloverBody = z.strictObject({
  toBeYear: z.number().int().refine(isPlausibleBeYear, 'a Buddhist Era year such as 2568'),
});

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
