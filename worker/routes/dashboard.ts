// The executives' dashboard and the O43 progress report. Every member of the office may read
// both (policy: canReadBoard); nothing here changes anything.
import { Hono } from 'hono';
import { valid } from '../middleware/validate';
import { loadDashboard, loadO43 } from '../db/dashboard';
import { periodQuery } from '../domain/schemas/reports';
import { implausibleDate, PLAUSIBLE_DATES } from '../domain/plausible-date';
import type { AppEnv } from '../env';
import { readerOf } from '../middleware/authorize';
import { beYearParam } from '../domain/params';

export const dashboardRoutes = new Hono<AppEnv>()
  .get('/:beYear', valid('param', beYearParam), async (c) => {
    const actor = readerOf(c);
    return c.json(await loadDashboard(c.get('db'), actor.orgId, c.req.valid('param').beYear));
  })
  .get('/:beYear/o43', valid('param', beYearParam), valid('query', periodQuery), async (c) => {
    const actor = readerOf(c);
    const { from, to } = c.req.valid('query');
    const problem =
      implausibleDate(from, PLAUSIBLE_DATES, { th: 'วันเริ่มต้นของรอบรายงาน', en: 'The start of the period' }) ??
      implausibleDate(to, PLAUSIBLE_DATES, { th: 'วันสิ้นสุดของรอบรายงาน', en: 'The end of the period' });
    if (problem) throw problem;
    return c.json(await loadO43(c.get('db'), actor.orgId, c.req.valid('param').beYear, from, to));
  });

/** This sub-app's routes as a type, for the web app's typed client (hc, web/src/api.ts). */
export type DashboardApi = typeof dashboardRoutes;
