// Live updates: real WebSockets through the worker's fetch into the board's Durable Object, and
// real changes through the API. Nothing is mocked.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { env, exports } from 'cloudflare:workers';
import { runInDurableObject } from 'cloudflare:test';
import { BASE, call, cookieFor, getBoard, seedOffice, type Demo } from './helpers';
import { boardRoom } from '../../worker/live/notify';
import { SIGNED_OUT_CLOSE } from '../../worker/domain/contracts-card';
import type { BoardView } from '../../worker/domain/contracts';
import type { LiveServerMessage } from '../../worker/domain/contracts-card';
import type { Env } from '../../worker/env';

let home: Demo;
let other: Demo;
let admin: string;
let staff: string;
let otherAdmin: string;
let board: BoardView;

/** A connected client: every message it received, and a way to wait for the next one. */
interface Client {
  ws: WebSocket;
  next(timeoutMs?: number): Promise<LiveServerMessage>;
  pending(): LiveServerMessage[];
}

const open: WebSocket[] = [];

async function connect(cookie: string | undefined, headers: Record<string, string> = {}, beYear = 2567) {
  const h: Record<string, string> = { upgrade: 'websocket', origin: BASE, ...headers };
  if (cookie) h.cookie = cookie;
  return exports.default.fetch(new Request(`${BASE}/api/boards/${beYear}/live`, { headers: h }));
}

async function client(cookie: string): Promise<Client> {
  const res = await connect(cookie);
  expect(res.status).toBe(101);
  const ws = res.webSocket!;
  const queue: LiveServerMessage[] = [];
  const waiters: ((m: LiveServerMessage) => void)[] = [];
  ws.addEventListener('message', (e) => {
    const msg = JSON.parse(e.data as string) as LiveServerMessage;
    const waiter = waiters.shift();
    if (waiter) waiter(msg);
    else queue.push(msg);
  });
  ws.accept();
  open.push(ws);
  return {
    ws,
    pending: () => queue.splice(0),
    next: (timeoutMs = 2000) => {
      const queued = queue.shift();
      if (queued) return Promise.resolve(queued);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no message within the time allowed')), timeoutMs);
        waiters.push((m) => {
          clearTimeout(timer);
          resolve(m);
        });
      });
    },
  };
}

/** How a socket was closed by the server. */
const closeOf = (ws: WebSocket) =>
  new Promise<{ code: number; reason: string }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('not closed within the time allowed')), 2000);
    ws.addEventListener('close', (e) => {
      clearTimeout(timer);
      resolve({ code: e.code, reason: e.reason });
    });
  });

const headSeq = async (fiscalYearId: string) =>
  (await env.DB.prepare('select coalesce(max(seq), 0) seq from card_events where fiscal_year_id = ?').bind(fiscalYearId).first<{ seq: number }>())!.seq;

const move = (cardId: string, toColumnId: string, version: number, cookie = admin) =>
  call('POST', `/api/cards/${cardId}/move`, { cookie, body: { toColumnId, afterCardId: null, beforeCardId: null, version } });

const settle = () => new Promise((r) => setTimeout(r, 100));

beforeAll(async () => {
  home = await seedOffice('home-office');
  other = await seedOffice('other-office', 'other.local');
  admin = await cookieFor(home, 'admin');
  staff = await cookieFor(home, 'staff');
  otherAdmin = await cookieFor(other, 'admin');
  board = await getBoard(admin);
});

afterEach(() => {
  for (const ws of open.splice(0)) ws.close(1000, 'test done');
});

