// What a report says: compiled through the real API from a board changed through the real API,
// with the clock set to days in June 2024 (FY2567) so that events land inside and after the
// period. Checks the state at the period's end (later changes undone), the moves, overdue steps,
// evidence, the change since the previous report and the chain anchor.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { env } from 'cloudflare:workers';
import { call, cookieFor, getBoard, seedOffice, withEvidence, type Demo, type Who } from './helpers';
import type { BoardView, CardView } from '../../worker/domain/contracts';
import type { ReportContent, ReportView, SendReportResult } from '../../worker/domain/report-types';

let demo: Demo;
let board: BoardView;
const bkk = (local: string) => new Date(`${local}+07:00`);

/** Sets the clock (Bangkok wall time) and returns a fresh session cookie for `who` at that time. */
async function at(local: string, who: Who): Promise<string> {
  vi.setSystemTime(bkk(local));
  return cookieFor(demo, who);
}

const columnId = (key: string) => board.columns.find((c) => c.key === key)!.id;
function cardOf(measure: number, step: number): CardView {
  const m = board.measures.find((x) => x.number === measure)!;
  return board.cards.find((c) => c.measureId === m.id && c.stepNumber === step)!;
}
async function versionOf(cardId: string) {
  return (await env.DB.prepare('select version from cards where id = ?').bind(cardId).first<{ version: number }>())!.version;
}
async function move(cookie: string, cardId: string, key: string) {
  const r = await call('POST', `/api/cards/${cardId}/move`, { cookie, body: { toColumnId: columnId(key), afterCardId: null, beforeCardId: null, version: await versionOf(cardId) } });
  expect(r.status, r.text).toBe(200);
}
async function edit(cookie: string, cardId: string, patch: Record<string, unknown>) {
  const r = await call('PATCH', `/api/cards/${cardId}`, { cookie, body: { version: await versionOf(cardId), ...patch } });
  expect(r.status, r.text).toBe(200);
}

let personnelCard: CardView;
let sentH1: SendReportResult;

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(bkk('2024-05-20T09:00:00'));
  demo = await seedOffice();
  board = await getBoard(await cookieFor(demo, 'admin'));
  personnelCard = cardOf(4, 1);
  // Before the period: evidence on the two steps that will be done (domain/done-rule.ts).
  await withEvidence(await at('2024-05-21T09:00:00', 'admin'), [cardOf(1, 1).id, cardOf(1, 2).id]);

  // Inside 1–15 June 2024:
  await move(await at('2024-06-03T10:00:00', 'directorPersonnel'), personnelCard.id, 'in_progress');
  const evidence = await call('POST', `/api/cards/${personnelCard.id}/evidence`, {
    cookie: await at('2024-06-04T11:00:00', 'directorPersonnel'),
    body: { url: 'https://phichit.moe.go.th/ita/o12', note: '=HYPERLINK("http://evil.example")', oitCode: null },
  });
  expect(evidence.status, evidence.text).toBe(201);
  await edit(await at('2024-06-05T09:00:00', 'admin'), cardOf(2, 1).id, { dueOn: '2024-06-10', title: '@SUM(1+1) ขั้นตอน <b>ทดสอบ</b>' });
  await move(await at('2024-06-10T14:00:00', 'admin'), cardOf(1, 1).id, 'done');
  await move(await at('2024-06-15T23:59:00', 'admin'), cardOf(1, 2).id, 'awaiting_report');
  // After the half-month ended (16 June 00:00 Bangkok): undone when looking at 15 June.
  await move(await at('2024-06-16T00:00:30', 'admin'), cardOf(1, 2).id, 'done');
  await edit(await at('2024-06-17T09:00:00', 'admin'), cardOf(2, 1).id, { dueOn: '2024-07-28' });

  const sent = await call('POST', '/api/reports/send', { cookie: await at('2024-06-20T10:00:00', 'admin'), body: { beYear: 2567, kind: 'executive', periodKey: '2024-06-H1' } });
  expect(sent.status, sent.text).toBe(201);
  sentH1 = sent.json;
});

afterAll(() => {
  vi.useRealTimers();
});

async function readReport(id: string): Promise<ReportView> {
  const r = await call('GET', `/api/reports/${id}`, { cookie: await cookieFor(demo, 'staff') });
  expect(r.status, r.text).toBe(200);
  return r.json.report;
}

