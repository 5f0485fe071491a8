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
import { dropKeptBoard, keepBoard, keptTag, readKept, readKeptEarly } from './kept';
import { mergeChanges } from './board-sync';
import { todayInBangkok } from '../../../worker/domain/thai-date';
import { defaultFiscalYear as chooseDefaultYear } from '../../../worker/domain/fiscal-year';
import { forgetEarly, startEarly, takeEarly } from './early';
import { cardMatcher, filtersActive, view } from './filters';
import { me } from './session';
import { serverMatches } from './search';

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

export const fiscalYears = signal<FiscalYearView[] | null>(null);
export const fiscalYearsError = signal<ApiError | null>(null);

export const board = signal<BoardView | null>(null);
export const boardStatus = signal<LoadStatus>('idle');
export const boardError = signal<ApiError | null>(null);
/** Today in Bangkok; refreshed when the board loads so "overdue" follows the date. */
export const today = signal(todayInBangkok());
/** The board on screen is the one kept from last time (board-cache.ts), not yet confirmed. */
export const boardFromCache = signal(false);
/** Cards whose move or edit is waiting for the server. */
export const pendingCardIds = signal<ReadonlySet<string>>(new Set());

/**
 * A swimlane: one measure, one lead group, the whole board (no lanes), or a catch-all lane for
 * cards whose measure or lead group is not on the board.
 */
export interface Lane {
  key: string;
  measure: MeasureView | null;
  group: GroupView | null;
  kind: 'measure' | 'group' | 'all' | 'other';
}
export const OTHER_LANE = '~other';
export const ALL_LANE = '~all';

let boardRequest = 0;
let loadedAt = 0;
/** The ETag of the answer the board on screen was read from (If-None-Match on the next load). */
let boardTag: string | null = null;
export const boardEtag = () => boardTag;

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

/** Cards the view shows (filters applied), in board order. */
export const visibleCards = computed<readonly CardView[]>(() => {
  const all = board.value?.cards ?? [];
  const match = cardMatcher({
    view: view.value,
    today: today.value,
    myGroupId: me.value?.groupId ?? null,
    columnsById: columnsById.value,
    found: serverMatches.value,
  });
  return match ? all.filter(match) : all;
});

/** The lane a card belongs to under the current lane mode. */
export const laneKeyOf = computed<(card: CardView) => string>(() => {
  const mode = view.value.lanes;
  if (mode === 'none') return () => ALL_LANE;
  if (mode === 'group') {
    const known = groupsById.value;
    return (card) => (card.leadGroupId && known.has(card.leadGroupId) ? card.leadGroupId : OTHER_LANE);
  }
  const known = measuresById.value;
  return (card) => (known.has(card.measureId) ? card.measureId : OTHER_LANE);
});

const sortedMeasures = computed(() =>
  [...(board.value?.measures ?? [])].sort(
    (a, b) => a.section.localeCompare(b.section, 'th', { numeric: true }) || a.number - b.number,
  ),
);

/**
 * The lanes on screen. While a filter is on, lanes without a matching card are left out, which
 * also keeps a filtered 2,000-card board light.
 */
export const lanes = computed<Lane[]>(() => {
  const mode = view.value.lanes;
  if (mode === 'none') return [{ key: ALL_LANE, measure: null, group: null, kind: 'all' }];
  const keyOf = laneKeyOf.value;
  const used = new Set(visibleCards.value.map(keyOf));
  const everyLane = !filtersActive.value;
  const result: Lane[] =
    mode === 'group'
      ? (board.value?.groups ?? []).map((g) => ({ key: g.id, measure: null, group: g, kind: 'group' as const }))
      : sortedMeasures.value.map((m) => ({ key: m.id, measure: m, group: null, kind: 'measure' as const }));
  const shown = result.filter((lane) => used.has(lane.key) || (everyLane && mode === 'measure'));
  if (used.has(OTHER_LANE)) shown.push({ key: OTHER_LANE, measure: null, group: null, kind: 'other' });
  return shown;
});

