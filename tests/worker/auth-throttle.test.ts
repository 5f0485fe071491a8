// Sign-in throttling under attack (issue 13): every finding reproduced with parallel requests.
import { beforeAll, describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { call, seedOffice, type Demo } from './helpers';
import { DEMO_PASSWORD } from '../../worker/seed/demo';

let demo: Demo;
beforeAll(async () => {
  demo = await seedOffice();
});

type Answer = Awaited<ReturnType<typeof call>>;
const signIn = (email: string, password: string, ip: string, cookie?: string) =>
  call('POST', '/api/auth/sign-in', { body: { email, password }, headers: { 'cf-connecting-ip': ip }, cookie });

const statuses = (rs: Answer[]) => rs.map((r) => r.status);
const countOf = (rs: Answer[], status: number) => rs.filter((r) => r.status === status).length;
/** The device cookie a successful sign-in set (name=value), if any. */
const deviceCookie = (r: Answer) => /(__Host-ita_device_[0-9a-f]{16}=[^;]+)/.exec(r.headers.get('set-cookie') ?? '')?.[1];
const failedChecks = async (email: string) =>
  (await env.DB.prepare("select count(*) n from audit_log where action = 'sign_in.failed' and json_extract(detail, '$.email') = ?").bind(email).first<{ n: number }>())!.n;
/** Lets the current wait of every counter pass (as if its time had come). */
const letWaitsPass = () => env.DB.prepare('update sign_in_throttle set blocked_until = 0').run();

describe('the limit cannot be raced', () => {
  it('20 parallel sign-ins with the right password at the 7th and 9th: 5 checked, the rest 429, not both signed in', async () => {
    const email = 'director.admin@demo.local';
    const rs = await Promise.all(
      Array.from({ length: 20 }, (_, i) => signIn(email, i === 6 || i === 8 ? DEMO_PASSWORD : `wrong-guess-${i}`, '192.0.2.10')),
    );
    // Before: every attempt was checked (19 wrong guesses against a limit of 5) and both right ones got a session.
    expect(countOf(rs, 401) + countOf(rs, 200), statuses(rs).join(',')).toBe(5);
    expect(countOf(rs, 429)).toBe(15);
    expect(rs[6]!.status === 200 && rs[8]!.status === 200).toBe(false);
    for (const r of rs.filter((r) => r.status === 429)) {
      expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(r.json.error).toMatchObject({ code: 'too_many_attempts', messageTh: expect.stringMatching(/กรุณาลองใหม่ในอีก \d+ วินาที/) });
    }
    const sessions = await env.DB.prepare('select count(*) n from sessions where user_id = ?').bind(demo.userIds[email]).first<{ n: number }>();
    expect(sessions!.n).toBe(countOf(rs, 200));
    expect(await failedChecks(email)).toBe(countOf(rs, 401));
  });

  it('answers 429 with Retry-After from the 6th attempt, the wait doubling from 30 s to 15 min', async () => {
    const email = 'staff@demo.local';
    const ip = '192.0.2.20';
    for (let i = 0; i < 5; i++) expect((await signIn(email, 'wrong-guess', ip)).status).toBe(401);
    const waits: number[] = [];
    for (let round = 0; round < 7; round++) {
      const blocked = await signIn(email, DEMO_PASSWORD, ip);
      expect(blocked.status).toBe(429);
      waits.push(Number(blocked.headers.get('retry-after')));
      await letWaitsPass();
      expect((await signIn(email, 'wrong-again', ip)).status).toBe(401);
    }
    expect(waits).toEqual([30, 60, 120, 240, 480, 900, 900]);
    await letWaitsPass();
    expect((await signIn(email, DEMO_PASSWORD, ip)).status).toBe(200);
  });
});

describe('others cannot lock the owner out', () => {
  it('a browser that signed in before keeps signing in while others fail, from elsewhere and from its own address', async () => {
    const email = 'executive@demo.local';
    const office = '192.0.2.30';
    const first = await signIn(email, DEMO_PASSWORD, office);
    expect(first.status).toBe(200);
    const device = deviceCookie(first)!;
    expect(device).toBeTruthy();
    expect(first.headers.get('set-cookie')).toMatch(/__Host-ita_device_[0-9a-f]{16}=[^;]+; Max-Age=31536000; Path=\/; HttpOnly; Secure; SameSite=Lax/);
    // Signing out keeps the device cookie (only the session cookie is deleted).
    const out = await call('POST', '/api/auth/sign-out', { cookie: device });
    expect(out.headers.get('set-cookie') ?? '').not.toMatch(/ita_device/);
    // Attackers: 30 parallel failures spread over 30 addresses, and 10 from the office's own address.
    const attacks = await Promise.all([
      ...Array.from({ length: 30 }, (_, i) => signIn(email, `guess-${i}`, `203.0.113.${i + 1}`)),
      ...Array.from({ length: 10 }, (_, i) => signIn(email, `guess-office-${i}`, office)),
    ]);
    // Guesses spread over many addresses are limited too: at most 20 for the account.
    expect(countOf(attacks, 401)).toBeLessThanOrEqual(20);
    expect(countOf(attacks, 429)).toBeGreaterThanOrEqual(20);
    // Before: 5 failures by anyone and the owner got 429 for 15 minutes.
    const owner = await signIn(email, DEMO_PASSWORD, office, device);
    expect(owner.status, owner.text).toBe(200);
    // The same owner in a browser it never used is held with everyone else.
    expect((await signIn(email, DEMO_PASSWORD, office)).status).toBe(429);
  });

  it('refuses a forged device cookie or one made for another account', async () => {
    const email = 'director.personnel@demo.local';
    const other = await signIn('admin@demo.local', DEMO_PASSWORD, '192.0.2.40');
    const adminDevice = deviceCookie(other)!;
    // The admin's cookie value under this account's cookie name, and a made-up one.
    const r = await signIn(email, DEMO_PASSWORD, '192.0.2.41');
    const name = deviceCookie(r)!.split('=')[0];
    const stolen = `${name}=${adminDevice.split('=')[1]}`;
    const forged = `${name}=AAAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`;
    for (let i = 0; i < 5; i++) expect((await signIn(email, 'wrong-guess', '192.0.2.42')).status).toBe(401);
    for (const cookie of [stolen, forged]) expect((await signIn(email, DEMO_PASSWORD, '192.0.2.42', cookie)).status).toBe(429);
  });
});

describe('an office behind one address', () => {
  it('20 failures from one address (4 accounts × 5, in parallel) do not lock out a colleague there', async () => {
    const office = await seedOffice('address-office', 'addr.local');
    const ip = '198.51.100.50';
    const targets = ['admin', 'executive', 'director.admin', 'director.personnel'].map((n) => `${n}@addr.local`);
    const failures = await Promise.all(targets.flatMap((email) => Array.from({ length: 5 }, (_, i) => signIn(email, `wrong-${i}`, ip))));
    expect(countOf(failures, 401)).toBe(20);
    // Before: 20 failures from an address locked out every colleague behind it.
    const colleague = await signIn('staff@addr.local', DEMO_PASSWORD, ip);
    expect(colleague.status, colleague.text).toBe(200);
    expect(colleague.json.org.id).toBe(office.orgId);
  });

  it('a success clears the counter of its account and address', async () => {
    const email = 'staff@addr.local';
    const ip = '198.51.100.60';
    for (let round = 0; round < 6; round++) {
      const fails = await Promise.all(Array.from({ length: 4 }, (_, i) => signIn(email, `wrong-${round}-${i}`, ip)));
      expect(statuses(fails)).toEqual([401, 401, 401, 401]);
      // Before: the success left the address counter, so the fifth round was refused (20 failures from the address).
      expect((await signIn(email, DEMO_PASSWORD, ip)).status).toBe(200);
    }
  });
});

describe('counters are forgotten', () => {
  it('a day after their last attempt: a success deletes every forgotten counter, and keeps the others', async () => {
    const day = 24 * 3600_000;
    const insert = env.DB.prepare('insert into sign_in_throttle (key, failures, window_start, blocked_until) values (?, ?, ?, 0)');
    await env.DB.batch([
      insert.bind('account:made-up-1@nowhere.test', 20, Date.now() - day - 60_000),
      insert.bind('pair:made-up-2@nowhere.test|203.0.113.200', 5, Date.now() - 2 * day),
      insert.bind('account:recent@nowhere.test', 3, Date.now() - day + 600_000),
    ]);
    expect((await signIn('admin@demo.local', DEMO_PASSWORD, '192.0.2.250')).status).toBe(200);
    const keys = (await env.DB.prepare("select key from sign_in_throttle where key like '%nowhere.test%' order by key").all<{ key: string }>()).results.map((r) => r.key);
    expect(keys).toEqual(['account:recent@nowhere.test']);
  });
});
