// One answer to "overdue or due soon?" on the last day of a period (issue 12): a step due on the
// period's last day is NOT overdue in the executives' report for that period, and the directors'
// digest sent on that same day lists it as due today; the step due the day before is overdue in
// both, one day late. The dashboard says the same on that day. Through the real API, real D1 and
// the scheduled handler (only the mail transport is a recorder).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { env } from 'cloudflare:workers';
import { createExecutionContext, createScheduledController, waitOnExecutionContext } from 'cloudflare:test';
import PostalMime from 'postal-mime';
import { runScheduled, SCHEDULES } from '../../worker/cron';
import type { MailTransport, OutgoingMail } from '../../worker/email/transport';
import type { Env } from '../../worker/env';
import type { ReportContent } from '../../worker/domain/report-types';
import { dueState, isOverdueOn } from '../../worker/domain/due';
import { call, cookieFor, getBoard, seedOffice, type Demo } from './helpers';

let demo: Demo;
const ON_LAST_DAY = 'ขั้นตอนทดสอบ ครบกำหนดวันสุดท้ายของรอบ';
const DAY_BEFORE = 'ขั้นตอนทดสอบ ครบกำหนดก่อนวันสุดท้าย';
let onLastDayId = '';
let dayBeforeId = '';

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2024-06-01T02:00:00Z'));
  demo = await seedOffice();
  const admin = await cookieFor(demo, 'admin');
  const board = await getBoard(admin);
  const mine = board.cards.filter((c) => c.leadGroupId === demo.groupIds['กลุ่มอำนวยการ'] && c.columnId === board.columns[0]!.id);
  const edits = [
    [mine[0]!, { dueOn: '2024-06-15', title: ON_LAST_DAY }],
    [mine[1]!, { dueOn: '2024-06-14', title: DAY_BEFORE }],
  ] as const;
  for (const [card, patch] of edits) {
    const r = await call('PATCH', `/api/cards/${card.id}`, { cookie: admin, body: { version: card.version, ...patch } });
    expect(r.status, r.text).toBe(200);
  }
  onLastDayId = mine[0]!.id;
  dayBeforeId = mine[1]!.id;
});

afterAll(() => {
  vi.useRealTimers();
});

describe('the one rule (domain/due.ts)', () => {
  it('is overdue from the day after the due date, due today on the day itself', () => {
    expect(dueState('2024-06-15', '2024-06-15')).toEqual({ state: 'due-soon', days: 0 });
    expect(dueState('2024-06-14', '2024-06-15')).toEqual({ state: 'overdue', days: 1 });
    expect(dueState('2024-06-30', '2024-06-15')).toEqual({ state: 'later', days: 15 });
    expect(isOverdueOn('2024-06-15', '2024-06-15')).toBe(false);
    expect(isOverdueOn('2024-06-15', '2024-06-16')).toBe(true);
    // Across a month and a year end, counted in calendar days.
    expect(dueState('2024-12-31', '2025-01-01')).toEqual({ state: 'overdue', days: 1 });
    expect(dueState(null, '2024-06-15')).toBeNull();
    expect(dueState('15/06/2024', '2024-06-15')).toBeNull();
  });
});

describe('the last day of the period 1–15 June 2024', () => {
  it('the executives’ report: the step due on 15 June is not overdue ("เลยมา 0 วัน" never appears); the one due on 14 June is, by 1 day', async () => {
    vi.setSystemTime(new Date('2024-06-20T03:00:00Z'));
    const sent = await call('POST', '/api/reports/send', { cookie: await cookieFor(demo, 'admin'), body: { beYear: 2567, kind: 'executive', periodKey: '2024-06-H1' } });
    expect(sent.status, sent.text).toBe(201);
    const read = await call('GET', `/api/reports/${sent.json.report.id}`, { cookie: await cookieFor(demo, 'executive') });
    const content = read.json.report.content as ReportContent;
    expect(content.period.lastDay).toBe('2024-06-15');
    expect(content.overdue.map((o) => o.cardId)).not.toContain(onLastDayId);
    expect(content.overdue.find((o) => o.cardId === dayBeforeId)).toMatchObject({ dueOn: '2024-06-14', daysOverdue: 1 });
    expect(content.overdue.every((o) => o.daysOverdue >= 1)).toBe(true);
  });

  it('the directors’ digest of 15 June: the same step is due today, the other one overdue by 1 day', async () => {
    const sent: OutgoingMail[] = [];
    const transport: MailTransport = { send: async (m) => void sent.push(m) };
    const ctx = createExecutionContext();
    await runScheduled(createScheduledController({ scheduledTime: Date.parse('2024-06-15T00:00:00Z'), cron: SCHEDULES.digest }), env as unknown as Env, ctx, { transport: () => transport });
    await waitOnExecutionContext(ctx);
    const mail = sent.find((m) => m.to === 'director.admin@demo.local');
    expect(mail, 'a digest for the administration group’s director').toBeDefined();
    const text = (await PostalMime.parse(mail!.raw)).text ?? '';
    const [overduePart, soonPart] = text.split(/ครบกำหนดภายใน/);
    expect(overduePart).toContain(`${DAY_BEFORE}`);
    expect(overduePart).not.toContain(ON_LAST_DAY);
    expect(soonPart).toContain(ON_LAST_DAY);
    expect(text).not.toMatch(/เลยมา 0 วัน/);
  });

  it('the dashboard on 15 June agrees; on 16 June both are overdue', async () => {
    vi.setSystemTime(new Date('2024-06-15T05:00:00Z'));
    const on15 = await call('GET', '/api/dashboard/2567', { cookie: await cookieFor(demo, 'executive') });
    expect(on15.status, on15.text).toBe(200);
    const ids15 = (on15.json.overdue as { cardId: string }[]).map((o) => o.cardId);
    expect(ids15).toContain(dayBeforeId);
    expect(ids15).not.toContain(onLastDayId);
    vi.setSystemTime(new Date('2024-06-16T05:00:00Z'));
    const on16 = await call('GET', '/api/dashboard/2567', { cookie: await cookieFor(demo, 'executive') });
    expect((on16.json.overdue as { cardId: string }[]).map((o) => o.cardId)).toEqual(expect.arrayContaining([dayBeforeId, onLastDayId]));
  });
});
