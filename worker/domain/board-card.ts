// The card as the board carries it: one pure function of the card row's fields, used for the
// board answer, live `card` messages and the answers of a move or an edit (db/board.ts), and by the
// board's Durable Object to keep each card's serialised part in memory. `editable` is not part of
// it: it depends on who asks, and is added per asker (db/board.ts toCardView).
import type { BoardView, CardView } from './contracts';
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

/** The fields a card's serialised part keeps, in the order of boardCardOf (all but `editable`). */
export const PART_FIELDS = ['id', 'orderKey', 'title', 'stepNumber', 'dueOn', 'checklist', 'columnId', 'measureId', 'leadGroupId', 'groupIds', 'allGroups', 'version'] as const satisfies readonly (keyof LiveCard)[];

/**
 * The board's card fields, in the order the board answer carries its columns (boardCardOf's order
 * for gzip, `editable` last: it is the reader's, added per asker).
 */
export const CARD_FIELDS = [...PART_FIELDS, 'editable'] as const satisfies readonly (keyof CardView)[];

/** The board's cards as columns: one array per field of CardView, every array in board order. */
export type CardColumns = { [K in keyof CardView]: CardView[K][] };

/**
 * GET /api/boards/:beYear as it travels: the board with its cards as columns (measured on the
 * 2,000-card bench board: ~30 KB less gzipped than an array of objects, the same ids and values).
 * Everything else that carries a card (live messages, changes, move and edit answers, 409) keeps it
 * as an object; boardFromWire turns this into the BoardView every reader uses.
 */
export type BoardWire = Omit<BoardView, 'cards'> & { cards: CardColumns };

/** The columns turned back into the board's cards (CardView[]), in board order. */
export function boardFromWire(wire: BoardWire): BoardView {
  const { cards: columns, ...rest } = wire;
  const count = columns.id.length;
  const cards: CardView[] = new Array(count);
  for (let i = 0; i < count; i++) {
    // Every card gets its fields in the same order, so all share one object shape.
    const card: Record<string, unknown> = {};
    for (const field of CARD_FIELDS) card[field] = columns[field][i];
    cards[i] = card as unknown as CardView;
  }
  return { ...rest, cards };
}

/** A card's serialised part: each of its PART_FIELDS as JSON, in that order (kept per card by the board's room). */
export function cardPart(card: LiveCard): string[] {
  return PART_FIELDS.map((field) => JSON.stringify(card[field]));
}

/**
 * The board answer's `cards` as JSON text, joined from the kept parts of the cards in board order
 * and each one's `editable`: the encoder of the board's room (live/board-memory.ts).
 */
export function cardColumnsText(parts: readonly (readonly string[])[], editable: readonly boolean[]): string {
  const columns = PART_FIELDS.map((field, f) => {
    const values = new Array<string>(parts.length);
    for (let i = 0; i < parts.length; i++) values[i] = parts[i]![f]!;
    return `"${field}":[${values.join(',')}]`;
  });
  columns.push(`"editable":[${editable.join(',')}]`);
  return `{${columns.join(',')}}`;
}

/** The board as it travels (BoardWire), from BoardView: what the room's answer must equal. */
export function boardToWire(board: BoardView): BoardWire {
  const { cards, ...rest } = board;
  const columns = Object.fromEntries(CARD_FIELDS.map((field) => [field, cards.map((card) => card[field])])) as unknown as CardColumns;
  return { ...rest, cards: columns };
}
