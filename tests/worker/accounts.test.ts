// The account life cycle (issue 13): administrators disable, re-enable, remove members and set
// temporary passwords; users change their own password and end their own sessions. Real D1,
// real sockets through the board's Durable Object.
import { beforeAll, describe, expect, it } from 'vitest';
import { env, exports } from 'cloudflare:workers';
import { BASE, call, cookieFor, db, getBoard, seedOffice, type Demo } from './helpers';
import { DEMO_PASSWORD } from '../../worker/seed/demo';
import { SESSION_COOKIE } from '../../worker/middleware/session';
import { SIGNED_OUT_CLOSE } from '../../worker/domain/contracts-card';
import { recipientsFor } from '../../worker/db/reports';

let demo: Demo;
let other: Demo;
let admin: string;
beforeAll(async () => {
  demo = await seedOffice();
  other = await seedOffice('other-office', 'other.local');
  admin = await cookieFor(demo, 'admin');
});

const signIn = (email: string, password: string, ip = '192.0.2.77') =>
  call('POST', '/api/auth/sign-in', { body: { email, password }, headers: { 'cf-connecting-ip': ip } });
const sessionOf = (r: { headers: Headers }) => new RegExp(`${SESSION_COOKIE}=[^;]+`).exec(r.headers.get('set-cookie') ?? '')![0];
const audited = async (action: string, userId: string) =>
  (await env.DB.prepare("select count(*) n from audit_log where action = ? and json_extract(detail, '$.userId') = ?").bind(action, userId).first<{ n: number }>())!.n;

/** A live socket on the demo board, and a promise of how the server closes it. */
async function socket(cookie: string) {
  const res = await exports.default.fetch(new Request(`${BASE}/api/boards/2567/live`, { headers: { upgrade: 'websocket', origin: BASE, cookie } }));
  expect(res.status).toBe(101);
  const ws = res.webSocket!;
  const closed = new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('socket not closed within 3 s')), 3000);
    ws.addEventListener('close', (e) => {
      clearTimeout(timer);
      resolve(e.code);
    });
  });
  const hello = new Promise<void>((resolve) => ws.addEventListener('message', () => resolve(), { once: true }));
  ws.accept();
  await hello;
  return { ws, closed };
}

describe('disable and re-enable', () => {
  it('ends every session and live socket of the member at once; sign-in says the account is disabled; re-enabled, they sign in', async () => {
    const userId = demo.userIds['director.personnel@demo.local']!;
    const a = await cookieFor(demo, 'directorPersonnel');
    const b = sessionOf(await signIn('director.personnel@demo.local', DEMO_PASSWORD));
    const live = await socket(a);
    expect((await call('GET', '/api/me', { cookie: b })).status).toBe(200);

    const r = await call('POST', `/api/admin/accounts/${userId}/disable`, { cookie: admin });
    expect(r.status, r.text).toBe(200);
    expect(await live.closed).toBe(SIGNED_OUT_CLOSE);
    for (const cookie of [a, b]) expect((await call('GET', '/api/me', { cookie })).status).toBe(401);
    // Nor to a disabled member: the directors' digest and the executives' report leave them out.
    expect((await recipientsFor(db(), demo.orgId, 'executive')).map((r) => r.email)).not.toContain('director.personnel@demo.local');
    const refused = await signIn('director.personnel@demo.local', DEMO_PASSWORD);
    expect(refused.status).toBe(403);
    expect(refused.json.error).toMatchObject({ code: 'account_disabled', messageTh: expect.stringContaining('ถูกระงับ'), messageEn: expect.stringContaining('disabled') });
    expect(refused.headers.get('set-cookie') ?? '').not.toContain(SESSION_COOKIE);
    // A wrong password still says only that it is wrong.
    expect((await signIn('director.personnel@demo.local', 'not-the-password')).json.error.code).toBe('invalid_credentials');
    const list = await call('GET', '/api/admin/accounts', { cookie: admin });
    expect(list.json.members.find((m: { id: string }) => m.id === userId).state).toBe('disabled');

    expect((await call('POST', `/api/admin/accounts/${userId}/disable`, { cookie: admin })).json.error.code).toBe('wrong_account_state');
    expect((await call('POST', `/api/admin/accounts/${userId}/enable`, { cookie: admin })).status).toBe(200);
    expect((await signIn('director.personnel@demo.local', DEMO_PASSWORD, '192.0.2.78')).status).toBe(200);
    expect(await audited('user.disabled', userId)).toBe(1);
    expect(await audited('user.enabled', userId)).toBe(1);
  });

  it('only an administrator of the same office, and never on their own account', async () => {
    const target = demo.userIds['staff@demo.local']!;
    const director = await cookieFor(demo, 'directorAdmin');
    expect((await call('POST', `/api/admin/accounts/${target}/disable`, { cookie: director })).status).toBe(403);
    expect((await call('POST', `/api/admin/accounts/${target}/disable`)).status).toBe(401);
    const otherAdmin = `${SESSION_COOKIE}=${(await cookieFor(other, 'admin')).split('=')[1]}`;
    expect((await call('POST', `/api/admin/accounts/${target}/disable`, { cookie: otherAdmin })).status).toBe(404);
    const self = await call('POST', `/api/admin/accounts/${demo.userIds['admin@demo.local']}/disable`, { cookie: admin });
    expect(self.status).toBe(422);
    expect(self.json.error.code).toBe('cannot_change_self');
    // Nothing changed.
    expect((await call('GET', '/api/me', { cookie: await cookieFor(demo, 'staff') })).status).toBe(200);
  });
});

