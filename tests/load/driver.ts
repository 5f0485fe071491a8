// The load run: N directors, each signed in once with a real session cookie, moving and editing
// the cards their group may edit on a board made by the real import API, against the app under
// `wrangler dev`, for a fixed time. A 409 is a correct answer (someone changed the card first):
// the client takes the card from the answer and tries again, as the web app does. Afterwards the
// board must equal a replay of its event log (no lost update, no change without its event) and
// the log's hash chain must verify. Plain fetch only: runs under Node (bench, e2e) unchanged.
// Without `pause` the directors write without pause (a closed loop: the next change as soon as the
// last is answered); with it, each starts at a random moment within the longest pause, waits a
// random time in [min, max] ms after each change, and reads the board after some changes
// (`readAfterChange`, a probability), as people do.
import { compareWithReplay, replayCardEvents, type LoggedEvent } from '../../worker/domain/replay';
import type { BoardView, CardView } from '../../worker/domain/contracts';
import { boardFromWire, type BoardWire } from '../../worker/domain/board-card';
import type { BackupFile } from '../../worker/domain/backup-format';
import { syntheticAnnouncement } from './announcement';
import { DEMO_PASSWORD } from '../../worker/seed/demo-password';
import { formatTable, quantile } from './table';

export interface LoadOptions {
  baseUrl: string;
  directors: number;
  seconds: number;
  /** The board's fiscal year in the run's own office. */
  beYear?: number;
  stepsPerGroup?: number;
  /** Each director waits a random time in [min, max] ms after each change (none: a closed loop). */
  pause?: { minMs: number; maxMs: number };
  /** With `pause`: the chance that a director reads the board again after a change (default 0.5). */
  readAfterChange?: number;
  /** An administrator of the demo office, who may create the run's office (dev-only route). */
  adminEmail?: string;
  adminPassword?: string;
  log?: (line: string) => void;
}

interface Answer {
  status: number;
  json: any;
  ms: number;
}

export interface LoadResult {
  directors: number;
  /** The pause between a director's changes, when there is one. */
  pause: { minMs: number; maxMs: number } | null;
  groups: number;
  cards: number;
  seconds: number;
  signInMs: number[];
  /** Every move and edit request, with its latency. */
  writeMs: number[];
  readMs: number[];
  /** When each write and read was answered, ms after the run started (same order as writeMs, readMs). */
  writeAt: number[];
  readAt: number[];
  changes: number;
  /** Edits answered 200 that changed nothing (no event, no new version). */
  noops: number;
  conflicts: number;
  busy: number;
  /** Requests cut off by a reload of `wrangler dev` (503 from wrangler itself), retried. */
  restarts: number;
  gaveUp: number;
  statuses: Record<string, number>;
  unexpected: string[];
  check: { events: number; replayProblems: string[]; diffs: string[]; unknownKinds: string[]; chainOk: boolean; eventsChecked: number };
}

const MAX_TRIES = 6;

