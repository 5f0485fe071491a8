// Live updates: one WebSocket per open board (/api/boards/:beYear/live). Card messages are applied
// in event order: the board's `seq` is the last event applied, a message for an event after the
// next one means something was missed, and the changes since are asked for (board-sync.ts
// GapRepair); so does a (re)connection whose hello says the board has moved past ours, so nothing
// is missed while offline. Dropped connections come back with exponential back-off and jitter, so
// a restarted server is not hit by every client at once. The board on screen is kept for next time
// (board-cache.ts) a moment after it changes.
import { computed, effect, signal, untracked } from '@preact/signals';
import type { CardView } from '../../../worker/domain/contracts';
import { SIGNED_OUT_CLOSE, type LiveServerMessage } from '../../../worker/domain/contracts-card';
import { api } from '../api';
import { applyCardChanges, applyLiveCard, board, boardEtag, boardFromCache, boardStatus, pendingCardIds, reloadBoard } from './board';
import { keepBoard } from './kept';
import { GapRepair } from './board-sync';
import { cardChanged } from './details';
import { me, recheckSession } from './session';

export type LiveState = 'connecting' | 'open' | 'closed';

export const liveState = signal<LiveState>('closed');

const RETRY_BASE_MS = 1_000;
const RETRY_MAX_MS = 30_000;
/** Keeps proxies from closing an idle connection; a silent one is treated as dropped. */
const PING_EVERY_MS = 25_000;
const SILENT_LIMIT_MS = 60_000;

const boardYear = computed(() => board.value?.fiscalYear.beYear ?? null);

let socket: WebSocket | null = null;
let year: number | null = null;
let attempts = 0;
let retryTimer: ReturnType<typeof setTimeout> | null = null;
let pingTimer: ReturnType<typeof setInterval> | null = null;
let lastHeard = 0;

function liveUrl(beYear: number): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${location.host}/api/boards/${encodeURIComponent(beYear)}/live`;
}

/** Full jitter: a random wait up to the exponential cap. */
export function retryDelay(attempt: number, random: () => number = Math.random): number {
  const cap = Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** attempt);
  return Math.round(cap / 2 + (random() * cap) / 2);
}

function clearTimers(): void {
  if (retryTimer !== null) clearTimeout(retryTimer);
  if (pingTimer !== null) clearInterval(pingTimer);
  retryTimer = null;
  pingTimer = null;
}

function connect(): void {
  clearTimers();
  if (year === null) return;
  const ws = new WebSocket(liveUrl(year));
  socket = ws;
  liveState.value = 'connecting';
  lastHeard = Date.now();
  ws.addEventListener('message', (event) => {
    if (socket !== ws) return;
    lastHeard = Date.now();
    let message: LiveServerMessage;
    try {
      message = JSON.parse(String(event.data)) as LiveServerMessage;
    } catch {
      return;
    }
    receive(message);
  });
  ws.addEventListener('close', (event) => {
    if (socket !== ws) return;
    socket = null;
    liveState.value = 'closed';
    // Our session was signed out (in another tab): confirm before trying again.
    if (event.code === SIGNED_OUT_CLOSE) void recheckSession().then(scheduleReconnect);
    else scheduleReconnect();
  });
  pingTimer = setInterval(() => {
    if (socket !== ws || ws.readyState !== WebSocket.OPEN) return;
    if (Date.now() - lastHeard > SILENT_LIMIT_MS) {
      ws.close();
      return;
    }
    ws.send(JSON.stringify({ type: 'ping' }));
  }, PING_EVERY_MS);
}

type CardMessage = Extract<LiveServerMessage, { type: 'card' }>;

/** The board's messages in event order; the board's own `seq` is what it has applied. */
const gaps = new GapRepair<CardMessage, CardView>({
  applied: () => (board.peek()?.fiscalYear.beYear === year ? board.peek()!.seq : null),
  apply: (message) => {
    const outcome = applyLiveCard(message.card, message.seq);
    cardChanged(message.card.id);
    return outcome === 'applied' || outcome === 'stale';
  },
  changes: async (since) => {
    if (year === null) return null;
    const result = await api.boardChanges(year, since);
    return result.ok ? result.data : null;
  },
  merge: (cards, seq) => {
    applyCardChanges(cards, seq);
    for (const card of cards) cardChanged(card.id);
  },
  reload: reloadBoard,
});

function receive(message: LiveServerMessage): void {
  switch (message.type) {
    case 'hello':
      attempts = 0;
      liveState.value = 'open';
      // The board on screen includes every change up to its seq; anything committed beyond that
      // is behind hello.seq: ask for it.
      gaps.catchUp(message.seq);
      return;
    case 'card':
      gaps.receive(message);
      return;
    case 'resync':
      void reloadBoard();
      return;
    default:
      return;
  }
}

function scheduleReconnect(): void {
  clearTimers();
  if (year === null || !me.value) return;
  const delay = retryDelay(attempts++);
  retryTimer = setTimeout(connect, delay);
}

function disconnect(): void {
  clearTimers();
  const ws = socket;
  socket = null;
  ws?.close();
  liveState.value = 'closed';
}

/** Back online or back to the tab: try now instead of waiting out the back-off. */
function reconnectNow(): void {
  if (year === null || socket !== null || !me.value) return;
  attempts = 0;
  connect();
}

let started = false;
/** Keep a live connection to the board on screen while someone is signed in. */
export function startLive(): void {
  if (started) return;
  started = true;
  effect(() => {
    const user = me.value;
    const beYear = boardYear.value;
    untracked(() => {
      if (!user || beYear === null) {
        year = null;
        gaps.reset();
        disconnect();
        return;
      }
      if (beYear === year && socket !== null) return;
      disconnect();
      year = beYear;
      gaps.reset();
      attempts = 0;
      connect();
    });
  });
  keepBoardOnScreen();
  addEventListener('online', reconnectNow);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') reconnectNow();
  });
}

/** The board on screen is written to the cache this long after its last change. */
const KEEP_AFTER_MS = 2_000;

/**
 * Keep the board on screen for next time, a moment after live changes or catch-ups (a board just
 * read from the server is kept by loadBoard): never while a change of ours waits for the server
 * (what is kept is what the server has), nor the board kept from last time before it is confirmed.
 */
function keepBoardOnScreen(): void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  effect(() => {
    const current = board.value;
    const user = me.value;
    const ready = boardStatus.value === 'ready' && !boardFromCache.value;
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (!current || !user || !ready) return;
    const keep = () => {
      timer = null;
      if (board.peek() !== current || me.peek() !== user) return;
      if (pendingCardIds.peek().size > 0) timer = setTimeout(keep, KEEP_AFTER_MS);
      else keepBoard(user.user.id, current, current.fiscalYear.beYear, boardEtag());
    };
    timer = setTimeout(keep, KEEP_AFTER_MS);
  });
}
