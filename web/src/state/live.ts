// Live updates: one WebSocket per open board (/api/boards/:beYear/live). Card messages are applied
// as they come; the highest event seq applied is remembered (at least the seq the board was read
// at), and when a (re)connection says the board has moved past it (hello.seq > ours), the board
// is fetched again, so nothing is missed while offline. Dropped connections come back with
// exponential back-off and jitter, so a restarted server is not hit by every client at once.
import { computed, effect, signal, untracked } from '@preact/signals';
import { SIGNED_OUT_CLOSE, type LiveServerMessage } from '../../../worker/domain/contracts-card';
import { applyLiveCard, board, reloadBoard } from './board';
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
/** Highest event seq applied to the board on screen (null: none yet for this board). */
let lastSeq: number | null = null;
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

function receive(message: LiveServerMessage): void {
  switch (message.type) {
    case 'hello': {
      attempts = 0;
      liveState.value = 'open';
      // The board on screen includes every change up to its own seq (read with the cards) and
      // those applied since; anything committed beyond that is behind hello.seq: catch up.
      const known = Math.max(lastSeq ?? -1, board.peek()?.seq ?? -1);
      if (known < 0 || message.seq > known) void reloadBoard();
      lastSeq = Math.max(known, message.seq);
      return;
    }
    case 'card': {
      // Versions, not seqs, decide what is newer: a message for a change we already have is a no-op.
      const outcome = applyLiveCard(message.card);
      if (outcome === 'unknown' || outcome === 'groups-changed') void reloadBoard();
      lastSeq = Math.max(lastSeq ?? 0, message.seq);
      cardChanged(message.card.id);
      return;
    }
    case 'resync':
      lastSeq = Math.max(lastSeq ?? 0, message.seq);
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
        lastSeq = null;
        disconnect();
        return;
      }
      if (beYear === year && socket !== null) return;
      disconnect();
      year = beYear;
      lastSeq = null;
      attempts = 0;
      connect();
    });
  });
  addEventListener('online', reconnectNow);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') reconnectNow();
  });
}
