// Dev routes under DEMO_SEED=1 (issue 13): only what `npm start` calls is open (the seed of an
// empty database, the demo-account list); everything else needs an administrator's session, and
// no dev route takes an office id from the request.
import { beforeAll, describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import app from '../../worker/app';
import { BASE, cookieFor, seedOffice, type Demo } from './helpers';
import type { Env } from '../../worker/env';

let demo: Demo;
let other: Demo;
beforeAll(async () => {
  demo = await seedOffice();
  other = await seedOffice('other-office', 'other.local');
});

/** The real app with the demo switch on, as under `npm start`. */
async function dev(method: string, path: string, cookie?: string, body?: unknown) {
  const headers: Record<string, string> = { origin: BASE, 'sec-fetch-site': 'same-origin' };
  if (cookie) headers.cookie = cookie;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const ctx = createExecutionContext();
  const res = await app.fetch(new Request(`${BASE}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) }), { ...env, DEMO_SEED: '1' } as unknown as Env, ctx);
  await waitOnExecutionContext(ctx);
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : null };
}

const closed = [
  ['POST', '/api/dev/scheduled?cron=*/10+*+*+*+*'],
  ['POST', '/api/dev/bench/boards', { beYear: 2561, cards: 10 }],
  ['GET', '/api/dev/bench/board/2567'],
  ['GET', '/api/dev/bench/raw-rows/2567'],
  ['POST', '/api/dev/load/office'],
  ['POST', '/api/dev/load/directors', { count: 1 }],
  ['POST', '/api/dev/reports-bench/seed', { cards: 10, events: 10 }],
  ['GET', '/api/dev/reports-bench/run?kind=staff&periodKey=2024-03&mode=scan'],
] as const;

describe('dev routes with DEMO_SEED=1', () => {
  it('refuse every route but the seed and the demo-account list without an administrator’s session', async () => {
    const staff = await cookieFor(demo, 'staff');
    const director = await cookieFor(demo, 'directorAdmin');
    for (const [method, path, body] of closed) {
      // Before: /api/dev/scheduled ran any job at any time for anyone.
      expect((await dev(method, path, undefined, body)).status, `${method} ${path} signed out`).toBe(401);
      for (const cookie of [staff, director]) expect((await dev(method, path, cookie, body)).status, `${method} ${path}`).toBe(403);
    }
    const accounts = await dev('GET', '/api/dev/demo-accounts');
    expect(accounts.status).toBe(200);
    // The office's five, and the demo parent body's administrator and oversight user (issue 19).
    expect(accounts.json.accounts.length).toBe(7);
    // The seed answers without a session, and only loads an empty database.
    expect(await dev('POST', '/api/dev/seed')).toMatchObject({ status: 200, json: { seeded: false } });
  });

  it('run for an administrator, on their own office only', async () => {
    const admin = await cookieFor(demo, 'admin');
    expect((await dev('POST', '/api/dev/scheduled?cron=*/10+*+*+*+*', admin)).status).toBe(200);
    const seeded = await dev('POST', '/api/dev/reports-bench/seed', admin, { cards: 20, events: 50 });
    expect(seeded.status).toBe(200);
    expect(seeded.json.orgId).toBeUndefined();
    // The demo office has FY2567 but none of the bench's rows: the run reads the signed-in office,
    // whatever office id the query names (it is not read).
    const run = await dev('GET', `/api/dev/reports-bench/run?kind=staff&periodKey=2024-03&mode=scan&orgId=${other.orgId}`, admin);
    expect(run.status).toBe(200);
    expect(run.json.cards).toBe(21);
  });
});

describe('the board bench fixtures', () => {
  it('make a board whose titles all differ, and answer the raw rows of a board', async () => {
    const admin = await cookieFor(demo, 'admin');
    expect((await dev('POST', '/api/dev/bench/boards', admin, { beYear: 2562, cards: 30, titles: 'distinct' })).status).toBe(201);
    const raw = await dev('GET', '/api/dev/bench/raw-rows/2562', admin);
    expect(raw.status).toBe(200);
    // fiscal year, columns, groups, measures, cards: the rows as D1 returns them.
    expect(raw.json.map((rows: unknown[]) => rows.length)).toEqual([1, 4, expect.any(Number), 3, 30]);
    const titles = raw.json[4].map((card: { title: string }) => card.title);
    expect(new Set(titles).size).toBe(30);
  });
});

describe('without DEMO_SEED', () => {
  it('every dev route answers 404, the open ones included', async () => {
    const admin = await cookieFor(demo, 'admin');
    const ctx = createExecutionContext();
    for (const path of ['/api/dev/demo-accounts', '/api/dev/scheduled?cron=x']) {
      const res = await app.fetch(new Request(`${BASE}${path}`, { method: path.includes('scheduled') ? 'POST' : 'GET', headers: { cookie: admin, origin: BASE, 'sec-fetch-site': 'same-origin' } }), { ...env, DEMO_SEED: '0' } as unknown as Env, ctx);
      expect(res.status, path).toBe(404);
    }
    await waitOnExecutionContext(ctx);
  });
});
