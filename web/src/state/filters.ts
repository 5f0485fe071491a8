// View model of the board: how it is laid out (swimlanes by measure, by group, or none) and which
// cards it shows. The view lives in the address bar (?lanes=group&group=<id>&due=overdue&q=…) so
// a view can be bookmarked and shared and back/forward walk through it. The open card (?card=)
// shares the same query string; see details.ts.
import { computed, signal } from '@preact/signals';
import type { CardView, ColumnView } from '../../../worker/domain/contracts';
import { isOverdueOn } from '../../../worker/domain/due';
import { SEARCH_MAX, normaliseForSearch, searchQuery } from '../../../worker/domain/search-text';

export type LaneMode = 'measure' | 'group' | 'none';
export type DueFilter = 'overdue' | 'soon';

export interface BoardViewState {
  lanes: LaneMode;
  /** Cards the group leads or takes part in. */
  group: string | null;
  measure: string | null;
  due: DueFilter | null;
  /** Cards of the signed-in user's own group. */
  mine: boolean;
  /** Free text, matched as a substring of the title here, and of details and checklist items by the server (search.ts). */
  q: string;
}

const LANE_MODES: readonly LaneMode[] = ['measure', 'group', 'none'];
const DUE_FILTERS: readonly DueFilter[] = ['overdue', 'soon'];
/** "Due soon" means due within this many days from today (the due day included). */
export const DUE_SOON_DAYS = 14;
const VIEW_PARAMS = ['lanes', 'group', 'measure', 'due', 'mine', 'q'] as const;

export function readView(search: string): BoardViewState {
  const p = new URLSearchParams(search);
  const lanes = p.get('lanes') as LaneMode | null;
  const due = p.get('due') as DueFilter | null;
  return {
    lanes: lanes && LANE_MODES.includes(lanes) ? lanes : 'measure',
    group: p.get('group') || null,
    measure: p.get('measure') || null,
    due: due && DUE_FILTERS.includes(due) ? due : null,
    mine: p.get('mine') === '1',
    q: (p.get('q') ?? '').slice(0, SEARCH_MAX),
  };
}

/** The query string for `view`, keeping parameters that belong to others (e.g. ?card=). */
export function writeView(search: string, view: BoardViewState): string {
  const p = new URLSearchParams(search);
  for (const name of VIEW_PARAMS) p.delete(name);
  if (view.lanes !== 'measure') p.set('lanes', view.lanes);
  if (view.group) p.set('group', view.group);
  if (view.measure) p.set('measure', view.measure);
  if (view.due) p.set('due', view.due);
  if (view.mine) p.set('mine', '1');
  if (view.q.trim()) p.set('q', view.q);
  const query = p.toString();
  return query ? `?${query}` : '';
}

function navigate(search: string, replace: boolean): void {
  if (search === location.search) return;
  const url = location.pathname + search + location.hash;
  if (replace) history.replaceState(history.state, '', url);
  else history.pushState(null, '', url);
}

export const view = signal<BoardViewState>(readView(location.search));

/**
 * Change the view. Choices from menus add a history entry (back undoes them); typing in the
 * search box replaces the current entry so back does not replay every keystroke.
 */
export function setView(changes: Partial<BoardViewState>, options: { replace?: boolean } = {}): void {
  const next = { ...view.value, ...changes };
  view.value = next;
  if (isBoardPath()) navigate(writeView(location.search, next), options.replace ?? false);
}

export function clearFilters(): void {
  setView({ group: null, measure: null, due: null, mine: false, q: '' });
}

export const filtersActive = computed(() => {
  const v = view.value;
  return v.group !== null || v.measure !== null || v.due !== null || v.mine || v.q.trim() !== '';
});

const BOARD_PATH = /^\/(board(\/\d{4})?)?\/?$/;
function isBoardPath(): boolean {
  return BOARD_PATH.test(location.pathname);
}

let started = false;
/** Follow back/forward, and put the view back in the address bar when the board is shown again. */
export function startView(): void {
  if (started) return;
  started = true;
  addEventListener('popstate', () => {
    if (isBoardPath()) view.value = readView(location.search);
  });
}

/** Called when the board page is shown: the address bar may have lost the view on other pages. */
export function syncViewToAddress(): void {
  if (isBoardPath()) navigate(writeView(location.search, view.value), true);
}

// ---------- Matching ----------

const titleText = new WeakMap<CardView, string>();
/** The card's title in the form searches match (one rule with the server: domain/search-text.ts). */
function cardTitleText(card: CardView): string {
  let text = titleText.get(card);
  if (text === undefined) {
    text = normaliseForSearch(card.title);
    titleText.set(card, text);
  }
  return text;
}

/** 'YYYY-MM-DD' plus `days`, in the Gregorian calendar. */
export function addDays(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  const date = new Date(Date.UTC(y!, m! - 1, d! + days));
  return date.toISOString().slice(0, 10);
}

export function involvesGroup(card: CardView, groupId: string): boolean {
  return card.allGroups || card.leadGroupId === groupId || card.groupIds.includes(groupId);
}

export interface MatchContext {
  view: BoardViewState;
  today: string;
  myGroupId: string | null;
  columnsById: ReadonlyMap<string, ColumnView>;
  /** Cards the server found for the query (details, checklist items), once it has answered (search.ts). */
  found: ReadonlySet<string> | null;
}

/** A predicate for the cards the view shows (null: every card). */
export function cardMatcher(ctx: MatchContext): ((card: CardView) => boolean) | null {
  const { view: v, today, myGroupId, columnsById, found } = ctx;
  const query = searchQuery(v.q);
  const soonUntil = addDays(today, DUE_SOON_DAYS);
  const tests: ((card: CardView) => boolean)[] = [];
  if (v.group) tests.push((c) => involvesGroup(c, v.group!));
  if (v.mine) tests.push((c) => myGroupId !== null && involvesGroup(c, myGroupId));
  if (v.measure) tests.push((c) => c.measureId === v.measure);
  if (v.due) {
    // Finished cards are never late nor pressing.
    const open = (c: CardView) => columnsById.get(c.columnId)?.category !== 'done';
    tests.push(
      v.due === 'overdue'
        ? (c) => open(c) && isOverdueOn(c.dueOn, today)
        : (c) => open(c) && c.dueOn !== null && c.dueOn >= today && c.dueOn <= soonUntil,
    );
  }
  if (query) tests.push((c) => cardTitleText(c).includes(query) || found?.has(c.id) === true);
  if (tests.length === 0) return null;
  return (card) => tests.every((test) => test(card));
}
