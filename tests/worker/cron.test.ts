// The scheduled handler end to end: createScheduledController + an execution context, real D1,
// and a recording (or failing) mail transport in place of send_email — the one thing faked.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { env, exports } from 'cloudflare:workers';
import { createExecutionContext, createScheduledController, waitOnExecutionContext } from 'cloudflare:test';
import PostalMime from 'postal-mime';
import worker from '../../worker/index';
import { runScheduled, SCHEDULES } from '../../worker/cron';
import { runReportJob } from '../../worker/cron/report-job';
import { createDb } from '../../worker/db/client';
import type { MailTransport, OutgoingMail } from '../../worker/email/transport';
import type { Env } from '../../worker/env';
import { call, cookieFor, getBoard, seedOffice, type Demo } from './helpers';

let demo: Demo;
const MINUTE = 60_000;
/** The worker's default export as the runtime calls it (the types leave out `scheduled`). */
const runtimeEntry = exports.default as unknown as { scheduled(options: { scheduledTime?: Date; cron?: string }): Promise<unknown> };

/** Records what it was asked to send; fails the first `failures` attempts of each message. */
function recorder(failures = 0): MailTransport & { sent: OutgoingMail[]; attempts: Map<string, number> } {
  const sent: OutgoingMail[] = [];
  const attempts = new Map<string, number>();
  return {
    sent,
    attempts,
    async send(mail) {
      const id = /^Message-ID: (.*)$/m.exec(mail.raw)![1]!;
      const n = (attempts.get(id) ?? 0) + 1;
      attempts.set(id, n);
      if (n <= failures) throw new Error(`mail service unavailable (try ${n})`);
      sent.push(mail);
    },
  };
}

async function fire(cron: string, scheduledTime: number, transport?: MailTransport) {
  const controller = createScheduledController({ scheduledTime, cron });
  const ctx = createExecutionContext();
  await runScheduled(controller, env as unknown as Env, ctx, transport ? { transport: () => transport } : {});
  await waitOnExecutionContext(ctx);
}

const count = async (sqlText: string, ...args: unknown[]) =>
  (await env.DB.prepare(sqlText).bind(...args).first<{ n: number }>())!.n;
const outboxOf = (reportId: string) =>
  env.DB.prepare('select * from outbox where report_id = ? order by to_email').bind(reportId).all<Record<string, any>>().then((r) => r.results);

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2024-05-20T02:00:00Z'));
  demo = await seedOffice();
  const admin = await cookieFor(demo, 'admin');
  const board = await getBoard(admin);
  const card = board.cards.find((c) => c.leadGroupId === demo.groupIds['กลุ่มอำนวยการ'])!;
  vi.setSystemTime(new Date('2024-06-05T02:00:00Z'));
  const moved = await call('POST', `/api/cards/${card.id}/move`, {
    cookie: await cookieFor(demo, 'admin'),
    body: { toColumnId: board.columns[1]!.id, afterCardId: null, beforeCardId: null, version: card.version },
  });
  expect(moved.status).toBe(200);
});

afterAll(() => {
  vi.useRealTimers();
});

