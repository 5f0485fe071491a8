// Faults: the database failing in the middle of a change, the mail service down for a day, the
// board's Durable Object restarting under its clients. Real D1, real app, real Durable Object;
// only the failures are injected (a wrapped D1 binding, a failing mail transport, an abort).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { env, exports } from 'cloudflare:workers';
import { abortAllDurableObjects, createExecutionContext, createScheduledController, runInDurableObject, waitOnExecutionContext } from 'cloudflare:test';
import { boardRoom } from '../../worker/live/notify';
import type { BoardRoom } from '../../worker/live/board-room';
import { createDb } from '../../worker/db/client';
import app from '../../worker/app';
import { runScheduled, SCHEDULES } from '../../worker/cron';
import { MAX_ATTEMPTS } from '../../worker/domain/report-delivery';
import { replayCardEvents, compareWithReplay, type LoggedEvent } from '../../worker/domain/replay';
import type { MailTransport, OutgoingMail } from '../../worker/email/transport';
import type { BoardView, CardView } from '../../worker/domain/contracts';
import type { LiveServerMessage } from '../../worker/domain/contracts-card';
import type { Env } from '../../worker/env';
import { BASE, call, cookieFor, getBoard, seedOffice, withEvidence, type Demo } from './helpers';
import { formatTable } from '../load/table';
import { faultyD1 } from './faulty-d1';

let demo: Demo;
let admin: string;

/**
 * A request with `d1` as the database of the worker and of the board's room (its only writer, a
 * Durable Object with its own binding: the fault goes in through its `db` for this request).
 */
