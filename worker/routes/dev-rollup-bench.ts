// Local benchmarking only (tests/bench/rollup.bench.mjs): 404 unless DEMO_SEED is "1", and an
// administrator's session besides (the demo office's to seed, the generated parent body's for the
// rest). No office id is taken from the request: the parent is the signed-in organisation.
// - POST /seed: a generated parent body (seed/parent-body.ts).
// - GET /raw/:beYear: the roll-up's own three statements as plain D1 (no session, no mapping, no
//   computing), their rows as JSON: the floor the roll-up request is compared with.
// - GET /check/:beYear: every descendant office's aggregates against a rebuild from its log.
import { Hono } from 'hono';
import { valid } from '../middleware/validate';
import { adminOf } from '../middleware/authorize';
import { appError } from '../domain/errors';
import { beYearParam } from '../domain/params';
import { rollupBenchSeedBody } from '../domain/schemas/dev';
import { seedParentBody } from '../seed/parent-body';
import { readRollupRows, rollupStatements } from '../db/rollup';
import { aggregatesOfLog, readYearAggregates } from '../db/aggregates';
import { compareAggregates } from '../domain/aggregates';
import { findFiscalYearId } from '../db/rollup';
import { createDb } from '../db/client';
import { meteredD1, newMeter } from '../db/metered';
import { moveCard } from '../db/cards';
import { countPeriodReports, firstCardAndNextColumn } from '../db/rollup';
import { reportChunks } from '../cron/spread';
import { runReportJob } from '../cron/report-job';
import { accessOf } from '../domain/policy';
import { invalidateBoards } from '../live/notify';
import type { AppEnv } from '../env';

export const devRollupBenchRoutes = new Hono<AppEnv>()
  .use(async (c, next) => {
    if (c.env.DEMO_SEED !== '1') throw appError(404, 'not_found.page');
    adminOf(c);
    await next();
  })
  .post('/seed', valid('json', rollupBenchSeedBody), async (c) => c.json(await seedParentBody(c.get('db'), c.req.valid('json')), 201))
  .get('/raw/:beYear', valid('param', beYearParam), async (c) => {
    const d1 = c.get('db').$client;
    const results = await d1.batch(rollupStatements(d1, adminOf(c).orgId, c.req.valid('param').beYear));
    return c.json(results.map((r) => r.results));
  })
  .post('/move/:beYear', valid('param', beYearParam), async (c) => {
    // The signed-in office's first card to the next column, through the D1 path, metered.
    const actor = adminOf(c);
    const plain = c.get('db');
    const fy = await findFiscalYearId(plain, actor.orgId, c.req.valid('param').beYear);
    if (!fy) throw appError(404, 'not_found.fiscal_year');
    const { card, toColumnId } = await firstCardAndNextColumn(plain, fy);
    const meter = newMeter();
    const db = createDb(meteredD1(c.env.DB, meter));
    await moveCard(db, actor, card.id, { toColumnId, afterCardId: null, beforeCardId: null, version: card.version }, accessOf(actor));
    await invalidateBoards(c.env, actor.orgId, [fy]);
    return c.json({ rowsRead: meter.rowsRead, rowsWritten: meter.rowsWritten, queries: meter.queries });
  })
  .post('/report-run', async (c) => {
    // The monthly staff reports of 1 December 2026 (November's), for every office, group by group
    // as the trigger and the queue's consumer run them (cron/spread.ts), each group on a metered
    // D1 of its own: its queries are that invocation's. Run twice (a repeated trigger, a message
    // delivered again): the second run must compile nothing new.
    const now = Date.parse('2026-12-01T01:30:00Z');
    const parentId = adminOf(c).orgId;
    const plain = c.get('db');
    const groups = await reportChunks(plain);
    let maxQueries = 0;
    let maxOffices = 0;
    let created = 0;
    for (let run = 0; run < 2; run++) {
      for (const orgIds of groups) {
        const meter = newMeter();
        const outcomes = await runReportJob(createDb(meteredD1(c.env.DB, meter)), 'staff', now, c.env.MAIL_FROM, c.env.APP_URL, orgIds);
        if (run === 1) created += outcomes.filter((o) => o.result === 'created').length;
        maxQueries = Math.max(maxQueries, meter.queries);
        maxOffices = Math.max(maxOffices, orgIds.length);
      }
    }
    const counted = await countPeriodReports(plain, parentId, 'staff', '2026-11');
    return c.json({ invocations: groups.length * 2, maxQueries, maxOffices, reports: counted.reports, offices: counted.offices, duplicates: counted.reports - counted.offices + created });
  })
  .get('/check/:beYear', valid('param', beYearParam), async (c) => {
    const db = c.get('db');
    const beYear = c.req.valid('param').beYear;
    const { offices } = await readRollupRows(db.$client, adminOf(c).orgId, beYear);
    const differences: string[] = [];
    let checked = 0;
    for (const office of offices) {
      const fy = await findFiscalYearId(db, office.id, beYear);
      if (!fy) continue;
      checked++;
      differences.push(...compareAggregates(await readYearAggregates(db, fy), await aggregatesOfLog(db, fy)).map((d) => `${office.id} ${d}`));
    }
    return c.json({ offices: offices.length, checked, differences: differences.slice(0, 20), differing: differences.length });
  });