function client(baseUrl: string) {
  return async (method: string, path: string, cookie?: string, body?: unknown): Promise<Answer> => {
    const headers: Record<string, string> = { origin: baseUrl };
    if (cookie) headers.cookie = cookie;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const started = performance.now();
    const res = await fetch(`${baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    const ms = performance.now() - started;
    let json: any = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = { raw: text.slice(0, 200) };
    }
    if (res.status === 200 && method === 'POST' && path === '/api/auth/sign-in') {
      const cookieHeader = res.headers.get('set-cookie') ?? '';
      json = { ...json, cookie: /__Host-ita_session=[^;]+/.exec(cookieHeader)?.[0] };
    }
    return { status: res.status, json, ms };
  };
}

/** The board answer (its cards travel as columns) as the web app reads it. */
/**
 * The board of an answer. The load bench also drives the app as it was before issue 16 (the old
 * write path, for its same-run comparison), whose answer carried the cards as objects.
 */
const boardOf = (answer: Answer): BoardView => {
  const json = answer.json as BoardWire | BoardView;
  return Array.isArray(json.cards) ? (json as BoardView) : boardFromWire(json as BoardWire);
};

async function inPool<T>(items: readonly T[], size: number, work: (item: T, i: number) => Promise<void>) {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      await work(items[i]!, i);
    }
  }));
}

export async function runLoad(opts: LoadOptions): Promise<LoadResult> {
  const log = opts.log ?? (() => {});
  const beYear = opts.beYear ?? 2568;
  const call = client(opts.baseUrl);
  const must = (r: Answer, what: string, ...ok: number[]) => {
    if (!ok.includes(r.status)) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.json).slice(0, 300)}`);
    return r;
  };

  // Setup: an office of its own (the demo office stays as it is), a board with one measure per
  // group made by the import API, the directors.
  const signIn = (email: string, password: string) => call('POST', '/api/auth/sign-in', undefined, { email, password });
  const demoAdmin = must(await signIn(opts.adminEmail ?? 'admin@demo.local', opts.adminPassword ?? DEMO_PASSWORD), 'demo admin sign-in', 200).json.cookie as string;
  const office = must(await call('POST', '/api/dev/load/office', demoAdmin), 'load office', 201).json as { adminEmail: string; password: string };
  const admin = must(await signIn(office.adminEmail, office.password), 'admin sign-in', 200).json.cookie as string;
  const groups = must(await call('GET', '/api/admin/groups', admin), 'groups', 200).json.groups as { id: string; nameTh: string }[];
  const text = syntheticAnnouncement(groups.map((g) => g.nameTh), opts.stepsPerGroup ?? 25, beYear);
  const { token } = must(await call('POST', '/api/import/preview', admin, { text, beYear }), 'import preview', 200).json as { token: string };
  must(await call('POST', '/api/import/commit', admin, { text, beYear, token, confirmYear: true, confirmOffice: true }), 'import', 201);
  const created = must(await call('POST', '/api/dev/load/directors', admin, { count: opts.directors }), 'directors', 201).json as {
    password: string;
    accounts: { email: string }[];
  };
  const signInMs: number[] = [];
  const cookies: string[] = new Array(created.accounts.length);
  // Sign-in costs 100,000 PBKDF2 rounds: once per director, a few at a time.
  await inPool(created.accounts, 4, async (a, i) => {
    const r = must(await signIn(a.email, created.password), `sign-in ${a.email}`, 200);
    signInMs.push(r.ms);
    cookies[i] = r.json.cookie;
  });
  // Every step gets an evidence link first (through the API, a few at a time), so that a move into
  // a done column is legal wherever a director takes a card (domain/done-rule.ts).
  const imported = boardOf(must(await call('GET', `/api/boards/${beYear}`, admin), 'board', 200));
  await inPool(imported.cards, 4, async (card, i) => {
    must(await call('POST', `/api/cards/${card.id}/evidence`, admin, { url: `https://example.go.th/load/${i + 1}`, note: '', oitCode: null }), 'evidence', 201);
  });
  const firstBoard = boardOf(must(await call('GET', `/api/boards/${beYear}`, admin), 'board', 200));
  log(`load: ${opts.directors} directors over ${groups.length} groups, ${firstBoard.cards.length} cards, ${opts.seconds} s`);

  const result: LoadResult = {
    directors: opts.directors,
    pause: opts.pause ?? null,
    groups: groups.length,
    cards: firstBoard.cards.length,
    seconds: opts.seconds,
    signInMs,
    writeMs: [],
    readMs: [],
    writeAt: [],
    readAt: [],
    changes: 0,
    noops: 0,
    conflicts: 0,
    busy: 0,
    restarts: 0,
    gaveUp: 0,
    statuses: {},
    unexpected: [],
    check: { events: 0, replayProblems: [], diffs: [], unknownKinds: [], chainOk: false, eventsChecked: 0 },
  };
  const count = (status: number) => (result.statuses[status] = (result.statuses[status] ?? 0) + 1);

  const pause = opts.pause;
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const pauseMs = (p: { minMs: number; maxMs: number }) => p.minMs + Math.random() * (p.maxMs - p.minMs);

  const started = performance.now();
  const deadline = started + opts.seconds * 1000;
  await Promise.all(cookies.map((cookie, d) => director(cookie, d)));
  result.seconds = (performance.now() - started) / 1000;

  async function director(cookie: string, d: number) {
    // Paused directors do not all start at once (nor would people).
    if (pause) await sleep(Math.random() * pause.maxMs);
    const read = async () => {
      const r = await call('GET', `/api/boards/${beYear}`, cookie);
      result.readMs.push(r.ms);
      result.readAt.push(performance.now() - started);
      return boardOf(must(r, 'board', 200));
    };
    let board = await read();
    const mine = () => board.cards.filter((c) => c.editable);
    let n = 0;
    while (performance.now() < deadline) {
      const editable = mine();
      if (editable.length === 0) throw new Error(`director ${d} has no card to edit`);
      const target = editable[Math.floor(Math.random() * editable.length)]!;
      const move = Math.random() < 0.6;
      const columnId = board.columns[Math.floor(Math.random() * board.columns.length)]!.id;
      n++;
      let done = false;
      for (let attempt = 1; attempt <= MAX_TRIES && !done; attempt++) {
        const card = board.cards.find((c) => c.id === target.id)!;
        let r: Answer;
        if (move) {
          const inColumn = board.cards.filter((c) => c.columnId === columnId && c.id !== card.id);
          const after = inColumn.length > 0 && Math.random() < 0.7 ? inColumn[Math.floor(Math.random() * inColumn.length)]!.id : null;
          r = await call('POST', `/api/cards/${card.id}/move`, cookie, { toColumnId: columnId, afterCardId: after, beforeCardId: null, version: card.version });
        } else {
          const field = n % 4;
          const edit =
            field === 0 ? { title: `ขั้นตอนทดสอบ แก้ไขโดยผู้อำนวยการ ${d + 1} ครั้งที่ ${n}` } : field === 1 ? { dueOn: `2025-0${1 + (n % 9)}-${String(1 + (n % 28)).padStart(2, '0')}` } : { details: `บันทึก ${d + 1}/${n}: ความคืบหน้า` };
          r = await call('PATCH', `/api/cards/${card.id}`, cookie, { version: card.version, ...edit });
        }
        result.writeMs.push(r.ms);
        result.writeAt.push(performance.now() - started);
        count(r.status);
        if (r.status === 200) {
          // An edit to values the card already has is answered 200 and writes nothing.
          if ((r.json.card as CardView).version === card.version) result.noops++;
          else result.changes++;
          replaceCard(r.json.card as CardView);
          done = true;
        } else if (r.status === 409 && r.json?.card) {
          // Someone changed it first: continue from the card as the server has it now.
          result.conflicts++;
          replaceCard(r.json.card as CardView);
          if (r.json.error?.code === 'neighbours_changed') board = await read();
        } else if (r.status === 503 && /restarted mid-request/.test(String(r.json?.raw))) {
          // `wrangler dev` reloaded the worker (a source file changed) with this request in
          // flight: not an answer of the app. Retry like a client; if it had committed, the retry
          // gets 409 with the card, and the check below allows for that.
          result.restarts++;
        } else if (r.status === 409 && r.json?.error?.code === 'busy') {
          result.busy++;
          await new Promise((resolve) => setTimeout(resolve, 10 * attempt));
        } else {
          result.unexpected.push(`${r.status} ${JSON.stringify(r.json).slice(0, 200)}`);
          done = true;
        }
      }
      if (!done) result.gaveUp++;
      if (pause && performance.now() < deadline) {
        if (Math.random() < (opts.readAfterChange ?? 0.5)) board = await read();
        await sleep(Math.min(pauseMs(pause), Math.max(0, deadline - performance.now())));
      }
    }
    function replaceCard(card: CardView) {
      board = { ...board, cards: board.cards.map((c) => (c.id === card.id ? card : c)) };
    }
  }

  // The check: board = replay of the log; the chain verifies.
  const finalBoard = boardOf(must(await call('GET', `/api/boards/${beYear}`, admin), 'final board', 200));
  const backup = must(await call('GET', '/api/admin/backup', admin), 'backup export', 200).json as BackupFile;
  const events = (backup.tables.card_events as unknown as (LoggedEvent & { fiscalYearId: string })[])
    .filter((e) => e.fiscalYearId === finalBoard.fiscalYear.id)
    .sort((a, b) => a.seq - b.seq);
  const replay = replayCardEvents(events);
  const chain = must(await call('GET', `/api/admin/chain/${beYear}`, admin), 'chain', 200).json as { ok: boolean; eventsChecked: number };
  result.check = {
    // The directors' own: moves and edits (not the import, nor the evidence given at setup).
    events: events.filter((e) => e.kind !== 'card.created' && e.kind !== 'evidence.added').length,
    replayProblems: replay.problems,
    diffs: compareWithReplay(finalBoard.cards, replay),
    unknownKinds: replay.unknownKinds,
    chainOk: chain.ok,
    eventsChecked: chain.eventsChecked,
  };
  return result;
}