describe('the executives’ report trigger (08:00 Bangkok on the 16th)', () => {
  const sixteenth = Date.parse('2024-06-16T01:00:00Z');

  it('fired three times, two of them overlapping: one report, one email per recipient', async () => {
    const mail = recorder();
    await Promise.all([fire(SCHEDULES.executiveReport, sixteenth, mail), fire(SCHEDULES.executiveReport, sixteenth, mail)]);
    await fire(SCHEDULES.executiveReport, sixteenth + 5 * MINUTE, mail);

    const reports = await env.DB.prepare("select id, period_key, period_start, created_at from reports where kind = 'executive'").all<Record<string, any>>();
    expect(reports.results).toHaveLength(1);
    const report = reports.results[0]!;
    expect(report.period_key).toBe('2024-06-H1');
    expect(report.created_at).toBe(sixteenth);
    const rows = await outboxOf(report.id);
    expect(rows.map((r) => [r.to_email, r.status, r.attempts])).toEqual([
      ['director.admin@demo.local', 'sent', 1],
      ['director.personnel@demo.local', 'sent', 1],
      ['executive@demo.local', 'sent', 1],
    ]);
    expect(mail.sent.map((m) => m.to).sort()).toEqual(['director.admin@demo.local', 'director.personnel@demo.local', 'executive@demo.local']);
  });

  it('sends the kept report as a Thai email with the CSV attached, From = envelope sender', async () => {
    const mail = recorder();
    await fire(SCHEDULES.executiveReport, sixteenth, mail);
    expect(mail.sent).toHaveLength(0); // nothing twice, however often it fires
    const [row] = await env.DB.prepare("select raw, to_email from outbox where to_email = 'executive@demo.local'").all<Record<string, string>>().then((r) => r.results);
    const parsed = await PostalMime.parse(row!.raw!, { attachmentEncoding: 'utf8' });
    expect(parsed.from?.address).toBe(env.MAIL_FROM ?? 'ita-board@example.go.th');
    expect(parsed.to?.[0]).toMatchObject({ address: 'executive@demo.local', name: 'ศึกษาธิการจังหวัด (สาธิต)' });
    expect(parsed.subject).toContain('ครึ่งเดือนแรก 1–15 มิถุนายน 2567');
    expect(parsed.text).toContain('ดำเนินการเสร็จสิ้น 0 จาก 21 ขั้นตอน');
    expect(parsed.attachments[0]!.filename).toBe('ita-report-executive-2024-06-H1.csv');
    expect(String(parsed.attachments[0]!.content)).toContain('ความก้าวหน้ารายมาตรการ');
  });
});

