// Local development only: answers 404 unless DEMO_SEED is "1" (`npm start`, the benchmarks), and
// needs an administrator's session besides.
// - /seed and /run: tests/bench/reports.bench.mjs seeds a large synthetic board in an office of its
//   own (with an administrator account, the demo password), signs in as that administrator, then
//   times compiling a report of the signed-in office against a plain scan of the same rows,
//   counting the rows D1 reads. No office id is taken from the request.
import { Hono } from 'hono';
import { createDb, type Db } from '../db/client';
import { meteredD1, newMeter } from '../db/metered';
import { compileReport } from '../cron/report-job';
import { findBoardYear, findOrganisation } from '../db/reports';
import { BENCH_YEAR, scanReportRows, seedReportsBench } from '../seed/bench';
import { adminOf } from '../middleware/authorize';
import { appError } from '../domain/errors';
import { parsePeriodKey } from '../domain/report-period';
import { valid } from '../middleware/validate';
import type { AppEnv } from '../env';
import { reportsBenchRunQuery, reportsBenchSeedBody } from '../domain/schemas/dev';

/** Drizzle over a D1 handle that counts rows read (db/metered.ts). */
function countingDb(d1: D1Database): { db: Db; rowsRead: () => number } {
  const meter = newMeter();
  return { db: createDb(meteredD1(d1, meter)), rowsRead: () => meter.rowsRead };
}


export const devReportsBenchRoutes = new Hono<AppEnv>()
  .use(async (c, next) => {
    if (c.env.DEMO_SEED !== '1') throw appError(404, 'not_found.page');
    adminOf(c);
    await next();
  })
  .post('/seed', valid('json', reportsBenchSeedBody), async (c) => {
    return c.json(await seedReportsBench(c.get('db'), c.req.valid('json')));
  })
  .get('/run', valid('query', reportsBenchRunQuery), async (c) => {
    const q = c.req.valid('query');
    const plain = c.get('db');
    const orgId = adminOf(c).orgId;
    const [org, fy] = await Promise.all([findOrganisation(plain, orgId), findBoardYear(plain, orgId, BENCH_YEAR)]);
    const period = parsePeriodKey(q.kind, q.periodKey);
    if (!org || !fy || !period) throw appError(404, 'not_found.bench');
    const { db, rowsRead } = countingDb(c.env.DB);
    if (q.mode === 'scan') {
      // The same rows the compile reads (the board's cards, the events since the period began),
      // the same columns, and nothing done with them.
      const { cards: cs, events: es } = await scanReportRows(db, org.id, fy.id, period.start);
      return c.json({ mode: q.mode, rowsRead: rowsRead(), cards: cs, events: es });
    }
    const content = await compileReport(db, org, fy, q.kind, period, Date.now());
    return c.json({
      mode: q.mode,
      rowsRead: rowsRead(),
      cards: content.totals.total,
      moves: content.moves.length + content.omitted.moves,
      overdue: content.overdueCount,
      evidence: content.evidence.length + content.omitted.evidence,
      contentBytes: JSON.stringify(content).length,
    });
  });