describe('the live board', () => {
  it('says hello with the head seq, then sends every committed move with its new column and seq', async () => {
    const head = await headSeq(board.fiscalYear.id);
    expect(head).toBe(21); // the 21 imported cards' card.created events
    const watcher = await client(staff);
    expect(await watcher.next()).toEqual({ type: 'hello', seq: head });
    const card = board.cards[0]!;
    const target = board.columns[2]!;
    const r = await move(card.id, target.id, card.version);
    expect(r.status).toBe(200);
    const msg = await watcher.next();
    expect(msg).toMatchObject({ type: 'card', seq: head + 1, kind: 'card.moved', card: { id: card.id, columnId: target.id, version: card.version + 1 } });
    // Each client keeps its own `editable`: the broadcast carries none.
    expect(msg.type === 'card' && 'editable' in msg.card).toBe(false);
    expect(msg.type === 'card' && msg.card.orderKey).toBe(r.json.card.orderKey);
  });

  it('broadcasts edits, evidence and comments to every open tab of the board, and nothing for a no-op', async () => {
    const a = await client(admin);
    const b = await client(staff);
    const [helloA, helloB] = [await a.next(), await b.next()];
    expect(helloA).toEqual(helloB);
    const card = (await getBoard(admin)).cards[3]!;
    const edit = await call('PATCH', `/api/cards/${card.id}`, { cookie: admin, body: { version: card.version, title: 'ชื่อใหม่' } });
    expect(edit.status).toBe(200);
    const noop = await call('PATCH', `/api/cards/${card.id}`, { cookie: admin, body: { version: edit.json.card.version, title: 'ชื่อใหม่' } });
    expect(noop.status).toBe(200);
    const evidence = await call('POST', `/api/cards/${card.id}/evidence`, { cookie: admin, body: { url: 'https://example.go.th/x', note: '', oitCode: null } });
    expect(evidence.status).toBe(201);
    const comment = await call('POST', `/api/cards/${card.id}/comments`, { cookie: admin, body: { body: 'เรียบร้อย' } });
    expect(comment.status).toBe(201);
    const evidenceId = evidence.json.evidence.id as string;
    expect((await call('DELETE', `/api/evidence/${evidenceId}`, { cookie: admin })).status).toBe(204);
    const start = (helloA as { seq: number }).seq;
    for (const c of [a, b]) {
      const got = [await c.next(), await c.next(), await c.next(), await c.next()];
      expect(got.map((m) => (m.type === 'card' ? [m.seq, m.kind, m.card.id] : m))).toEqual([
        [start + 1, 'card.edited', card.id],
        [start + 2, 'evidence.added', card.id],
        [start + 3, 'comment.added', card.id],
        [start + 4, 'evidence.removed', card.id],
      ]);
      expect(got[0]!.type === 'card' && got[0]!.card.title).toBe('ชื่อใหม่');
    }
    await settle();
    expect([...a.pending(), ...b.pending()]).toEqual([]); // the no-op sent nothing
  });

  it('uses the hibernation API (the room holds the sockets) and answers ping with pong', async () => {
    const c = await client(staff);
    await c.next();
    const sockets = await runInDurableObject(boardRoom(env as unknown as Env, home.orgId, board.fiscalYear.id), (_room, state) => state.getWebSockets().length);
    expect(sockets).toBe(1);
    c.ws.send(JSON.stringify({ type: 'ping' }));
    expect(await c.next()).toEqual({ type: 'pong' });
    c.ws.send('{ "type": "ping" }');
    expect(await c.next()).toEqual({ type: 'pong' });
    c.ws.send('nonsense');
    await settle();
    expect(c.pending()).toEqual([]);
  });

  it('the board says which seq it was read at, the same head a hello gives, so opening it needs no catch-up fetch', async () => {
    const before = await getBoard(staff);
    const c = await client(staff);
    expect(await c.next()).toEqual({ type: 'hello', seq: before.seq });
    expect(before.seq).toBe(await headSeq(board.fiscalYear.id));
    const card = before.cards[3]!;
    expect((await move(card.id, board.columns[1]!.id, card.version)).status).toBe(200);
    const after = await getBoard(staff);
    expect(after.seq).toBe(before.seq + 1);
    expect(after.cards.find((x) => x.id === card.id)!.columnId).toBe(board.columns[1]!.id);
  });

  it("signing out closes that session's live sockets at once; the user's other session keeps its own", async () => {
    const [mine, elsewhere] = [await cookieFor(home, 'staff'), await cookieFor(home, 'staff')];
    const a = await client(mine);
    const b = await client(elsewhere);
    await Promise.all([a.next(), b.next()]);
    const closedA = closeOf(a.ws);
    expect((await call('POST', '/api/auth/sign-out', { cookie: mine })).status).toBe(204);
    expect(await closedA).toEqual({ code: SIGNED_OUT_CLOSE, reason: 'signed out' });
    // The other session still hears the board.
    const card = (await getBoard(admin)).cards[7]!;
    expect((await move(card.id, board.columns[2]!.id, card.version)).status).toBe(200);
    expect(await b.next()).toMatchObject({ type: 'card', card: { id: card.id } });
    // And the signed-out cookie cannot open another one.
    expect((await connect(mine)).status).toBe(401);
  });

  it('signing out everywhere closes every live socket of that user, and no one else’s', async () => {
    const [one, two] = [await cookieFor(home, 'directorAdmin'), await cookieFor(home, 'directorAdmin')];
    const sockets = [await client(one), await client(two)];
    const bystander = await client(staff);
    await Promise.all([...sockets, bystander].map((s) => s.next()));
    const closed = sockets.map((s) => closeOf(s.ws));
    expect((await call('POST', '/api/auth/sign-out-everywhere', { cookie: one })).status).toBe(204);
    for (const c of closed) expect((await c).code).toBe(SIGNED_OUT_CLOSE);
    const card = (await getBoard(admin)).cards[8]!;
    expect((await move(card.id, board.columns[1]!.id, card.version)).status).toBe(200);
    expect(await bystander.next()).toMatchObject({ type: 'card', card: { id: card.id } });
  });

  it('a reconnecting client learns from hello that it missed changes', async () => {
    const first = await client(staff);
    const hello = (await first.next()) as { type: 'hello'; seq: number };
    first.ws.close(1000, 'tab asleep');
    const card = (await getBoard(admin)).cards[5]!;
    expect((await move(card.id, board.columns[1]!.id, card.version)).status).toBe(200);
    expect((await move(card.id, board.columns[2]!.id, card.version + 1)).status).toBe(200);
    const again = await client(staff);
    const next = await again.next();
    expect(next).toEqual({ type: 'hello', seq: hello.seq + 2 });
    expect(next.type === 'hello' && next.seq).toBe(await headSeq(board.fiscalYear.id));
  });

  it('changes sent at once are broadcast in seq order, each seq once, with no resync (one writer per board)', async () => {
    const c = await client(staff);
    const { seq } = (await c.next()) as { type: 'hello'; seq: number };
    const cards = (await getBoard(admin)).cards.slice(0, 6);
    const answers = await Promise.all(cards.map((card) => move(card.id, board.columns[2]!.id, card.version)));
    expect(answers.map((r) => r.status)).toEqual(cards.map(() => 200));
    const seen: number[] = [];
    for (let i = 0; i < cards.length; i++) {
      const message = await c.next();
      expect(message.type).toBe('card');
      if (message.type === 'card') seen.push(message.seq);
    }
    expect(seen).toEqual(cards.map((_, i) => seq + 1 + i));
  });

  it('keeps offices apart: another office\'s tab hears nothing of this board', async () => {
    const theirs = await client(otherAdmin);
    const theirHello = await theirs.next();
    expect(theirHello).toEqual({ type: 'hello', seq: 21 });
    const mine = await client(staff);
    await mine.next();
    const card = (await getBoard(admin)).cards[7]!;
    expect((await move(card.id, board.columns[1]!.id, card.version)).status).toBe(200);
    expect((await mine.next()).type).toBe('card');
    await settle();
    expect(theirs.pending()).toEqual([]);
  });
});

