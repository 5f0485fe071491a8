// The door to the kept boards. The boards themselves are in IndexedDB (board-cache.ts, with
// idb-keyval), a chunk loaded only when something is kept or is to be kept: a browser that keeps
// nothing opens its first board without it. The tags they were answered with are in localStorage,
// read synchronously, so the page's first board request carries If-None-Match at once (it is sent
// beside the session check, before anything else could be read). Both go at sign-out.
import { boardFromWire, boardToWire, type BoardWire } from '../../../worker/domain/board-card';
import type { BoardView } from '../../../worker/domain/contracts';

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

/** This build of the web app, named by its entry script (its address carries a content hash). */
export const BUILD = document.querySelector<HTMLScriptElement>('script[type=module][src]')?.src ?? '';

/** The tag kept for each year: whose board it is, which build kept it, the ETag. */
type Tags = Record<string, { userId: string; build: string; etag: string | null }>;
const TAGS_KEY = 'ita.boardTags';

function readTags(): Tags | null {
  try {
    const text = localStorage.getItem(TAGS_KEY);
    return text ? (JSON.parse(text) as Tags) : null;
  } catch {
    return null;
  }
}
function writeTags(tags: Tags | null): void {
  try {
    if (tags && Object.keys(tags).length > 0) localStorage.setItem(TAGS_KEY, JSON.stringify(tags));
    else localStorage.removeItem(TAGS_KEY);
  } catch {
    // Storage refused: the next board request simply carries no tag.
  }
}

/** Whether a board may be kept in this browser. */
export function somethingKept(): boolean {
  return readTags() !== null;
}

/** The tag kept for a year by this build (whoever's it is: the answer is checked against the board). */
export function keptTag(beYear: number): string | null {
  const tag = readTags()?.[beYear];
  return tag?.build === BUILD ? tag.etag : null;
}

/** Whether this build kept a board of this year for this user (then it is read from IndexedDB). */
export function keptFor(userId: string, beYear: number): boolean {
  const tag = readTags()?.[beYear];
  return tag?.userId === userId && tag.build === BUILD;
}

type Kept = Promise<{ board: BoardView; etag: string | null } | null>;
/** The kept board read as the page starts (whoever's it is: used only by the user it names). */
let early: { userId: string; beYear: number; read: Kept } | null = null;

/** As the page starts, beside the session check: read the board this build kept for the year. */
export function readKeptEarly(beYear: number): void {
  const tag = readTags()?.[beYear];
  if (tag?.build === BUILD) early = { userId: tag.userId, beYear, read: readFromCache(tag.userId, beYear) };
}

/** The board kept for this user and year (the early read when it is theirs), or null. */
export function readKept(userId: string, beYear: number): Kept {
  const read = early?.userId === userId && early.beYear === beYear ? early.read : null;
  early = null;
  return (read ?? (keptFor(userId, beYear) ? readFromCache(userId, beYear) : Promise.resolve(null))).catch(() => null);
}

async function readFromCache(userId: string, beYear: number): Kept {
  const kept = await (await boardCache()).readCachedBoard<BoardWire>(userId, beYear, BUILD);
  return kept && { board: boardFromWire(kept.board), etag: kept.etag };
}

/** Keep a board for this user (in the background). */
export function keepBoard(userId: string, board: BoardView, beYear: number, etag: string | null): void {
  withBoardCache(async (cache) => {
    if (await cache.saveCachedBoard({ userId, build: BUILD, beYear, etag, board: boardToWire(board) })) {
      writeTags({ ...readTags(), [beYear]: { userId, build: BUILD, etag } });
    }
  });
}

/** A kept board that could not be used (no such year, no longer ours). */
export function dropKeptBoard(userId: string, beYear: number): void {
  const tags = readTags();
  if (tags) delete tags[beYear];
  writeTags(tags);
  withBoardCache((cache) => cache.dropCachedBoard(userId, beYear));
}

/** Nobody is signed in: forget every kept board. */
export function forgetKeptBoards(): void {
  early = null;
  writeTags(null);
  withBoardCache((cache) => cache.clearBoardCache());
}

/** Someone signed in: forget boards kept for anybody else. */
export function forgetOtherUsers(userId: string): void {
  const tags = readTags();
  if (!tags) return;
  writeTags(Object.fromEntries(Object.entries(tags).filter(([, tag]) => tag.userId === userId)));
  withBoardCache((cache) => cache.forgetOtherUsers(userId));
}
