// The demo office `npm start` loads (POST /api/dev/seed → seedLiveDemo): the current fiscal year
// computed from the moment it is loaded, rolled over from FY 2567 (imported from the shipped
// document and played to its end), with weeks of history through the real write functions.
// Checked through the real API at three moments of the year: late November, early October
// (the year just begun) and mid-June.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { env } from 'cloudflare:workers';
import { call, cookieFor, db, getBoard, ROLE_EMAIL, type Demo, type Who } from './helpers';
import { seedLiveDemo, type LiveDemo } from '../../worker/seed/demo-history';
import { loadDigestBoard } from '../../worker/db/reports';
import { compileDigest, digestIsEmpty } from '../../worker/domain/report-digest';
import { bangkokDate, defaultFiscalYear } from '../../worker/domain/fiscal-year';

const WEEK = 7 * 86_400_000;
const cookie = (demo: LiveDemo, email: (typeof ROLE_EMAIL)[Who]) =>
  cookieFor(demo as unknown as Demo, (Object.keys(ROLE_EMAIL) as Who[]).find((w) => ROLE_EMAIL[w] === email)!);

afterEach(() => vi.useRealTimers());

async function seedAt(iso: string, n: number) {
  const now = Date.parse(iso);
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(now));
  const demo = await seedLiveDemo(db(), { now, slug: `live-demo-${n}`, emailDomain: `live${n}.test` });
  return { demo, now };
}

async function checkYear(demo: LiveDemo, beYear: number, now: number) {
  const admin = await cookie(demo, 'admin@demo.local');
  const fy = demo.years.find((y) => y.beYear === beYear)!;
  // The chain is intact and the board is what its log says.
  const chain = await call('GET', `/api/admin/chain/${beYear}`, { cookie: admin });
  expect(chain.json, chain.text).toMatchObject({ ok: true, problems: [] });
  expect(chain.json.eventsChecked).toBe(fy.events);
  // Every event lies in the past; nothing was emailed.
  const latest = await env.DB.prepare('select max(at) m, min(at) f from card_events where fiscal_year_id = ?').bind(fy.fiscalYearId).first<{ m: number; f: number }>();
  expect(latest!.m).toBeLessThan(now);
  expect(await env.DB.prepare('select count(*) n from outbox where org_id = ?').bind(demo.orgId).first('n')).toBe(0);
  // Every finished step has evidence.
  const doneWithout = await env.DB.prepare(
    `select count(*) n from cards c join board_columns b on b.id = c.column_id
     where c.fiscal_year_id = ? and b.category = 'done' and not exists (select 1 from evidence_links e where e.card_id = c.id)`,
  ).bind(fy.fiscalYearId).first('n');
  expect(doneWithout).toBe(0);
  // …and its monitoring checklist ticked off.
  const doneLists = await env.DB.prepare(
    `select c.checklist from cards c join board_columns b on b.id = c.column_id where c.fiscal_year_id = ? and b.category = 'done'`,
  ).bind(fy.fiscalYearId).all<{ checklist: string }>();
  expect(doneLists.results.every((r) => (JSON.parse(r.checklist) as { done: boolean }[]).every((i) => i.done))).toBe(true);
  return { admin, first: latest!.f };
}

describe('the demo in the current fiscal year', () => {
  it('late November 2569: FY 2570 with eight weeks and more of history, a trend, reports, timelines and a digest', async () => {
    const { demo, now } = await seedAt('2026-11-29T05:00:00Z', 1);
    expect(demo.currentYear).toBe(2570);
    expect(demo.years.map((y) => y.beYear)).toEqual([2567, 2570]);

    // FY 2567 is finished: every step done.
    const executive = await cookie(demo, 'executive@demo.local');
    const old = await call('GET', '/api/dashboard/2567', { cookie: executive });
    expect(old.json.overall.done).toBe(21);
    expect(old.json.overall.total).toBe(21);
    await checkYear(demo, 2567, now);

    const { admin, first } = await checkYear(demo, 2570, now);
    expect(first).toBeLessThanOrEqual(now - 8 * WEEK);
    // The year everyone lands on is 2570.
    const years = await call('GET', '/api/fiscal-years', { cookie: executive });
    expect(defaultFiscalYear(years.json.fiscalYears, bangkokDate(now))).toBe(2570);

    const dash = await call('GET', '/api/dashboard/2570', { cookie: executive });
    expect(dash.status).toBe(200);
    const series = dash.json.series as { percent: number | null; perColumn: number[] }[];
    expect(series.length).toBeGreaterThan(1);
    expect(new Set(series.map((p) => p.percent)).size).toBeGreaterThan(1);
    expect(dash.json.overall.done).toBeGreaterThan(0);
    expect(dash.json.overall.done).toBeLessThan(21);
    expect(dash.json.overdue.length).toBeGreaterThanOrEqual(2);
    // Cumulative flow: more than one column holds cards at the end.
    expect(series.at(-1)!.perColumn.filter((n) => n > 0).length).toBeGreaterThan(1);

    // The report archive: past periods compiled (October's and November's first half), none emailed.
    const archive = await call('GET', '/api/reports?beYear=2570', { cookie: executive });
    const keys = (archive.json.reports as { periodKey: string }[]).map((r) => r.periodKey).sort();
    expect(keys).toEqual(['2026-10', '2026-10-H1', '2026-10-H2', '2026-11-H1']);

    // A card's timeline tells its story.
    const board = await getBoard(admin, 2570);
    const doneColumn = board.columns.find((c) => c.category === 'done')!.id;
    const finished = board.cards.find((c) => c.columnId === doneColumn)!;
    const details = await call('GET', `/api/cards/${finished.id}`, { cookie: admin });
    expect(details.status).toBe(200);
    expect(details.json.timeline.length).toBeGreaterThanOrEqual(4);
    expect(details.json.evidence.length).toBeGreaterThanOrEqual(1);

    // The directors' digest for today has something to say.
    const digestBoard = await loadDigestBoard(db(), demo.orgId, demo.years[1]!.fiscalYearId);
    const groups = [demo.groupIds['กลุ่มอำนวยการ']!, demo.groupIds['กลุ่มบริหารงานบุคคล']!];
    const digests = groups.map((groupId) => compileDigest({ today: bangkokDate(now), orgNameTh: 'x', thaiDigits: false, groupId, ...digestBoard }));
    expect(digests.some((d) => !digestIsEmpty(d))).toBe(true);
  }, 120_000);

  it('3 October 2569, the year just begun: FY 2570 set up in early August, with its history before the start', async () => {
    const { demo, now } = await seedAt('2026-10-03T03:00:00Z', 2);
    expect(demo.currentYear).toBe(2570);
    const { first } = await checkYear(demo, 2570, now);
    expect(first).toBeLessThanOrEqual(now - 8 * WEEK);
    const dash = await call('GET', '/api/dashboard/2570', { cookie: await cookie(demo, 'executive@demo.local') });
    expect(dash.json.series.length).toBeGreaterThan(1);
  }, 120_000);

  it('mid-June 2570: most of the year played, the report archive filled', async () => {
    const { demo, now } = await seedAt('2027-06-15T05:00:00Z', 3);
    expect(demo.currentYear).toBe(2570);
    await checkYear(demo, 2570, now);
    const archive = await call('GET', '/api/reports?beYear=2570', { cookie: await cookie(demo, 'executive@demo.local') });
    // October–May: 8 monthly and 16 half-month reports (the first half of June ends tomorrow).
    expect(archive.json.reports).toHaveLength(8 + 16);
  }, 120_000);
});
