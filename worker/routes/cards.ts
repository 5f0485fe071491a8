import { Hono } from 'hono';
import { z } from 'zod';
import { valid } from '../middleware/validate';
import { actorOf, clientIp } from '../middleware/session';
import { editCard, moveCard } from '../db/cards';
import { audit } from '../db/auth';
import { isIsoDate } from '../domain/fiscal-year';
import type { AppEnv } from '../env';
import type { Context } from 'hono';

const id = z.string().min(1).max(64);
const cardParam = z.object({ id });
const version = z.number().int().min(1);

const moveBody = z.strictObject({
  toColumnId: id,
  afterCardId: id.nullable(),
  beforeCardId: id.nullable(),
  version,
});

const text = (max: number) => z.string().trim().max(max);
const editBody = z
  .strictObject({
    version,
    title: text(500).min(1),
    details: text(20_000),
    dueOn: z.string().refine(isIsoDate, 'a real date written YYYY-MM-DD').nullable(),
    leadGroupId: id.nullable(),
    groupIds: z.array(id).max(50).transform((ids) => [...new Set(ids)]),
    allGroups: z.boolean(),
  })
  .partial()
  .required({ version: true });

function refusalRecorder(c: Context<AppEnv>, action: string, cardId: string) {
  return async () => {
    const actor = actorOf(c);
    await audit(c.get('db'), { orgId: actor.orgId, userId: actor.userId, action: 'authorisation.refused', detail: { action, cardId }, ip: clientIp(c) });
  };
}

export const cardRoutes = new Hono<AppEnv>()
  .post('/:id/move', valid('param', cardParam), valid('json', moveBody), async (c) => {
    const cardId = c.req.valid('param').id;
    const card = await moveCard(c.get('db'), actorOf(c), cardId, c.req.valid('json'), refusalRecorder(c, 'card.move', cardId));
    return c.json({ card });
  })
  .patch('/:id', valid('param', cardParam), valid('json', editBody), async (c) => {
    const cardId = c.req.valid('param').id;
    const card = await editCard(c.get('db'), actorOf(c), cardId, c.req.valid('json'), refusalRecorder(c, 'card.edit', cardId));
    return c.json({ card });
  });