describe('remove', () => {
  it('ends their sessions, keeps their name on the history, and lists them as removed', async () => {
    const userId = demo.userIds['staff@demo.local']!;
    const staff = await cookieFor(demo, 'staff');
    // Something in the history by them: a comment on a card.
    const cardId = (await getBoard(admin)).cards[0]!.id;
    await env.DB.prepare("insert into comments (id, org_id, card_id, author_id, body, created_at) values ('c-removed', ?, ?, ?, 'ความคิดเห็นก่อนย้ายงาน', ?)")
      .bind(demo.orgId, cardId, userId, Date.now())
      .run();
    const live = await socket(staff);
    const staffReport = async () => (await recipientsFor(db(), demo.orgId, 'staff')).map((r) => r.email);
    expect(await staffReport()).toContain('staff@demo.local');
    expect((await call('POST', `/api/admin/accounts/${userId}/remove`, { cookie: admin })).status).toBe(200);
    // Reports are no longer sent to them.
    expect(await staffReport()).not.toContain('staff@demo.local');
    expect(await live.closed).toBe(SIGNED_OUT_CLOSE);
    expect((await call('GET', '/api/me', { cookie: staff })).status).toBe(401);
    expect((await signIn('staff@demo.local', DEMO_PASSWORD)).status).toBe(401);
    const name = await env.DB.prepare('select display_name n from users where id = ?').bind(userId).first<{ n: string }>();
    expect(name!.n).toBe('บุคลากร (สาธิต)');
    const details = await call('GET', `/api/cards/${cardId}`, { cookie: admin });
    // On the card's history the name stays, marked as removed.
    expect(details.json.comments.find((c: { id: string }) => c.id === 'c-removed').author).toEqual({ id: userId, displayName: 'บุคลากร (สาธิต)', removed: true });
    const list = await call('GET', '/api/admin/accounts', { cookie: admin });
    expect(list.json.members.find((m: { id: string }) => m.id === userId).state).toBe('removed');
    expect(await audited('user.removed', userId)).toBe(1);
  });
});