describe('delivery with retries', () => {
  it('a transport that fails three times then succeeds delivers each message exactly once', async () => {
    const mail = recorder(3);
    const first = Date.parse('2024-07-01T01:30:00Z'); // 08:30 Bangkok on the 1st: the staff report
    await fire(SCHEDULES.staffReport, first, mail);
    const [report] = await env.DB.prepare("select id, period_key from reports where kind = 'staff'").all<Record<string, any>>().then((r) => r.results);
    expect(report!.period_key).toBe('2024-06');
    let rows = await outboxOf(report!.id);
    expect(rows).toHaveLength(5); // everyone in the office
    expect(rows.every((r) => r.status === 'pending' && r.attempts === 1 && r.next_attempt_at === first + MINUTE)).toBe(true);
    expect(rows[0]!.last_error).toBe('mail service unavailable (try 1)');

    // The admin sees the trouble meanwhile.
    const seen = await call('GET', '/api/reports/outbox', { cookie: await cookieFor(demo, 'admin') });
    expect(seen.json.messages.filter((m: any) => m.reportId === report!.id && m.lastError)).toHaveLength(5);

    // Every-ten-minutes runs; a run before a message's next attempt leaves it alone.
    await fire(SCHEDULES.outbox, first + 10 * MINUTE, mail); // try 2 → wait 5 min
    await fire(SCHEDULES.outbox, first + 20 * MINUTE, mail); // try 3 → wait 30 min
    rows = await outboxOf(report!.id);
    expect(rows.every((r) => r.attempts === 3 && r.next_attempt_at === first + 50 * MINUTE)).toBe(true);
    await fire(SCHEDULES.outbox, first + 40 * MINUTE, mail); // not due yet
    expect(mail.sent).toHaveLength(0);
    await Promise.all([fire(SCHEDULES.outbox, first + 50 * MINUTE, mail), fire(SCHEDULES.outbox, first + 50 * MINUTE, mail)]);
    await fire(SCHEDULES.outbox, first + 60 * MINUTE, mail);

    rows = await outboxOf(report!.id);
    expect(rows.map((r) => [r.status, r.attempts, r.last_error, r.sent_at])).toEqual(Array(5).fill(['sent', 4, null, first + 50 * MINUTE]));
    expect(mail.sent.map((m) => m.to).sort()).toEqual(['admin@demo.local', 'director.admin@demo.local', 'director.personnel@demo.local', 'executive@demo.local', 'staff@demo.local']);
    expect([...mail.attempts.values()]).toEqual([4, 4, 4, 4, 4]);
  });

  it('gives up after twenty attempts (1 min, 5, 30, 2 h, then 4 h apart), visible and retryable by an admin', async () => {
    const admin = await cookieFor(demo, 'admin');
    const added = await call('POST', '/api/reports/recipients', { cookie: admin, body: { kind: 'executive', email: 'Bounce@Example.go.th', name: 'เลขานุการ' } });
    expect(added.status, added.text).toBe(201);
    const broken = recorder(Infinity);
    const start = Date.parse('2024-07-01T01:00:00Z');
    await fire(SCHEDULES.executiveReport, start, broken); // 2024-06-H2, now with the extra recipient
    const report = await env.DB.prepare("select id from reports where period_key = '2024-06-H2'").first<{ id: string }>();
    const waits: number[] = [];
    for (let i = 0; i < 25; i++) {
      const row = (await outboxOf(report!.id)).find((r) => r.to_email === 'bounce@example.go.th')!;
      if (row.status === 'failed') break;
      waits.push(row.next_attempt_at - (waits.reduce((a, b) => a + b, 0) + start));
      await fire(SCHEDULES.outbox, row.next_attempt_at, broken);
    }
    expect(waits.map((w) => w / MINUTE)).toEqual([1, 5, 30, 120, ...Array(15).fill(240)]);
    const failed = (await outboxOf(report!.id)).find((r) => r.to_email === 'bounce@example.go.th')!;
    expect(failed).toMatchObject({ status: 'failed', attempts: 20, last_error: 'mail service unavailable (try 20)' });

    const list = await call('GET', '/api/reports/outbox', { cookie: admin });
    const listed = list.json.messages.find((m: any) => m.id === failed.id);
    expect(listed).toMatchObject({ status: 'failed', toEmail: 'bounce@example.go.th', attempts: 20, lastError: 'mail service unavailable (try 20)' });
    expect(listed.raw).toBeUndefined();
    expect(list.json.messages[0].status).toBe('failed'); // failures first
    const refused = await call('POST', `/api/reports/outbox/${failed.id}/retry`, { cookie: await cookieFor(demo, 'staff') });
    expect(refused.status).toBe(403);
    const retried = await call('POST', `/api/reports/outbox/${failed.id}/retry`, { cookie: admin });
    expect(retried.status).toBe(200);
    const again = await call('POST', `/api/reports/outbox/${failed.id}/retry`, { cookie: admin });
    expect(again.status).toBe(409);
    const good = recorder();
    await fire(SCHEDULES.outbox, Date.now(), good);
    expect(good.sent.map((m) => m.to)).toEqual(['bounce@example.go.th']);
    expect((await outboxOf(report!.id)).find((r) => r.id === failed.id)).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('a message left "sending" by a run that died is marked failed, never resent blindly', async () => {
    const report = await env.DB.prepare("select id from reports where period_key = '2024-06-H2'").first<{ id: string }>();
    const victim = (await outboxOf(report!.id))[0]!;
    const t = Date.parse('2024-07-10T00:00:00Z');
    await env.DB.prepare("update outbox set status = 'sending', next_attempt_at = ? where id = ?").bind(t, victim.id).run();
    const mail = recorder();
    await fire(SCHEDULES.outbox, t + MINUTE, mail);
    expect(mail.sent).toHaveLength(0);
    const row = (await outboxOf(report!.id)).find((r) => r.id === victim.id)!;
    expect(row.status).toBe('failed');
    expect(row.last_error).toMatch(/interrupted/);
  });
});

describe('the directors’ daily digest (07:00 Bangkok)', () => {
  it('one email per director with something overdue or due within 7 days, none for the others, once a day', async () => {
    const admin = await cookieFor(demo, 'admin');
    const board = await getBoard(admin);
    const adminGroup = board.cards.filter((c) => c.leadGroupId === demo.groupIds['กลุ่มอำนวยการ'] && c.columnId === board.columns[0]!.id);
    for (const [card, dueOn] of [[adminGroup[0]!, '2024-07-10'], [adminGroup[1]!, '2024-07-20']] as const) {
      const r = await call('PATCH', `/api/cards/${card.id}`, { cookie: admin, body: { version: card.version, dueOn } });
      expect(r.status, r.text).toBe(200);
    }
    const seven = Date.parse('2024-07-15T00:00:00Z'); // 07:00 on 15 July in Bangkok
    const mail = recorder();
    await fire(SCHEDULES.digest, seven, mail);
    await fire(SCHEDULES.digest, seven + MINUTE, mail);
    const rows = await env.DB.prepare("select to_email, dedupe_key, subject from outbox where dedupe_key like 'digest:%'").all<Record<string, string>>().then((r) => r.results);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.to_email).toBe('director.admin@demo.local');
    expect(rows[0]!.dedupe_key).toBe(`digest:${demo.orgId}:2024-07-15:${demo.userIds['director.admin@demo.local']}`);
    expect(mail.sent).toHaveLength(1);
    const parsed = await PostalMime.parse(mail.sent[0]!.raw);
    expect(parsed.subject).toBe('สรุปงานที่เลยกำหนดและใกล้ครบกำหนด กลุ่มอำนวยการ ประจำวันที่ 15 กรกฎาคม 2567 (เลยกำหนด 1, ใกล้ครบกำหนด 1)');
  });
});

describe('offices that do not get a report', () => {
  it('skips quietly an office without a board for the period’s fiscal year (a trigger in 2026: FY2570)', async () => {
    const before = await count('select count(*) n from reports');
    // The imported worker's handler, as the runtime calls it, with the real send_email binding.
    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ scheduledTime: Date.parse('2026-05-16T01:00:00Z'), cron: SCHEDULES.executiveReport }), env as unknown as Env, ctx);
    await waitOnExecutionContext(ctx);
    await fire(SCHEDULES.digest, Date.parse('2026-05-16T00:00:00Z'), recorder());
    expect(await count('select count(*) n from reports')).toBe(before);
    expect(await count("select count(*) n from outbox where dedupe_key like 'digest:%:2026-%'")).toBe(0);
  });

  it('skips a kind the office switched off, and sends it again once switched back on', async () => {
    const admin = await cookieFor(demo, 'admin');
    const off = await call('PUT', '/api/reports/settings', { cookie: admin, body: { reportKinds: { staff: false } } });
    expect(off.json.reportKinds).toEqual({ executive: true, staff: false, digest: true });
    const august = Date.parse('2024-08-01T01:30:00Z');
    await fire(SCHEDULES.staffReport, august, recorder());
    expect(await count("select count(*) n from reports where period_key = '2024-07'")).toBe(0);
    await call('PUT', '/api/reports/settings', { cookie: admin, body: { reportKinds: { staff: true } } });
    // Through the runtime's own entry (exports.default.scheduled), so the emails go through the
    // send_email binding as wrangler runs it, which checks From, Message-ID and the MIME.
    await runtimeEntry.scheduled({ scheduledTime: new Date(august), cron: SCHEDULES.staffReport });
    const report = await env.DB.prepare("select id from reports where period_key = '2024-07'").first<{ id: string }>();
    expect(report).not.toBeNull();
    const rows = await outboxOf(report!.id);
    expect(rows.map((r) => [r.status, r.attempts, r.last_error])).toEqual(Array(5).fill(['sent', 1, null]));
  });

  it('an unknown cron expression does nothing', async () => {
    const before = await count('select count(*) n from outbox');
    await fire('5 5 5 5 *', Date.parse('2024-07-01T01:00:00Z'), recorder());
    expect(await count('select count(*) n from outbox')).toBe(before);
  });
});

describe('the report job’s reads', () => {
  it('reads the offices, their boards and their schedules in three queries, however many offices there are', async () => {
    await seedOffice('second-office-peo', 'second.local');
    let queries = 0;
    const counted = new Proxy(env.DB, {
      get(target, prop) {
        const value = Reflect.get(target, prop, target);
        if (prop === 'prepare') queries++;
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    // The 10th ends no period: every office with a board is read and none is due.
    const outcomes = await runReportJob(createDb(counted), 'executive', Date.parse('2024-06-10T01:00:00Z'), undefined);
    expect(outcomes.filter((o) => o.result === 'not_due').length).toBeGreaterThanOrEqual(2);
    expect(queries).toBe(3);
  });
});
