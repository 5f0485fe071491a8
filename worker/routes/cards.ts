import { Hono } from 'hono';
import { z } from 'zod';
import { valid } from '../middleware/validate';
import { oneWriterPerOffice } from '../middleware/one-writer';
import { actorOf } from '../middleware/session';
import { recordingRefusal } from '../middleware/audit-refusals';
import { editCard, moveCard } from '../db/cards';
import { accessOf } from '../domain/policy';
import { isIsoDate } from '../domain/fiscal-year';
import { implausibleDate, PLAUSIBLE_DATES } from '../domain/plausible-date';
import { hasBidiControl, isTrustworthyWebUrl, visiblePart } from '../domain/user-text';
import { notifyCardChange } from '../live/notify';
import type { AppEnv } from '../env';

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

/**
 * Shared validators for text people type (domain/user-text.ts says why): a title shows something
 * once invisible characters are removed and carries no bidirectional controls; a note or other
 * free text carries no bidirectional controls; a link is http(s) without user info.
 */
export const titleText = (max: number) =>
  text(max)
    .min(1)
    .refine((v) => visiblePart(v).length > 0, 'ต้องมีตัวอักษรที่มองเห็นได้ / must contain visible characters, not only invisible ones')
    .refine((v) => !hasBidiControl(v), 'ห้ามมีอักขระควบคุมทิศทางข้อความ / must not contain bidirectional control characters');
export const plainText = (max: number) =>
  text(max).refine((v) => !hasBidiControl(v), 'ห้ามมีอักขระควบคุมทิศทางข้อความ / must not contain bidirectional control characters');
export const webLink = z
  .string()
  .trim()
  .min(1)
  .max(2000)
  .refine(isTrustworthyWebUrl, 'ต้องเป็นที่อยู่ http(s) ที่ไม่มีชื่อผู้ใช้หรืออักขระควบคุม / an http(s) address without user info or control characters');

const checklistItem = z.strictObject({ id, text: titleText(300), done: z.boolean() });
const editBody = z
  .strictObject({
    version,
    title: titleText(500),
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

export const cardRoutes = new Hono<AppEnv>()
  .post('/:id/move', valid('param', cardParam), valid('json', moveBody), oneWriterPerOffice, async (c) => {
    const cardId = c.req.valid('param').id;
    const actor = actorOf(c);
    const commit = await recordingRefusal(c, 'card.move', { cardId }, () => moveCard(c.get('db'), actor, cardId, c.req.valid('json'), accessOf(actor)));
    notifyCardChange(c.env, c.executionCtx, commit);
    return c.json({ card: commit.value });
  })
  .patch('/:id', valid('param', cardParam), valid('json', editBody), async (c, next) => {
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