describe('temporary password', () => {
  it('is refused when weak; set, it ends sessions, must be changed at first sign-in, and then works as chosen', async () => {
    const userId = demo.userIds['executive@demo.local']!;
    const old = await cookieFor(demo, 'executive');
    const weak = await call('POST', `/api/admin/accounts/${userId}/temporary-password`, { cookie: admin, body: { temporaryPassword: '1234567890' } });
    expect(weak.status).toBe(422);
    expect(weak.json.error.code).toBe('password_too_short');
    const temp = 'ชั่วคราว-ลมหนาว-ภูเขา-41';
    const set = await call('POST', `/api/admin/accounts/${userId}/temporary-password`, { cookie: admin, body: { temporaryPassword: temp } });
    expect(set.status, set.text).toBe(200);
    expect(set.json.expiresAt - Date.now()).toBeGreaterThan(71.9 * 3600_000);
    expect((await call('GET', '/api/me', { cookie: old })).status).toBe(401);
    expect((await signIn('executive@demo.local', DEMO_PASSWORD)).status).toBe(401);

    const first = await signIn('executive@demo.local', temp);
    expect(first.status).toBe(200);
    expect(first.json.mustChangePassword).toBe(true);
    const cookie = sessionOf(first);
    const blocked = await call('GET', '/api/boards/2567', { cookie });
    expect(blocked.status).toBe(403);
    expect(blocked.json.error.code).toBe('password_change_required');
    const mine = 'ผู้บริหาร-ดูบอร์ด-ทุกเช้า-99';
    const changed = await call('PUT', '/api/me/password', { cookie, body: { currentPassword: temp, newPassword: mine } });
    expect(changed.status, changed.text).toBe(200);
    expect(changed.json.mustChangePassword).toBeUndefined();
    expect((await call('GET', '/api/boards/2567', { cookie })).status).toBe(200);
    expect((await signIn('executive@demo.local', mine, '192.0.2.79')).status).toBe(200);
    expect(await audited('user.temporary_password_set', userId)).toBe(1);
  });

  it('expires after 72 hours', async () => {
    const userId = demo.userIds['director.admin@demo.local']!;
    const temp = 'หมดอายุ-สามวัน-ฟ้าคราม-12';
    expect((await call('POST', `/api/admin/accounts/${userId}/temporary-password`, { cookie: admin, body: { temporaryPassword: temp } })).status).toBe(200);
    await env.DB.prepare('update users set password_expires_at = ? where id = ?').bind(Date.now() - 1, userId).run();
    const r = await signIn('director.admin@demo.local', temp);
    expect(r.status).toBe(401);
    expect(r.json.error.code).toBe('temporary_password_expired');
  });

  it('is refused for an account that belongs to another office too', async () => {
    // The other office's director also joins this office as staff.
    const shared = other.userIds['director.admin@demo.local']!; // userIds are keyed by the demo email
    await env.DB.prepare("insert into memberships (org_id, user_id, role, group_id, created_at) values (?, ?, 'staff', null, ?)").bind(demo.orgId, shared, Date.now()).run();
    const r = await call('POST', `/api/admin/accounts/${shared}/temporary-password`, { cookie: admin, body: { temporaryPassword: 'ยึดบัญชี-ไม่ได้-นะครับ-77' } });
    expect(r.status).toBe(403);
    expect(r.json.error.code).toBe('account_in_other_office');
    expect((await signIn('director.admin@other.local', DEMO_PASSWORD)).status).toBe(200);
  });
});

