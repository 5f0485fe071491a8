// The card as the board carries it: one pure function of the card row's fields, used for the
// board answer, live `card` messages and the answers of a move or an edit (db/board.ts), and by the
// board's Durable Object to keep each card's serialised part in memory. `editable` is not part of
// it: it depends on who asks, and is added per asker (db/board.ts toCardView).
import type { CardView } from './contracts';
import type { LiveCard } from './contracts-card';

/** What boardCardOf reads of a card (a row of `cards`, or a CardFull): the board's fields, the checklist whole. */
export type BoardCardSource = Omit<CardView, 'checklist' | 'editable'> & { checklist: readonly { done: boolean }[] };

/** Ticked items of a checklist, of how many. */
export function checklistCounts(items: readonly { done: boolean }[]): { done: number; total: number } {
  let done = 0;
  for (const item of items) if (item.done) done++;
  return { done, total: items.length };
}

/**
 * The card as the board draws it and its filters need it: no details and no checklist texts (the
 * drawer loads those with GET /api/cards/:id), the checklist as counts. Measured in
 * tests/worker/board-answer.test.ts (the 2,000-card bench board gzipped).
 */
export function boardCardOf(card: BoardCardSource): LiveCard {
  // The order of the keys is chosen for gzip (measured on the 2,000-card bench board: 4 KB less
  // than the row's order): what differs from card to card first, then what cards share with their
  // neighbours (their measure's groups, the version), so the shared part compresses as one run.
  return {
    id: card.id,
    orderKey: card.orderKey,
    title: card.title,
    stepNumber: card.stepNumber,
    dueOn: card.dueOn,
    checklist: checklistCounts(card.checklist),
    columnId: card.columnId,
    measureId: card.measureId,
    leadGroupId: card.leadGroupId,
    groupIds: card.groupIds,
    allGroups: card.allGroups,
    version: card.version,
  };
}
