// A fiscal year's report schedule: stored with its year, read back per day, DEFAULT_SCHEDULE when
// nothing is stored, a later change kept apart from the cadence that applied before it.
import { describe, expect, it } from 'vitest';
import { db, seedOffice } from './helpers';
import { readReportSchedule, readScheduleEntries, reportScheduleStatements } from '../../worker/db/report-schedule';
import { DEFAULT_SCHEDULE } from '../../worker/domain/report-cadence';
import { cadenceOn } from '../../worker/domain/report-schedule';

describe('report schedule storage', () => {
  it('reads DEFAULT_SCHEDULE for a year with nothing stored, then what was stored, from the year start', async () => {
    const demo = await seedOffice('sched-a', 'sched-a.test');
    expect(await readReportSchedule(db(), demo.orgId, demo.fiscalYearId, '2024-01-01')).toEqual(DEFAULT_SCHEDULE);
    const [first, ...rest] = reportScheduleStatements(db(), demo.fiscalYearId, { executive: 'quarterly', staff: 'half-yearly' });
    await db().batch([first!, ...rest]);
    const entries = await readScheduleEntries(db(), demo.orgId, demo.fiscalYearId);
    expect(entries).toEqual([
      { audience: 'executive', cadence: 'quarterly', effectiveFrom: '2023-10-01' },
      { audience: 'staff', cadence: 'half-yearly', effectiveFrom: '2023-10-01' },
    ]);
    expect(await readReportSchedule(db(), demo.orgId, demo.fiscalYearId, '2023-10-01')).toEqual({ executive: 'quarterly', staff: 'half-yearly' });
  });

  it('keeps the earlier cadence before a change and applies the change from its day; rewriting a day replaces it', async () => {
    const demo = await seedOffice('sched-b', 'sched-b.test');
    const write = async (...args: Parameters<typeof reportScheduleStatements> extends [any, any, ...infer R] ? R : never) => {
      const [first, ...rest] = reportScheduleStatements(db(), demo.fiscalYearId, ...args);
      await db().batch([first!, ...rest]);
    };
    await write({ executive: 'twice-monthly', staff: 'monthly' });
    await write({ executive: 'quarterly', staff: 'monthly' }, { effectiveFrom: '2024-01-01' });
    await write({ executive: 'half-yearly', staff: 'monthly' }, { effectiveFrom: '2024-01-01' });
    const entries = await readScheduleEntries(db(), demo.orgId, demo.fiscalYearId);
    expect(entries.filter((e) => e.audience === 'executive')).toHaveLength(2);
    expect(cadenceOn(entries, 'executive', '2023-12-31')).toBe('twice-monthly');
    expect(cadenceOn(entries, 'executive', '2024-01-01')).toBe('half-yearly');
    expect(cadenceOn(entries, 'staff', '2024-09-30')).toBe('monthly');
  });

  it('writes nothing for a fiscal year that does not exist', async () => {
    const [first, ...rest] = reportScheduleStatements(db(), 'no-such-year', DEFAULT_SCHEDULE);
    await db().batch([first!, ...rest]);
    expect(await readScheduleEntries(db(), 'no-such-org', 'no-such-year')).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Periods by cadence and what is due when, at month ends, quarter ends, 1 October and 29 February.
import { changeEffectiveFrom, dueReportPeriod, scheduledPeriods, type ScheduleEntry } from '../../worker/domain/report-schedule';
import { cadenceOfKey, parseMeetingPeriodKey, periodEndingAt, periodsOfCadence } from '../../worker/domain/report-period';

/** An instant given as Bangkok wall-clock time. */
const bkk = (local: string) => Date.parse(`${local}+07:00`);
const all = (executive: ScheduleEntry['cadence'], staff: ScheduleEntry['cadence'], from = '2023-10-01'): ScheduleEntry[] => [
  { audience: 'executive', cadence: executive, effectiveFrom: from },
  { audience: 'staff', cadence: staff, effectiveFrom: from },
];

describe('periods by cadence (Bangkok time)', () => {
  it('quarters are the fiscal quarters; their ends are the last days of December, March (29 Feb inside), June, September', () => {
    const qs = periodsOfCadence('quarterly', 'executive', 2567);
    expect(qs.map((q) => [q.key, q.firstDay, q.lastDay])).toEqual([
      ['FY2567-Q1', '2023-10-01', '2023-12-31'],
      ['FY2567-Q2', '2024-01-01', '2024-03-31'],
      ['FY2567-Q3', '2024-04-01', '2024-06-30'],
      ['FY2567-Q4', '2024-07-01', '2024-09-30'],
    ]);
    expect(qs[0]!.start).toBe(bkk('2023-10-01T00:00:00'));
    expect(qs[0]!.end).toBe(bkk('2024-01-01T00:00:00'));
    expect(qs.every((q) => q.fiscalYear === 2567)).toBe(true);
  });

  it('half-yearly: the 6-month report covers 1 October – 31 March, the 12-month report the whole year', () => {
    const [six, twelve] = periodsOfCadence('half-yearly', 'staff', 2570);
    expect(six).toMatchObject({ key: 'FY2570-6M', firstDay: '2026-10-01', lastDay: '2027-03-31', kind: 'staff' });
    expect(twelve).toMatchObject({ key: 'FY2570-12M', firstDay: '2026-10-01', lastDay: '2027-09-30' });
    expect(twelve!.end).toBe(bkk('2027-10-01T00:00:00'));
  });

  it('what is due at each trigger: month ends, quarter ends, 29 February, 1 October', () => {
    const quarterly = all('quarterly', 'half-yearly');
    // A month end that is no quarter end: nothing for a quarterly audience.
    expect(dueReportPeriod(quarterly, 'executive', bkk('2023-12-01T08:00:00'))).toBeNull();
    expect(dueReportPeriod(quarterly, 'executive', bkk('2023-12-16T08:00:00'))).toBeNull();
    // The quarter's end, on the 1st, at any hour of that Bangkok day.
    expect(dueReportPeriod(quarterly, 'executive', bkk('2024-01-01T08:00:00'))?.key).toBe('FY2567-Q1');
    expect(dueReportPeriod(quarterly, 'executive', bkk('2024-01-01T23:59:00'))?.key).toBe('FY2567-Q1');
    expect(dueReportPeriod(quarterly, 'executive', bkk('2023-12-31T23:59:00'))).toBeNull();
    // 29 February 2024 ends February and lies inside the second quarter and the 6-month period.
    const defaults = all('twice-monthly', 'monthly');
    expect(dueReportPeriod(defaults, 'executive', bkk('2024-03-01T08:00:00'))).toMatchObject({ key: '2024-02-H2', lastDay: '2024-02-29' });
    expect(dueReportPeriod(defaults, 'staff', bkk('2024-03-01T08:30:00'))).toMatchObject({ key: '2024-02', lastDay: '2024-02-29' });
    expect(dueReportPeriod(quarterly, 'executive', bkk('2024-03-01T08:00:00'))).toBeNull();
    expect(dueReportPeriod(quarterly, 'executive', bkk('2024-04-01T08:00:00'))).toMatchObject({ key: 'FY2567-Q2', lastDay: '2024-03-31' });
    expect(dueReportPeriod(quarterly, 'staff', bkk('2024-04-01T08:30:00'))).toMatchObject({ key: 'FY2567-6M', lastDay: '2024-03-31' });
    // 1 October: the ending fiscal year's last reports, never the new year's.
    expect(dueReportPeriod(quarterly, 'executive', bkk('2024-10-01T08:00:00'))).toMatchObject({ key: 'FY2567-Q4', fiscalYear: 2567 });
    expect(dueReportPeriod(quarterly, 'staff', bkk('2024-10-01T08:30:00'))).toMatchObject({ key: 'FY2567-12M', firstDay: '2023-10-01', lastDay: '2024-09-30' });
    expect(dueReportPeriod(defaults, 'staff', bkk('2024-10-01T08:30:00'))?.key).toBe('2024-09');
    expect(dueReportPeriod(defaults, 'executive', bkk('2024-10-16T08:00:00'))?.key).toBe('2024-10-H1');
    // Staff twice a month: due on the 16th too.
    expect(dueReportPeriod(all('monthly', 'twice-monthly'), 'staff', bkk('2024-06-16T08:00:00'))?.key).toBe('2024-06-H1');
  });

  it('exactly one period per quarter over a year of triggers; keys name their cadence', () => {
    const quarterly = all('quarterly', 'half-yearly');
    const due: string[] = [];
    for (let m = 0; m <= 12; m++) {
      for (const d of [1, 16]) {
        const at = Date.UTC(2023, 9 + m, d, 1, 0); // 08:00 Bangkok
        if (at < Date.UTC(2023, 9, 2)) continue; // 1 Oct 2023 reports on FY2566, another year's schedule
        const p = dueReportPeriod(quarterly, 'executive', at);
        if (p) due.push(p.key);
      }
    }
    expect(due).toEqual(['FY2567-Q1', 'FY2567-Q2', 'FY2567-Q3', 'FY2567-Q4']);
    expect(['2024-06-H1', '2024-06', 'FY2567-Q3', 'FY2567-6M', 'FY2567-12M', '2024-06-16'].map(cadenceOfKey)).toEqual([
      'twice-monthly', 'monthly', 'quarterly', 'half-yearly', 'half-yearly', null,
    ]);
    expect(parseMeetingPeriodKey('staff', 'FY2567-Q5')).toBeNull();
    expect(parseMeetingPeriodKey('staff', 'FY2567-6M')).toMatchObject({ kind: 'staff', lastDay: '2024-03-31' });
    expect(parseMeetingPeriodKey('executive', '2024-02-H2')).toMatchObject({ kind: 'executive', lastDay: '2024-02-29' });
    expect(periodEndingAt('quarterly', 'executive', bkk('2024-02-01T00:00:00'))).toBeNull();
  });

  it('a change applies from the next period of the cadence running now; a finished year refuses it', () => {
    const year = { startsOn: '2023-10-01', endsOn: '2024-09-30' };
    const defaults = all('twice-monthly', 'monthly');
    expect(changeEffectiveFrom(defaults, 'staff', year, bkk('2023-11-15T10:00:00'))).toEqual({ effectiveFrom: '2023-12-01' });
    expect(changeEffectiveFrom(defaults, 'executive', year, bkk('2023-11-15T10:00:00'))).toEqual({ effectiveFrom: '2023-11-16' });
    expect(changeEffectiveFrom(all('quarterly', 'monthly'), 'executive', year, bkk('2024-02-29T10:00:00'))).toEqual({ effectiveFrom: '2024-04-01' });
    expect(changeEffectiveFrom(defaults, 'staff', year, bkk('2023-09-20T10:00:00'))).toEqual({ effectiveFrom: '2023-10-01' });
    expect(changeEffectiveFrom(defaults, 'staff', year, bkk('2024-10-01T00:00:00'))).toEqual({ refused: 'year_ended' });
    expect(changeEffectiveFrom(all('monthly', 'half-yearly'), 'staff', year, bkk('2024-05-01T10:00:00'))).toEqual({ refused: 'next_year' });
    // Monthly → quarterly from 1 December: November's monthly report, then the first quarter's.
    const changed: ScheduleEntry[] = [...defaults, { audience: 'staff', cadence: 'quarterly', effectiveFrom: '2023-12-01' }];
    expect(scheduledPeriods(changed, 'staff', 2567).map((p) => p.key)).toEqual(['2023-10', '2023-11', 'FY2567-Q1', 'FY2567-Q2', 'FY2567-Q3', 'FY2567-Q4']);
  });
});

// ---------------------------------------------------------------------------------------------
// The triggers end to end (real D1, the scheduled handler, a recording transport in place of
// send_email): a quarterly office gets exactly one report per quarter, however often they fire.
import { env } from 'cloudflare:workers';
import { createExecutionContext, createMessageBatch, createScheduledController, waitOnExecutionContext } from 'cloudflare:test';
import { vi } from 'vitest';
import { runScheduled, SCHEDULES } from '../../worker/cron';
import { runJobs, type ReportsMessage } from '../../worker/cron/spread';
import type { Env } from '../../worker/env';
import type { MailTransport, OutgoingMail } from '../../worker/email/transport';
import PostalMime from 'postal-mime';
import { call, cookieFor } from './helpers';

function recorder(): MailTransport & { sent: OutgoingMail[] } {
  const sent: OutgoingMail[] = [];
  return { sent, async send(mail) { sent.push(mail); } };
}

/**
 * A trigger as it runs deployed: its own invocation, then each group of offices it queued on JOBS
 * (cron/spread.ts: a few offices per invocation) as the queue's consumer gets it. The test files'
 * offices share one database, so most of them are queued.
 */
async function fire(cron: string, scheduledTime: number, transport: MailTransport) {
  const queued: ReportsMessage[] = [];
  const jobs = { send: async (body: ReportsMessage) => void queued.push(body), sendBatch: async (messages: { body: ReportsMessage }[]) => void queued.push(...messages.map((m) => m.body)) };
  const deployed = { ...(env as unknown as Env), JOBS: jobs as unknown as Queue };
  const ctx = createExecutionContext();
  await runScheduled(createScheduledController({ scheduledTime, cron }), deployed, ctx, { transport: () => transport });
  await waitOnExecutionContext(ctx);
  for (const [i, body] of queued.entries()) {
    await runJobs(createMessageBatch<ReportsMessage>('ita-board-jobs', [{ id: `m${i}`, timestamp: new Date(scheduledTime), attempts: 1, body }]), deployed);
  }
}

/** Every report trigger of fiscal year 2567 and the 1 October after it, each fired twice at once. */
async function fireWholeYear(transport: MailTransport) {
  for (let m = 0; m <= 12; m++) {
    const first = Date.UTC(2023, 9 + m, 1, 1, 0); // 08:00 Bangkok on the 1st
    const sixteenth = Date.UTC(2023, 9 + m, 16, 1, 0);
    await Promise.all([fire(SCHEDULES.executiveReport, first, transport), fire(SCHEDULES.executiveReport, first, transport)]);
    await Promise.all([fire(SCHEDULES.staffReport, first + 30 * 60_000, transport), fire(SCHEDULES.staffReport, first + 30 * 60_000, transport)]);
    if (m < 12) await Promise.all([fire(SCHEDULES.executiveReport, sixteenth, transport), fire(SCHEDULES.executiveReport, sixteenth, transport)]);
  }
}

const reportsOf = async (orgId: string, kind: string) =>
  (await env.DB.prepare('select id, period_key from reports where org_id = ? and kind = ? order by period_end, period_start').bind(orgId, kind).all<{ id: string; period_key: string }>()).results;

describe('the report triggers follow each office’s schedule', () => {
  it('a quarterly office (executives quarterly, staff at 6 and 12 months) gets one report per period, each email once', async () => {
    const office = await seedOffice('sched-quarterly', 'quarterly.test');
    const [first, ...rest] = reportScheduleStatements(db(), office.fiscalYearId, { executive: 'quarterly', staff: 'half-yearly' });
    await db().batch([first!, ...rest]);
    const mail = recorder();
    await fireWholeYear(mail);
    const executive = await reportsOf(office.orgId, 'executive');
    const staff = await reportsOf(office.orgId, 'staff');
    expect(executive.map((r) => r.period_key)).toEqual(['FY2567-Q1', 'FY2567-Q2', 'FY2567-Q3', 'FY2567-Q4']);
    expect(staff.map((r) => r.period_key)).toEqual(['FY2567-6M', 'FY2567-12M']);
    // Executives and the two directors get each executive report; all five members each staff report.
    const mine = mail.sent.filter((m) => m.to.endsWith('@quarterly.test'));
    expect(mine).toHaveLength(4 * 3 + 2 * 5);
    const outbox = await env.DB.prepare("select count(*) n, count(distinct dedupe_key) k from outbox where org_id = ? and status = 'sent'").bind(office.orgId).first<{ n: number; k: number }>();
    expect(outbox).toEqual({ n: 22, k: 22 });
    // The subject names the quarter in Thai (MIME-encoded: decoded by postal-mime).
    const q1 = mine.find((m) => m.to === 'executive@quarterly.test')!;
    expect((await PostalMime.parse(q1.raw)).subject).toContain('ไตรมาสที่ 1 ปีงบประมาณ พ.ศ. 2567');
    // Fired again: nothing new.
    await fireWholeYear(mail);
    expect(mail.sent.filter((m) => m.to.endsWith('@quarterly.test'))).toHaveLength(22);
    expect(await reportsOf(office.orgId, 'executive')).toHaveLength(4);
  }, 60_000);

  it('an office with the seed’s rhythm still gets 24 executive and 12 staff reports over the year', async () => {
    const office = await seedOffice('sched-default', 'default.test');
    const mail = recorder();
    await fireWholeYear(mail);
    expect(await reportsOf(office.orgId, 'executive')).toHaveLength(24);
    const staff = await reportsOf(office.orgId, 'staff');
    expect(staff.map((r) => r.period_key)).toEqual(Array.from({ length: 12 }, (_, i) => new Date(Date.UTC(2023, 9 + i, 1)).toISOString().slice(0, 7)));
  }, 60_000);

  it('an administrator changes the staff cadence from monthly to quarterly in mid-November: it applies from the next period', async () => {
    const office = await seedOffice('sched-change', 'change.test');
    const admin = await cookieFor(office, 'admin');
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date(bkk('2023-11-15T10:00:00')));
      const changed = await call('PUT', '/api/reports/schedule', { cookie: admin, body: { beYear: 2567, audience: 'staff', cadence: 'quarterly' } });
      expect(changed.status).toBe(200);
      expect(changed.json.effectiveFrom).toBe('2023-12-01');
      expect(changed.json.schedule.find((s: any) => s.audience === 'staff')).toEqual({
        audience: 'staff', cadence: 'monthly', stored: true, pending: { cadence: 'quarterly', effectiveFrom: '2023-12-01' },
      });
      const archive = await call('GET', '/api/reports?beYear=2567', { cookie: admin });
      expect(archive.json.schedule.find((s: any) => s.audience === 'executive')).toMatchObject({ cadence: 'twice-monthly', stored: false, pending: null });
      const audited = await env.DB.prepare("select detail from audit_log where org_id = ? and action = 'report.schedule_changed'").bind(office.orgId).first<{ detail: string }>();
      expect(JSON.parse(audited!.detail)).toMatchObject({ audience: 'staff', from: 'monthly', to: 'quarterly', effectiveFrom: '2023-12-01' });
    } finally {
      vi.useRealTimers();
    }
    await fireWholeYear(recorder());
    expect((await reportsOf(office.orgId, 'staff')).map((r) => r.period_key)).toEqual(['2023-10', '2023-11', 'FY2567-Q1', 'FY2567-Q2', 'FY2567-Q3', 'FY2567-Q4']);
  }, 60_000);

  it('two administrators changing the same audience at once: one entry for the day it applies from, both audited', async () => {
    const office = await seedOffice('sched-race', 'race.test');
    const admin = await cookieFor(office, 'admin');
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date(bkk('2024-02-10T10:00:00')));
      const answers = await Promise.all(
        (['quarterly', 'half-yearly', 'monthly', 'quarterly'] as const).map((cadence) => call('PUT', '/api/reports/schedule', { cookie: admin, body: { beYear: 2567, audience: 'executive', cadence } })),
      );
      expect(answers.map((a) => [a.status, a.json.effectiveFrom])).toEqual(Array(4).fill([200, '2024-02-16']));
    } finally {
      vi.useRealTimers();
    }
    const entries = await readScheduleEntries(db(), office.orgId, office.fiscalYearId);
    expect(entries.filter((e) => e.effectiveFrom === '2024-02-16')).toHaveLength(1);
    expect(await env.DB.prepare("select count(*) n from audit_log where org_id = ? and action = 'report.schedule_changed'").bind(office.orgId).first('n')).toBe(4);
  });

  it('an archived year gets neither reports nor digests; restored, it gets them again', async () => {
    const office = await seedOffice('sched-archived', 'archived.test');
    const admin = await cookieFor(office, 'admin');
    expect((await call('PUT', '/api/fiscal-years/2567/archived', { cookie: admin, body: { archived: true } })).status).toBe(200);
    const mail = recorder();
    const firstOfJuly = Date.UTC(2024, 6, 1, 1, 0);
    const digestDay = Date.UTC(2024, 6, 22, 0, 0); // 07:00 Bangkok on 22 July: steps due on 28 July are due within the week
    await fire(SCHEDULES.executiveReport, firstOfJuly, mail);
    await fire(SCHEDULES.staffReport, firstOfJuly + 30 * 60_000, mail);
    await fire(SCHEDULES.digest, digestDay, mail);
    const mine = async () => (await env.DB.prepare('select count(*) n from outbox where org_id = ?').bind(office.orgId).first<{ n: number }>())!.n;
    expect(await reportsOf(office.orgId, 'executive')).toHaveLength(0);
    expect(await reportsOf(office.orgId, 'staff')).toHaveLength(0);
    expect(await mine()).toBe(0);
    expect((await call('PUT', '/api/fiscal-years/2567/archived', { cookie: admin, body: { archived: false } })).status).toBe(200);
    await fire(SCHEDULES.executiveReport, firstOfJuly, mail);
    await fire(SCHEDULES.digest, digestDay, mail);
    expect((await reportsOf(office.orgId, 'executive')).map((r) => r.period_key)).toEqual(['2024-06-H2']);
    expect(await env.DB.prepare("select count(*) n from outbox where org_id = ? and dedupe_key like 'digest:%'").bind(office.orgId).first('n')).toBeGreaterThan(0);
  });

  it('refuses a bad cadence, a non-administrator and a finished year with bilingual errors, and stores nothing', async () => {
    const office = await seedOffice('sched-refuse', 'refuse.test');
    const admin = await cookieFor(office, 'admin');
    const bad = await call('PUT', '/api/reports/schedule', { cookie: admin, body: { beYear: 2567, audience: 'staff', cadence: 'weekly' } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.messageTh).toBeTruthy();
    expect(bad.json.error.messageEn).toBeTruthy();
    const director = await call('PUT', '/api/reports/schedule', { cookie: await cookieFor(office, 'directorAdmin'), body: { beYear: 2567, audience: 'staff', cadence: 'monthly' } });
    expect(director.status).toBe(403);
    const ended = await call('PUT', '/api/reports/schedule', { cookie: admin, body: { beYear: 2567, audience: 'staff', cadence: 'quarterly' } });
    expect(ended.status).toBe(422);
    expect(ended.json.error.code).toBe('year_ended');
    expect(ended.json.error.messageTh).toContain('2567');
    expect(await readScheduleEntries(db(), office.orgId, office.fiscalYearId)).toEqual([]);
  });
});
