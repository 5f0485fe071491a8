// The per-request D1 meter the benchmarks read (middleware/session.ts, db/metered.ts): on only
// with DEMO_SEED=1 and the request header, and its figures are D1's own meta, summed.
import { beforeAll, describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import app from '../../worker/app';
import { METER_REQUEST_HEADER, METER_RESPONSE_HEADER } from '../../worker/middleware/session';
import { meteredEnv, newMeter, type Meter } from '../../worker/db/metered';
import { BASE, call, cookieFor, getBoard, seedOffice, type Demo } from './helpers';

let demo: Demo;
let admin: string;

beforeAll(async () => {
  demo = await seedOffice();
  admin = await cookieFor(demo, 'admin');
});

async function metered(method: string, path: string, { demoSeed = '1', meter = '1', body }: { demoSeed?: string; meter?: string; body?: unknown } = {}) {
  const headers: Record<string, string> = { cookie: admin, [METER_REQUEST_HEADER]: meter };
  if (method !== 'GET') Object.assign(headers, { origin: BASE, 'sec-fetch-site': 'same-origin', 'content-type': 'application/json' });
  const ctx = createExecutionContext();
  const request = new Request(`${BASE}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const res = await app.fetch(request, { ...env, DEMO_SEED: demoSeed }, ctx);
  const json = (await res.json()) as any;
  await waitOnExecutionContext(ctx);
  const header = res.headers.get(METER_RESPONSE_HEADER);
  return { status: res.status, json, meter: header === null ? null : (JSON.parse(header) as Meter) };
}

describe('the D1 meter', () => {
  it('is off in production (no DEMO_SEED) and when not asked for', async () => {
    expect((await metered('GET', '/api/boards/2567', { demoSeed: '0' })).meter).toBeNull();
    expect((await metered('GET', '/api/boards/2567', { meter: '0' })).meter).toBeNull();
    expect((await call('GET', '/api/boards/2567', { cookie: admin, headers: { [METER_REQUEST_HEADER]: '1' } })).headers.get(METER_RESPONSE_HEADER)).toBeNull();
  });

  it('counts a board read: the board comes from its room’s memory, so the request reads the session and no card', async () => {
    await metered('GET', '/api/boards/2567'); // the room loads the board once
    const r = await metered('GET', '/api/boards/2567');
    expect(r.status).toBe(200);
    const m = r.meter!;
    expect(m.rowsWritten).toBe(0);
    expect(r.json.cards.id.length).toBeGreaterThan(10);
    // The session's one statement: session, user, office, its parent body and theirs (issue 19: a
    // parent body's users read their descendants), the membership.
    expect(m.rowsRead).toBeLessThanOrEqual(6);
    expect(m.queries).toBeLessThanOrEqual(2);
  });

  it('counts a move: the request reads the session (and once the card’s board); the room writes', async () => {
    const board = await getBoard(admin);
    const card = board.cards[0]!;
    const r = await metered('POST', `/api/cards/${card.id}/move`, {
      body: { toColumnId: board.columns[1]!.id, afterCardId: null, beforeCardId: null, version: card.version },
    });
    expect(r.status).toBe(200);
    expect(r.meter!.rowsWritten).toBe(0);
    expect(r.meter!.rowsRead).toBeGreaterThan(0);
    expect(r.meter!.rowsRead).toBeLessThan(10);
  });
});

describe('the Durable Object meter', () => {
  it('counts the calls on stubs of the request\'s namespaces, not id lookups, and leaves other bindings as they are', async () => {
    const calls: string[] = [];
    const stub = { ping: async (n: number) => (calls.push(`ping ${n}`), n + 1), id: 'x' };
    const ns = { idFromName: (name: string) => `id:${name}`, get: (_id: string) => stub };
    const other = { fetch: async () => new Response('ok') };
    const meter = newMeter();
    const env = meteredEnv({ ROOM: ns, OTHER: other, NAME: 'plain' }, meter);
    const room = env.ROOM.get(env.ROOM.idFromName('a'));
    expect(await room.ping(1)).toBe(2);
    expect(await room.ping(2)).toBe(3);
    expect(room.id).toBe('x');
    await env.OTHER.fetch();
    expect(env.NAME).toBe('plain');
    expect(calls).toEqual(['ping 1', 'ping 2']);
    expect(meter.objectCalls).toBe(2);
    expect(meter.objectCallsBy).toEqual({ 'ROOM.ping': 2 });
  });

  it('reports no call for a request that needs no object, and one call on the board\'s room for a move, an edit and a comment (issue 16)', async () => {
    const me = await metered('GET', '/api/me');
    expect(me.meter!.objectCalls).toBe(0);
    const board = await getBoard(admin);
    const card = board.cards[1]!;
    const moved = await metered('POST', `/api/cards/${card.id}/move`, {
      body: { toColumnId: board.columns[2]!.id, afterCardId: null, beforeCardId: null, version: card.version },
    });
    expect(moved.status).toBe(200);
    const edited = await metered('PATCH', `/api/cards/${card.id}`, { body: { version: moved.json.card.version, title: `${card.title} (แก้ไข)` } });
    expect(edited.status).toBe(200);
    const commented = await metered('POST', `/api/cards/${card.id}/comments`, { body: { body: 'ความคืบหน้า: เผยแพร่แล้ว' } });
    expect(commented.status).toBe(201);
    for (const r of [moved, edited, commented]) {
      // Before issue 16 a change made three: the office's WriteQueue (acquire, release) and the broadcast.
      expect(r.meter!.objectCalls).toBe(1);
      expect(Object.keys(r.meter!.objectCallsBy)).toEqual([expect.stringMatching(/^BOARD_ROOM\./)]);
    }
  });
});
