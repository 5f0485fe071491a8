// The board's room (worker/live/board-room.ts) as the board's only writer: the board it answers
// from memory is the board D1 has, its ETag gives 304 only while nothing changed, the changes since
// a seq let a client catch up, a write around the room is caught by the unique seq, and the
// changes that are not card changes (columns, groups, archive) reach the memory before they answer.
import { beforeAll, describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { abortAllDurableObjects, runInDurableObject } from 'cloudflare:test';
import { boardRoom } from '../../worker/live/notify';
import type { BoardRoom } from '../../worker/live/board-room';
import { createDb } from '../../worker/db/client';
import type { Env } from '../../worker/env';
import { faultyD1 } from './faulty-d1';
import { call, cookieFor, db, getBoard, seedOffice, type Demo } from './helpers';
import { loadBoard } from '../../worker/db/board';
import { boardFromWire, boardToWire, CARD_FIELDS, type BoardWire } from '../../worker/domain/board-card';
import { accessOf } from '../../worker/domain/policy';
import { chainEvents, chainHeadQuery, headOf } from '../../worker/db/events';
import { cardEvents, cards } from '../../worker/db/schema';
import { verifyChain } from '../../worker/domain/event-chain';
import { eq } from 'drizzle-orm';
import type { BoardView, CardView } from '../../worker/domain/contracts';
import type { Actor } from '../../worker/domain/access';

let demo: Demo;
let admin: string;
let director: string;
let executive: string;

beforeAll(async () => {
  demo = await seedOffice('room-office', 'room.local');
  admin = await cookieFor(demo, 'admin');
  director = await cookieFor(demo, 'directorAdmin');
  executive = await cookieFor(demo, 'executive');
});

const move = (cookie: string, card: CardView, toColumnId: string) =>
  call('POST', `/api/cards/${card.id}/move`, { cookie, body: { toColumnId, afterCardId: null, beforeCardId: null, version: card.version } });

async function actorOf(cookie: string): Promise<Actor> {
  const me = await call('GET', '/api/me', { cookie });
  return { userId: me.json.user.id, orgId: demo.orgId, role: me.json.role, groupId: me.json.groupId ?? null };
}

describe('the board from memory', () => {
  it('is the board D1 has, for every role, after changes too', async () => {
    const first = await getBoard(admin);
    await move(admin, first.cards[3]!, first.columns[2]!.id);
    await call('PATCH', `/api/cards/${first.cards[4]!.id}`, { cookie: admin, body: { version: first.cards[4]!.version, title: 'ชื่อใหม่ "อัญประกาศ" <b>' } });
    for (const cookie of [admin, director, executive]) {
      const actor = await actorOf(cookie);
      const fromD1 = await loadBoard(db(), actor, 2567, accessOf(actor));
      const res = await call('GET', '/api/boards/2567', { cookie });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(res.headers.get('cache-control')).toBe('no-store');
      // The answer travels with its cards as columns (BoardWire), every column one value per card in
      // board order; decoded, it is the board D1 has (issue 16 changes the wire shape, not the board).
      const wire = res.json as BoardWire;
      expect(Object.keys(wire.cards)).toEqual([...CARD_FIELDS]);
      for (const field of CARD_FIELDS) expect(wire.cards[field], field).toHaveLength(fromD1.cards.length);
      expect(boardFromWire(wire)).toEqual(JSON.parse(JSON.stringify(fromD1)));
      expect(wire).toEqual(JSON.parse(JSON.stringify(boardToWire(fromD1))));
    }
  });

  it('answers 304 to the ETag it gave while nothing changed, and 200 with a new one after a change', async () => {
    const first = await call('GET', '/api/boards/2567', { cookie: director });
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^".+"$/);
    const again = await call('GET', '/api/boards/2567', { cookie: director, headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
    expect(again.headers.get('etag')).toBe(etag);
    // Another role's answer differs (editable flags): its tag never matches this one's.
    const asAdmin = await call('GET', '/api/boards/2567', { cookie: admin, headers: { 'if-none-match': etag } });
    expect(asAdmin.status).toBe(200);
    expect(asAdmin.headers.get('etag')).not.toBe(etag);
    const board = boardFromWire(first.json as BoardWire);
    expect((await move(admin, board.cards[0]!, board.columns[1]!.id)).status).toBe(200);
    const after = await call('GET', '/api/boards/2567', { cookie: director, headers: { 'if-none-match': etag } });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    expect((after.json as BoardWire).seq).toBe(board.seq + 1);
  });

  it('gives the same ETag after the room was evicted and loaded the board again: 304 still', async () => {
    const first = await call('GET', '/api/boards/2567', { cookie: director });
    const etag = first.headers.get('etag')!;
    await abortAllDurableObjects();
    const again = await call('GET', '/api/boards/2567', { cookie: director, headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    // A renamed group changes the board without an event: a new tag.
    const group = (first.json as BoardWire).groups[2]!;
    expect((await call('PATCH', `/api/admin/groups/${group.id}`, { cookie: admin, body: { nameEn: 'Renamed in English' } })).status).toBe(200);
    await abortAllDurableObjects();
    const renamed = await call('GET', '/api/boards/2567', { cookie: director, headers: { 'if-none-match': etag } });
    expect(renamed.status).toBe(200);
    expect((renamed.json as BoardWire).groups[2]!.nameEn).toBe('Renamed in English');
  });

  it('gives the cards changed since a seq, or reload when it cannot know', async () => {
    const board = await getBoard(admin);
    const [a, b] = [board.cards[6]!, board.cards[7]!];
    await move(admin, a, board.columns[2]!.id);
    await move(admin, b, board.columns[2]!.id);
    const moved = await call('POST', `/api/cards/${a.id}/move`, { cookie: admin, body: { toColumnId: board.columns[1]!.id, afterCardId: null, beforeCardId: null, version: a.version + 1 } });
    expect(moved.status).toBe(200);
    const changes = await call('GET', `/api/boards/2567/changes?since=${board.seq}`, { cookie: director });
    expect(changes.status).toBe(200);
    expect(changes.json.seq).toBe(board.seq + 3);
    const byId = new Map((changes.json.cards as CardView[]).map((c) => [c.id, c]));
    expect([...byId.keys()].sort()).toEqual([a.id, b.id].sort());
    expect(byId.get(a.id)!.columnId).toBe(board.columns[1]!.id);
    expect(byId.get(b.id)!.columnId).toBe(board.columns[2]!.id);
    expect((await call('GET', `/api/boards/2567/changes?since=${board.seq + 3}`, { cookie: admin })).json).toEqual({ seq: board.seq + 3, cards: [] });
    // Ahead of the board, or before what the room remembers: load the board.
    expect((await call('GET', `/api/boards/2567/changes?since=${board.seq + 50}`, { cookie: admin })).json).toEqual({ reload: true, seq: board.seq + 3 });
    expect((await call('GET', '/api/boards/2567/changes?since=0', { cookie: admin })).json).toEqual({ reload: true, seq: board.seq + 3 });
    for (const bad of ['-1', 'abc', '1.5', '1e99']) {
      const r = await call('GET', `/api/boards/2567/changes?since=${bad}`, { cookie: admin });
      expect(r.status).toBe(400);
      expect(r.json.error.messageTh).toBeTruthy();
    }
    expect((await call('GET', '/api/boards/2567/changes?since=1')).status).toBe(401);
  });
});

describe('one writer', () => {
  it('parallel moves of one card: exactly one wins, the others get 409 with the card as it is', async () => {
    const board = await getBoard(admin);
    const card = board.cards[8]!;
    const answers = await Promise.all(board.columns.map((col) => move(admin, card, col.id)));
    expect(answers.filter((r) => r.status === 200)).toHaveLength(1);
    const losers = answers.filter((r) => r.status === 409);
    expect(losers).toHaveLength(board.columns.length - 1);
    for (const l of losers) expect(l.json.card.version).toBe(card.version + 1);
    const after = await getBoard(admin);
    expect(after.seq).toBe(board.seq + 1);
    const events = await env.DB.prepare('select seq, hash, prev_hash as prevHash from card_events where fiscal_year_id = ? order by seq').bind(board.fiscalYear.id).all();
    expect(events.results.length).toBe(after.seq);
  });

  it('a change written around the room takes its seq: the room reloads, decides again and commits after it', async () => {
    const board = await getBoard(admin);
    const [card, other] = [board.cards[9]!, board.cards[10]!];
    // Someone else (not the room) commits a change with the next seq.
    const d = db();
    const head = headOf(await chainHeadQuery(d, board.fiscalYear.id));
    const [row] = await chainEvents(head, { orgId: demo.orgId, fiscalYearId: board.fiscalYear.id, actorUserId: null, at: Date.now() }, [
      { cardId: other.id, kind: 'card.edited', before: { title: other.title }, after: { title: 'เขียนอ้อมห้อง' } },
    ]);
    await d.batch([d.insert(cardEvents).values(row!), d.update(cards).set({ title: 'เขียนอ้อมห้อง', version: other.version + 1 }).where(eq(cards.id, other.id))]);
    const r = await move(admin, card, board.columns[2]!.id);
    expect(r.status).toBe(200);
    const after = await getBoard(admin);
    expect(after.seq).toBe(board.seq + 2);
    expect(after.cards.find((c) => c.id === other.id)!.title).toBe('เขียนอ้อมห้อง');
    const events = await d.select().from(cardEvents).where(eq(cardEvents.fiscalYearId, board.fiscalYear.id));
    expect((await verifyChain(events.sort((x, y) => x.seq - y.seq))).ok).toBe(true);
  });

  it('archiving takes its turn among changes: each change lands before it or is refused after it, nothing half done', async () => {
    const demo2 = await seedOffice('room-archive', 'room-archive.local');
    const admin2 = await cookieFor(demo2, 'admin');
    const board = await getBoard(admin2);
    const cardsToMove = board.cards.slice(0, 10);
    const moves = cardsToMove.map((card) => move(admin2, card, board.columns[1]!.id));
    const archive = call('PUT', '/api/fiscal-years/2567/archived', { cookie: admin2, body: { archived: true } });
    const [answers, archived] = [await Promise.all(moves), await archive];
    expect(archived.status).toBe(200);
    for (const r of answers) {
      if (r.status !== 200) {
        expect(r.status).toBe(409);
        expect(r.json.error.code).toBe('fiscal_year_archived');
      }
    }
    const landed = answers.filter((r) => r.status === 200).length;
    const final = await getBoard(admin2);
    expect(final.seq).toBe(board.seq + landed);
    expect(final.cards.filter((c) => c.columnId === board.columns[1]!.id)).toHaveLength(landed);
    expect(final.fiscalYear.archivedAt).not.toBeNull();
    expect(final.cards.every((c) => !c.editable)).toBe(true);
    const late = await move(admin2, final.cards[0]!, board.columns[3]!.id);
    expect(late.status).toBe(409);
    expect(late.json.error.code).toBe('fiscal_year_archived');
    expect((await getBoard(admin2)).seq).toBe(final.seq);
  });
});

describe('a measure’s lead group, changed through the room', () => {
  it('shows on the board at once: the measure and its cards', async () => {
    const board = await getBoard(admin);
    const measure = board.measures[3]!;
    const to = board.groups.find((g) => g.id !== measure.leadGroupId)!;
    const r = await call('PATCH', `/api/measures/${measure.id}`, { cookie: admin, body: { leadGroupId: to.id } });
    expect(r.status).toBe(200);
    const after = await getBoard(admin);
    expect(after.measures.find((m) => m.id === measure.id)!.leadGroupId).toBe(to.id);
    expect(after.cards.filter((c) => c.measureId === measure.id).every((c) => c.leadGroupId === to.id)).toBe(true);
    const actor = await actorOf(admin);
    expect(after).toEqual(JSON.parse(JSON.stringify(await loadBoard(db(), actor, 2567, accessOf(actor)))));
  });
});

describe('changes made outside the room reach its memory before they answer', () => {
  it('a renamed column, a renamed group', async () => {
    const board = await getBoard(admin);
    const before = await call('GET', '/api/boards/2567', { cookie: executive });
    const etag = before.headers.get('etag')!;
    const col = board.columns[0]!;
    expect((await call('PATCH', `/api/admin/columns/${col.id}`, { cookie: admin, body: { labelTh: 'ยังไม่ได้เริ่มเลย' } })).status).toBe(200);
    const afterColumn = await call('GET', '/api/boards/2567', { cookie: executive, headers: { 'if-none-match': etag } });
    expect(afterColumn.status).toBe(200);
    expect((afterColumn.json as BoardWire).columns[0]!.labelTh).toBe('ยังไม่ได้เริ่มเลย');
    const group = board.groups[0]!;
    expect((await call('PATCH', `/api/admin/groups/${group.id}`, { cookie: admin, body: { nameTh: 'กลุ่มที่เปลี่ยนชื่อ' } })).status).toBe(200);
    expect((await getBoard(executive)).groups[0]!.nameTh).toBe('กลุ่มที่เปลี่ยนชื่อ');
  });
});

describe('changes that arrive together', () => {
  /** Until `ok` holds (checked every few ms). */
  const until = async (ok: () => boolean | Promise<boolean>) => {
    while (!(await ok())) await new Promise((r) => setTimeout(r, 5));
  };
  /** How many changes wait in the board's room for their turn. */
  const waitingInRoom = (fiscalYearId: string) =>
    runInDurableObject(boardRoom(env as unknown as Env, demo.orgId, fiscalYearId), (instance: BoardRoom) => (instance as unknown as { pending: unknown[] }).pending.length);

  /**
   * The real D1, except that the room's batch number n (from 1) waits while `held(n)` says so
   * (plain counters: promises may not cross from the test into the Durable Object's context),
   * and then runs `before` with its statements, if given.
   */
  function gatedD1(gate: { arrived: number }, held: (n: number) => boolean, before?: (stmts: D1PreparedStatement[]) => Promise<void>): D1Database {
    return new Proxy(env.DB, {
      get(target, prop) {
        if (prop !== 'batch') return Reflect.get(target, prop, target);
        return async (stmts: D1PreparedStatement[]) => {
          const n = ++gate.arrived;
          while (held(n)) await new Promise((r) => setTimeout(r, 2));
          await before?.(stmts);
          return target.batch(stmts);
        };
      },
    });
  }

  /**
   * Moves `moving` to `columnId` through a room whose D1 is `binding`: the first change alone, its
   * batch held by `gate` (see gatedD1: hold batch 1 while gate.released < 1) until the others wait
   * in the room, so that they go together in the next batch. The answers, in order.
   */
  async function movedTogether(boardNow: BoardView, binding: D1Database, gate: { arrived: number; released: number }, moving: CardView[], columnId: string) {
    return withRoomD1(boardNow.fiscalYear.id, binding, async () => {
      const first = move(admin, moving[0]!, columnId);
      await until(() => gate.arrived === 1);
      const rest = moving.slice(1).map((c) => move(admin, c, columnId));
      await until(async () => (await waitingInRoom(boardNow.fiscalYear.id)) === rest.length);
      gate.released = 1;
      return Promise.all([first, ...rest]);
    });
  }

  /** Hands the board's room `binding` as its D1 for the duration of `work`. */
  async function withRoomD1<T>(fiscalYearId: string, binding: D1Database, work: () => Promise<T>): Promise<T> {
    const room = boardRoom(env as unknown as Env, demo.orgId, fiscalYearId);
    await runInDurableObject(room, (instance: BoardRoom) => {
      instance.db = createDb(binding);
    });
    try {
      return await work();
    } finally {
      await runInDurableObject(room, (instance: BoardRoom) => {
        instance.db = createDb(env.DB);
      });
    }
  }

  it('commit together: fewer D1 batches than changes, each change with its own seq, the board as D1 has it', async () => {
    const board = await getBoard(admin);
    let events = 0;
    // The first batch waits until the other eleven changes wait in the room.
    const gate = { arrived: 0, released: 0 };
    const counting = gatedD1(gate, (n) => n === 1 && gate.released < 1);
    const cardsToMove = board.cards.slice(0, 12);
    const answers = await movedTogether(board, counting, gate, cardsToMove, board.columns[2]!.id);
    expect(answers.map((r) => r.status)).toEqual(cardsToMove.map(() => 200));
    events = (await getBoard(admin)).seq - board.seq;
    expect(events).toBe(12);
    expect(gate.arrived).toBe(2); // the first change alone, then the eleven that waited, in one batch
    const actor = await actorOf(admin);
    expect(await getBoard(admin)).toEqual(JSON.parse(JSON.stringify(await loadBoard(db(), actor, 2567, accessOf(actor)))));
    const logged = await db().select().from(cardEvents).where(eq(cardEvents.fiscalYearId, board.fiscalYear.id));
    expect((await verifyChain(logged.sort((x, y) => x.seq - y.seq))).ok).toBe(true);
  });

  it('a reader while a batch is in flight gets the board as committed, at once, and then the batch', async () => {
    const board = await getBoard(admin);
    // Every batch the room sends waits until the test lets it through.
    const gate = { arrived: 0, released: 0 };
    const gated = gatedD1(gate, (n) => gate.released < n);
    const [a, b, c] = board.cards.slice(0, 3);
    const pendingInRoom = () => waitingInRoom(board.fiscalYear.id);
    await withRoomD1(board.fiscalYear.id, gated, async () => {
      const moveA = move(admin, a!, board.columns[1]!.id);
      await until(() => gate.arrived === 1);
      const [moveB, moveC] = [move(admin, b!, board.columns[1]!.id), move(admin, c!, board.columns[1]!.id)];
      await until(async () => (await pendingInRoom()) === 2);
      gate.released = 1;
      expect((await moveA).status).toBe(200);
      await until(() => gate.arrived === 2); // B and C, decided on memory and applied ahead of their commit, in flight
      const during = await getBoard(admin);
      expect(during.seq).toBe(board.seq + 1);
      expect(during.cards.find((x) => x.id === a!.id)!.columnId).toBe(board.columns[1]!.id);
      for (const x of [b!, c!]) expect(during.cards.find((y) => y.id === x.id)!.columnId).toBe(x.columnId);
      expect((await call('GET', `/api/boards/2567/changes?since=${board.seq}`, { cookie: admin })).json.cards.map((x: CardView) => x.id)).toEqual([a!.id]);
      gate.released = 2;
      expect([(await moveB).status, (await moveC).status]).toEqual([200, 200]);
    });
    const after = await getBoard(admin);
    expect(after.seq).toBe(board.seq + 3);
    for (const x of [a!, b!, c!]) expect(after.cards.find((y) => y.id === x.id)!.columnId).toBe(board.columns[1]!.id);
  });

  it('a batch that fails in D1 fails each of its changes whole (500), writes nothing of them, and the next changes commit', async () => {
    const board = await getBoard(admin);
    const faulty = faultyD1(env.DB, 'poison-middle');
    const cardsToMove = board.cards.slice(12, 20);
    const answers = await withRoomD1(board.fiscalYear.id, faulty.binding, () => Promise.all(cardsToMove.map((c) => move(admin, c, board.columns[1]!.id))));
    expect(faulty.injected()).toBe(true);
    const ok = answers.filter((r) => r.status === 200).length;
    expect(answers.every((r) => r.status === 200 || r.status === 500)).toBe(true);
    expect(ok).toBeLessThan(cardsToMove.length);
    const after = await getBoard(admin);
    expect(after.seq).toBe(board.seq + ok);
    expect(after.cards.filter((c) => cardsToMove.some((m) => m.id === c.id) && c.columnId === board.columns[1]!.id)).toHaveLength(ok);
    const actor = await actorOf(admin);
    expect(after).toEqual(JSON.parse(JSON.stringify(await loadBoard(db(), actor, 2567, accessOf(actor)))));
    const again = await Promise.all(after.cards.filter((c) => cardsToMove.some((m) => m.id === c.id) && c.columnId !== board.columns[1]!.id).map((c) => move(admin, c, board.columns[1]!.id)));
    expect(again.every((r) => r.status === 200)).toBe(true);
  });

  it('a seq taken around the room in the middle of a batch: each change is decided again on its own, none lost', async () => {
    const board = await getBoard(admin);
    const d = db();
    let once = true;
    // The first batch (one change) waits until four more changes wait in the room, so they go
    // together in the second batch, which finds the next seq taken by a writer around the room.
    const gate = { arrived: 0, released: 0 };
    const racing = gatedD1(
      gate,
      (n) => n === 1 && gate.released < 1,
      async (stmts) => {
        if (!once || stmts.length <= 2) return;
        once = false;
        const other = board.cards[5]!;
        const head = headOf(await chainHeadQuery(d, board.fiscalYear.id));
        const [row] = await chainEvents(head, { orgId: demo.orgId, fiscalYearId: board.fiscalYear.id, actorUserId: null, at: Date.now() }, [
          { cardId: other.id, kind: 'card.edited', before: { title: other.title }, after: { title: 'ระหว่างชุด' } },
        ]);
        await d.batch([d.insert(cardEvents).values(row!), d.update(cards).set({ title: 'ระหว่างชุด', version: other.version + 1 }).where(eq(cards.id, other.id))]);
      },
    );
    const cardsToMove = board.cards.slice(0, 5);
    const answers = await movedTogether(board, racing, gate, cardsToMove, board.columns[2]!.id);
    expect(answers.map((r) => r.status)).toEqual(cardsToMove.map(() => 200));
    expect(once).toBe(false); // a batch of several changes was sent, and raced
    const after = await getBoard(admin);
    expect(after.seq).toBe(board.seq + 6);
    expect(after.cards.find((c) => c.id === board.cards[5]!.id)!.title).toBe('ระหว่างชุด');
    const logged = await d.select().from(cardEvents).where(eq(cardEvents.fiscalYearId, board.fiscalYear.id));
    expect((await verifyChain(logged.sort((x, y) => x.seq - y.seq))).ok).toBe(true);
  });
});
