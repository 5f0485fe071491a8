// Local benchmarking only (tests/bench/board.bench.mjs): these routes answer 404 unless DEMO_SEED
// is "1", exactly like routes/dev.ts, and need an administrator's session besides.
//
// How the board request is measured against raw D1 (design):
// - GET /bench/board/:beYear runs the board's own loader (db/board.ts loadBoard, the code behind
//   GET /api/boards/:beYear) and serialises its answer, on a D1 handle that counts
//   meta.rows_read of every statement (db/metered.ts).
// - GET /bench/raw/:beYear runs the same SELECTs as plain D1 statements (no ORM, no mapping, no
//   sorting, no permission checks) and serialises the rows: the floor the loader is compared with.
// Both time themselves inside the worker and report rows read and rows returned. The session
// lookup (the middleware) is outside both timings.
// - GET /bench/raw-rows/:beYear answers the raw read's rows themselves (JSON, as D1 returns them):
//   the bench times it over HTTP from outside, body read, against the real GET /api/boards/:beYear
//   (both pass the same middleware, the session lookup included).
import { Hono } from 'hono';
import { valid } from '../middleware/validate';
import { adminOf } from '../middleware/authorize';
import { actorOf } from '../middleware/session';
import { createDb } from '../db/client';
import { meteredD1, newMeter } from '../db/metered';
import { loadBoard } from '../db/board';
import { createBenchBoard, rawBoardRead } from '../seed/bench';
import { forbidden, appError } from '../domain/errors';
import { accessOf, canAdminister, type Actor } from '../domain/policy';
import type { AppEnv } from '../env';
import { beYearParam } from '../domain/params';
import { benchBoardBody } from '../domain/schemas/dev';


function requireAdmin(actor: Actor): Actor {
  if (!canAdminister(actor, actor.orgId)) throw forbidden();
  return actor;
}

export const devBenchRoutes = new Hono<AppEnv>()
  .use(async (c, next) => {
    if (c.env.DEMO_SEED !== '1') throw appError(404, 'not_found.page');
    adminOf(c);
    await next();
  })
  .post('/boards', valid('json', benchBoardBody), async (c) => {
    const { beYear, cards: n, titles } = c.req.valid('json');
    return c.json(await createBenchBoard(c.get('db'), requireAdmin(actorOf(c)), beYear, n, titles), 201);
  })
  .get('/board/:beYear', valid('param', beYearParam), async (c) => {
    const actor = requireAdmin(actorOf(c));
    const meter = newMeter();
    const db = createDb(meteredD1(c.env.DB, meter));
    const started = performance.now();
    const view = await loadBoard(db, actor, c.req.valid('param').beYear, accessOf(actor));
    const bytes = JSON.stringify(view).length;
    const serverMs = performance.now() - started;
    return c.json({ serverMs, rowsRead: meter.rowsRead, rowsReturned: meter.rowsReturned, cards: view.cards.length, bytes });
  })
  .get('/raw/:beYear', valid('param', beYearParam), async (c) => {
    const actor = requireAdmin(actorOf(c));
    const started = performance.now();
    const results = await rawBoardRead(c.env.DB, actor.orgId, c.req.valid('param').beYear);
    const bytes = JSON.stringify(results.map((r) => r.results)).length;
    const serverMs = performance.now() - started;
    const rowsRead = results.reduce((n, r) => n + (r.meta.rows_read ?? 0), 0);
    const rowsReturned = results.reduce((n, r) => n + r.results.length, 0);
    return c.json({ serverMs, rowsRead, rowsReturned, cards: results[4]!.results.length, bytes });
  })
  .get('/raw-rows/:beYear', valid('param', beYearParam), async (c) => {
    const actor = requireAdmin(actorOf(c));
    const results = await rawBoardRead(c.env.DB, actor.orgId, c.req.valid('param').beYear);
    return c.json(results.map((r) => r.results));
  });
