// A card's details, its evidence links and comments, and the fiscal year's OIT catalogue.
// Mounted at /api. Changes go to the board's room (middleware/in-room.ts), which decides them with
// domain/policy.ts on the card as it is, commits and announces them; refusals are recorded here.
import { Hono } from 'hono';
import { valid } from '../middleware/validate';
import { actorOf } from '../middleware/session';
import { changeInRoom } from '../middleware/in-room';
import { accessOf } from '../domain/policy';
import { listOitItems, readCardDetails } from '../db/card-details';
import { unauthenticated } from '../domain/errors';
import { cardParam, commentBody, evidenceBody, publicationBody } from '../domain/schemas/cards';
import { idParam } from '../domain/schemas/common';
import type { CommentView, EvidenceView, PersonRef } from '../domain/contracts-card';
import type { AppEnv } from '../env';
import type { Context } from 'hono';
import { beYearParam } from '../domain/params';

/** The signed-in person as shown beside what they add. */
function me(c: Context<AppEnv>): PersonRef {
  const who = c.get('me');
  if (!who) throw unauthenticated();
  return { id: who.user.id, displayName: who.user.displayName };
}

export const cardDetailRoutes = new Hono<AppEnv>()
  .get('/cards/:id', valid('param', cardParam), async (c) => {
    const actor = actorOf(c);
    return c.json(await readCardDetails(c.get('db'), actor, c.req.valid('param').id, accessOf(actor)));
  })
  .post('/cards/:id/evidence', valid('param', cardParam), valid('json', evidenceBody), async (c) => {
    const cardId = c.req.valid('param').id;
    const evidence = await changeInRoom<EvidenceView>(c, 'evidence.add', { cardId }, { kind: 'evidence.add', cardId, body: c.req.valid('json'), by: me(c) });
    return c.json({ evidence }, 201);
  })
  .delete('/evidence/:id', valid('param', idParam), async (c) => {
    const evidenceId = c.req.valid('param').id;
    await changeInRoom<null>(c, 'evidence.remove', { evidenceId }, { kind: 'evidence.remove', evidenceId });
    return c.body(null, 204);
  })
  .patch('/evidence/:id', valid('param', idParam), valid('json', publicationBody), async (c) => {
    const evidenceId = c.req.valid('param').id;
    const evidence = await changeInRoom<EvidenceView>(c, 'evidence.publication', { evidenceId }, { kind: 'evidence.publication', evidenceId, body: c.req.valid('json') });
    return c.json({ evidence });
  })
  .post('/cards/:id/comments', valid('param', cardParam), valid('json', commentBody), async (c) => {
    const cardId = c.req.valid('param').id;
    const comment = await changeInRoom<CommentView>(c, 'comment.add', { cardId }, { kind: 'comment.add', cardId, body: c.req.valid('json').body, by: me(c) });
    return c.json({ comment }, 201);
  })
  .get('/boards/:beYear/oit-items', valid('param', beYearParam), async (c) => {
    const actor = actorOf(c);
    return c.json({ items: await listOitItems(c.get('db'), actor, c.req.valid('param').beYear, accessOf(actor)) });
  });

/** This sub-app's routes as a type, for the web app's typed client (hc, web/src/api.ts). */
export type CardDetailsApi = typeof cardDetailRoutes;
