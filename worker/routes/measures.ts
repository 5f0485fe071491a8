// Measures after import (administrators): change a measure's lead group; its cards follow. The
// change takes the board's seq for each card, so it goes through the board's room like any card
// change (live/board-room.ts), which broadcasts each card.
import { Hono } from 'hono';
import { valid } from '../middleware/validate';
import { actorOf } from '../middleware/session';
import { measureHome } from '../db/measures';
import { boardRoom, settled } from '../live/notify';
import { recordingRefusal } from '../middleware/audit-refusals';
import { appError } from '../domain/errors';
import { idParam } from '../domain/schemas/common';
import { measureLeadBody } from '../domain/schemas/office';
import type { AppEnv } from '../env';

const measureNotFound = () => appError(404, 'not_found.measure');

export const measureRoutes = new Hono<AppEnv>().patch('/:id', valid('param', idParam), valid('json', measureLeadBody), async (c) => {
  const measureId = c.req.valid('param').id;
  const { leadGroupId } = c.req.valid('json');
  const actor = actorOf(c);
  const result = await recordingRefusal(c, 'measure.lead', { measureId }, async () => {
    const fiscalYearId = await measureHome(c.get('db'), actor.orgId, measureId);
    if (!fiscalYearId) throw measureNotFound();
    const key = { orgId: actor.orgId, fiscalYearId };
    return settled(await boardRoom(c.env, actor.orgId, fiscalYearId).changeMeasureLead(key, actor, measureId, leadGroupId), measureNotFound);
  });
  return c.json(result);
});

/** This sub-app's routes as a type, for the web app's typed client (hc, web/src/api.ts). */
export type MeasuresApi = typeof measureRoutes;
