// What the app answers for people's screens (issue 12): "who is signed in?" without a failed
// request when nobody is, and dates that no office means (a Buddhist Era year typed where the
// Christian Era was expected) refused with a clear error in Thai and English.
import { beforeAll, describe, expect, it } from 'vitest';
import { call, cookieFor, getBoard, seedOffice, type Demo } from './helpers';

let demo: Demo;

beforeAll(async () => {
  demo = await seedOffice('present-home');
});

describe('GET /api/session', () => {
  it('answers 200 with me = null when signed out (a signed-out page logs no 401), and who is signed in otherwise', async () => {
    const out = await call('GET', '/api/session');
    expect(out.status).toBe(200);
    // Not the local demo here (DEMO_SEED is '0'): the sign-in page will not ask for demo accounts.
    expect(out.json).toEqual({ me: null, demo: false });
    const signedIn = await call('GET', '/api/session', { cookie: await cookieFor(demo, 'executive') });
    expect(signedIn.status).toBe(200);
    expect(signedIn.json.me).toMatchObject({ role: 'executive' });
    // The strict form stays strict: /api/me is for callers that expect a session.
    expect((await call('GET', '/api/me')).status).toBe(401);
    const me = await call('GET', '/api/me', { cookie: await cookieFor(demo, 'executive') });
    expect(me.json).toEqual(signedIn.json.me);
  });

  it('a revoked session reads as signed out', async () => {
    const cookie = await cookieFor(demo, 'staff');
    expect((await call('POST', '/api/auth/sign-out', { cookie })).status).toBeLessThan(300);
    expect((await call('GET', '/api/session', { cookie })).json).toEqual({ me: null, demo: false });
  });
});

describe('implausible dates', () => {
  it('the O43 report refuses a period in the year 3111 (2568 typed as Christian Era) with a clear error', async () => {
    const cookie = await cookieFor(demo, 'executive');
    for (const q of ['from=2023-10-01&to=3111-06-30', 'from=1500-01-01&to=2024-01-31']) {
      const r = await call('GET', `/api/dashboard/2567/o43?${q}`, { cookie });
      expect(r.status, q).toBe(422);
      expect(r.json.error.code).toBe('implausible_date');
      expect(r.json.error.messageTh).toContain('พ.ศ.');
      expect(r.json.error.messageEn).toContain('Buddhist Era');
    }
    expect((await call('GET', '/api/dashboard/2567/o43?from=2023-10-01&to=2024-09-30', { cookie })).status).toBe(200);
  });
});

describe('implausible due dates', () => {
  it('a card’s due date in 3111 is refused with a clear error and changes nothing; one in 2567 BE is kept', async () => {
    const admin = await cookieFor(demo, 'admin');
    const card = (await getBoard(admin)).cards[0]!;
    const r = await call('PATCH', `/api/cards/${card.id}`, { cookie: admin, body: { version: card.version, dueOn: '3111-06-30' } });
    expect(r.status, r.text).toBe(422);
    expect(r.json.error).toMatchObject({ code: 'implausible_date' });
    expect(r.json.error.messageTh).toContain('วันกำหนดเสร็จต้องอยู่ระหว่าง 1 ม.ค. 2543 ถึง 31 ธ.ค. 2643');
    const after = (await getBoard(admin)).cards.find((c) => c.id === card.id)!;
    expect(after).toMatchObject({ version: card.version, dueOn: card.dueOn });
    const ok = await call('PATCH', `/api/cards/${card.id}`, { cookie: admin, body: { version: card.version, dueOn: '2024-06-30' } });
    expect(ok.status, ok.text).toBe(200);
  });
});
