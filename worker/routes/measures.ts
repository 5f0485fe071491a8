// Measures after import (administrators): change a measure's lead group; its cards follow.
import { Hono } from 'hono';
import { valid } from '../middleware/validate';
import { oneWriterPerOffice } from '../middleware/one-writer';
import { actorOf } from '../middleware/session';
import { changeMeasureLead } from '../db/measures';
import { notifyCardChange } from '../live/notify';
import { recordingRefusal } from '../middleware/audit-refusals';
import { accessOf } from '../domain/policy';
import { idParam } from '../domain/schemas/common';
import { measureLeadBody } from '../domain/schemas/office';
import type { AppEnv } from '../env';

export const measureRoutes = new Hono<AppEnv>().patch(
  '/:id',
  valid('param', idParam),
  valid('json', measureLeadBody),
  oneWriterPerOffice,
  async (c) => {
    const measureId = c.req.valid('param').id;
    const { leadGroupId } = c.req.valid('json');
    const actor = actorOf(c);
    const result = await recordingRefusal(c, 'measure.lead', { measureId }, () => changeMeasureLead(c.get('db'), actor, measureId, leadGroupId, accessOf(actor)));
    for (const commit of result.changed) notifyCardChange(c.env, c.executionCtx, commit);
    return c.json({ measure: result.measure, cards: result.changed.length });
  },
);

/** This sub-app's routes as a type, for the web app's typed client (hc, web/src/api.ts). */
export type MeasuresApi = typeof measureRoutes;
