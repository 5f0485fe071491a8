// LINE pushes from the scheduled jobs (issue 17): the executives' report and the daily digest go
// to the linked LINE groups through the outbox, against the LINE API double; the checks read the
// pushes the double received.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { env } from 'cloudflare:workers';
import { createExecutionContext, createScheduledController, waitOnExecutionContext } from 'cloudflare:test';
import { runScheduled, SCHEDULES } from '../../worker/cron';
import { linkGroup } from '../../worker/db/line';
import { enqueue } from '../../worker/db/outbox';
import { deliverDue, lineSender } from '../../worker/cron/outbox-job';
import { lineApi } from '../../worker/line/api';
import type { MailTransport } from '../../worker/email/transport';
import type { Env } from '../../worker/env';
import PostalMime from 'postal-mime';
import { call, cookieFor, db, getBoard, seedOffice, type Demo } from './helpers';

const mailed: string[] = [];
const quiet: MailTransport = {
  async send(mail) {
    mailed.push(mail.raw);
  },
};
const parsed = (raw: string) => PostalMime.parse(raw);
async function fire(cron: string, scheduledTime: number, vars: Partial<Env> = {}) {
  const ctx = createExecutionContext();
  await runScheduled(createScheduledController({ scheduledTime, cron }), { ...(env as unknown as Env), ...vars }, ctx, { transport: () => quiet });
  await waitOnExecutionContext(ctx);
}

const channel = () => ({ channelSecret: crypto.randomUUID().replaceAll('-', ''), channelAccessToken: `token-${crypto.randomUUID()}` });
const ch = channel();
const otherCh = channel();
async function account(token: string, members: Record<string, number>) {
  expect((await fetch(`${env.LINE_API_BASE}/__double/${token}/account`, { method: 'PUT', body: JSON.stringify({ quota: null, members }) })).status).toBe(200);
}
async function requests(token: string): Promise<{ path: string; headers: Record<string, string>; body: any }[]> {
  return (await fetch(`${env.LINE_API_BASE}/__double/${token}/requests`)).json();
}
async function pushes(token: string): Promise<{ headers: Record<string, string>; body: any }[]> {
  return (await requests(token)).filter((r) => r.path === '/v2/bot/message/push');
}

let demo: Demo;
let other: Demo;

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2024-05-20T02:00:00Z'));
  demo = await seedOffice();
  other = await seedOffice('other-office', 'other.local');
  expect((await call('PUT', '/api/line/settings', { cookie: await cookieFor(demo, 'admin'), body: ch })).status).toBe(200);
  expect((await call('PUT', '/api/line/settings', { cookie: await cookieFor(other, 'admin'), body: otherCh })).status).toBe(200);
  const now = Date.now();
  await linkGroup(db(), demo.orgId, 'Cexec1', 'executives', null, now);
  await linkGroup(db(), demo.orgId, 'Cexec2', 'executives', null, now);
  await linkGroup(db(), demo.orgId, 'Cstaff', 'staff', null, now);
  await linkGroup(db(), demo.orgId, 'Cadmin', 'group', demo.groupIds['กลุ่มอำนวยการ']!, now);
  await linkGroup(db(), demo.orgId, 'Cpersonnel', 'group', demo.groupIds['กลุ่มบริหารงานบุคคล']!, now);
  await linkGroup(db(), other.orgId, 'Cother', 'executives', null, now);
  await account(ch.channelAccessToken, { Cexec1: 5, Cexec2: 8, Cstaff: 40, Cadmin: 6, Cpersonnel: 4 });
  await account(otherCh.channelAccessToken, { Cother: 3 });
});

afterAll(() => {
  vi.useRealTimers();
});

