import { beforeAll, describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { call, cookieFor, getBoard, seedOffice, type Demo } from './helpers';
import { DEMO_PASSWORD } from '../../worker/seed/demo';
import { PBKDF2_ITERATIONS, hashPassword, verifyPassword } from '../../worker/domain/password';

let demo: Demo;
beforeAll(async () => {
  demo = await seedOffice();
});

const signIn = (email: string, password: string, ip = '198.51.100.7') =>
  call('POST', '/api/auth/sign-in', { body: { email, password }, headers: { 'cf-connecting-ip': ip } });

describe('signing in', () => {
  it('signs in with email and password and sets a hardened session cookie', async () => {
    const r = await signIn('Director.Personnel@demo.local ', DEMO_PASSWORD);
    expect(r.status).toBe(200);
    expect(r.json.role).toBe('director');
    expect(r.json.groupId).toBe(demo.groupIds['กลุ่มบริหารงานบุคคล']);
    const cookie = r.headers.get('set-cookie')!;
    // __Host-: Secure, Path=/ and no Domain, or browsers refuse it.
    expect(cookie).toMatch(/^__Host-ita_session=[\w-]{40,};/);
    expect(cookie.split(', __Host-ita_device')[0]).not.toMatch(/Domain=/i);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/Secure/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Max-Age=604800/);
    const me = await call('GET', '/api/me', { cookie: cookie.split(';')[0] });
    expect(me.json.user.email).toBe('director.personnel@demo.local');
    // Only the token's hash is stored.
    const token = cookie.split(';')[0]!.split('=')[1]!;
    const stored = await env.DB.prepare('select count(*) n from sessions where id = ?').bind(token).first<{ n: number }>();
    expect(stored!.n).toBe(0);
  });

  it('refuses a wrong password or unknown account with the same bilingual error', async () => {
    const wrong = await signIn('staff@demo.local', 'nope', '198.51.100.8');
    const unknown = await signIn('nobody@demo.local', 'nope', '198.51.100.8');
    for (const r of [wrong, unknown]) {
      expect(r.status).toBe(401);
      expect(r.json.error).toMatchObject({ code: 'invalid_credentials', messageTh: 'อีเมลหรือรหัสผ่านไม่ถูกต้อง' });
      expect(r.headers.get('set-cookie')).toBeNull();
    }
  });

  it('limits failed attempts per account and address with a clear message, even with the right password', async () => {
    for (let i = 0; i < 5; i++) expect((await signIn('executive@demo.local', 'bad', '203.0.113.9')).status).toBe(401);
    const blocked = await signIn('executive@demo.local', DEMO_PASSWORD, '203.0.113.9');
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('retry-after')).toMatch(/^(29|30)$/);
    expect(blocked.json.error.code).toBe('too_many_attempts');
    expect(blocked.json.error.messageTh).toMatch(/กรุณาลองใหม่ในอีก (29|30) วินาที/);
    expect(blocked.json.error.messageEn).toMatch(/try again in (29|30) seconds/);
    const audited = await env.DB.prepare("select count(*) n from audit_log where action = 'sign_in.failed'").first<{ n: number }>();
    expect(audited!.n).toBeGreaterThanOrEqual(5);
  });

  it('hashes with PBKDF2 at exactly the deployed limit and refuses hashes above it', async () => {
    const h = await hashPassword('รหัสผ่านภาษาไทย');
    expect(h.split('$')[1]).toBe(String(PBKDF2_ITERATIONS));
    expect(PBKDF2_ITERATIONS).toBe(100_000);
    expect(await verifyPassword('รหัสผ่านภาษาไทย', h)).toBe(true);
    expect(await verifyPassword('รหัสผ่านภาษาไทย ', h)).toBe(false);
    const tooMany = h.replace('$100000$', '$100001$');
    expect(await verifyPassword('รหัสผ่านภาษาไทย', tooMany)).toBe(false);
  });
});