describe('own password and sessions', () => {
  it('changes the password only with the current one and to one the policy accepts; the other sessions end', async () => {
    const o = await seedOffice('own-office', 'own.local');
    const a = sessionOf(await signIn('staff@own.local', DEMO_PASSWORD, '192.0.2.90'));
    const b = `${SESSION_COOKIE}=${(await cookieFor(o, 'staff')).split('=')[1]}`;
    const wrong = await call('PUT', '/api/me/password', { cookie: a, body: { currentPassword: 'nope', newPassword: 'ลมหนาวมาแล้ว-ที่พิจิตร-2570' } });
    expect(wrong.json.error.code).toBe('wrong_current_password');
    for (const [pw, code] of [
      ['aaaaaaaaaaaaaaaa', 'password_weak'],
      ['staff@own.local-2570-x', 'password_contains_email'],
      ['123456789012', 'password_common'],
    ]) {
      const r = await call('PUT', '/api/me/password', { cookie: a, body: { currentPassword: DEMO_PASSWORD, newPassword: pw } });
      expect(r.status, pw).toBe(422);
      expect(r.json.error.code, pw).toBe(code);
      expect(r.json.error.messageTh).toBeTruthy();
    }
    const next = 'ลมหนาวมาแล้ว-ที่บึงสีไฟ-2570';
    expect((await call('PUT', '/api/me/password', { cookie: a, body: { currentPassword: DEMO_PASSWORD, newPassword: next } })).status).toBe(200);
    expect((await call('GET', '/api/me', { cookie: a })).status).toBe(200);
    expect((await call('GET', '/api/me', { cookie: b })).status).toBe(401);
    expect((await signIn('staff@own.local', DEMO_PASSWORD, '192.0.2.91')).status).toBe(401);
    expect((await signIn('staff@own.local', next, '192.0.2.92')).status).toBe(200);
  });

  it('a password change also closes the live sockets of the sessions it ends, and keeps the own one open', async () => {
    const o = await seedOffice('socket-office', 'socket.local');
    const a = sessionOf(await signIn('staff@socket.local', DEMO_PASSWORD, '192.0.2.94'));
    const b = `${SESSION_COOKIE}=${(await cookieFor(o, 'staff')).split('=')[1]}`;
    const mine = await socket(a);
    const theirs = await socket(b);
    const r = await call('PUT', '/api/me/password', { cookie: a, body: { currentPassword: DEMO_PASSWORD, newPassword: 'ลมหนาวมาแล้ว-ที่สามง่าม-2570' } });
    expect(r.status, r.text).toBe(200);
    // Before: the ended session's socket stayed open and kept receiving the board's changes.
    expect(await theirs.closed).toBe(SIGNED_OUT_CLOSE);
    expect(mine.ws.readyState).toBe(WebSocket.OPEN);
    mine.ws.close();
    await mine.closed.catch(() => undefined);
  });

  it('lists the own sessions of the office and ends one (its socket closes), never another user’s', async () => {
    const x = sessionOf(await call('POST', '/api/auth/sign-in', { body: { email: 'director.admin@other.local', password: DEMO_PASSWORD }, headers: { 'cf-connecting-ip': '192.0.2.93', 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0' } }));
    const y = `${SESSION_COOKIE}=${(await cookieFor(other, 'directorAdmin')).split('=')[1]}`;
    const list = await call('GET', '/api/me/sessions', { cookie: x });
    expect(list.status).toBe(200);
    const sessions = list.json.sessions as { id: string; current: boolean; userAgent: string; ip: string | null }[];
    expect(sessions.filter((s) => s.current)).toHaveLength(1);
    expect(sessions.find((s) => s.current)).toMatchObject({ userAgent: expect.stringContaining('Chrome'), ip: '192.0.2.93' });
    const yId = sessions.find((s) => !s.current && s.ip === null)!.id;
    const othersAdmin = await cookieFor(demo, 'admin');
    expect((await call('DELETE', `/api/me/sessions/${yId}`, { cookie: othersAdmin })).status).toBe(404);
    expect((await call('GET', '/api/me', { cookie: y })).status).toBe(200);
    expect((await call('DELETE', `/api/me/sessions/${yId}`, { cookie: x })).status).toBe(204);
    expect((await call('GET', '/api/me', { cookie: y })).status).toBe(401);
    expect((await call('GET', '/api/me', { cookie: x })).status).toBe(200);
  });
});

describe('the users list', () => {
  it('is the accounts list: each member with their account state, so the Users panel makes one call', async () => {
    const [users, accounts] = await Promise.all([call('GET', '/api/admin/users', { cookie: admin }), call('GET', '/api/admin/accounts', { cookie: admin })]);
    expect(users.status, users.text).toBe(200);
    expect(users.json.users).toEqual(accounts.json.members);
    expect(users.json.users[0]).toMatchObject({ state: expect.any(String), otherOffices: expect.any(Number) });
  });
});