describe('the executives’ report for 1–15 June 2024', () => {
  it('counts the steps as they stood at the end of 15 June, not as they are now', async () => {
    const { content } = await readReport(sentH1.report.id);
    expect(content.period).toMatchObject({ key: '2024-06-H1', firstDay: '2024-06-01', lastDay: '2024-06-15', fiscalYear: 2567 });
    expect(content.totals).toEqual({ total: 21, done: 1, inProgress: 2, notStarted: 18, percent: 4.8 });
    const m1 = content.measures.find((m) => m.number === 1)!;
    expect(m1.progress).toMatchObject({ total: 2, done: 1, inProgress: 1, notStarted: 0, percent: 50 });
    const personnel = content.groups.find((g) => g.nameTh === 'กลุ่มบริหารงานบุคคล')!;
    expect(personnel.progress).toMatchObject({ total: 4, inProgress: 1, done: 0 });
    expect(content.change).toBeNull();
  });

  it('lists what moved in the period: card, from → to, who and when', async () => {
    const { content } = await readReport(sentH1.report.id);
    expect(content.moves.map((m) => [m.measureNumber, m.stepNumber, m.from?.category, m.to?.category])).toEqual([
      [4, 1, 'todo', 'doing'],
      [1, 1, 'todo', 'done'],
      [1, 2, 'todo', 'review'],
    ]);
    expect(content.moves[0]!.actor).toBe('ผอ.กลุ่มบริหารงานบุคคล (สาธิต)');
    expect(content.moves[0]!.at).toBe(bkk('2024-06-03T10:00:00').getTime());
    expect(content.moves[1]!.to?.labelTh).toBe('เสร็จสิ้น');
  });

  it('overdue: due on or before 15 June and not done, with the due date it had then', async () => {
    const { content } = await readReport(sentH1.report.id);
    expect(content.overdue).toHaveLength(1);
    expect(content.overdue[0]).toMatchObject({ measureNumber: 2, stepNumber: 1, dueOn: '2024-06-10', daysOverdue: 5, title: '@SUM(1+1) ขั้นตอน <b>ทดสอบ</b>' });
    expect(content.overdueCount).toBe(1);
  });

  it('evidence added in the period, with its link', async () => {
    const { content } = await readReport(sentH1.report.id);
    expect(content.evidence).toHaveLength(1);
    expect(content.evidence[0]).toMatchObject({ measureNumber: 4, stepNumber: 1, url: 'https://phichit.moe.go.th/ita/o12', removed: false, actor: 'ผอ.กลุ่มบริหารงานบุคคล (สาธิต)' });
  });

  it('anchors the event chain: its head when compiled and the last event inside the period', async () => {
    const report = await readReport(sentH1.report.id);
    const head = await env.DB.prepare('select seq, hash from card_events where org_id = ? order by seq desc limit 1').bind(demo.orgId).first<{ seq: number; hash: string }>();
    const lastInPeriod = await env.DB.prepare('select max(seq) s from card_events where org_id = ? and at < ?').bind(demo.orgId, bkk('2024-06-16T00:00:00').getTime()).first<{ s: number }>();
    expect(report.chainSeq).toBe(head!.seq);
    expect(report.chainHash).toBe(head!.hash);
    expect(report.content.chain).toEqual({ seq: head!.seq, hash: head!.hash, periodEndSeq: lastInPeriod!.s });
  });

  it('is kept once: sending the same period again compiles nothing new and queues no one twice', async () => {
    const again = await call('POST', '/api/reports/send', { cookie: await cookieFor(demo, 'admin'), body: { beYear: 2567, kind: 'executive', periodKey: '2024-06-H1' } });
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({ created: false, queued: 0, report: { id: sentH1.report.id } });
    const n = await env.DB.prepare("select count(*) n from reports where org_id = ? and kind = 'executive'").bind(demo.orgId).first<{ n: number }>();
    expect(n!.n).toBe(1);
  });

  it('queued one email per default recipient: executives and directors', async () => {
    const rows = await env.DB.prepare('select to_email, dedupe_key from outbox where report_id = ? order by to_email').bind(sentH1.report.id).all<{ to_email: string; dedupe_key: string }>();
    expect(rows.results.map((r) => r.to_email)).toEqual(['director.admin@demo.local', 'director.personnel@demo.local', 'executive@demo.local']);
    expect(rows.results[0]!.dedupe_key).toBe(`${sentH1.report.id}:director.admin@demo.local`);
    expect(sentH1.queued).toBe(3);
  });
});

describe('the next report compares with the previous one', () => {
  it('the second half of June: +1 done, percent points up, overdue down', async () => {
    const cookie = await at('2024-07-02T09:00:00', 'admin');
    const r = await call('POST', '/api/reports/preview', { cookie, body: { beYear: 2567, kind: 'executive', periodKey: '2024-06-H2' } });
    expect(r.status, r.text).toBe(200);
    const content: ReportContent = r.json.preview;
    expect(content.totals).toMatchObject({ done: 2, inProgress: 1, notStarted: 18, percent: 9.5 });
    expect(content.change).toEqual({ previousReportId: sentH1.report.id, previousPeriodKey: '2024-06-H1', percentPoints: 4.7, done: 1, inProgress: -1, notStarted: 0, overdue: -1 });
    expect(content.measures.find((m) => m.number === 1)!.percentChange).toBe(50);
    expect(content.moves.map((m) => [m.measureNumber, m.stepNumber, m.to?.category])).toEqual([[1, 2, 'done']]);
    // A preview is not kept.
    const kept = await env.DB.prepare("select count(*) n from reports where period_key = '2024-06-H2'").first<{ n: number }>();
    expect(kept!.n).toBe(0);
  });

  it('without a period, "now" means the latest ended period of the year shown', async () => {
    const cookie = await at('2024-07-02T09:00:00', 'admin');
    const r = await call('POST', '/api/reports/preview', { cookie, body: { beYear: 2567, kind: 'staff' } });
    expect(r.status, r.text).toBe(200);
    expect(r.json.preview.period.key).toBe('2024-06');
    expect(r.json.preview.kind).toBe('staff');
  });
});