describe('sessions', () => {
  it('sign-out revokes the session; sign out everywhere revokes all of them', async () => {
    const a = await cookieFor(demo, 'staff');
    const b = await cookieFor(demo, 'staff');
    const c = await cookieFor(demo, 'staff');
    expect((await call('POST', '/api/auth/sign-out', { cookie: a })).status).toBe(204);
    expect((await call('GET', '/api/me', { cookie: a })).status).toBe(401);
    expect((await call('GET', '/api/me', { cookie: b })).status).toBe(200);
    expect((await call('POST', '/api/auth/sign-out-everywhere', { cookie: b })).status).toBe(204);
    expect((await call('GET', '/api/me', { cookie: b })).status).toBe(401);
    expect((await call('GET', '/api/me', { cookie: c })).status).toBe(401);
  });

  it('refuses an expired session', async () => {
    const cookie = await cookieFor(demo, 'executive');
    expect((await call('GET', '/api/boards/2567', { cookie })).status).toBe(200);
    await env.DB.prepare('update sessions set expires_at = ? where user_id = ?').bind(Date.now() - 1, demo.userIds['executive@demo.local']).run();
    const r = await call('GET', '/api/boards/2567', { cookie });
    expect(r.status).toBe(401);
    expect(r.json.error.code).toBe('unauthenticated');
  });
});

describe('hardening', () => {
  it('refuses cross-site writes, JSON included, and changes nothing', async () => {
    const cookie = await cookieFor(demo, 'admin');
    const board = await getBoard(cookie);
    const card = board.cards[0]!;
    const body = { toColumnId: board.columns[1]!.id, afterCardId: null, beforeCardId: null, version: card.version };
    for (const headers of [{ origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }, { origin: 'https://evil.example', 'sec-fetch-site': 'same-origin' }, { 'sec-fetch-site': 'same-site', origin: 'https://ita.test' }]) {
      const r = await call('POST', `/api/cards/${card.id}/move`, { cookie, body, headers });
      expect(r.status, JSON.stringify(headers)).toBe(403);
      expect(r.json.error.code).toBe('cross_site_request');
    }
    expect((await getBoard(cookie)).cards[0]!.version).toBe(card.version);
  });

  it('sends security headers and refuses oversized bodies', async () => {
    const r = await call('GET', '/api/health');
    expect(r.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    expect(r.headers.get('x-frame-options')).toBe('DENY');
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    const cookie = await cookieFor(demo, 'admin');
    const big = await call('PATCH', '/api/cards/x', { cookie, rawBody: JSON.stringify({ version: 1, details: 'ก'.repeat(70_000) }), headers: { 'content-type': 'application/json' } });
    expect(big.status).toBe(413);
    expect(big.json.error.code).toBe('body_too_large');
  });
});

describe('tamper-evident activity log', () => {
  it('verifies, then names the event that was altered and the one that was removed', async () => {
    const cookie = await cookieFor(demo, 'admin');
    const board = await getBoard(cookie);
    for (const card of board.cards.slice(0, 3)) {
      await call('POST', `/api/cards/${card.id}/move`, { cookie, body: { toColumnId: board.columns[2]!.id, afterCardId: null, beforeCardId: null, version: card.version } });
    }
    const clean = await call('GET', '/api/admin/chain/2567', { cookie });
    expect(clean.json).toMatchObject({ ok: true, eventsChecked: 24, problems: [] });
    const fy = board.fiscalYear.id;
    await env.DB.prepare("update card_events set after = json_set(after, '$.columnId', 'elsewhere') where fiscal_year_id = ? and seq = 23").bind(fy).run();
    const altered = await call('GET', '/api/admin/chain/2567', { cookie });
    expect(altered.json.ok).toBe(false);
    expect(altered.json.problems).toEqual([{ kind: 'altered', seq: 23, eventId: expect.any(String) }]);
    await env.DB.prepare('delete from card_events where fiscal_year_id = ? and seq = 10').bind(fy).run();
    const removed = await call('GET', '/api/admin/chain/2567', { cookie });
    expect(removed.json.problems).toContainEqual({ kind: 'missing', afterSeq: 9, expectedSeq: 10, foundSeq: 11 });
  });
});
