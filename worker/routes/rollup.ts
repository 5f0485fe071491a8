// A parent body's roll-up (issue 19): every descendant office × every measure of its template for
// a fiscal year, as JSON or CSV (?format=csv, ?lang=en), and its trend from the daily snapshots.
// Only the parent's oversight users and administrators (policy: canReadRollup). Read through a
// D1 Sessions API session: with read replication on, a replica near the reader answers.
import { Hono } from 'hono';
import { z } from 'zod';
import { valid } from '../middleware/validate';
import { actorOf } from '../middleware/session';
import { readParent, readRollupRows, readRollupTrend } from '../db/rollup';
import { computeRollup, rollupCsv } from '../domain/rollup';
import { canReadRollup } from '../domain/policy';
import { forbidden } from '../domain/errors';
import { beYearParam } from '../domain/params';
import { bangkokDate } from '../domain/fiscal-year';
import { clockNow } from '../db/clock';
import { translator } from '../domain/i18n';
import { th } from '../domain/messages/rollup.th';
import en from '../domain/messages/rollup.en';
import type { RollupTrend, RollupView } from '../domain/contracts-rollup';
import type { AppEnv } from '../env';

const rollupQuery = z.strictObject({ format: z.enum(['json', 'csv']).optional(), lang: z.enum(['th', 'en']).optional() });

/**
 * A Sessions API session of the request's D1 (with read replication on, a replica near the
 * reader answers; 'first-unconstrained': the roll-up needs no read-your-writes), or the binding
 * itself where it has no sessions (the benchmarks' meter, db/metered.ts).
 */
function reader(d1: D1Database): D1Database | D1DatabaseSession {
  try {
    return d1.withSession('first-unconstrained');
  } catch {
    return d1;
  }
}

export const rollupRoutes = new Hono<AppEnv>()
  .get('/:beYear', valid('param', beYearParam), valid('query', rollupQuery), async (c) => {
    const actor = actorOf(c);
    const beYear = c.req.valid('param').beYear;
    const rows = await readRollupRows(reader(c.get('db').$client), actor.orgId, beYear);
    if (!rows.parent || !canReadRollup(actor, rows.parent)) throw forbidden();
    const view: RollupView = computeRollup({ ...rows, parent: rows.parent, beYear, today: bangkokDate(clockNow()) });
    const { format, lang = 'th' } = c.req.valid('query');
    if (format === 'csv') {
      const t = translator({ th, en }, lang);
      const labels = {
        office: t('csv.office'), slug: t('csv.slug'), measure: t('csv.measure'), total: t('csv.total'), done: t('csv.done'), percent: t('csv.percent'),
        overdue: t('csv.overdue'), behind: t('csv.behind'), evidence: t('csv.evidence'), oit: t('csv.oit'), allMeasures: t('csv.all-measures'),
      };
      c.header('Content-Type', 'text/csv; charset=utf-8; header=present');
      c.header('Content-Disposition', `attachment; filename="rollup-${beYear}.csv"`);
      return c.body(rollupCsv(view, labels, lang));
    }
    return c.json(view);
  })
  .get('/:beYear/trend', valid('param', beYearParam), async (c) => {
    const actor = actorOf(c);
    const beYear = c.req.valid('param').beYear;
    const d1 = reader(c.get('db').$client);
    const parent = await readParent(d1, actor.orgId);
    if (!parent || !canReadRollup(actor, parent)) throw forbidden();
    const trend: RollupTrend = { beYear, points: await readRollupTrend(d1, actor.orgId, beYear) };
    return c.json(trend);
  });

/** This sub-app's routes as a type, for the web app's typed client (hc, web/src/api.ts). */
export type RollupApi = typeof rollupRoutes;
