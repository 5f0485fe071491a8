// A card's details, its evidence links and comments, and the fiscal year's OIT catalogue.
// Mounted at /api. Permissions are decided in the db layer through domain/policy.ts; every
// committed change is announced to the board's open tabs afterwards.
import { Hono } from 'hono';
import { z } from 'zod';
import { valid } from '../middleware/validate';
import { oneWriterPerOffice } from '../middleware/one-writer';
import { actorOf } from '../middleware/session';
import { addComment, addEvidence, listOitItems, readCardDetails, removeEvidence, setEvidencePublication } from '../db/card-details';
import { notifyCardChange } from '../live/notify';
import { unauthenticated } from '../domain/errors';
import { cardParam, id, plainText, refusalRecorder, webLink } from './cards';
import type { PersonRef } from '../domain/contracts-card';
import type { AppEnv } from '../env';
import type { Context } from 'hono';
import { beYearParam } from '../domain/params';



const evidenceBody = z.strictObject({
  url: webLink,
  note: plainText(1000),
  oitCode: z.string().trim().min(1).max(20).nullable(),
});

const publicationBody = z
  .strictObject({ linkPublished: z.boolean(), notePublished: z.boolean() })
  .partial()
  .refine((o) => Object.keys(o).length > 0, { message: 'name linkPublished or notePublished' });

const commentBody = z.strictObject({ body: z.string().trim().min(1).max(5000) });

/** The signed-in person as shown beside what they add. */
function me(c: Context<AppEnv>): PersonRef {
  const who = c.get('me');
  if (!who) throw unauthenticated();
  return { id: who.user.id, displayName: who.user.displayName };
}

export const cardDetailRoutes = new Hono<AppEnv>()
  .get('/cards/:id', valid('param', cardParam), async (c) => {
    return c.json(await readCardDetails(c.get('db'), actorOf(c), c.req.valid('param').id));
  })
  .post('/cards/:id/evidence', valid('param', cardParam), valid('json', evidenceBody), oneWriterPerOffice, async (c) => {
    const cardId = c.req.valid('param').id;
    const commit = await addEvidence(c.get('db'), actorOf(c), me(c), cardId, c.req.valid('json'), refusalRecorder(c, 'evidence.add', { cardId }));
    notifyCardChange(c.env, c.executionCtx, commit);
    return c.json({ evidence: commit.value }, 201);
  })
  .delete('/evidence/:id', valid('param', z.object({ id })), oneWriterPerOffice, async (c) => {
    const evidenceId = c.req.valid('param').id;
    const commit = await removeEvidence(c.get('db'), actorOf(c), evidenceId, refusalRecorder(c, 'evidence.remove', { evidenceId }));
    notifyCardChange(c.env, c.executionCtx, commit);
    return c.body(null, 204);
  })
  .patch('/evidence/:id', valid('param', z.object({ id })), valid('json', publicationBody), oneWriterPerOffice, async (c) => {
    const evidenceId = c.req.valid('param').id;
    const commit = await setEvidencePublication(c.get('db'), actorOf(c), evidenceId, c.req.valid('json'), refusalRecorder(c, 'evidence.publication', { evidenceId }));
    notifyCardChange(c.env, c.executionCtx, commit);
    return c.json({ evidence: commit.value });
  })
  .post('/cards/:id/comments', valid('param', cardParam), valid('json', commentBody), oneWriterPerOffice, async (c) => {
    const cardId = c.req.valid('param').id;
    const commit = await addComment(c.get('db'), actorOf(c), me(c), cardId, c.req.valid('json').body, refusalRecorder(c, 'comment.add', { cardId }));
    notifyCardChange(c.env, c.executionCtx, commit);
    return c.json({ comment: commit.value }, 201);
  })
  .get('/boards/:beYear/oit-items', valid('param', beYearParam), async (c) => {
    return c.json({ items: await listOitItems(c.get('db'), actorOf(c), c.req.valid('param').beYear) });
  });
