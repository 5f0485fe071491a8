import { Hono } from 'hono';
import { z } from 'zod';
import { valid } from '../middleware/validate';
import { oneWriterPerOffice } from '../middleware/one-writer';
import { actorOf, clientIp } from '../middleware/session';
import { editCard, moveCard } from '../db/cards';
import { audit } from '../db/auth';
import { isIsoDate } from '../domain/fiscal-year';
import { notifyCardChange } from '../live/notify';
import type { AppEnv } from '../env';
import type { Context } from 'hono';

export const id = z.string().min(1).max(64);
export const cardParam = z.object({ id });
const version = z.number().int().min(1);

const moveBody = z.strictObject({
  toColumnId: id,
  afterCardId: id.nullable(),
  beforeCardId: id.nullable(),
  version,
});

const text = (max: number) => z.string().trim().max(max);
const checklistItem = z.strictObject({ id, text: text(300).min(1), done: z.boolean() });
const editBody = z
  .strictObject({
    version,
    title: text(500).min(1),
    details: text(20_000),
    dueOn: z.string().refine(isIsoDate, 'a real date written YYYY-MM-DD').nullable(),
    leadGroupId: id.nullable(),
    groupIds: z.array(id).max(50).transform((ids) => [...new Set(ids)]),
    allGroups: z.boolean(),
    checklist: z
      .array(checklistItem)
      .max(50)
      .refine((items) => new Set(items.map((i) => i.id)).size === items.length, 'checklist item ids must be unique'),
  })
  .partial()
  .required({ version: true });

/** Writes a refused authorisation to the audit log (the 403 itself is thrown by the db layer). */
export function refusalRecorder(c: Context<AppEnv>, action: string, detail: Record<string, unknown>) {
  return async () => {
    const actor = actorOf(c);
    await audit(c.get('db'), { orgId: actor.orgId, userId: actor.userId, action: 'authorisation.refused', detail: { action, ...detail }, ip: clientIp(c) });
  };
}

export const cardRoutes = new Hono<AppEnv>()
  .post('/:id/move', valid('param', cardParam), valid('json', moveBody), oneWriterPerOffice, async (c) => {
    const cardId = c.req.valid('param').id;
    const commit = await moveCard(c.get('db'), actorOf(c), cardId, c.req.valid('json'), refusalRecorder(c, 'card.move', { cardId }));
    notifyCardChange(c.env, c.executionCtx, commit);
    return c.json({ card: commit.value });
  })
  .patch('/:id', valid('param', cardParam), valid('json', editBody), oneWriterPerOffice, async (c) => {
    const cardId = c.req.valid('param').id;
    const commit = await editCard(c.get('db'), actorOf(c), cardId, c.req.valid('json'), refusalRecorder(c, 'card.edit', { cardId }));
    notifyCardChange(c.env, c.executionCtx, commit);
    return c.json({ card: commit.value });
  });
