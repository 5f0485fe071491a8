// The web app's typed client (web/src/typed-client.ts) against a Hono app of our own: the requests
// its proxy builds (address, parameters, query, method, headers, body) reach the routes they name,
// with the app's rules (same-origin credentials, never cached, JSON both ways, a JSON body on every
// mutation). The types are checked by the web typecheck (web/src/api-contract.check.ts).
import { Hono } from 'hono';
import { zValidator } from '@hono/zod-validator';
import { z } from 'zod';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { typed } from '../../web/src/typed-client';

const routes = new Hono()
  .get('/', (c) => c.json({ list: true }))
  .get('/boards/:beYear', zValidator('param', z.object({ beYear: z.coerce.number() })), (c) => c.json({ beYear: c.req.valid('param').beYear }))
  .get('/items/:id/o43', zValidator('query', z.object({ from: z.string(), to: z.string() })), (c) =>
    c.json({ id: c.req.param('id'), ...c.req.valid('query') }),
  )
  .post('/cards/:id/move', zValidator('json', z.object({ version: z.number() })), (c) =>
    c.json({ id: c.req.param('id'), version: c.req.valid('json').version }, 201),
  )
  .post('/sign-out', async (c) => c.json({ body: await c.req.text(), type: c.req.header('content-type') ?? null }))
  .delete('/sessions/:id', (c) => c.body(null, 204));
const server = new Hono().route('/api/x', routes);

interface Sent {
  url: string;
  init: RequestInit;
}

function serve(): Sent[] {
  const sent: Sent[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    sent.push({ url, init });
    return server.request(url, { method: init.method, headers: init.headers, body: init.body });
  });
  return sent;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the typed client', () => {
  const client = typed<typeof routes>('/api/x');

  it('reads: the path with its parameters and query, JSON accepted, same-origin, never cached, no body', async () => {
    const sent = serve();
    const board = await client.boards[':beYear'].$get({ param: { beYear: '2567' } });
    expect(await board.json()).toEqual({ beYear: 2567 });
    const o43 = await client.items[':id'].o43.$get({ param: { id: encodeURIComponent('a/b') }, query: { from: '2026-10-01', to: '2026-10-31' } });
    // Encoded in the address, the route reads the id itself.
    expect(await o43.json()).toEqual({ id: 'a/b', from: '2026-10-01', to: '2026-10-31' });
    const list = await client.index.$get();
    expect(await list.json()).toEqual({ list: true });
    expect(sent.map((s) => s.url)).toEqual(['/api/x/boards/2567', '/api/x/items/a%2Fb/o43?from=2026-10-01&to=2026-10-31', '/api/x']);
    for (const { init } of sent) {
      expect(init).toMatchObject({ method: 'GET', credentials: 'same-origin', cache: 'no-store', body: undefined });
      expect(init.headers).toEqual({ accept: 'application/json' });
    }
  });

  it('writes: a JSON body, and an empty JSON object when there is nothing to send', async () => {
    const sent = serve();
    const moved = await client.cards[':id'].move.$post({ param: { id: 'c1' }, json: { version: 3 } });
    expect(moved.status).toBe(201);
    expect(await moved.json()).toEqual({ id: 'c1', version: 3 });
    const out = await client['sign-out'].$post();
    expect(await out.json()).toEqual({ body: '{}', type: 'application/json' });
    const ended = await client.sessions[':id'].$delete({ param: { id: 's1' } });
    expect(ended.status).toBe(204);
    expect(sent.map((s) => [s.init.method, s.url, s.init.body])).toEqual([
      ['POST', '/api/x/cards/c1/move', '{"version":3}'],
      ['POST', '/api/x/sign-out', '{}'],
      ['DELETE', '/api/x/sessions/s1', '{}'],
    ]);
    for (const { init } of sent) {
      expect(init).toMatchObject({ credentials: 'same-origin', cache: 'no-store' });
      expect(init.headers).toEqual({ accept: 'application/json', 'content-type': 'application/json' });
    }
  });

  it('sends the headers a call adds (If-None-Match), beside its own', async () => {
    const sent = serve();
    const tagged = await client.boards[':beYear'].$get({ param: { beYear: '2567' } }, { headers: { 'if-none-match': 'W/"v1"' } });
    expect(await tagged.json()).toEqual({ beYear: 2567 });
    expect(sent[0]!.init).toMatchObject({ method: 'GET', cache: 'no-store' });
    expect(sent[0]!.init.headers).toEqual({ 'if-none-match': 'W/"v1"', accept: 'application/json' });
  });

  it('is not a promise: awaiting a path sends nothing', async () => {
    const sent = serve();
    expect(typeof (await client.boards)).toBe('function');
    expect(sent).toEqual([]);
  });
});
