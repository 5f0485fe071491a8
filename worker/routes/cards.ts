// Moving and editing cards. The worker checks who asks and what they send; the board's room
// (live/board-room.ts), its only writer, decides with policy.ts on the card as it is, commits,
// and tells the board's open tabs.
import { Hono } from 'hono';
import { valid } from '../middleware/validate';
import { changeInRoom } from '../middleware/in-room';
import { implausibleDate, PLAUSIBLE_DATES } from '../domain/plausible-date';
import { cardParam, editCardBody, moveCardBody } from '../domain/schemas/cards';
import type { CardView } from '../domain/contracts';
import type { AppEnv } from '../env';

export const cardRoutes = new Hono<AppEnv>()
  .post('/:id/move', valid('param', cardParam), valid('json', moveCardBody), async (c) => {
    const cardId = c.req.valid('param').id;
    const card = await changeInRoom<CardView>(c, 'card.move', { cardId }, { kind: 'move', cardId, body: c.req.valid('json') });
    return c.json({ card });
  })
  .patch('/:id', valid('param', cardParam), valid('json', editCardBody), async (c) => {
    const cardId = c.req.valid('param').id;
    // A due date no office means (a BE year typed as CE: 3111) is refused before the room is asked.
    const body = c.req.valid('json');
    const problem = body.dueOn ? implausibleDate(body.dueOn, PLAUSIBLE_DATES, { th: 'วันกำหนดเสร็จ', en: 'The due date' }) : null;
    if (problem) throw problem;
    const card = await changeInRoom<CardView>(c, 'card.edit', { cardId }, { kind: 'edit', cardId, body });
    return c.json({ card });
  });

/** This sub-app's routes as a type, for the web app's typed client (hc, web/src/api.ts). */
export type CardsApi = typeof cardRoutes;
