// Measures after import (administrators): change a measure's lead group; its cards follow.
import { Hono } from 'hono';
import { z } from 'zod';
import { valid } from '../middleware/validate';
import { oneWriterPerOffice } from '../middleware/one-writer';
import { actorOf } from '../middleware/session';
import { changeMeasureLead } from '../db/measures';
import { notifyCardChange } from '../live/notify';
import { refusalRecorder } from './cards';
import type { AppEnv } from '../env';

const id = z.string().min(1).max(64);
const leadBody = z.strictObject({ leadGroupId: id });

export const measureRoutes = new Hono<AppEnv>().patch(
  '/:id',
  valid('param', z.object({ id })),
  valid('json', leadBody),
  oneWriterPerOffice,
  async (c) => {
    const measureId = c.req.valid('param').id;
    const { leadGroupId } = c.req.valid('json');
    const result = await changeMeasureLead(c.get('db'), actorOf(c), measureId, leadGroupId, refusalRecorder(c, 'measure.lead', { measureId }));
    for (const commit of result.changed) notifyCardChange(c.env, c.executionCtx, commit);
    return c.json({ measure: result.measure, cards: result.changed.length });
  },
);