describe('refusing the upgrade', () => {
  it('answers 401 JSON without a session, before any upgrade', async () => {
    const res = await connect(undefined);
    expect(res.status).toBe(401);
    expect(res.webSocket).toBeNull();
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unauthenticated');
  });

  it('answers 403 JSON to a cross-site or origin-less handshake, even with a valid cookie', async () => {
    const refused: Record<string, string>[] = [{ origin: 'https://evil.example' }, { origin: 'https://ita.test.evil.example' }, { origin: BASE, 'sec-fetch-site': 'cross-site' }];
    for (const headers of refused) {
      const res = await connect(admin, headers);
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect(res.webSocket).toBeNull();
      const body = (await res.json()) as { error: { code: string; messageTh: string } };
      expect(body.error.code).toBe('cross_site_request');
      expect(body.error.messageTh).toBeTruthy();
    }
    const noOrigin = await exports.default.fetch(new Request(`${BASE}/api/boards/2567/live`, { headers: { upgrade: 'websocket', cookie: admin } }));
    expect(noOrigin.status).toBe(403);
  });

  it('answers 404 for a year without a board and 400 for a plain GET', async () => {
    const missing = await connect(admin, {}, 2599);
    expect(missing.status).toBe(404);
    const plain = await exports.default.fetch(new Request(`${BASE}/api/boards/2567/live`, { headers: { cookie: admin, origin: BASE } }));
    expect(plain.status).toBe(400);
    expect(((await plain.json()) as { error: { code: string } }).error.code).toBe('websocket_expected');
  });
});
