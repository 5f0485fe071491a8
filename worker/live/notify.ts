// Telling a board's open tabs about a change. Routes call these after their D1 batch has
// committed, never before: a client must never see a change that could still roll back. The
// broadcast runs in waitUntil so the request does not wait for it; if it fails, clients still
// catch up on their next (re)connect because the hello carries the head seq.
import { toLiveCard } from '../db/board';
import type { Card } from '../db/schema';
import type { LiveServerMessage } from '../domain/contracts-card';
import type { Env } from '../env';
import { roomName, sessionTag, userTag, type BoardRoom } from './board-room';

/** The part of the request's execution context we need (hono and workers type it differently). */
export interface WaitUntil {
  waitUntil(promise: Promise<unknown>): void;
}

/** The one room of a board. */
export function boardRoom(env: Env, orgId: string, fiscalYearId: string): DurableObjectStub<BoardRoom> {
  const ns = env.BOARD_ROOM;
  return ns.get(ns.idFromName(roomName(orgId, fiscalYearId)));
}

/** Runs `call` on a board's room after the response (waitUntil); a failure is logged, not thrown. */
function inRoom(env: Env, ctx: WaitUntil, orgId: string, fiscalYearId: string, what: string, call: (room: DurableObjectStub<BoardRoom>) => Promise<unknown>): void {
  ctx.waitUntil(
    call(boardRoom(env, orgId, fiscalYearId)).then(
      () => undefined,
      (e: unknown) => console.error(`live ${what} failed`, e),
    ),
  );
}

function send(env: Env, ctx: WaitUntil, orgId: string, fiscalYearId: string, message: LiveServerMessage): void {
  inRoom(env, ctx, orgId, fiscalYearId, 'broadcast', (room) => room.broadcast(message));
}

/** After a committed change to one card (move, edit, evidence, comment). Nothing when nothing changed. */
export function notifyCardChange(
  env: Env,
  ctx: WaitUntil,
  commit: { card: Card; event: { seq: number; kind: string } | null },
): void {
  if (!commit.event) return;
  const { card, event } = commit;
  send(env, ctx, card.orgId, card.fiscalYearId, { type: 'card', seq: event.seq, kind: event.kind, card: toLiveCard(card) });
}

/** After a bulk change to a board (import, columns, many cards): every open tab reloads it. */
export function notifyResync(env: Env, ctx: WaitUntil, orgId: string, fiscalYearId: string, seq: number): void {
  send(env, ctx, orgId, fiscalYearId, { type: 'resync', seq });
}

/**
 * After a sign-out: close the live sockets of that session (or, signing out everywhere, of every
 * session of the user) on every board of the office. `fiscalYearIds`: the office's boards.
 */
export function disconnectSignedOut(
  env: Env,
  ctx: WaitUntil,
  orgId: string,
  fiscalYearIds: readonly string[],
  who: { sessionId: string } | { userId: string },
): void {
  const tag = 'sessionId' in who ? sessionTag(who.sessionId) : userTag(who.userId);
  for (const fiscalYearId of fiscalYearIds) inRoom(env, ctx, orgId, fiscalYearId, 'disconnect', (room) => room.disconnect(tag));
}
