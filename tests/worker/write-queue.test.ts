// Card changes of one office take turns (coord/write-queue.ts, middleware/one-writer.ts): the
// queue grants turns one at a time in arrival order, a turn not given back expires, a change
// waits for its office's turn, and the unordered path it falls back to is still safe.
import { beforeAll, describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { call, cookieFor, db, getBoard, seedOffice, type Demo } from './helpers';
import { loadSession } from '../../worker/db/auth';
import { moveCard } from '../../worker/db/cards';
import { accessOf } from '../../worker/domain/policy';
import { isStrictlyOrdered } from '../../worker/domain/ordering';

let demo: Demo;
let admin: string;

beforeAll(async () => {
  demo = await seedOffice();
  admin = await cookieFor(demo, 'admin');
});

const queueOf = (name: string) => env.WRITE_QUEUE.get(env.WRITE_QUEUE.idFromName(name));
const settle = (ms = 150) => new Promise((r) => setTimeout(r, ms));

/** Resolves to the order in which the promises settled. */
function finishOrder(promises: Promise<unknown>[]): { order: number[]; done: Promise<void> } {
  const order: number[] = [];
  const done = Promise.all(promises.map((p, i) => p.then(() => void order.push(i)))).then(() => undefined);
  return { order, done };
}

describe('the write queue', () => {
  it('grants one turn at a time, in the order asked', async () => {
    const q = queueOf('order');
    const first = await q.acquire(5_000);
    const later = [q.acquire(5_000), q.acquire(5_000)];
    const { order } = finishOrder(later);
    await settle();
    expect(order).toEqual([]);
    expect(await q.depth()).toBe(3);
    await q.release(first);
    const second = await later[0]!;
    await settle();
    expect(order).toEqual([0]);
    // Giving back someone else's turn does nothing.
    await q.release(first);
    await settle();
    expect(order).toEqual([0]);
    await q.release(second);
    await q.release(await later[1]!);
    expect(await q.depth()).toBe(0);
  });

  it('a turn that is never given back expires', async () => {
    const q = queueOf('lease');
    await q.acquire(150);
    const t0 = Date.now();
    const next = await q.acquire(5_000);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(100);
    await q.release(next);
  });

  it("a card change waits for its office's turn", async () => {
    const board = await getBoard(admin);
    const card = board.cards.find((c) => c.columnId === board.columns[0]!.id)!;
    const q = queueOf(demo.orgId);
    const held = await q.acquire(10_000);
    let answered = false;
    const move = call('POST', `/api/cards/${card.id}/move`, {
      cookie: admin,
      body: { toColumnId: board.columns[1]!.id, afterCardId: null, beforeCardId: null, version: card.version },
    }).then((r) => ((answered = true), r));
    await settle(400);
    expect(answered).toBe(false);
    // Reads do not wait.
    expect((await call('GET', '/api/boards/2567', { cookie: admin })).status).toBe(200);
    await q.release(held);
    expect((await move).status).toBe(200);
  });

  it('without turns (the fallback), writers racing for the same seq still all land, with a gap-free log', async () => {
    const actor = (await loadSession(db(), admin.replace('__Host-ita_session=', '')))!.actor;
    const board = await getBoard(admin);
    const [todo, , review] = board.columns;
    const movers = board.cards.filter((c) => c.columnId === todo!.id).slice(0, 6);
    // Straight to the data layer, past the middleware: nothing orders these.
    const moved = await Promise.all(
      movers.map((card) =>
        moveCard(db(), actor, card.id, { toColumnId: review!.id, afterCardId: null, beforeCardId: null, version: card.version }, accessOf(actor)),
      ),
    );
    expect(moved.map((m) => m.event?.kind)).toEqual(movers.map(() => 'card.moved'));
    const after = await getBoard(admin);
    const keys = after.cards.filter((c) => c.columnId === review!.id).map((c) => c.orderKey);
    expect(isStrictlyOrdered(keys)).toBe(true);
    const seqs = await env.DB.prepare('select seq from card_events where fiscal_year_id = ? order by seq').bind(after.fiscalYear.id).all<{ seq: number }>();
    expect(seqs.results.map((r) => r.seq)).toEqual(seqs.results.map((_, i) => i + 1));
  });
});
