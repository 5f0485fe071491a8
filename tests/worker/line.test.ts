// LINE (issue 17), server side: the office's settings, the signed webhook, link codes, and the
// outbox's LINE sender, against the LINE API double (tests/line-double), a real HTTP server the
// worker reaches through LINE_API_BASE. Signatures are real HMACs; the tests read the requests
// the double recorded.
import { beforeAll, describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import app from '../../worker/app';
import { deliverDue, lineSender, type LineDeps } from '../../worker/cron/outbox-job';
import { enqueuePushes } from '../../worker/db/line';
import { lineSignature, monthReportCost, pushFits, reportReserve } from '../../worker/domain/line';
import { lineApi } from '../../worker/line/api';
import { BASE, call, cookieFor, db, seedOffice, type Demo } from './helpers';

interface Recorded {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: any;
}

const BASE_URL = env.LINE_API_BASE;
const double = {
  async account(token: string, account: { quota?: number | null; totalUsage?: number; members?: Record<string, number>; push?: (string | number)[] }) {
    const r = await fetch(`${BASE_URL}/__double/${token}/account`, { method: 'PUT', body: JSON.stringify(account) });
    expect(r.status).toBe(200);
  },
  async requests(token: string): Promise<Recorded[]> {
    return (await fetch(`${BASE_URL}/__double/${token}/requests`)).json();
  },
};

/** A fresh channel: its secret and token, and so its own account at the double. */
function channel() {
  return { channelSecret: crypto.randomUUID().replaceAll('-', ''), channelAccessToken: `token-${crypto.randomUUID()}` };
}

const SLUG = 'phichit-peo';
let demo: Demo;
let other: Demo;
let admin: string;
const ch = channel();
const otherCh = channel();

async function webhook(slug: string, secret: string, events: unknown[], signature?: string) {
  const raw = JSON.stringify({ destination: 'Ubot', events });
  return call('POST', `/api/line/webhook/${slug}`, {
    rawBody: raw,
    headers: { 'content-type': 'application/json', 'x-line-signature': signature ?? (await lineSignature(secret, raw)) },
  });
}

let n = 0;
const eventId = () => `01HEVENT${(n++).toString().padStart(18, '0')}`;
const textEvent = (groupId: string, text: string) => ({
  type: 'message',
  webhookEventId: eventId(),
  replyToken: `reply-${crypto.randomUUID()}`,
  source: { type: 'group', groupId, userId: 'Uuser' },
  message: { type: 'text', id: '1', text },
  timestamp: Date.now(),
  mode: 'active',
  deliveryContext: { isRedelivery: false },
});
const joinEvent = (groupId: string) => ({ type: 'join', webhookEventId: eventId(), source: { type: 'group', groupId }, timestamp: Date.now(), mode: 'active' });

async function linkCode(cookie: string, body: unknown) {
  const r = await call('POST', '/api/line/link-codes', { cookie, body });
  expect(r.status).toBe(201);
  return r.json.code as string;
}

const lineGroupsOf = (orgId: string) =>
  env.DB.prepare('select * from line_groups where org_id = ? order by joined_at').bind(orgId).all<Record<string, any>>().then((r) => r.results);

/** Replies go out after the webhook's answer (waitUntil): wait until the double has them. */
async function repliesOf(token: string, count: number): Promise<Recorded[]> {
  for (let i = 0; i < 50; i++) {
    const replies = (await double.requests(token)).filter((r) => r.path === '/v2/bot/message/reply');
    if (replies.length >= count) return replies;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('no reply reached the double');
}

beforeAll(async () => {
  demo = await seedOffice();
  other = await seedOffice('other-office', 'other.local');
  admin = await cookieFor(demo, 'admin');
  expect((await call('PUT', '/api/line/settings', { cookie: admin, body: ch })).status).toBe(200);
  expect((await call('PUT', '/api/line/settings', { cookie: await cookieFor(other, 'admin'), body: otherCh })).status).toBe(200);
});

describe('settings', () => {
  it('are for administrators, stored sealed, and never shown back', async () => {
    const staff = await call('PUT', '/api/line/settings', { cookie: await cookieFor(demo, 'staff'), body: channel() });
    expect(staff.status).toBe(403);
    expect((await call('GET', '/api/line/settings', { cookie: await cookieFor(demo, 'directorAdmin') })).status).toBe(403);
    const row = await env.DB.prepare('select * from line_settings where org_id = ?').bind(demo.orgId).first<Record<string, string>>();
    expect(row!.channel_secret_enc).toMatch(/^v1\./);
    expect(JSON.stringify(row)).not.toContain(ch.channelSecret);
    expect(JSON.stringify(row)).not.toContain(ch.channelAccessToken);
    await double.account(ch.channelAccessToken, { quota: 300, totalUsage: 12 });
    const got = await call('GET', '/api/line/settings', { cookie: admin });
    expect(got.status).toBe(200);
    expect(got.json).toMatchObject({ configured: true, usage: { quota: 300, used: 12 } });
    expect(got.text).not.toContain(ch.channelSecret);
    expect(got.text).not.toContain(ch.channelAccessToken);
    const quotaCalls = (await double.requests(ch.channelAccessToken)).filter((r) => r.path.startsWith('/v2/bot/message/quota'));
    expect(quotaCalls.map((r) => r.headers.authorization)).toEqual([`Bearer ${ch.channelAccessToken}`, `Bearer ${ch.channelAccessToken}`]);
  });

  it('refuse a malformed secret', async () => {
    const r = await call('PUT', '/api/line/settings', { cookie: admin, body: { channelSecret: 'short', channelAccessToken: ch.channelAccessToken } });
    expect(r.status).toBe(400);
  });
});

describe('webhook', () => {
  it('refuses a forged or missing signature with 401 and changes nothing', async () => {
    const before = (await lineGroupsOf(demo.orgId)).length;
    expect((await webhook(SLUG, ch.channelSecret, [joinEvent('Cforged')], 'AAAA')).status).toBe(401);
    expect((await webhook(SLUG, otherCh.channelSecret, [joinEvent('Cforged')])).status).toBe(401);
    const unsigned = await call('POST', `/api/line/webhook/${SLUG}`, { rawBody: JSON.stringify({ events: [joinEvent('Cforged')] }), headers: { 'content-type': 'application/json' } });
    expect(unsigned.status).toBe(401);
    expect((await webhook('no-such-office', ch.channelSecret, [joinEvent('Cforged')])).status).toBe(401);
    expect((await lineGroupsOf(demo.orgId)).length).toBe(before);
  });

  it('records join and leave, each event once', async () => {
    const join = joinEvent('Cjoinleave');
    expect((await webhook(SLUG, ch.channelSecret, [join])).status).toBe(200);
    expect((await lineGroupsOf(demo.orgId)).find((g) => g.line_group_id === 'Cjoinleave')).toMatchObject({ left_at: null, audience: null });
    const leave = { type: 'leave', webhookEventId: eventId(), source: { type: 'group', groupId: 'Cjoinleave' }, timestamp: Date.now(), mode: 'active' };
    expect((await webhook(SLUG, ch.channelSecret, [leave])).status).toBe(200);
    expect((await lineGroupsOf(demo.orgId)).find((g) => g.line_group_id === 'Cjoinleave')!.left_at).not.toBeNull();
    // The join redelivered: handled before, so the bot does not count as back in the group.
    expect((await webhook(SLUG, ch.channelSecret, [{ ...join, deliveryContext: { isRedelivery: true } }])).status).toBe(200);
    expect((await lineGroupsOf(demo.orgId)).find((g) => g.line_group_id === 'Cjoinleave')!.left_at).not.toBeNull();
  });

  it('a join or a link that fails half way is done when LINE redelivers it (nothing marks it handled first)', async () => {
    // D1 fails the first statement that touches line_groups; everything else is the real database.
    let failNext = true;
    const flaky = new Proxy(env.DB, {
      get(target, prop) {
        if (prop !== 'prepare') return Reflect.get(target, prop, target);
        return (sql: string) => {
          if (failNext && /"line_groups"/.test(sql) && /^\s*(insert|update)/i.test(sql)) {
            failNext = false;
            throw new Error('D1_ERROR: Network connection lost.');
          }
          return target.prepare(sql);
        };
      },
    });
    const send = async (events: unknown[]) => {
      const raw = JSON.stringify({ destination: 'Ubot', events });
      const ctx = createExecutionContext();
      const req = new Request(`${BASE}/api/line/webhook/${SLUG}`, { method: 'POST', body: raw, headers: { 'content-type': 'application/json', 'x-line-signature': await lineSignature(ch.channelSecret, raw) } });
      const res = await app.fetch(req, { ...env, DB: flaky }, ctx);
      await waitOnExecutionContext(ctx);
      return res.status;
    };
    const join = joinEvent('Cflaky');
    expect(await send([join])).toBe(500);
    expect(await send([{ ...join, deliveryContext: { isRedelivery: true } }])).toBe(200);
    expect((await lineGroupsOf(demo.orgId)).find((g) => g.line_group_id === 'Cflaky')).toMatchObject({ left_at: null });
    const code = await linkCode(admin, { audience: 'staff' });
    failNext = true;
    const { replyToken: _r, ...link } = textEvent('Cflaky', `/link ${code}`); // no reply: other tests count replies
    expect(await send([link])).toBe(500);
    expect(await send([{ ...link, deliveryContext: { isRedelivery: true } }])).toBe(200);
    expect((await lineGroupsOf(demo.orgId)).find((g) => g.line_group_id === 'Cflaky')).toMatchObject({ audience: 'staff' });
  });

  it('answers 200 to LINE’s verification (no events)', async () => {
    expect((await webhook(SLUG, ch.channelSecret, [])).status).toBe(200);
  });
});

describe('linking a group with a one-time code', () => {
  it('links with /link CODE, replies in Thai naming the audience, and the code works once', async () => {
    const code = await linkCode(admin, { audience: 'executives' });
    expect(code).toMatch(/^[A-Z0-9]{8}$/);
    await webhook(SLUG, ch.channelSecret, [joinEvent('Cexec')]);
    expect((await webhook(SLUG, ch.channelSecret, [textEvent('Cexec', `/link ${code}`)])).status).toBe(200);
    expect((await lineGroupsOf(demo.orgId)).find((g) => g.line_group_id === 'Cexec')).toMatchObject({ audience: 'executives', office_group_id: null });
    const [reply] = await repliesOf(ch.channelAccessToken, 1);
    expect(reply!.headers.authorization).toBe(`Bearer ${ch.channelAccessToken}`);
    expect(reply!.body.messages[0].text).toContain('ผู้บริหาร');
    // Reused in another group: refused, and that group stays unlinked.
    await webhook(SLUG, ch.channelSecret, [textEvent('Cthief', `ผูก ${code}`)]);
    expect((await lineGroupsOf(demo.orgId)).find((g) => g.line_group_id === 'Cthief')).toBeUndefined();
    const replies = await repliesOf(ch.channelAccessToken, 2);
    expect(replies[1]!.body.messages[0].text).toContain('ไม่ถูกต้อง');
  });

  it('links an office group’s digest with ผูก CODE; a wrong code, an expired one or another office’s does nothing', async () => {
    const groupId = demo.groupIds['กลุ่มอำนวยการ']!;
    const code = await linkCode(admin, { audience: 'group', groupId });
    await webhook(SLUG, ch.channelSecret, [textEvent('Cdigest', 'ผูก WRONGCODE')]);
    // Another office's code, in this office's webhook.
    const foreign = await linkCode(await cookieFor(other, 'admin'), { audience: 'staff' });
    await webhook(SLUG, ch.channelSecret, [textEvent('Cdigest', `/link ${foreign}`)]);
    expect((await lineGroupsOf(demo.orgId)).find((g) => g.line_group_id === 'Cdigest')).toBeUndefined();
    await webhook(SLUG, ch.channelSecret, [textEvent('Cdigest', `ผูก ${code.toLowerCase()}`)]);
    expect((await lineGroupsOf(demo.orgId)).find((g) => g.line_group_id === 'Cdigest')).toMatchObject({ audience: 'group', office_group_id: groupId });
    // Expired: made 16 minutes ago.
    const late = await linkCode(admin, { audience: 'staff' });
    await env.DB.prepare('update line_link_codes set expires_at = ? where org_id = ? and used_at is null').bind(Date.now() - 60_000, demo.orgId).run();
    await webhook(SLUG, ch.channelSecret, [textEvent('Clate', `/link ${late}`)]);
    expect((await lineGroupsOf(demo.orgId)).find((g) => g.line_group_id === 'Clate')).toBeUndefined();
    // The other office's groups are its own.
    expect((await lineGroupsOf(other.orgId)).map((g) => g.line_group_id)).toEqual([]);
  });

  it('one code used by parallel webhooks links exactly one group', async () => {
    const code = await linkCode(admin, { audience: 'staff' });
    const groups = ['Crace1', 'Crace2', 'Crace3', 'Crace4'];
    const answers = await Promise.all(groups.map((g) => webhook(SLUG, ch.channelSecret, [textEvent(g, `/link ${code}`)])));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    const linked = (await lineGroupsOf(demo.orgId)).filter((g) => groups.includes(g.line_group_id) && g.audience === 'staff');
    expect(linked).toHaveLength(1);
  });

  it('codes and unlinking are for administrators; a group of another office cannot be unlinked', async () => {
    expect((await call('POST', '/api/line/link-codes', { cookie: await cookieFor(demo, 'executive'), body: { audience: 'staff' } })).status).toBe(403);
    expect((await call('POST', '/api/line/link-codes', { cookie: admin, body: { audience: 'group' } })).status).toBe(400);
    expect((await call('POST', '/api/line/link-codes', { cookie: admin, body: { audience: 'group', groupId: other.groupIds['กลุ่มอำนวยการ'] } })).status).toBe(404);
    const settings = await call('GET', '/api/line/settings', { cookie: admin });
    const exec = settings.json.groups.find((g: any) => g.lineGroupId === 'Cexec');
    expect(exec.audience).toBe('executives');
    expect((await call('DELETE', `/api/line/groups/${exec.id}`, { cookie: await cookieFor(other, 'admin') })).status).toBe(404);
    expect((await call('DELETE', `/api/line/groups/${exec.id}`, { cookie: admin })).status).toBe(200);
    expect((await lineGroupsOf(demo.orgId)).find((g) => g.line_group_id === 'Cexec')!.audience).toBeNull();
  });
});

describe('the LINE sender in the outbox', () => {
  const deps = (): LineDeps => ({ api: lineApi(env.LINE_API_BASE), credentialsKey: env.LINE_CREDENTIALS_KEY });
  const MIN = 60_000;
  let seq = 0;

  async function queuePush(orgId: string, target: string, kind: 'report' | 'digest', now: number, reserve = 0) {
    const id = crypto.randomUUID();
    const body = JSON.stringify({ to: target, messages: [{ type: 'text', text: `ทดสอบ ${seq++}` }] });
    await enqueuePushes(db(), [{ message: { id, orgId, channel: 'line', target, dedupeKey: `line-test:${id}`, reportId: null, subject: 'ทดสอบ', raw: body, nextAttemptAt: now }, kind, reserve }], now);
    return { id, body };
  }
  const row = (id: string) => env.DB.prepare('select * from outbox where id = ?').bind(id).first<Record<string, any>>();
  const pushesOf = async (token: string, target: string) => (await double.requests(token)).filter((r) => r.path === '/v2/bot/message/push' && r.body.to === target);

  it('pushes with the office’s token and the row’s retry key after reading quota, usage and members', async () => {
    const now = Date.now();
    await double.account(ch.channelAccessToken, { members: { Csend: 7 } });
    const { id, body } = await queuePush(demo.orgId, 'Csend', 'report', now);
    const run = await deliverDue(db(), { line: lineSender(db(), deps(), now) }, now);
    expect(run.sent).toBe(1);
    const r = await row(id);
    expect(r!.status).toBe('sent');
    const [push] = await pushesOf(ch.channelAccessToken, 'Csend');
    expect(push!.headers.authorization).toBe(`Bearer ${ch.channelAccessToken}`);
    expect(push!.headers['x-line-retry-key']).toBe(r!.retry_key);
    expect(push!.body).toEqual(JSON.parse(body));
    const paths = (await double.requests(ch.channelAccessToken)).map((q) => q.path);
    expect(paths).toEqual(expect.arrayContaining(['/v2/bot/message/quota', '/v2/bot/message/quota/consumption', '/v2/bot/group/Csend/members/count']));
  });

  it('a push whose answer was lost is retried with the same key and delivered once (409)', async () => {
    const now = Date.now();
    await double.account(ch.channelAccessToken, { members: { Clost: 3 }, push: ['lost'] });
    const { id } = await queuePush(demo.orgId, 'Clost', 'report', now);
    const first = await deliverDue(db(), { line: lineSender(db(), deps(), now) }, now);
    expect(first.retrying).toBe(1);
    expect((await row(id))!.status).toBe('pending');
    const later = now + 2 * MIN;
    const second = await deliverDue(db(), { line: lineSender(db(), deps(), later) }, later);
    expect(second.sent).toBe(1);
    const pushes = await pushesOf(ch.channelAccessToken, 'Clost');
    expect(pushes).toHaveLength(2);
    expect(pushes[0]!.headers['x-line-retry-key']).toBe(pushes[1]!.headers['x-line-retry-key']);
    expect((await row(id))!.status).toBe('sent');
  });

  it('429 and 5xx are retried; another 4xx fails at once, for administrators to see', async () => {
    const now = Date.now();
    await double.account(ch.channelAccessToken, { members: { Cbusy: 2, Cbad: 2 }, push: [429, 500] });
    const busy = await queuePush(demo.orgId, 'Cbusy', 'report', now);
    await deliverDue(db(), { line: lineSender(db(), deps(), now) }, now);
    expect((await row(busy.id))!.status).toBe('pending');
    const t2 = now + 2 * MIN;
    await deliverDue(db(), { line: lineSender(db(), deps(), t2) }, t2);
    expect((await row(busy.id))!.status).toBe('pending');
    const t3 = now + 10 * MIN;
    await deliverDue(db(), { line: lineSender(db(), deps(), t3) }, t3);
    expect((await row(busy.id))!.status).toBe('sent');

    await double.account(ch.channelAccessToken, { push: [400] });
    const bad = await queuePush(demo.orgId, 'Cbad', 'report', t3);
    await deliverDue(db(), { line: lineSender(db(), deps(), t3) }, t3);
    const failed = await row(bad.id);
    expect(failed!.status).toBe('failed');
    expect(failed!.last_error).toContain('LINE 400');
    const outbox = await call('GET', '/api/reports/outbox', { cookie: admin });
    expect(JSON.stringify(outbox.json)).toContain('LINE 400');
    // The LINE settings page tells administrators too.
    const settings = await call('GET', '/api/line/settings', { cookie: admin });
    expect(settings.json.undelivered.map((u: any) => u.id)).toContain(bad.id);
    expect(typeof settings.json.reportCost).toBe('number');
  });

  it('a nearly spent quota sends nothing on LINE; a digest leaves room for the month’s reports', async () => {
    const token = `token-${crypto.randomUUID()}`;
    const office = await seedOffice('quota-office', 'quota.local');
    const creds = { channelSecret: crypto.randomUUID().replaceAll('-', ''), channelAccessToken: token };
    expect((await call('PUT', '/api/line/settings', { cookie: await cookieFor(office, 'admin'), body: creds })).status).toBe(200);
    await double.account(token, { quota: 300, totalUsage: 290, members: { Cbig: 15, Csmall: 5 } });
    const now = Date.now();
    const big = await queuePush(office.orgId, 'Cbig', 'report', now);
    const digest = await queuePush(office.orgId, 'Csmall', 'digest', now, 10);
    const report = await queuePush(office.orgId, 'Csmall', 'report', now);
    await deliverDue(db(), { line: lineSender(db(), deps(), now) }, now);
    expect((await row(big.id))!.status).toBe('failed');
    expect((await row(big.id))!.last_error).toContain('quota');
    expect((await row(digest.id))!.status).toBe('failed');
    expect((await row(report.id))!.status).toBe('sent');
    expect(await pushesOf(token, 'Cbig')).toHaveLength(0);
    expect(await pushesOf(token, 'Csmall')).toHaveLength(1);
  });

  it('stops trying 24 hours after the push was queued', async () => {
    const now = Date.now();
    await double.account(ch.channelAccessToken, { members: { Cslow: 2 }, push: [500] });
    const { id } = await queuePush(demo.orgId, 'Cslow', 'report', now);
    await deliverDue(db(), { line: lineSender(db(), deps(), now) }, now);
    const day = now + 24 * 3600_000 + MIN;
    await env.DB.prepare('update outbox set next_attempt_at = ? where id = ?').bind(day, id).run();
    await deliverDue(db(), { line: lineSender(db(), deps(), day) }, day);
    const r = await row(id);
    expect(r!.status).toBe('failed');
    expect(r!.last_error).toContain('24');
    expect(await pushesOf(ch.channelAccessToken, 'Cslow')).toHaveLength(1);
  });
});

describe('the quota arithmetic', () => {
  it('a push costs its group’s members; digests leave room for the month’s remaining reports', () => {
    // Default cadences: executives twice a month (periods end at 00:00 Bangkok on the 1st and 16th), staff monthly.
    const members = { executive: 10, staff: 40 };
    const nov10 = Date.parse('2026-11-10T00:00:00Z');
    // Still to come in November: the executives' report of 16 November (the 1 December ones count in December).
    expect(reportReserve([], [2570], nov10, members)).toBe(10);
    expect(reportReserve([], [2570], Date.parse('2026-11-20T00:00:00Z'), members)).toBe(0);
    // All of November: executives on 1 and 16 November, staff on 1 November.
    expect(monthReportCost([], 2570, nov10, members)).toBe(10 + 10 + 40);
    expect(pushFits({ quota: 300, used: 280, members: 10, reserve: 10 })).toBe(true);
    expect(pushFits({ quota: 300, used: 281, members: 10, reserve: 10 })).toBe(false);
    expect(pushFits({ quota: null, used: 1e9, members: 10, reserve: 10 })).toBe(true);
  });
});
