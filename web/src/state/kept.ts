// The door to the kept boards (board-cache.ts: IndexedDB through idb-keyval), which load as a chunk
// of their own only when something is kept or is to be kept: a browser that keeps nothing opens
// its first board without them (nor opening IndexedDB first), within the JavaScript budget.
type BoardCache = typeof import('./board-cache');

let loading: Promise<BoardCache> | null = null;
/** The board cache module (loaded once). */
export function boardCache(): Promise<BoardCache> {
  return (loading ??= import('./board-cache'));
}

/** Use the board cache in the background; a failure (the chunk, IndexedDB) only means no cache. */
export function withBoardCache(work: (cache: BoardCache) => Promise<unknown>): void {
  void boardCache()
    .then(work)
    .catch(() => undefined);
}

/** Keep a board for this user (in the background). */
export function keepBoard(userId: string, board: { seq: number }, beYear: number, etag: string | null): void {
  withBoardCache(async (cache) => {
    if (await cache.saveCachedBoard(userId, board, beYear, etag)) markKept(true);
  });
}

/** Nobody is signed in: forget every kept board. */
export function forgetKeptBoards(): void {
  markKept(false);
  withBoardCache((cache) => cache.clearBoardCache());
}

/** Set while something is kept (localStorage, read synchronously). */
const KEPT_HINT = 'ita.boardKept';

function markKept(on: boolean): void {
  try {
    if (on) localStorage.setItem(KEPT_HINT, '1');
    else localStorage.removeItem(KEPT_HINT);
  } catch {
    // Storage refused: the hint only saves a moment.
  }
}

/** Whether a board may be kept in this browser (true when localStorage cannot say). */
export function somethingKept(): boolean {
  try {
    return localStorage.getItem(KEPT_HINT) === '1';
  } catch {
    return true;
  }
}