describe('LINE pushes of the scheduled jobs', () => {
  it('the executives’ report, fired three times: one Flex push per linked executives’ group, each office on its own account', async () => {
    const sixteenth = Date.parse('2024-06-16T01:00:00Z');
    vi.setSystemTime(sixteenth);
    await Promise.all([fire(SCHEDULES.executiveReport, sixteenth), fire(SCHEDULES.executiveReport, sixteenth)]);
    await fire(SCHEDULES.executiveReport, sixteenth + 5 * 60_000);
    const sent = await pushes(ch.channelAccessToken);
    expect(sent.map((p) => p.body.to).sort()).toEqual(['Cexec1', 'Cexec2']);
    for (const p of sent) {
      expect(p.headers.authorization).toBe(`Bearer ${ch.channelAccessToken}`);
      expect(p.headers['x-line-retry-key']).toMatch(/^[0-9a-f-]{36}$/);
      expect(p.body.messages).toHaveLength(1);
      const [flex] = p.body.messages;
      expect(flex.type).toBe('flex');
      expect(flex.altText).toMatch(/^รายงานความก้าวหน้า ITA /);
      expect(flex.altText.length).toBeLessThanOrEqual(1500);
      expect(flex.contents.footer.contents[0].action).toEqual({ type: 'uri', label: 'เปิดรายงาน', uri: 'https://ita.test/reports/2567' });
      expect(JSON.stringify(flex.contents.body)).toContain('ค้างเกินกำหนด');
    }
    expect(new Set(sent.map((p) => p.headers['x-line-retry-key'])).size).toBe(2);
    // The report's emails carry the same link, as a button and in the text.
    const email = await parsed(mailed.find((m) => m.includes('executive@demo.local'))!);
    expect(email.html).toContain('href="https://ita.test/reports/2567"');
    expect(email.text).toContain('เปิดรายงานในระบบ: https://ita.test/reports/2567');
    const others = await pushes(otherCh.channelAccessToken);
    expect(others.map((p) => p.body.to)).toEqual(['Cother']);
    expect(others[0]!.headers.authorization).toBe(`Bearer ${otherCh.channelAccessToken}`);
  });

  it('the daily digest: only the group with overdue or soon-due steps gets a push, with a button to its board', async () => {
    vi.setSystemTime(new Date('2024-07-01T02:00:00Z'));
    const admin = await cookieFor(demo, 'admin');
    const board = await getBoard(admin);
    const adminCards = board.cards.filter((c) => c.leadGroupId === demo.groupIds['กลุ่มอำนวยการ'] && c.columnId === board.columns[0]!.id);
    const r = await call('PATCH', `/api/cards/${adminCards[0]!.id}`, { cookie: admin, body: { version: adminCards[0]!.version, dueOn: '2024-07-10' } });
    expect(r.status, r.text).toBe(200);
    const seven = Date.parse('2024-07-15T00:00:00Z');
    vi.setSystemTime(seven);
    const before = (await pushes(ch.channelAccessToken)).length;
    await fire(SCHEDULES.digest, seven);
    await fire(SCHEDULES.digest, seven + 60_000);
    const digests = (await pushes(ch.channelAccessToken)).slice(before);
    expect(digests.map((p) => p.body.to)).toEqual(['Cadmin']);
    const [flex] = digests[0]!.body.messages;
    const digestMails = await Promise.all(mailed.map(parsed));
    const toDirector = digestMails.find((m) => m.to?.[0]?.address === 'director.admin@demo.local' && m.html?.includes('เปิดกระดานในระบบ'));
    expect(toDirector!.html).toContain(`href="https://ita.test/board/2567?group=${demo.groupIds['กลุ่มอำนวยการ']}"`);
    expect(flex.altText).toContain('ค้างเกินกำหนด 1 ขั้น');
    expect(flex.contents.footer.contents[0].action.uri).toBe(`https://ita.test/board/2567?group=${demo.groupIds['กลุ่มอำนวยการ']}`);
  });

  it('a deployment without MAIL_FROM sends no digest email, and the LINE group still gets its digest', async () => {
    const next = Date.parse('2024-07-16T00:00:00Z');
    vi.setSystemTime(next);
    const [pushesBefore, mailsBefore] = [(await pushes(ch.channelAccessToken)).length, mailed.length];
    await fire(SCHEDULES.digest, next, { MAIL_FROM: undefined } as Partial<Env>);
    const digests = (await pushes(ch.channelAccessToken)).slice(pushesBefore);
    expect(digests.map((p) => p.body.to)).toEqual(['Cadmin']);
    expect(mailed.length).toBe(mailsBefore);
  });

  it('one run asks LINE for the quota and the usage once per office, however many pushes it sends', async () => {
    const count = async (path: string) => (await requests(ch.channelAccessToken)).filter((r) => r.path === path).length;
    const before = { quota: await count('/v2/bot/message/quota'), usage: await count('/v2/bot/message/quota/consumption'), pushes: await count('/v2/bot/message/push') };
    const now = Date.now();
    const groups = ['Cexec1', 'Cexec2', 'Cstaff'];
    await enqueue(
      db(),
      groups.map((g) => {
        const id = crypto.randomUUID();
        return { id, orgId: demo.orgId, channel: 'line' as const, target: g, dedupeKey: `one-run:${id}`, reportId: null, subject: 'ทดสอบ', raw: JSON.stringify({ to: g, messages: [{ type: 'text', text: 'ทดสอบ' }] }), nextAttemptAt: now };
      }),
    );
    const run = await deliverDue(db(), { line: lineSender(db(), { api: lineApi(env.LINE_API_BASE), credentialsKey: env.LINE_CREDENTIALS_KEY }, now) }, now);
    expect(run).toMatchObject({ sent: 3, failed: 0 });
    expect(await count('/v2/bot/message/push')).toBe(before.pushes + 3);
    expect(await count('/v2/bot/message/quota')).toBe(before.quota + 1);
    expect(await count('/v2/bot/message/quota/consumption')).toBe(before.usage + 1);
  });
});
