// Card mutations. A move shows at once (optimistic) and is sent to the server in order, one
// at a time; a 409 puts the server's card back with a message, other errors undo the move.
import type { CardView, MoveCardRequest } from '../../../worker/domain/contracts';
import { api, isConflictBody, type CardPatch } from '../api';
import { both, t } from '../i18n';
import {
  board,
  columnsById,
  compareCards,
  findCard,
  pendingCardIds,
  replaceCard,
  setPending,
} from './board';
import { announce, pushApiError, pushNotice } from './notices';

/** Moves go to the server one after another, so each can name its neighbour reliably. */
let queue: Promise<void> = Promise.resolve();

function enqueue(task: () => Promise<void>): Promise<void> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

/** The last card of a column (all lanes), skipping `exceptId` and, optionally, pending cards. */
function lastCardOfColumn(
  columnId: string,
  exceptId: string,
  skipPending: boolean,
): CardView | null {
  const pending = pendingCardIds.value;
  let last: CardView | null = null;
  for (const card of board.value?.cards ?? []) {
    if (card.columnId !== columnId || card.id === exceptId) continue;
    if (skipPending && pending.has(card.id)) continue;
    if (!last || compareCards(card, last) > 0) last = card;
  }
  return last;
}

export function isPending(cardId: string): boolean {
  return pendingCardIds.value.has(cardId);
}

/** Move a card to the end of another column. Resolves when the server has answered. */
export function moveCard(cardId: string, toColumnId: string): Promise<void> {
  const card = findCard(cardId);
  const target = columnsById.value.get(toColumnId);
  if (!card || !target || !card.editable || card.columnId === toColumnId || isPending(cardId)) {
    return Promise.resolve();
  }
  const before = card;
  // Optimistic place: after every card now in the target column. The key only has to sort
  // last until the server's answer replaces the card.
  const last = lastCardOfColumn(toColumnId, cardId, false);
  replaceCard({
    ...card,
    columnId: toColumnId,
    orderKey: last ? `${last.orderKey}~` : card.orderKey,
  });
  setPending(cardId, true);

  return enqueue(async () => {
    try {
      const current = findCard(cardId);
      // The board was switched or reloaded meanwhile: nothing of ours left to send.
      if (!current || current.columnId !== toColumnId) return;
      // Earlier moves in the queue are settled by now; later ones are still pending and
      // not yet on the server, so they are skipped when choosing the neighbour.
      const after = lastCardOfColumn(toColumnId, cardId, true);
      const move: MoveCardRequest = {
        toColumnId,
        afterCardId: after?.id ?? null,
        beforeCardId: null,
        version: before.version,
      };
      const result = await api.moveCard(cardId, move);
      if (result.ok) {
        replaceCard(result.data.card);
        const column = columnsById.value.get(result.data.card.columnId) ?? target;
        announce({
          th: t('move.done', { title: card.title, column: column.labelTh }, 'th'),
          en: t('move.done', { title: card.title, column: column.labelEn || column.labelTh }, 'en'),
        });
        return;
      }
      const { error } = result;
      if (error.status === 409 && isConflictBody(error.body)) {
        replaceCard(error.body.card);
        pushNotice('conflict', both('move.conflict'));
        return;
      }
      // Undo, unless something newer (a reload) already replaced our optimistic card.
      const now = findCard(cardId);
      if (now && now.version === before.version && now.columnId === toColumnId) {
        replaceCard(error.status === 403 ? { ...before, editable: false } : before);
      }
      if (error.status !== 401) pushApiError(error);
    } finally {
      setPending(cardId, false);
    }
  });
}

/** Edit a card's title, details or due date. Resolves to true when the server saved it. */
export async function saveCard(
  cardId: string,
  changes: Omit<CardPatch, 'version'>,
): Promise<boolean> {
  const card = findCard(cardId);
  if (!card || !card.editable || isPending(cardId)) return false;
  setPending(cardId, true);
  try {
    const result = await api.patchCard(cardId, { ...changes, version: card.version });
    if (result.ok) {
      replaceCard(result.data.card);
      announce(both('edit.done', { title: result.data.card.title }));
      return true;
    }
    const { error } = result;
    if (error.status === 409 && isConflictBody(error.body)) {
      replaceCard(error.body.card);
      pushNotice('conflict', both('edit.conflict'));
    } else if (error.status !== 401) {
      if (error.status === 403) replaceCard({ ...card, editable: false });
      pushApiError(error);
    }
    return false;
  } finally {
    setPending(cardId, false);
  }
}
