// The worker's side of the boards' rooms (live/board-room.ts): finding the room of a board, a card
// or an evidence link, and turning a room's answer back into a value or an AppError.
//
// Which board a card or a link belongs to never changes (cards do not move between years), so the
// isolate remembers it: a change costs one call to the room and no D1 read here. A year's id for
// its Buddhist Era year can change only when the year is deleted and imported again; a room that
// finds no board makes the caller forget it and look again once.
import { cardHome } from '../db/cards';
import { evidenceHome } from '../db/card-details';
import { findFiscalYear } from '../db/board';
import type { Db } from '../db/client';
import { appError, revivedError, type AppError } from '../domain/errors';
import type { Env } from '../env';
import { roomName, sessionTag, userTag, type BoardKey, type BoardRoom, type RoomResult } from './board-room';

/** The part of the request's execution context we need (hono and workers type it differently). */
export interface WaitUntil {
  waitUntil(promise: Promise<unknown>): void;
}

/** The one room of a board. */
export function boardRoom(env: Env, orgId: string, fiscalYearId: string): DurableObjectStub<BoardRoom> {
  const ns = env.BOARD_ROOM;
  return ns.get(ns.idFromName(roomName(orgId, fiscalYearId)));
}

/** Remembered homes: `orgId:what:id` → fiscal year id. Bounded: forgotten all at once when full. */
const homes = new Map<string, string>();
const HOMES_LIMIT = 50_000;

async function remembered(key: string, find: () => Promise<string | null>): Promise<string | null> {
  const known = homes.get(key);
  if (known) return known;
  const found = await find();
  if (found) {
    if (homes.size >= HOMES_LIMIT) homes.clear();
    homes.set(key, found);
  }
  return found;
}

export interface Room {
  key: BoardKey;
  stub: DurableObjectStub<BoardRoom>;
}

const room = (env: Env, key: BoardKey): Room => ({ key, stub: boardRoom(env, key.orgId, key.fiscalYearId) });

/** The room of the office's card; 404 when the office has no such card. */
export async function roomOfCard(env: Env, db: Db, orgId: string, cardId: string): Promise<Room> {
  const fiscalYearId = await remembered(`${orgId}:card:${cardId}`, () => cardHome(db, orgId, cardId));
  if (!fiscalYearId) throw appError(404, 'not_found.card');
  return room(env, { orgId, fiscalYearId });
}

/** The room of the card of the office's evidence link; 404 when the office has no such link. */
export async function roomOfEvidence(env: Env, db: Db, orgId: string, evidenceId: string): Promise<Room> {
  const fiscalYearId = await remembered(`${orgId}:evidence:${evidenceId}`, () => evidenceHome(db, orgId, evidenceId));
  if (!fiscalYearId) throw appError(404, 'not_found.evidence_link');
  return room(env, { orgId, fiscalYearId });
}

/**
 * Asks the room of the office's year `beYear` (404 when there is none). A room that finds no board
 * (the year was deleted, perhaps imported again under a new id) is asked again after a fresh look.
 */
export async function askYearRoom<T>(env: Env, db: Db, orgId: string, beYear: number, ask: (room: Room) => Promise<RoomResult<T>>): Promise<T> {
  const key = `${orgId}:year:${beYear}`;
  const find = async () => (await findFiscalYear(db, orgId, beYear)).id;
  const first = await ask(room(env, { orgId, fiscalYearId: (await remembered(key, find))! }));
  if (!('missing' in first)) return settled(first, () => appError(404, 'not_found.year', { year: beYear }));
  homes.delete(key);
  const again = await ask(room(env, { orgId, fiscalYearId: (await remembered(key, find))! }));
  return settled(again, () => appError(404, 'not_found.year', { year: beYear }));
}

/** A room's answer as a value, or its AppError thrown (a refusal stays a Refusal, for the audit). */
export function settled<T>(result: RoomResult<T>, missing: () => AppError): T {
  if (result.ok) return result.value;
  if ('missing' in result) throw missing();
  throw revivedError(result.error);
}

/**
 * After a change to boards made outside their rooms (columns, groups, an import, a restore, a
 * deleted year): each room loads its board again and tells its open tabs to reload. Awaited, so
 * the change's answer goes out only when the boards show it.
 */
export async function invalidateBoards(env: Env, orgId: string, fiscalYearIds: readonly string[]): Promise<void> {
  await Promise.all(fiscalYearIds.map((fiscalYearId) => boardRoom(env, orgId, fiscalYearId).invalidate({ orgId, fiscalYearId })));
}

/** After the office's done rule was switched: every board's room decides by the new rule from now on. */
export async function applyDoneRule(env: Env, orgId: string, fiscalYearIds: readonly string[], required: boolean): Promise<void> {
  await Promise.all(fiscalYearIds.map((fiscalYearId) => boardRoom(env, orgId, fiscalYearId).applyDoneRule(required)));
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
  for (const fiscalYearId of fiscalYearIds) {
    ctx.waitUntil(boardRoom(env, orgId, fiscalYearId).disconnect(tag).catch((e: unknown) => console.error('live disconnect failed', e)));
  }
}
