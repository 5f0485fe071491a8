import { Hono } from 'hono';
import { z } from 'zod';
import { valid } from '../middleware/validate';
import { actorOf } from '../middleware/session';
import { listFiscalYears, loadBoard } from '../db/board';
import type { AppEnv } from '../env';

const yearParam = z.object({ beYear: z.coerce.number().int().min(2500).max(2700) });

export const boardRoutes = new Hono<AppEnv>()
  .get('/fiscal-years', async (c) => {
    const actor = actorOf(c);
    return c.json({ fiscalYears: await listFiscalYears(c.get('db'), actor.orgId) });
  })
  .get('/boards/:beYear', valid('param', yearParam), async (c) => {
    const actor = actorOf(c);
    return c.json(await loadBoard(c.get('db'), actor, c.req.valid('param').beYear));
  });