/** Lanes holding a card the signed-in user may move (only these take drops). */
export const editableLanes = computed<ReadonlySet<string>>(() => {
  const keyOf = laneKeyOf.value;
  const set = new Set<string>();
  for (const card of board.value?.cards ?? []) if (card.editable) set.add(keyOf(card));
  return set;
});

export function cellKey(columnId: string, laneKey: string): string {
  return `${columnId}\u0000${laneKey}`;
}

/** Visible cards grouped by column × lane, each cell sorted by order key. */
const cells = computed(() => {
  const map = new Map<string, CardView[]>();
  const keyOf = laneKeyOf.value;
  for (const card of visibleCards.value) {
    const key = cellKey(card.columnId, keyOf(card));
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

/** The fiscal year containing today, else the latest one. */
export function defaultFiscalYear(years: readonly FiscalYearView[]): number | null {
  // One rule with the server's (worker/domain/fiscal-year.ts): today's year, else the latest
  // non-archived year already started, never a year imported for a later date.
  return chooseDefaultYear(years, todayInBangkok());
}

const FISCAL_YEARS_KEY = 'fiscal-years';
const boardKey = (beYear: number) => `board:${beYear}`;

/**
 * As the page starts: ask for the fiscal years, and for the board the address names
 * (/board/2567), beside the session check instead of after it (state/early.ts).
 */
export function requestEarly(beYear: number | null): void {
  startEarly(FISCAL_YEARS_KEY, () => api.fiscalYears({ quiet401: true }));
  if (beYear === null) return;
  startEarly(boardKey(beYear), () => api.boardIfChanged(beYear, keptTag(beYear), { quiet401: true }));
  readKeptEarly(beYear);
}

export async function loadFiscalYears(): Promise<void> {
  fiscalYearsError.value = null;
  const result = await takeEarly(FISCAL_YEARS_KEY, () => api.fiscalYears());
  if (result.ok) {
    fiscalYears.value = [...result.data.fiscalYears].sort((a, b) => b.beYear - a.beYear);
  } else {
    fiscalYears.value = null;
    fiscalYearsError.value = result.error;
  }
}

/**
 * Load the board of a fiscal year. Reloading the year already on screen keeps it visible
 * meanwhile; an answer that arrives after a newer request is ignored. Opening another year draws
 * the board kept from last time at once (board-cache.ts), then asks whether it changed: 304 keeps
 * it, 200 replaces it (and what is kept).
 */
export async function loadBoard(beYear: number): Promise<void> {
  const request = ++boardRequest;
  const userId = me.value?.user.id ?? null;
  if (board.value?.fiscalYear.beYear !== beYear) {
    board.value = null;
    boardTag = null;
    boardFromCache.value = false;
    const kept = userId ? await readKept(userId, beYear) : null;
    if (request !== boardRequest) return;
    if (kept) {
      board.value = kept.board;
      boardTag = kept.etag;
      boardFromCache.value = true;
    }
  }
  boardStatus.value = 'loading';
  boardError.value = null;
  const tag = boardTag;
  let result = await takeEarly(boardKey(beYear), () => api.boardIfChanged(beYear, tag));
  // The page's first request sent the tag kept for the year before it knew who is signed in: a
  // 304 to anything but the board on screen is asked again.
  if (result.ok && result.data.notModified && (result.data.etag !== tag || !board.value)) {
    result = await api.boardIfChanged(beYear, null);
  }
  if (request !== boardRequest) return;
  today.value = todayInBangkok();
  if (result.ok) {
    if (!result.data.notModified) {
      const { board: answer, etag } = result.data;
      board.value = mergeBoard(board.value, answer);
      boardTag = etag;
      if (userId) keepBoard(userId, answer, beYear, etag);
    }
    boardFromCache.value = false;
    boardStatus.value = 'ready';
    loadedAt = Date.now();
  } else {
    boardStatus.value = 'error';
    boardError.value = result.error;
    // No such year or no longer ours: what was kept of it goes too (a network failure keeps it).
    if (userId && result.error.status >= 400 && result.error.status < 500) dropKeptBoard(userId, beYear);
  }
}

/**
 * A reloaded board that reuses the objects of everything unchanged, so memoised cards skip
 * re-rendering (a live catch-up on a 2,000-card board repaints only what changed). A card still
 * waiting for the server keeps its optimistic state until the server's answer arrives.
 */
function mergeBoard(prev: BoardView | null, next: BoardView): BoardView {
  if (!prev || prev.fiscalYear.id !== next.fiscalYear.id) return next;
  const old = new Map(prev.cards.map((c) => [c.id, c]));
  const pending = pendingCardIds.value;
  const cards = next.cards.map((card) => {
    const mine = old.get(card.id);
    if (!mine) return card;
    if (pending.has(card.id) && mine.version >= card.version) return mine;
    // A live update newer than this answer (the request left before it) stays.
    if (mine.version > card.version) return mine;
    return mine.version === card.version && mine.editable === card.editable ? mine : card;
  });
  const same = <T,>(a: T, b: T): T => (JSON.stringify(a) === JSON.stringify(b) ? a : b);
  return {
    fiscalYear: same(prev.fiscalYear, next.fiscalYear),
    columns: same(prev.columns, next.columns),
    groups: same(prev.groups, next.groups),
    measures: same(prev.measures, next.measures),
    cards,
    seq: next.seq,
  };
}

/** Reload the board on screen (live catch-up, group changes); it stays visible meanwhile. */
export function reloadBoard(): Promise<void> {
  const current = board.value;
  return current ? loadBoard(current.fiscalYear.beYear) : Promise.resolve();
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
  forgetEarly();
  board.value = null;
  boardTag = null;
  boardFromCache.value = false;
  boardStatus.value = 'idle';
  boardError.value = null;
  fiscalYears.value = null;
  fiscalYearsError.value = null;
  pendingCardIds.value = new Set();
}

export function findCard(cardId: string): CardView | undefined {
  return board.value?.cards.find((c) => c.id === cardId);
}

/**
 * Put a card (as the server or an optimistic update has it) in place of the one with its id; with
 * `seq`, a live change: the board now includes the events up to it.
 */
export function replaceCard(card: CardView, seq?: number): boolean {
  const current = board.value;
  if (!current) return false;
  const index = current.cards.findIndex((c) => c.id === card.id);
  if (index < 0) return false;
  const cards = current.cards.slice();
  cards[index] = card;
  board.value = { ...current, cards, seq: Math.max(current.seq, seq ?? current.seq) };
  return true;
}

/**
 * Put the server's answer for a card in place, unless something newer (a live update with a
 * higher version) is already on screen. The user's own `editable` is kept when the answer has none.
 */
export function acceptServerCard(card: CardView): boolean {
  const current = findCard(card.id);
  if (!current || current.version > card.version) return false;
  return replaceCard(card);
}

export type LiveApplyResult = 'applied' | 'stale' | 'unknown' | 'groups-changed';

/**
 * Apply a card broadcast of event `seq` to everyone on the board (it carries no `editable`: ours
 * is kept). Unknown cards and changed groups need the server's word (who may edit what changes):
 * live.ts asks for the changes since the event before.
 */
export function applyLiveCard(card: Omit<CardView, 'editable'>, seq: number): LiveApplyResult {
  const current = findCard(card.id);
  if (!current) return 'unknown';
  if (card.version <= current.version) {
    const now = board.value!;
    if (seq > now.seq) board.value = { ...now, seq };
    return 'stale';
  }
  const groupsChanged =
    card.leadGroupId !== current.leadGroupId ||
    card.allGroups !== current.allGroups ||
    card.groupIds.join() !== current.groupIds.join();
  replaceCard({ ...card, editable: current.editable }, seq);
  return groupsChanged ? 'groups-changed' : 'applied';
}

/** The changes since an earlier seq (GET …/changes), put in place by id, in board order. */
export function applyCardChanges(cards: readonly CardView[], seq: number): void {
  const current = board.value;
  if (current) board.value = mergeChanges(current, cards, seq, pendingCardIds.value);
}

export function setPending(cardId: string, pending: boolean): void {
  const next = new Set(pendingCardIds.value);
  if (pending) next.add(cardId);
  else next.delete(cardId);
  pendingCardIds.value = next;
}
