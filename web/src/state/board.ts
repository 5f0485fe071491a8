// Board model: fiscal years, the board of the selected year, and views derived from it
// (columns, lanes by measure, cards per column × measure). Card mutations are in cards.ts.
import { computed, signal } from '@preact/signals';
import type {
  BoardView,
  CardView,
  ColumnView,
  FiscalYearView,
  GroupView,
  MeasureView,
} from '../../../worker/domain/contracts';
import { api, type ApiError } from '../api';
import { todayInBangkok } from '../dates';

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

export const fiscalYears = signal<FiscalYearView[] | null>(null);
export const fiscalYearsError = signal<ApiError | null>(null);

export const board = signal<BoardView | null>(null);
export const boardStatus = signal<LoadStatus>('idle');
export const boardError = signal<ApiError | null>(null);
/** Cards whose move or edit is waiting for the server. */
export const pendingCardIds = signal<ReadonlySet<string>>(new Set());

/** A swimlane: one measure, or the catch-all lane for cards whose measure is unknown. */
export interface Lane {
  key: string;
  measure: MeasureView | null;
}
export const OTHER_LANE = '~other';

let boardRequest = 0;
let loadedAt = 0;

/** Order keys compare by code unit (fractional indexing), never by locale. */
export function compareCards(a: CardView, b: CardView): number {
  if (a.orderKey !== b.orderKey) return a.orderKey < b.orderKey ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export const columns = computed<ColumnView[]>(() =>
  [...(board.value?.columns ?? [])].sort((a, b) => a.position - b.position),
);

export const columnsById = computed(() => new Map(columns.value.map((c) => [c.id, c])));

export const groupsById = computed(
  () => new Map<string, GroupView>((board.value?.groups ?? []).map((g) => [g.id, g])),
);

export const measuresById = computed(
  () => new Map<string, MeasureView>((board.value?.measures ?? []).map((m) => [m.id, m])),
);

export const lanes = computed<Lane[]>(() => {
  const measures = [...(board.value?.measures ?? [])].sort(
    (a, b) =>
      a.section.localeCompare(b.section, 'th', { numeric: true }) || a.number - b.number,
  );
  const result: Lane[] = measures.map((m) => ({ key: m.id, measure: m }));
  const known = measuresById.value;
  if ((board.value?.cards ?? []).some((c) => !known.has(c.measureId))) {
    result.push({ key: OTHER_LANE, measure: null });
  }
  return result;
});

function cellKey(columnId: string, laneKey: string): string {
  return `${columnId}\u0000${laneKey}`;
}

/** Cards grouped by column × lane, each cell sorted by order key. */
const cells = computed(() => {
  const map = new Map<string, CardView[]>();
  const known = measuresById.value;
  for (const card of board.value?.cards ?? []) {
    const lane = known.has(card.measureId) ? card.measureId : OTHER_LANE;
    const key = cellKey(card.columnId, lane);
    const list = map.get(key);
    if (list) list.push(card);
    else map.set(key, [card]);
  }
  for (const list of map.values()) list.sort(compareCards);
  return map;
});

const NO_CARDS: readonly CardView[] = Object.freeze([]);

export function cardsInCell(columnId: string, laneKey: string): readonly CardView[] {
  return cells.value.get(cellKey(columnId, laneKey)) ?? NO_CARDS;
}

/** Number of cards in each column, across all lanes (what WIP limits count). */
export const columnCounts = computed(() => {
  const counts = new Map<string, number>();
  for (const card of board.value?.cards ?? []) {
    counts.set(card.columnId, (counts.get(card.columnId) ?? 0) + 1);
  }
  return counts;
});

/** Today in Bangkok; refreshed when the board loads so "overdue" follows the date. */
export const today = signal(todayInBangkok());

/** The fiscal year containing today, else the latest one. */
export function defaultFiscalYear(years: readonly FiscalYearView[]): number | null {
  const now = todayInBangkok();
  const current = years.find((y) => y.startsOn <= now && now <= y.endsOn);
  if (current) return current.beYear;
  return years.reduce<number | null>((max, y) => (max === null || y.beYear > max ? y.beYear : max), null);
}

export async function loadFiscalYears(): Promise<void> {
  fiscalYearsError.value = null;
  const result = await api.fiscalYears();
  if (result.ok) {
    fiscalYears.value = [...result.data.fiscalYears].sort((a, b) => b.beYear - a.beYear);
  } else {
    fiscalYears.value = null;
    fiscalYearsError.value = result.error;
  }
}

/**
 * Load the board of a fiscal year. Reloading the year already on screen keeps it visible
 * meanwhile; an answer that arrives after a newer request is ignored.
 */
export async function loadBoard(beYear: number): Promise<void> {
  const request = ++boardRequest;
  if (board.value?.fiscalYear.beYear !== beYear) board.value = null;
  boardStatus.value = 'loading';
  boardError.value = null;
  const result = await api.board(beYear);
  if (request !== boardRequest) return;
  today.value = todayInBangkok();
  if (result.ok) {
    board.value = result.data;
    boardStatus.value = 'ready';
    loadedAt = Date.now();
  } else {
    boardStatus.value = 'error';
    boardError.value = result.error;
  }
}

/** Reload quietly when the board is older than `maxAgeMs` and nothing is in flight. */
export function refreshIfStale(maxAgeMs: number): void {
  const current = board.value;
  if (!current || boardStatus.value !== 'ready' || pendingCardIds.value.size > 0) return;
  if (Date.now() - loadedAt < maxAgeMs) return;
  void loadBoard(current.fiscalYear.beYear);
}

export function resetBoard(): void {
  boardRequest++;
  board.value = null;
  boardStatus.value = 'idle';
  boardError.value = null;
  fiscalYears.value = null;
  fiscalYearsError.value = null;
  pendingCardIds.value = new Set();
}

export function findCard(cardId: string): CardView | undefined {
  return board.value?.cards.find((c) => c.id === cardId);
}

/** Put a card (as the server or an optimistic update has it) in place of the one with its id. */
export function replaceCard(card: CardView): boolean {
  const current = board.value;
  if (!current) return false;
  const index = current.cards.findIndex((c) => c.id === card.id);
  if (index < 0) return false;
  const cards = current.cards.slice();
  cards[index] = card;
  board.value = { ...current, cards };
  return true;
}

export function setPending(cardId: string, pending: boolean): void {
  const next = new Set(pendingCardIds.value);
  if (pending) next.add(cardId);
  else next.delete(cardId);
  pendingCardIds.value = next;
}
