// The board, answered by its room (live/board-room.ts) from memory, with an ETag: a reader who
// has the board as it is gets 304. The changes since a seq let an open board catch up.
import { Hono } from 'hono';
import type { TypedResponse } from 'hono';
import { valid } from '../middleware/validate';
import { actorOf } from '../middleware/session';
import { listFiscalYears } from '../db/board';
import { askYearRoom } from '../live/notify';
import type { BoardChanges } from '../domain/contracts';
import type { BoardWire } from '../domain/board-card';
import type { AppEnv } from '../env';
import { beYearParam, sinceQuery } from '../domain/params';

export const boardRoutes = new Hono<AppEnv>()
  .get('/fiscal-years', async (c) => {
    const actor = actorOf(c);
    return c.json({ fiscalYears: await listFiscalYears(c.get('db'), actor.orgId) });
  })
  .get('/boards/:beYear', valid('param', beYearParam), async (c) => {
    const actor = actorOf(c);
    const ifNoneMatch = c.req.header('if-none-match') ?? null;
    const answer = await askYearRoom(c.env, c.get('db'), actor.orgId, c.req.valid('param').beYear, ({ key, stub }) => stub.board(key, actor, ifNoneMatch));
    c.header('ETag', answer.etag);
    if (answer.body === null) return c.body(null, 304);
    // The room assembles the JSON, the cards as columns (BoardWire), from each card's serialised
    // part (tests/worker/board-room.test.ts checks that boardFromWire of it equals db/board.ts loadBoard).
    c.header('Content-Type', 'application/json; charset=UTF-8');
    return c.body(answer.body) as unknown as TypedResponse<BoardWire, 200, 'json'>;
  })
  .get('/boards/:beYear/changes', valid('param', beYearParam), valid('query', sinceQuery), async (c) => {
    const actor = actorOf(c);
    const { since } = c.req.valid('query');
    const changes: BoardChanges = await askYearRoom(c.env, c.get('db'), actor.orgId, c.req.valid('param').beYear, ({ key, stub }) => stub.changes(key, actor, since));
    return c.json(changes);
  });

/** This sub-app's routes as a type, for the web app's typed client (hc, web/src/api.ts). */
export type BoardApi = typeof boardRoutes;
