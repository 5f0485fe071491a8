// Card mutations. A move or an edit shows at once (optimistic) and is sent to the server in order,
// one at a time; a 409 puts the server's card back with a message, other errors undo the change.
import type { CardFull, CardView } from '../../../worker/domain/contracts';
import { checklistCounts } from '../../../worker/domain/board-card';
import type { MoveCardRequest } from '../../../worker/domain/schemas/cards';
import { api, isConflictBody, type CardPatch } from '../api';
import { both, t } from '../i18n';
import {
  acceptServerCard,
  board,
  columnsById,
  compareCards,
  findCard,
  pendingCardIds,
  replaceCard,
  setPending,
} from './board';
import { announce, pushApiError, pushNotice } from './notices';
import { cardChanged, openFullCard, savedToDrawer, showUnsaved, type DrawerFields } from './details';

/** Changes go to the server one after another, so each can name its neighbour reliably. */
let queue: Promise<void> = Promise.resolve();

function enqueue(task: () => Promise<void>): Promise<void> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

/** Where a card goes among the cards of its target cell (ids of its new neighbours, if any). */
export interface Placement {
  afterCardId: string | null;
  beforeCardId: string | null;
}

export function isPending(cardId: string): boolean {
  return pendingCardIds.value.has(cardId);
}

function columnInOrder(columnId: string): CardView[] {
  return (board.value?.cards ?? []).filter((c) => c.columnId === columnId).sort(compareCards);
}

/**
 * A key that sorts right where the card should appear until the server's answer replaces it.
 * `key + "\0"` sorts after `key` and before every other key greater than `key`, so it lands
 * between two neighbours without knowing the server's key scheme.
 */
function optimisticKey(cardId: string, toColumnId: string, place: Placement | null): string {
  const others = columnInOrder(toColumnId).filter((c) => c.id !== cardId);
  const byId = (id: string | null) => (id ? others.findIndex((c) => c.id === id) : -1);
  let afterIndex = others.length - 1;
  if (place?.afterCardId && byId(place.afterCardId) >= 0) afterIndex = byId(place.afterCardId);
  else if (place?.beforeCardId && byId(place.beforeCardId) >= 0) afterIndex = byId(place.beforeCardId) - 1;
  else if (place) afterIndex = -1;
  return afterIndex >= 0 ? `${others[afterIndex]!.orderKey}\u0000` : '';
}

/**
 * The neighbour to name to the server: the nearest card before ours in the column as it is now on
 * screen, skipping cards whose own moves are not on the server yet.
 */
function neighboursOnServer(card: CardView): Pick<MoveCardRequest, 'afterCardId' | 'beforeCardId'> {
  const list = columnInOrder(card.columnId);
  const at = list.findIndex((c) => c.id === card.id);
  const pending = pendingCardIds.value;
  for (let i = at - 1; i >= 0; i--) {
    if (!pending.has(list[i]!.id)) return { afterCardId: list[i]!.id, beforeCardId: null };
  }
  for (let i = at + 1; i < list.length; i++) {
    if (!pending.has(list[i]!.id)) return { afterCardId: null, beforeCardId: list[i]!.id };
  }
  return { afterCardId: null, beforeCardId: null };
}

/**
 * Move a card to another column (at its end, or at `place` among its new neighbours), or to
 * another place in its own column. Resolves when the server has answered.
 */
export function moveCard(cardId: string, toColumnId: string, place: Placement | null = null): Promise<void> {
  const card = findCard(cardId);
  const target = columnsById.value.get(toColumnId);
  if (!card || !target || !card.editable || isPending(cardId)) return Promise.resolve();
  if (card.columnId === toColumnId && !place) return Promise.resolve();
  const before = card;
  const optimistic = { ...card, columnId: toColumnId, orderKey: optimisticKey(cardId, toColumnId, place) };
  replaceCard(optimistic);
  setPending(cardId, true);

  return enqueue(async () => {
    try {
      const current = findCard(cardId);
      // The board was switched, reloaded or updated live meanwhile: nothing of ours left to send.
      if (!current || current.columnId !== toColumnId || current.orderKey !== optimistic.orderKey) return;
      const move: MoveCardRequest = { toColumnId, ...neighboursOnServer(current), version: before.version };
      const result = await api.moveCard(cardId, move);
      if (result.ok) {
        acceptServerCard(result.data.card);
        const column = columnsById.value.get(result.data.card.columnId) ?? target;
        announce({
          th: t.in('th', 'move.done', { title: card.title, column: column.labelTh }),
          get en() {
            return t.in('en', 'move.done', { title: card.title, column: column.labelEn || column.labelTh });
          },
        });
        return;
      }
      const { error } = result;
      if (error.status === 409 && isConflictBody(error.body)) {
        acceptServerCard(error.body.card);
        pushNotice('conflict', both('move.conflict'));
        return;
      }
      // Undo, unless something newer (a reload) already replaced our optimistic card.
      const now = findCard(cardId);
      if (now && now.version === before.version && now.orderKey === optimistic.orderKey) {
        replaceCard(error.status === 403 ? { ...before, editable: false } : before);
      }
      if (error.status !== 401) pushApiError(error);
    } finally {
      setPending(cardId, false);
    }
  });
}

