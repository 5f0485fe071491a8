// The last board each fiscal year was seen at, kept in IndexedDB (idb-keyval) for the user who saw
// it: reopening it draws at once and asks the server only whether it changed (If-None-Match: the
// tag it was answered with → 304), or for the changes since its seq. /api/* answers are no-store,
// so the browser's own cache never holds a board.
//
// Offices share computers: everything here is deleted whenever nobody is signed in (signing out
// here or in another tab, a 401, a session that had ended before the page opened: session.ts), and
// entries of another user are deleted when someone signs in. A record is used only by the user it
// names and the build that wrote it. Any failure of IndexedDB (private mode, quota, an old browser)
// only means no cache. Loaded through kept.ts, only when something is kept or is to be kept.
//
// kept.ts keeps a board as the server sends it, its cards as columns (boardToWire): IndexedDB
// copies a few long arrays far faster than ten thousand card objects (measured: reading a
// 10,000-card board back was most of a tenth of a second as objects).
import { clear, createStore, delMany, get, keys, set, type UseStore } from 'idb-keyval';

/** A board as kept: the answer, its ETag and the seq its cards include. */
export interface CachedBoard<B extends { seq: number }> {
  userId: string;
  /** The build that kept it: another build may draw another shape of card, so it starts afresh. */
  build: string;
  beYear: number;
  /** The ETag of the answer the board was read from (null: the server sent none). */
  etag: string | null;
  board: B;
}

let store: UseStore | null = null;
/** Opened on first use (createStore opens the database at once). */
function db(): UseStore | null {
  if (store) return store;
  try {
    if (typeof indexedDB === 'undefined') return null;
    store = createStore('ita-board', 'boards');
  } catch {
    store = null;
  }
  return store;
}

const boardKey = (userId: string, beYear: number) => `board/${userId}/${beYear}`;

async function quietly<T>(work: (store: UseStore) => Promise<T>, fallback: T): Promise<T> {
  const s = db();
  if (!s) return fallback;
  try {
    return await work(s);
  } catch {
    return fallback;
  }
}

/**
 * Bumped by every clearing: a write that was decided before it (a board answer arriving just as
 * the user signs out) is not made after it.
 */
let clearings = 0;
/** What was last read or written: the same board (user, year, tag, seq) is not written again. */
let last = '';
const stamp = (userId: string, beYear: number, etag: string | null, seq: number) => JSON.stringify([userId, beYear, etag, seq]);

/** The kept board of this user and year written by this build, or null. */
export function readCachedBoard<B extends { seq: number }>(userId: string, beYear: number, build: string): Promise<CachedBoard<B> | null> {
  return quietly(async (s) => {
    const kept = await get<CachedBoard<B>>(boardKey(userId, beYear), s);
    const valid = kept && kept.userId === userId && kept.beYear === beYear && kept.build === build && typeof kept.board?.seq === 'number';
    if (!valid) return null;
    last = stamp(userId, beYear, kept.etag, kept.board.seq);
    return kept;
  }, null);
}

/** Keep a board (and the tag it was answered with) for this user; true once written. */
export function saveCachedBoard<B extends { seq: number }>(record: CachedBoard<B>): Promise<boolean> {
  const at = clearings;
  const next = stamp(record.userId, record.beYear, record.etag, record.board.seq);
  if (next === last) return Promise.resolve(false);
  last = next;
  return quietly(async (s) => {
    if (at !== clearings) return false;
    await set(boardKey(record.userId, record.beYear), record, s);
    return at === clearings;
  }, false);
}

/** Forget one kept board (it could not be used). */
export function dropCachedBoard(userId: string, beYear: number): Promise<void> {
  last = '';
  return quietly((s) => delMany([boardKey(userId, beYear)], s), undefined);
}

/** Nobody is signed in: forget every kept board. */
export function clearBoardCache(): Promise<void> {
  clearings++;
  last = '';
  return quietly((s) => clear(s), undefined);
}

/** Someone signed in: forget boards kept for anybody else. */
export function forgetOtherUsers(userId: string): Promise<void> {
  return quietly(async (s) => {
    const others = (await keys<string>(s)).filter((k) => k.split('/')[1] !== userId);
    if (others.length > 0) await delMany(others, s);
  }, undefined);
}
