// Wiring between the models: what to load when someone signs in, which fiscal year to
// show, and what to forget when they sign out. Components only read signals and call actions.
import { effect, untracked } from '@preact/signals';
import {
  board,
  defaultFiscalYear,
  fiscalYears,
  loadBoard,
  loadFiscalYears,
  requestEarly,
  refreshIfStale,
  resetBoard,
} from './board';
import { me, signedInHint, startSession } from './session';
import { goTo, onPublicPage, selectedYear, selectYear, startUi } from './ui';

/** A board older than this is reloaded when the tab becomes visible again. */
const STALE_AFTER_MS = 60_000;

let started = false;

export function startApp(): void {
  if (started) return;
  started = true;
  startUi();

  // Signed in: fetch the fiscal years. Signed out: forget the board.
  effect(() => {
    const user = me.value;
    untracked(() => {
      if (user) void loadFiscalYears();
      else resetBoard();
      // Executives watch rather than move cards: the dashboard is their front page.
      if (user?.role === 'executive' && location.pathname === '/') goTo('dashboard', { replace: true });
    });
  });

  // Keep the selected year one that exists (the URL may name another).
  effect(() => {
    const years = fiscalYears.value;
    const year = selectedYear.value;
    if (!years || years.length === 0) return;
    if (year !== null && years.some((y) => y.beYear === year)) return;
    const fallback = defaultFiscalYear(years);
    if (fallback !== null) untracked(() => selectYear(fallback, { replace: true }));
  });

  // Load the board of the selected year.
  effect(() => {
    const user = me.value;
    const years = fiscalYears.value;
    const year = selectedYear.value;
    // A parent body has no boards: its years are its templates' (components/parent/TreeShell.tsx).
    if (!user || user.org.kind === 'parent' || !years || year === null || !years.some((y) => y.beYear === year)) return;
    untracked(() => {
      if (board.value?.fiscalYear.beYear !== year || !board.value) void loadBoard(year);
    });
  });

  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible' && me.value) refreshIfStale(STALE_AFTER_MS);
  });

  // The fiscal years and the board the address names are asked for now, beside the session
  // (not on the public page, which has data of its own). After the effects above: their first
  // run (nobody signed in yet) resets the board model.
  // Only when this browser was signed in last time: signed out, they would only answer 401. Not the
  // board when that was a parent body (a bookmarked /board/… included), on a parent body's pages,
  // nor on a link into one of its offices (?office=: it is opened first): it has no boards.
  const hint = signedInHint();
  if (!onPublicPage() && hint) requestEarly(hint === 'p' || /^\/(rollup|parent)|office=/.test(location.pathname + location.search) ? null : selectedYear.peek());
  void startSession();
}
