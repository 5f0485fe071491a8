// A change to a card, or to what hangs off it, goes to its board's room (live/board-room.ts), the
// board's only writer: one call, which decides, commits, remembers and broadcasts. A refusal the
// room meets comes back as data and is recorded here, under the route's action, before the 403.
import type { Context } from 'hono';
import { actorOf } from './session';
import { recordingRefusal } from './audit-refusals';
import { roomOfCard, roomOfEvidence, settled } from '../live/notify';
import type { CardOp } from '../live/board-room';
import { appError } from '../domain/errors';
import type { AppEnv } from '../env';

/** Sends a change of the card to its board's room; a refusal is recorded under `action`. */
export async function changeInRoom<T>(c: Context<AppEnv>, action: string, detail: Record<string, unknown>, op: CardOp): Promise<T> {
  const actor = actorOf(c);
  return recordingRefusal(c, action, detail, async () => {
    const room = 'cardId' in op ? await roomOfCard(c.env, c.get('db'), actor.orgId, op.cardId) : await roomOfEvidence(c.env, c.get('db'), actor.orgId, op.evidenceId);
    return settled(await room.stub.change(room.key, actor, op), () => appError(404, 'not_found.card')) as T;
  });
}

