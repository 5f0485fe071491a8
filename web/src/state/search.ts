// The board's search beyond titles. The board matches titles itself, at once (filters.ts); the
// server matches details and checklist items too (GET /api/boards/:beYear/search, one rule of
// matching: worker/domain/search-text.ts). While the server has not answered, title matches show.
import { computed, effect, signal } from '@preact/signals';
import { api } from '../api';
import { SEARCH_MAX, searchQuery } from '../../../worker/domain/search-text';
import { view } from './filters';
import { selectedYear } from './ui';

/** Typing pauses this long before the server is asked. */
export const SEARCH_DEBOUNCE_MS = 200;

interface Found {
  beYear: number;
  query: string;
  /** Which texts it answered for (see searchMayHaveChanged). */
  round: number;
  ids: ReadonlySet<string>;
}
const found = signal<Found | null>(null);
/** Advanced when a card's texts may have changed: a search on screen is asked again. */
const round = signal(0);

/** The server's matches for the query and the year on screen; null until it has answered them. */
export const serverMatches = computed<ReadonlySet<string> | null>(() => {
  const answer = found.value;
  return answer && answer.query === searchQuery(view.value.q) && answer.beYear === selectedYear.value ? answer.ids : null;
});

let started = false;
/** Ask the server whenever the query or the year changes (debounced; a newer question wins). */
export function startSearch(): void {
  if (started) return;
  started = true;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let request = 0;
  effect(() => {
    const typed = view.value.q.trim().slice(0, SEARCH_MAX);
    const query = searchQuery(typed);
    const beYear = selectedYear.value;
    const texts = round.value;
    clearTimeout(timer);
    const mine = ++request;
    const known = found.peek();
    if (!query || beYear === null || (known?.query === query && known.beYear === beYear && known.round === texts)) return;
    timer = setTimeout(() => {
      void api.searchBoard(beYear, typed).then((result) => {
        if (mine === request && result.ok) found.value = { beYear, query, round: texts, ids: new Set(result.data.cardIds) };
      });
    }, SEARCH_DEBOUNCE_MS);
  });
}

/** A card changed (saved here, or live): a search on screen asks the server again; its answer so far stays meanwhile. */
export function searchMayHaveChanged(): void {
  if (searchQuery(view.peek().q)) round.value++;
}
