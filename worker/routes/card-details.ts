// A card's details, its evidence links and comments, and the fiscal year's OIT catalogue.
// Mounted at /api. Permissions are decided by domain/policy.ts (handed to db/ as `accessOf(actor)`,
// asked of the rows db/ reads); this file records refusals; every committed change is announced to
// the board's open tabs afterwards.
import { Hono } from 'hono';
import { valid } from '../middleware/validate';
import { oneWriterPerOffice } from '../middleware/one-writer';
import { actorOf } from '../middleware/session';
import { recordingRefusal } from '../middleware/audit-refusals';
import { accessOf } from '../domain/policy';
import { addComment, addEvidence, listOitItems, readCardDetails, removeEvidence, setEvidencePublication } from '../db/card-details';
import { notifyCardChange } from '../live/notify';
import { unauthenticated } from '../domain/errors';
import { cardParam, commentBody, evidenceBody, publicationBody } from '../domain/schemas/cards';
import { idParam } from '../domain/schemas/common';
import type { PersonRef } from '../domain/contracts-card';
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
  .post('/cards/:id/evidence', valid('param', cardParam), valid('json', evidenceBody), oneWriterPerOffice, async (c) => {
    const cardId = c.req.valid('param').id;
    const actor = actorOf(c);
    const commit = await recordingRefusal(c, 'evidence.add', { cardId }, () => addEvidence(c.get('db'), actor, me(c), cardId, c.req.valid('json'), accessOf(actor)));
    notifyCardChange(c.env, c.executionCtx, commit);
    return c.json({ evidence: commit.value }, 201);
  })
  .delete('/evidence/:id', valid('param', idParam), oneWriterPerOffice, async (c) => {
    const evidenceId = c.req.valid('param').id;
    const actor = actorOf(c);
    const commit = await recordingRefusal(c, 'evidence.remove', { evidenceId }, () => removeEvidence(c.get('db'), actor, evidenceId, accessOf(actor)));
    notifyCardChange(c.env, c.executionCtx, commit);
    return c.body(null, 204);
  })
  .patch('/evidence/:id', valid('param', idParam), valid('json', publicationBody), oneWriterPerOffice, async (c) => {
    const evidenceId = c.req.valid('param').id;
    const actor = actorOf(c);
    const commit = await recordingRefusal(c, 'evidence.publication', { evidenceId }, () =>
      setEvidencePublication(c.get('db'), actor, evidenceId, c.req.valid('json'), accessOf(actor)),
    );
    notifyCardChange(c.env, c.executionCtx, commit);
    return c.json({ evidence: commit.value });
  })
  .post('/cards/:id/comments', valid('param', cardParam), valid('json', commentBody), oneWriterPerOffice, async (c) => {
    const cardId = c.req.valid('param').id;
    const actor = actorOf(c);
    const commit = await recordingRefusal(c, 'comment.add', { cardId }, () => addComment(c.get('db'), actor, me(c), cardId, c.req.valid('json').body, accessOf(actor)));
    notifyCardChange(c.env, c.executionCtx, commit);
    return c.json({ comment: commit.value }, 201);
  })
  .get('/boards/:beYear/oit-items', valid('param', beYearParam), async (c) => {
    const actor = actorOf(c);
    return c.json({ items: await listOitItems(c.get('db'), actor, c.req.valid('param').beYear, accessOf(actor)) });
  });

/** This sub-app's routes as a type, for the web app's typed client (hc, web/src/api.ts). */
export type CardDetailsApi = typeof cardDetailRoutes;
