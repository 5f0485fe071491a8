// A fiscal year's life cycle (administrators): starting the next year from an existing one (a
// preview that writes nothing, then the commit; a year that is not the next one needs
// confirmation and moves due dates by the years between), archiving and restoring a year, and
// deleting one whose log holds nothing but its import. GET /api/fiscal-years (the list) lives in
// routes/board.ts.
import { Hono } from 'hono';
import { valid } from '../middleware/validate';
import { clientIp } from '../middleware/session';
import { commitRollover, previewRollover } from '../db/rollover';
import { findFiscalYear, toFiscalYearView } from '../db/board';
import { yearActivity, yearHasActivity } from '../db/fiscal-year-life';
import { boardRoom, settled } from '../live/notify';
import { archivedBody, rolloverBody } from '../domain/schemas/office';
import { canArchiveYear, canDeleteYear } from '../domain/policy';
import { appError, forbidden } from '../domain/errors';
import type { AppEnv } from '../env';
import { adminOf } from '../middleware/authorize';
import { beYearParam } from '../domain/params';

export const fiscalYearRoutes = new Hono<AppEnv>()
  .post('/:beYear/rollover/preview', valid('param', beYearParam), valid('json', rolloverBody), async (c) => {
    const actor = adminOf(c);
    return c.json(await previewRollover(c.get('db'), actor.orgId, c.req.valid('param').beYear, c.req.valid('json').toBeYear));
  })
  .post('/:beYear/rollover/commit', valid('param', beYearParam), valid('json', rolloverBody), async (c) => {
    const actor = adminOf(c);
    const body = c.req.valid('json');
    const result = await commitRollover(c.get('db'), actor.orgId, actor.userId, c.req.valid('param').beYear, body.toBeYear, {
      confirmNonAdjacent: body.confirmNonAdjacent,
      crosswalk: body.crosswalk,
    });
    return c.json(result, 201);
  })
  /** What the life-cycle panel shows: archived or not, what happened in it, whether it may be deleted. */
  .get('/:beYear/life', valid('param', beYearParam), async (c) => {
    const actor = adminOf(c);
    const db = c.get('db');
    const fy = await findFiscalYear(db, actor.orgId, c.req.valid('param').beYear);
    const activity = await yearActivity(db, actor.orgId, fy.id);
    const used = activity.events + activity.reports;
    return c.json({ fiscalYear: toFiscalYearView(fy), archivedAt: fy.archivedAt, activity, deletable: canDeleteYear(actor, fy, used) });
  })
  // Archive (true) or restore (false), through the board's room (its only writer): a change
  // already waiting finishes first, and one that comes after finds the year read-only. Setting the
  // state it already has changes nothing.
  .put('/:beYear/archived', valid('param', beYearParam), valid('json', archivedBody), async (c) => {
    const actor = adminOf(c);
    const db = c.get('db');
    const fy = await findFiscalYear(db, actor.orgId, c.req.valid('param').beYear);
    if (!canArchiveYear(actor, fy)) throw forbidden();
    const { archived } = c.req.valid('json');
    if ((fy.archivedAt !== null) === archived) return c.json({ fiscalYear: toFiscalYearView(fy), archived });
    const key = { orgId: actor.orgId, fiscalYearId: fy.id };
    const row = settled(await boardRoom(c.env, actor.orgId, fy.id).setArchived(key, archived, { userId: actor.userId, ip: clientIp(c) }), () =>
      appError(404, 'not_found.year', { year: fy.beYear }),
    );
    return c.json({ fiscalYear: toFiscalYearView(row), archived });
  })
  .delete('/:beYear', valid('param', beYearParam), async (c) => {
    const actor = adminOf(c);
    const db = c.get('db');
    const fy = await findFiscalYear(db, actor.orgId, c.req.valid('param').beYear);
    const activity = await yearActivity(db, actor.orgId, fy.id);
    if (!canDeleteYear(actor, fy, activity.events + activity.reports)) throw yearHasActivity(fy.beYear, activity);
    // Through the board's room (its only writer): changes already waiting land first.
    const deleted = await boardRoom(c.env, actor.orgId, fy.id).deleteYear({ orgId: actor.orgId, fiscalYearId: fy.id }, fy, { userId: actor.userId, ip: clientIp(c) }, activity.cards);
    if (!deleted) throw yearHasActivity(fy.beYear, await yearActivity(db, actor.orgId, fy.id));
    return c.json({ deleted: true, beYear: fy.beYear });
  });

/** This sub-app's routes as a type, for the web app's typed client (hc, web/src/api.ts). */
export type FiscalYearsApi = typeof fiscalYearRoutes;