async function send(method: string, path: string, body: unknown, d1: D1Database = env.DB) {
  const room = boardRoom(env as unknown as Env, demo.orgId, (await getBoard(admin)).fiscalYear.id);
  await runInDurableObject(room, (instance: BoardRoom) => {
    instance.db = createDb(d1);
  });
  try {
    const ctx = createExecutionContext();
    const req = new Request(`${BASE}${path}`, { method, headers: { cookie: admin, origin: BASE, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const res = await app.fetch(req, { ...env, DB: d1 }, ctx);
    await waitOnExecutionContext(ctx);
    return { status: res.status, json: (await res.json()) as any };
  } finally {
    await runInDurableObject(room, (instance: BoardRoom) => {
      instance.db = createDb(env.DB);
    });
  }
}

const cardRow = (id: string) => env.DB.prepare('select * from cards where id = ?').bind(id).first();
const eventState = async () =>
  env.DB.prepare('select count(*) n, max(seq) head, (select hash from card_events order by rowid desc limit 1) hash from card_events').first();
const evidenceCount = async () => (await env.DB.prepare('select count(*) n from evidence_links').first<{ n: number }>())!.n;

async function loggedEvents(fiscalYearId: string): Promise<LoggedEvent[]> {
  const { results } = await env.DB.prepare('select seq, card_id, kind, before, after from card_events where fiscal_year_id = ? order by seq')
    .bind(fiscalYearId)
    .all<{ seq: number; card_id: string | null; kind: string; before: string | null; after: string | null }>();
  return results.map((e) => ({ seq: e.seq, cardId: e.card_id, kind: e.kind, before: e.before && JSON.parse(e.before), after: e.after && JSON.parse(e.after) }));
}

/** The board equals the replay of its log, and the chain verifies. */
async function expectBoardMatchesLog() {
  const board = await getBoard(admin);
  const replay = replayCardEvents(await loggedEvents(board.fiscalYear.id));
  expect(replay.problems).toEqual([]);
  expect(compareWithReplay(board.cards, replay)).toEqual([]);
  expect((await call('GET', '/api/admin/chain/2567', { cookie: admin })).json).toMatchObject({ ok: true, problems: [] });
}

beforeAll(async () => {
  demo = await seedOffice();
  admin = await cookieFor(demo, 'admin');
});

describe('a D1 failure in the middle of a change', () => {
  const figures: Record<string, string | number>[] = [];
  afterAll(() => console.log(formatTable(figures, 'faults injected into D1 (the first batch that writes)')));

  for (const fault of ['reject', 'poison-middle', 'poison-end'] as const) {
    it(`${fault}: the move leaves no half-move (card, version, log unchanged) and a retry succeeds`, async () => {
      const board = await getBoard(admin);
      const card = board.cards.find((c) => c.columnId === board.columns[0]!.id)!;
      const body = { toColumnId: board.columns[2]!.id, afterCardId: null, beforeCardId: null, version: card.version };
      const [rowBefore, eventsBefore] = [await cardRow(card.id), await eventState()];

      const faulty = faultyD1(env.DB, fault);
      const failed = await send('POST', `/api/cards/${card.id}/move`, body, faulty.binding);
      expect(faulty.injected()).toBe(true);
      expect(failed.status).toBe(500);
      expect(failed.json.error).toMatchObject({ code: 'internal_error' });
      expect(await cardRow(card.id)).toEqual(rowBefore);
      expect(await eventState()).toEqual(eventsBefore);

      const retried = await send('POST', `/api/cards/${card.id}/move`, body);
      expect(retried.status).toBe(200);
      expect(retried.json.card).toMatchObject({ columnId: body.toColumnId, version: card.version + 1 });
      expect((await eventState() as { n: number }).n).toBe((eventsBefore as { n: number }).n + 1);
      await expectBoardMatchesLog();
      figures.push({ fault, change: 'move', 'during fault': failed.status, 'card after fault': 'unchanged', 'events after fault': 'unchanged', retry: retried.status });
    });
  }

  it('poison-end on an edit and on new evidence: nothing of either is written', async () => {
    const card = (await getBoard(admin)).cards[1]!;
    const [rowBefore, eventsBefore, evidenceBefore] = [await cardRow(card.id), await eventState(), await evidenceCount()];
    const edit = await send('PATCH', `/api/cards/${card.id}`, { version: card.version, title: 'ไม่ควรถูกบันทึก' }, faultyD1(env.DB, 'poison-end').binding);
    expect(edit.status).toBe(500);
    const evidence = await send('POST', `/api/cards/${card.id}/evidence`, { url: 'https://example.go.th/e', note: '', oitCode: null }, faultyD1(env.DB, 'poison-middle').binding);
    expect(evidence.status).toBe(500);
    expect([await cardRow(card.id), await eventState(), await evidenceCount()]).toEqual([rowBefore, eventsBefore, evidenceBefore]);
    expect((await send('PATCH', `/api/cards/${card.id}`, { version: card.version, title: 'บันทึกแล้ว' })).status).toBe(200);
    await expectBoardMatchesLog();
    figures.push({ fault: 'poison-end / -middle', change: 'edit, evidence', 'during fault': 500, 'card after fault': 'unchanged', 'events after fault': 'unchanged', retry: 200 });
  });

  it('lose-ack: the move committed but the answer was lost; the retry gets 409 with the moved card, never a second move', async () => {
    const board = await getBoard(admin);
    const card = board.cards.find((c) => c.columnId === board.columns[0]!.id)!;
    const body = { toColumnId: board.columns[2]!.id, afterCardId: null, beforeCardId: null, version: card.version };
    const eventsBefore = (await eventState()) as { n: number };
    const lost = await send('POST', `/api/cards/${card.id}/move`, body, faultyD1(env.DB, 'lose-ack').binding);
    expect(lost.status).toBe(500);
    const retried = await send('POST', `/api/cards/${card.id}/move`, body);
    expect(retried.status).toBe(409);
    expect(retried.json.error.code).toBe('version_conflict');
    expect(retried.json.card).toMatchObject({ id: card.id, columnId: body.toColumnId, version: card.version + 1 });
    expect(((await eventState()) as { n: number }).n).toBe(eventsBefore.n + 1);
    await expectBoardMatchesLog();
    figures.push({ fault: 'lose-ack', change: 'move', 'during fault': 500, 'card after fault': 'moved once', 'events after fault': '+1', retry: '409 (shows the move)' });
  });
});

// --- the mail service down for a day ------------------------------------------------------

describe('the mail transport down for a day, then back', () => {
  const MINUTE = 60_000;
  const HOUR = 60 * MINUTE;
  afterAll(() => vi.useRealTimers());

  it('delivers every report to every recipient exactly once, within the retry budget', { timeout: 120_000 }, async () => {
    const start = Date.parse('2024-07-01T01:00:00Z'); // 08:00 Bangkok on the 1st: executives' report
    const back = start + 24 * HOUR;
    let now = start;
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(start);
    const delivered = new Map<string, OutgoingMail[]>();
    let refusals = 0;
    const transport: MailTransport = {
      async send(mail) {
        if (now < back) {
          refusals++;
          throw new Error('mail service unavailable');
        }
        const id = /^Message-ID: (.*)$/im.exec(mail.raw)![1]!;
        delivered.set(id, [...(delivered.get(id) ?? []), mail]);
      },
    };
    const fire = async (cron: string, at: number) => {
      now = at;
      vi.setSystemTime(at);
      const ctx = createExecutionContext();
      await runScheduled(createScheduledController({ scheduledTime: at, cron }), env as unknown as Env, ctx, { transport: () => transport });
      await waitOnExecutionContext(ctx);
    };
    await fire(SCHEDULES.executiveReport, start);
    await fire(SCHEDULES.staffReport, start + 30 * MINUTE);
    await fire(SCHEDULES.executiveReport, start + 35 * MINUTE); // a repeated trigger changes nothing
    // Every ten minutes for two days, as the outbox cron runs.
    for (let t = start + 10 * MINUTE; t <= start + 48 * HOUR; t += 10 * MINUTE) await fire(SCHEDULES.outbox, t);

    const rows = (
      await env.DB.prepare('select o.id, o.to_email, o.status, o.attempts, o.sent_at, r.kind from outbox o join reports r on r.id = o.report_id order by r.kind, o.to_email').all<Record<string, any>>()
    ).results;
    const reports = (await env.DB.prepare('select kind, count(*) n from reports group by kind order by kind').all<{ kind: string; n: number }>()).results;
    expect(reports).toEqual([
      { kind: 'executive', n: 1 },
      { kind: 'staff', n: 1 },
    ]);
    expect(rows).toHaveLength(3 + 5); // executives and directors; everyone
    expect(rows.every((r) => r.status === 'sent' && r.sent_at >= back && r.attempts <= MAX_ATTEMPTS)).toBe(true);
    expect(delivered.size).toBe(rows.length);
    expect([...delivered.values()].every((copies) => copies.length === 1)).toBe(true);
    const lastSent = Math.max(...rows.map((r) => r.sent_at as number));
    console.log(
      formatTable(
        [
          {
            'outage': '24 h',
            messages: rows.length,
            'refused attempts': refusals,
            'attempts per message': [...new Set(rows.map((r) => r.attempts))].join(', '),
            'delivered once': delivered.size,
            'last delivery after outage end': `${((lastSent - back) / HOUR).toFixed(1)} h`,
          },
        ],
        'mail transport down for a day',
      ),
    );
  });
});

// --- the Durable Object restarting --------------------------------------------------------

/** A client's copy of the board, kept up to date from the live socket as the web app does. */
class BoardMirror {
  cards = new Map<string, Omit<CardView, 'editable'>>();
  lastSeq = 0;
  refetches = 0;
  applied = 0;
  async refetch() {
    const board = await getBoard(admin);
    this.cards = new Map(board.cards.map(({ editable: _e, ...c }) => [c.id, c]));
    this.refetches++;
  }
  async onMessage(m: LiveServerMessage) {
    if (m.type === 'hello' || m.type === 'resync') {
      if (m.seq > this.lastSeq) await this.refetch();
      this.lastSeq = Math.max(this.lastSeq, m.seq);
    } else if (m.type === 'card') {
      if (m.seq !== this.lastSeq + 1) await this.refetch();
      else {
        this.cards.set(m.card.id, m.card);
        this.applied++;
      }
      this.lastSeq = Math.max(this.lastSeq, m.seq);
    }
  }
}

async function connect(mirror: BoardMirror) {
  const res = await exports.default.fetch(new Request(`${BASE}/api/boards/2567/live`, { headers: { upgrade: 'websocket', origin: BASE, cookie: admin } }));
  expect(res.status).toBe(101);
  const ws = res.webSocket!;
  let chain = Promise.resolve();
  const closed = new Promise<void>((resolve) => {
    ws.addEventListener('close', () => resolve());
    ws.addEventListener('error', () => resolve());
  });
  ws.addEventListener('message', (e) => {
    chain = chain.then(() => mirror.onMessage(JSON.parse(e.data as string) as LiveServerMessage));
  });
  ws.accept();
  return { ws, closed, settled: async () => { await new Promise((r) => setTimeout(r, 150)); await chain; } };
}

describe('the board’s Durable Object restarting', () => {
  it('a client that reconnects after the restart learns it missed changes and ends equal to the board', async () => {
    const mirror = new BoardMirror();
    const first = await connect(mirror);
    await first.settled();
    expect(mirror.refetches).toBe(1); // hello after a fresh start: fetch the board once

    const move = async (card: Pick<CardView, 'id' | 'version'>, column: number) => {
      const board = await getBoard(admin);
      const current = board.cards.find((c) => c.id === card.id)!;
      const r = await call('POST', `/api/cards/${card.id}/move`, { cookie: admin, body: { toColumnId: board.columns[column]!.id, afterCardId: null, beforeCardId: null, version: current.version } });
      expect(r.status).toBe(200);
    };
    const board: BoardView = await getBoard(admin);
    await move(board.cards[5]!, 1);
    await first.settled();
    expect(mirror.applied).toBe(1);

    await abortAllDurableObjects();
    await Promise.race([first.closed, new Promise((r) => setTimeout(r, 2000))]);
    // Changes while the client is disconnected (they reach a fresh object with no sockets).
    await move(board.cards[6]!, 2);
    await move(board.cards[7]!, 2);
    await move(board.cards[5]!, 2);
    const seqBefore = mirror.lastSeq;

    const second = await connect(mirror);
    await second.settled();
    expect(mirror.lastSeq).toBe(seqBefore + 3);
    expect(mirror.refetches).toBe(2); // hello.seq > last seen ⇒ refetch
    await move(board.cards[8]!, 1); // and live updates flow again through the new object
    await second.settled();
    expect(mirror.applied).toBe(2);
    const truth = (await getBoard(admin)).cards.map(({ editable: _e, ...c }) => c);
    expect([...mirror.cards.values()].sort((a, b) => a.id.localeCompare(b.id))).toEqual(truth.sort((a, b) => a.id.localeCompare(b.id)));
    second.ws.close(1000, 'done');
    console.log(formatTable([{ 'moves while disconnected': 3, 'hello.seq - last seen': 3, refetches: mirror.refetches, 'applied live': mirror.applied, 'mirror equals board': 'yes' }], 'Durable Object restart'));
  });
});

/**
 * A read cut by the restart fails with a 5xx and the client reads again: abortAllDurableObjects
 * also aborts the local D1 (an object itself under miniflare), so a session lookup in flight at that
 * moment answers 500. Only 5xx is read again, at most three times.
 */
async function readCut<T>(read: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await read();
    } catch (e) {
      if (attempt >= 3 || !/: 5\d\d /.test(String(e))) throw e;
    }
  }
}

describe('the board’s room restarting in the middle of a load', () => {
  // Round the columns, done included: each card carries evidence (domain/done-rule.ts).
  beforeAll(async () => withEvidence(admin, (await getBoard(admin)).cards.slice(0, 12).map((c) => c.id)));

  it('loses no acknowledged change: every 200 is in the log once, the board equals its replay, and writing goes on', async () => {
    const board = await getBoard(admin);
    const ids = board.cards.slice(0, 12).map((c) => c.id);
    const acknowledged: { cardId: string; columnId: string; version: number }[] = [];
    const failed: number[] = [];
    let reachedTwenty: () => void;
    const twenty = new Promise<void>((resolve) => (reachedTwenty = resolve));
    // Twelve writers, each moving its own card round the columns, reading the card afresh each time.
    const writer = async (cardId: string, turns: number) => {
      for (let i = 0; i < turns; i++) {
        const current = (await readCut(() => getBoard(admin))).cards.find((c) => c.id === cardId)!;
        const toColumnId = board.columns[(i + 1) % board.columns.length]!.id;
        const r = await call('POST', `/api/cards/${cardId}/move`, { cookie: admin, body: { toColumnId, afterCardId: null, beforeCardId: null, version: current.version } });
        if (r.status === 200) acknowledged.push({ cardId, columnId: toColumnId, version: r.json.card.version });
        else failed.push(r.status);
        if (acknowledged.length >= 20) reachedTwenty();
      }
    };
    const load = Promise.all(ids.map((id) => writer(id, 6)));
    // Restart every Durable Object while the writers are at it: after the 20th acknowledged change.
    await twenty;
    const atRestart = acknowledged.length;
    await abortAllDurableObjects();
    await load;
    expect(atRestart).toBeLessThan(72);
    // A request cut by the restart may fail (the client retries); none may half-land.
    expect(failed.every((s) => s >= 500)).toBe(true);
    const events = await loggedEvents(board.fiscalYear.id);
    for (const a of acknowledged) {
      expect(events.filter((e) => e.cardId === a.cardId && e.kind === 'card.moved' && (e.after as { version: number }).version === a.version)).toHaveLength(1);
    }
    await expectBoardMatchesLog();
    const final = await getBoard(admin);
    for (const id of ids) {
      const last = acknowledged.filter((a) => a.cardId === id).at(-1);
      if (last) expect(final.cards.find((c) => c.id === id)!.version).toBeGreaterThanOrEqual(last.version);
    }
    const card = final.cards.find((c) => c.id === ids[0])!;
    const after = await call('POST', `/api/cards/${card.id}/move`, { cookie: admin, body: { toColumnId: board.columns[0]!.id, afterCardId: null, beforeCardId: null, version: card.version } });
    expect(after.status).toBe(200);
    console.log(formatTable([{ writers: ids.length, 'acknowledged at restart': atRestart, acknowledged: acknowledged.length, 'cut by the restart': failed.length, 'board = replay': 'yes' }], 'board room restarted mid-load'));
  });
});