/** What makes a run fail: a server error, an unexpected refusal, a lost update, a broken chain. */
export function loadFailures(r: LoadResult): string[] {
  const failures: string[] = [];
  const fiveXX = Object.entries(r.statuses)
    .map(([s, n]) => [s, s === '503' ? n - r.restarts : n] as const)
    .filter(([s, n]) => Number(s) >= 500 && n > 0);
  if (fiveXX.length > 0) failures.push(`server errors: ${fiveXX.map(([s, n]) => `${s}×${n}`).join(' ')}`);
  if (r.unexpected.length > 0) failures.push(`unexpected answers: ${r.unexpected.slice(0, 5).join(' | ')}`);
  if (r.check.replayProblems.length > 0) failures.push(`log inconsistent: ${r.check.replayProblems.slice(0, 5).join(' | ')}`);
  if (r.check.diffs.length > 0) failures.push(`board differs from the replayed log: ${r.check.diffs.slice(0, 5).join(' | ')}`);
  if (r.check.unknownKinds.length > 0) failures.push(`events the replay does not know: ${r.check.unknownKinds.join(', ')}`);
  // Every 200 wrote exactly one event; only a request cut off by a reload may have committed unseen.
  if (r.check.events < r.changes || r.check.events > r.changes + r.restarts) failures.push(`${r.changes} changes answered 200 but ${r.check.events} events logged`);
  if (!r.check.chainOk) failures.push('the event chain does not verify');
  if (r.changes === 0) failures.push('no change went through');
  return failures;
}

