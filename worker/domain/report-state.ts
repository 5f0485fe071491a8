// The board as it stood at a moment in the past, rebuilt from its current state and the event
// log. Every change to a card is logged with the fields it replaced (`before`), so walking back
// from the newest event and restoring those fields gives the board at any earlier point without
// replaying the year from its first event: a report reads only the events since its period began.
//
// The cut is made by `seq`, the chain's commit order, not by timestamps: the events "inside" a
// moment are a prefix of the chain (everything before the first event stamped at or after it),
// so a few milliseconds of clock skew between writers can never produce a state that no prefix
// of the log describes.
//
// Cards created after the moment are kept, with the state they were created in: a step of the
// year's plan exists whether or not it had been entered on the board yet (an office that sets up
// its board in June still reports its steps as "not started" for May).

export interface CardState {
  id: string;
  measureId: string;
  stepNumber: number;
  title: string;
  columnId: string;
  dueOn: string | null;
  leadGroupId: string | null;
  groupIds: readonly string[];
  allGroups: boolean;
}

export interface LoggedEvent {
  seq: number;
  cardId: string | null;
  actorUserId: string | null;
  kind: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  at: number;
}

/** Card fields an event's `before` may restore. */
const RESTORABLE = ['title', 'columnId', 'dueOn', 'leadGroupId', 'groupIds', 'allGroups'] as const;

/** Events sorted by seq (the input may come in any order). */
export function inChainOrder<E extends { seq: number }>(events: readonly E[]): E[] {
  return [...events].sort((a, b) => a.seq - b.seq);
}

/**
 * Index of the first event (in chain order) stamped at or after `moment`; events before it are
 * the ones that had happened by then.
 */
export function cutIndex(sorted: readonly { at: number }[], moment: number): number {
  const i = sorted.findIndex((e) => e.at >= moment);
  return i < 0 ? sorted.length : i;
}

function restore(card: CardState, before: Record<string, unknown>): CardState {
  let next: CardState | null = null;
  for (const field of RESTORABLE) {
    if (!(field in before)) continue;
    next ??= { ...card };
    (next as unknown as Record<string, unknown>)[field] = before[field];
  }
  return next ?? card;
}

/**
 * The cards as they were before the events `undo` (chain order) happened, starting from `current`.
 * Only card events restore fields; evidence and comment events carry other things in `before`.
 */
export function cardsBefore(current: readonly CardState[], undo: readonly LoggedEvent[]): Map<string, CardState> {
  const cards = new Map(current.map((c) => [c.id, c]));
  for (let i = undo.length - 1; i >= 0; i--) {
    const e = undo[i]!;
    if (!e.cardId || !e.before || !e.kind.startsWith('card.') || e.kind === 'card.created') continue;
    const card = cards.get(e.cardId);
    if (card) cards.set(e.cardId, restore(card, e.before));
  }
  return cards;
}
