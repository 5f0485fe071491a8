// GET /api/boards/:beYear/live: a WebSocket of the board's committed changes. Everything a
// browser could abuse is checked here, before the upgrade, with our JSON errors: the session
// (401), the origin (403: WebSocket handshakes are not subject to CORS, so a page elsewhere could
// otherwise open one with the user's cookie), and the board belonging to the actor's office (404).
import { Hono } from 'hono';
import { valid } from '../middleware/validate';
import { actorOf } from '../middleware/session';
import { findFiscalYear } from '../db/board';
import { chainHeadQuery, headOf } from '../db/events';
import { HEAD_SEQ_HEADER, SESSION_HEADER, USER_HEADER } from '../live/board-room';
import { boardRoom } from '../live/notify';
import { forbidden, appError } from '../domain/errors';
import { canReadBoard } from '../domain/policy';
import type { AppEnv } from '../env';
import { beYearParam } from '../domain/params';


const crossSite = () => appError(403, 'cross_site_request');

export const liveRoutes = new Hono<AppEnv>().get('/boards/:beYear/live', valid('param', beYearParam), async (c) => {
  const actor = actorOf(c);
  // Browsers always send Origin on a WebSocket handshake; one that is missing or foreign is refused.
  const origin = c.req.header('origin');
  const site = c.req.header('sec-fetch-site');
  if (origin !== new URL(c.req.url).origin || (site !== undefined && site !== 'same-origin')) throw crossSite();
  if (c.req.header('upgrade')?.toLowerCase() !== 'websocket') {
    throw appError(400, 'websocket_expected');
  }
  const db = c.get('db');
  const fy = await findFiscalYear(db, actor.orgId, c.req.valid('param').beYear);
  if (!canReadBoard(actor, fy.orgId)) throw forbidden();
  const head = headOf(await chainHeadQuery(db, fy.id));
  const headers: Record<string, string> = { upgrade: 'websocket', [HEAD_SEQ_HEADER]: String(head.seq), [USER_HEADER]: actor.userId };
  // Signed in with a session (not through Cloudflare Access): signing it out closes the socket.
  const sessionId = c.get('sessionId');
  if (sessionId) headers[SESSION_HEADER] = sessionId;
  const upgrade = new Request(c.req.url, { headers });
  return boardRoom(c.env, actor.orgId, fy.id).fetch(upgrade);
});