export function formatLoadResult(r: LoadResult): string {
  const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
  const w = sorted(r.writeMs);
  const rd = sorted(r.readMs);
  const s = sorted(r.signInMs);
  const ms = (x: number) => `${x.toFixed(1)} ms`;
  const statuses = Object.entries(r.statuses).map(([k, n]) => `${k}×${n}`).join(' ');
  return [
    formatTable(
      [
        {
          directors: r.directors,
          pause: r.pause ? `${r.pause.minMs / 1000}–${r.pause.maxMs / 1000} s` : 'none',
          groups: r.groups,
          cards: r.cards,
          seconds: Number(r.seconds.toFixed(1)),
          'write requests': w.length,
          'changes/s': Number((r.changes / r.seconds).toFixed(1)),
          'requests/s': Number((w.length / r.seconds).toFixed(1)),
          'median': ms(quantile(w, 0.5)),
          'p99': ms(quantile(w, 0.99)),
          'max': ms(w.at(-1) ?? Number.NaN),
          statuses,
        },
      ],
      `load: moves and edits by directors${r.pause ? ', pausing between changes, reading the board meanwhile' : ' without pause'} (wrangler dev, local D1)`,
    ),
    formatTable(
      [
        {
          changes: r.changes,
          '409 (retried with fresh card)': r.conflicts,
          '409 busy': r.busy,
          'gave up after 6 tries': r.gaveUp,
          '5xx from the app': Object.entries(r.statuses).filter(([k]) => Number(k) >= 500).reduce((n, [, v]) => n + v, 0) - r.restarts,
          'dev-server reloads hit': r.restarts,
          'events logged': r.check.events,
          'board = replay': r.check.diffs.length === 0 && r.check.replayProblems.length === 0 ? 'yes' : `NO (${r.check.diffs.length} diffs)`,
          chain: r.check.chainOk ? `ok (${r.check.eventsChecked} events)` : 'BROKEN',
        },
      ],
      'consistency',
    ),
    formatTable(
      [
        { request: 'sign-in (100k PBKDF2)', count: s.length, median: ms(quantile(s, 0.5)), p99: ms(quantile(s, 0.99)) },
        { request: 'board read (GET)', count: rd.length, median: ms(quantile(rd, 0.5)), p99: ms(quantile(rd, 0.99)) },
        { request: 'move/edit', count: w.length, median: ms(quantile(w, 0.5)), p99: ms(quantile(w, 0.99)) },
      ],
      'latency by request',
    ),
  ].join('\n\n');
}
