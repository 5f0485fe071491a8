import { Hono } from 'hono';
import { valid } from '../middleware/validate';
import { oneWriterPerOffice } from '../middleware/one-writer';
import { actorOf } from '../middleware/session';
import { recordingRefusal } from '../middleware/audit-refusals';
import { editCard, moveCard } from '../db/cards';
import { accessOf } from '../domain/policy';
import { implausibleDate, PLAUSIBLE_DATES } from '../domain/plausible-date';
import { cardParam, editCardBody, moveCardBody } from '../domain/schemas/cards';
import { notifyCardChange } from '../live/notify';
import type { AppEnv } from '../env';

export const cardRoutes = new Hono<AppEnv>()
  .post('/:id/move', valid('param', cardParam), valid('json', moveCardBody), oneWriterPerOffice, async (c) => {
    const cardId = c.req.valid('param').id;
    const actor = actorOf(c);
    const commit = await recordingRefusal(c, 'card.move', { cardId }, () => moveCard(c.get('db'), actor, cardId, c.req.valid('json'), accessOf(actor)));
    notifyCardChange(c.env, c.executionCtx, commit);
    return c.json({ card: commit.value });
  })
  .patch('/:id', valid('param', cardParam), valid('json', editCardBody), async (c, next) => {
    // A due date no office means (a BE year typed as CE: 3111) is refused before taking a turn.
    const { dueOn } = c.req.valid('json');
    const problem = dueOn ? implausibleDate(dueOn, PLAUSIBLE_DATES, { th: 'วันกำหนดเสร็จ', en: 'The due date' }) : null;
    if (problem) throw problem;
    await next();
  }, oneWriterPerOffice, async (c) => {
    const cardId = c.req.valid('param').id;
    const actor = actorOf(c);
    const commit = await recordingRefusal(c, 'card.edit', { cardId }, () => editCard(c.get('db'), actor, cardId, c.req.valid('json'), accessOf(actor)));
    notifyCardChange(c.env, c.executionCtx, commit);
    return c.json({ card: commit.value });
  });

/** This sub-app's routes as a type, for the web app's typed client (hc, web/src/api.ts). */
export type CardsApi = typeof cardRoutes;
