import { Hono } from 'hono';
import { valid } from '../middleware/validate';
import { actorOf } from '../middleware/session';
import { listFiscalYears, loadBoard } from '../db/board';
import { accessOf } from '../domain/policy';
import type { AppEnv } from '../env';
import { beYearParam } from '../domain/params';


export const boardRoutes = new Hono<AppEnv>()
  .get('/fiscal-years', async (c) => {
    const actor = actorOf(c);
    return c.json({ fiscalYears: await listFiscalYears(c.get('db'), actor.orgId) });
  })
  .get('/boards/:beYear', valid('param', beYearParam), async (c) => {
    const actor = actorOf(c);
    return c.json(await loadBoard(c.get('db'), actor, c.req.valid('param').beYear, accessOf(actor)));
  });

/** This sub-app's routes as a type, for the web app's typed client (hc, web/src/api.ts). */
export type BoardApi = typeof boardRoutes;