type Changes = Omit<CardPatch, 'version'>;

/**
 * Edits of one card waiting for the server. Each is sent with the version the user was looking at
 * (or the one our previous edit produced): if someone else changed the card meanwhile, the server
 * answers 409 and the edits made on the old state are dropped, never silently written over theirs.
 */
interface EditChain {
  /** Null while a move of the card is in flight: its answer brings the version to edit. */
  version: number | null;
  waiting: Changes[];
  conflicted: boolean;
  /** Edits queued and not yet answered (or skipped). */
  tasks: number;
}
const chains = new Map<string, EditChain>();

/** What changes do to the board's copy of a card: it carries no details, and the checklist as counts. */
function onBoard(changes: Changes): Partial<CardView> {
  const { details: _details, checklist, ...rest } = changes;
  return checklist ? { ...rest, checklist: checklistCounts(checklist) } : rest;
}

/** What changes do to the drawer's fields (the whole card: details, checklist items). */
function inDrawer(...changes: Changes[]): Partial<DrawerFields> {
  const fields: Partial<DrawerFields> = {};
  for (const c of changes) {
    if (c.details !== undefined) fields.details = c.details;
    if (c.checklist !== undefined) fields.checklist = c.checklist;
  }
  return fields;
}

/** The server's card, with the edits still waiting shown on top of it (on the board and in the drawer). */
function showServerCard(card: CardView, chain: EditChain): void {
  acceptServerCard(card);
  showUnsaved(card.id, inDrawer(...chain.waiting));
  if (chain.waiting.length === 0) return;
  const current = findCard(card.id);
  if (current) replaceCard({ ...current, ...Object.assign({}, ...chain.waiting.map(onBoard)) });
}

/** The fields of `card` named in `changes` (to undo them). */
function fieldsOf(card: CardView, changes: Partial<CardView>): Partial<CardView> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(changes)) out[key] = card[key as keyof CardView];
  return out as Partial<CardView>;
}

/**
 * Edit a card's title, details, due date, groups or checklist. The change shows at once; resolves
 * to true when the server saved it.
 */
export function saveCard(cardId: string, changes: Changes, done: 'edit.done' | 'checklist.saved' = 'edit.done'): Promise<boolean> {
  const card = findCard(cardId);
  if (!card || !card.editable) return Promise.resolve(false);
  let chain = chains.get(cardId);
  if (!chain) {
    chain = { version: isPending(cardId) ? null : card.version, waiting: [], conflicted: false, tasks: 0 };
    chains.set(cardId, chain);
  }
  const edits = chain;
  edits.waiting.push(changes);
  edits.tasks++;
  const shown = onBoard(changes);
  const undo = fieldsOf(card, shown);
  replaceCard({ ...card, ...shown });
  showUnsaved(cardId, inDrawer(...edits.waiting));
  setPending(cardId, true);
  let saved = false;

  return enqueue(async () => {
    try {
      if (edits.conflicted) return; // made on a state someone else has changed since
      const version = edits.version ?? findCard(cardId)?.version ?? card.version;
      const result = await api.patchCard(cardId, { ...changes, version });
      edits.waiting.shift();
      if (result.ok) {
        saved = true;
        edits.version = result.data.card.version;
        savedToDrawer(cardId, inDrawer(changes), result.data.card.version);
        showServerCard(result.data.card, edits);
        announce(both(done, { title: result.data.card.title }));
        return;
      }
      const { error } = result;
      if (error.status === 409 && isConflictBody(error.body)) {
        edits.conflicted = true;
        edits.waiting = [];
        showUnsaved(cardId, null);
        acceptServerCard(error.body.card);
        pushNotice('conflict', both('edit.conflict'));
        return;
      }
      const now = findCard(cardId);
      if (now) replaceCard(error.status === 403 ? { ...now, ...undo, editable: false } : { ...now, ...undo });
      showUnsaved(cardId, inDrawer(...edits.waiting));
      if (error.status !== 401) pushApiError(error);
    } finally {
      // The chain ends with its last queued edit; a later edit starts a new one.
      if (--edits.tasks === 0) {
        chains.delete(cardId);
        setPending(cardId, false);
        // The drawer reads the card whole again (the server's word on every field, and after a conflict).
        cardChanged(cardId);
      }
    }
  }).then(() => saved);
}

export type ChecklistItem = CardFull['checklist'][number];

/**
 * Change the open card's checklist (tick, add, rename, remove): the whole list is sent each time,
 * made from the list the drawer shows (the board carries only its counts).
 */
export function updateChecklist(cardId: string, update: (items: ChecklistItem[]) => ChecklistItem[]): Promise<boolean> {
  const card = openFullCard.peek();
  if (!card || card.id !== cardId) return Promise.resolve(false);
  return saveCard(cardId, { checklist: update(card.checklist) }, 'checklist.saved');
}
