// Local development only: these routes answer 404 unless DEMO_SEED is "1" (set by `npm start`).
// Even then only what `npm start` itself calls is open (the seed of an empty database, the list of
// demo accounts it prints); everything else needs an administrator's session, so a staging deploy
// left with the demo on is not open to anyone. No dev route takes an office id from the request.
// /scheduled runs a cron job now, as if at `time` (ms): `wrangler dev --test-scheduled` offers
// /__scheduled, but with this app's assets (run_worker_first = ["/api/*"], SPA fallback) that path
// is answered by the asset router with index.html and never reaches the Worker.
import { Hono } from 'hono';
import { valid } from '../middleware/validate';
import { runScheduled } from '../cron';
import { isDatabaseEmpty } from '../db/backup';
import { appError } from '../domain/errors';
import { adminOf } from '../middleware/authorize';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from '../seed/demo';
import { seedLiveDemo } from '../seed/demo-history';
import { PARENT_DEMO_ACCOUNTS, seedParentDemo } from '../seed/parent';
import type { AppEnv } from '../env';
import { dropBroadcastsBody, scheduledQuery, seedQuery } from '../domain/schemas/dev';
import { beYearParam } from '../domain/params';
import { actorOf } from '../middleware/session';
import { askYearRoom } from '../live/notify';

export const devRoutes = new Hono<AppEnv>()
  .use(async (c, next) => {
    if (c.env.DEMO_SEED !== '1') throw appError(404, 'not_found.page');
    await next();
  })
  .get('/demo-accounts', (c) =>
    c.json({ accounts: [...DEMO_ACCOUNTS, ...PARENT_DEMO_ACCOUNTS].map(({ email, role, labelTh, labelEn }) => ({ email, password: DEMO_PASSWORD, role, labelTh, labelEn })) }),
  )
  .post('/scheduled', valid('query', scheduledQuery), async (c) => {
    adminOf(c);
    const { cron, time } = c.req.valid('query');
    const scheduledTime = time ?? Date.now();
    const controller: ScheduledController = { cron, scheduledTime, noRetry: () => undefined };
    await runScheduled(controller, c.env, c.executionCtx as ExecutionContext);
    return c.json({ ran: cron, scheduledTime: new Date(scheduledTime).toISOString() });
  })
  // The board's room skips its next `count` card broadcasts (the changes still commit): the
  // browser tests prove with it that an open board repairs a gap in its live updates.
  .post('/boards/:beYear/drop-broadcasts', valid('param', beYearParam), valid('json', dropBroadcastsBody), async (c) => {
    const actor = actorOf(c);
    const { count } = c.req.valid('json');
    const dropping = await askYearRoom(c.env, c.get('db'), actor.orgId, c.req.valid('param').beYear, async ({ stub }) => ({ ok: true as const, value: await stub.dropBroadcasts(count) }));
    return c.json({ dropping });
  })
  // The demo office in the current fiscal year with its history (seed/demo-history.ts); with
  // ?variant=fy2567 only the FY 2567 board as imported, untouched (the browser tests' fixture).
  .post('/seed', valid('query', seedQuery), async (c) => {
    const db = c.get('db');
    if (!(await isDatabaseEmpty(db))) return c.json({ seeded: false, reason: 'database not empty' });
    const { variant } = c.req.valid('query');
    if (variant === 'fy2567') {
      const result = await seedDemo(db);
      return c.json({ seeded: true, variant, currentYear: 2567, years: [{ beYear: 2567, cards: result.cards }], cards: result.cards, warnings: result.parsed.warnings.length });
    }
    const demo = await seedLiveDemo(db, { now: Date.now() });
    // The parent body over the demo office and two small ones, its template adopted by all three (issue 19).
    await seedParentDemo(db, demo.orgId, demo.userIds['admin@demo.local']!, demo.currentYear);
    const current = demo.years.find((y) => y.beYear === demo.currentYear)!;
    return c.json({ seeded: true, variant, currentYear: demo.currentYear, years: demo.years, cards: current.cards });
  });

/** This sub-app's routes as a type, for the web app's typed client (hc, web/src/api.ts). */
export type DevApi = typeof devRoutes;
