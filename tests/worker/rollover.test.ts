// Starting FY 2568 from FY 2567 through the real API: the preview writes nothing, the commit
// copies measures, steps, columns and the OIT catalogue without their progress, with chained
// events; and who may do it.
import { beforeAll, describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { call, cookieFor, getBoard, seedOffice, type Demo, type Who } from './helpers';
import { retitle, shiftOneYear, shiftYears } from '../../worker/db/rollover';
import type { RolloverPreview } from '../../worker/domain/views';
import type { BoardView } from '../../worker/domain/contracts';

let home: Demo;
let other: Demo;
let source: BoardView;
const cookie: Partial<Record<Who | 'otherAdmin', string>> = {};

const count = async (sql: string, ...args: unknown[]) => ((await env.DB.prepare(sql).bind(...args).first()) as { n: number }).n;
const yearCount = () => count('select count(*) n from fiscal_years where org_id = ?', home.orgId);
const preview = (toBeYear: unknown, who: Who | 'otherAdmin' = 'admin', from = 2567) =>
  call('POST', `/api/fiscal-years/${from}/rollover/preview`, { cookie: cookie[who], body: { toBeYear } });
const commit = (toBeYear: unknown, who: Who | 'otherAdmin' = 'admin', from = 2567) =>
  call('POST', `/api/fiscal-years/${from}/rollover/commit`, { cookie: cookie[who], body: { toBeYear } });

beforeAll(async () => {
  home = await seedOffice('roll-home');
  other = await seedOffice('roll-other', 'roll-other.local');
  for (const who of ['admin', 'executive', 'directorAdmin', 'staff'] as const) cookie[who] = await cookieFor(home, who);
  cookie.otherAdmin = await cookieFor(other, 'admin');
  source = await getBoard(cookie.admin!);
  // Progress in the source year that must not carry over: a move, evidence, a comment, details.
  const [a, b] = source.cards;
  // The evidence first: a step moves into done only with evidence (domain/done-rule.ts).
  expect((await call('POST', `/api/cards/${a!.id}/evidence`, { cookie: cookie.admin, body: { url: 'https://phichit.example.go.th/o1', note: '', oitCode: 'O1' } })).status).toBe(201);
  expect((await call('POST', `/api/cards/${a!.id}/move`, { cookie: cookie.admin, body: { toColumnId: source.columns[3]!.id, afterCardId: null, beforeCardId: null, version: a!.version } })).status).toBe(200);
  expect((await call('POST', `/api/cards/${b!.id}/comments`, { cookie: cookie.admin, body: { body: 'ความคืบหน้า' } })).status).toBe(201);
  expect((await call('PATCH', `/api/cards/${b!.id}`, { cookie: cookie.admin, body: { version: b!.version, details: 'บันทึกของปี 2567' } })).status).toBe(200);
  source = await getBoard(cookie.admin!);
});

describe('the preview', () => {
  it('tells what would be created and what stays behind, and writes nothing', async () => {
    const before = await yearCount();
    const r = await preview(2568);
    expect(r.status, r.text).toBe(200);
    const p = r.json as RolloverPreview;
    expect(p.fiscalYear).toMatchObject({ beYear: 2568, startsOn: '2024-10-01', endsOn: '2025-09-30' });
    expect(p.fiscalYear.titleTh).toContain('๒๕๖๘');
    expect(p.fiscalYear.titleTh).not.toContain('๒๕๖๗');
    expect(p.counts).toEqual({ measures: 7, steps: 21, columns: 4, oitItems: 43, groups: 8 });
    expect(p.measures.map((m) => m.steps)).toEqual([2, 2, 3, 4, 3, 2, 5]);
    expect(p.columns.map((c) => c.labelTh)).toEqual(['ยังไม่เริ่ม', 'กำลังดำเนินการ', 'รอรายงานผล', 'เสร็จสิ้น']);
    expect(p.notCarried).toEqual({ evidence: 1, comments: 1, stepsDone: 1 });
    expect(p.warnings.map((w) => w.code)).toEqual(['check_oit_items']);
    expect(await yearCount()).toBe(before);
  });

  it('warns when the target is not the next year (due dates move by the years between), and refuses an unknown source', async () => {
    const far = await preview(2570);
    expect(far.json.warnings.map((w: { code: string }) => w.code)).toEqual(['not_next_year', 'check_oit_items']);
    expect(far.json).toMatchObject({ yearsBetween: 3, needsConfirmation: true });
    expect(far.json.warnings[0].messageEn).toContain('3 years');
    expect((await preview(2568)).json).toMatchObject({ yearsBetween: 1, needsConfirmation: false });
    const missing = await preview(2567, 'admin', 2560);
    expect(missing.status).toBe(404);
  });
});

describe('the commit', () => {
  let next: BoardView;

  beforeAll(async () => {
    const r = await commit(2568);
    expect(r.status, r.text).toBe(201);
    expect(r.json.counts.steps).toBe(21);
    next = await getBoard(cookie.admin!, 2568);
  });

  it('copies columns, measures and steps, all cards in the first column, due dates a year later', async () => {
    expect(next.columns.map((c) => [c.key, c.labelTh, c.category])).toEqual(source.columns.map((c) => [c.key, c.labelTh, c.category]));
    expect(next.measures.map((m) => [m.number, m.title, m.leadGroupId, m.allGroups])).toEqual(source.measures.map((m) => [m.number, m.title, m.leadGroupId, m.allGroups]));
    expect(next.cards).toHaveLength(21);
    expect(new Set(next.cards.map((c) => c.columnId))).toEqual(new Set([next.columns[0]!.id]));
    const key = (b: BoardView, c: BoardView['cards'][number]) => `${b.measures.find((m) => m.id === c.measureId)!.number}.${c.stepNumber}`;
    const sourceDue = new Map(source.cards.map((c) => [key(source, c), c.dueOn]));
    for (const c of next.cards) {
      const was = sourceDue.get(key(next, c))!;
      expect(c.dueOn).toBe(`${Number(was.slice(0, 4)) + 1}${was.slice(4)}`);
      expect(c.version).toBe(1);
    }
    // Details do not carry over (the board no longer carries them: read from D1).
    const details = await env.DB.prepare('select details from cards where fiscal_year_id = ?').bind(next.fiscalYear.id).all<{ details: string }>();
    expect(details.results.map((r) => r.details)).toEqual(next.cards.map(() => ''));
    // In the order of the announcement: measure by measure, step by step.
    expect(next.cards.map((c) => key(next, c))).toEqual(['1.1', '1.2', '2.1', '2.2', '3.1', '3.2', '3.3', '4.1', '4.2', '4.3', '4.4', '5.1', '5.2', '5.3', '6.1', '6.2', '7.1', '7.2', '7.3', '7.4', '7.5']);
  });

  it('starts with no evidence, no comments, fresh checklists and the copied OIT catalogue', async () => {
    const fy = next.fiscalYear.id;
    expect(await count('select count(*) n from evidence_links e join cards c on c.id = e.card_id where c.fiscal_year_id = ?', fy)).toBe(0);
    expect(await count('select count(*) n from comments e join cards c on c.id = e.card_id where c.fiscal_year_id = ?', fy)).toBe(0);
    const checklists = (await env.DB.prepare('select checklist from cards where fiscal_year_id = ?').bind(fy).all<{ checklist: string }>()).results.map((r) => JSON.parse(r.checklist));
    expect(checklists.every((l: { done: boolean }[]) => l.length === 2 && l.every((i) => !i.done))).toBe(true);
    const oit = await call('GET', '/api/oit/2568/items', { cookie: cookie.staff });
    expect(oit.json.items).toHaveLength(43);
    expect(oit.json.items[42].code).toBe('O43');
    const readiness = await call('GET', '/api/oit/2568', { cookie: cookie.executive });
    expect(readiness.json.summary).toMatchObject({ items: 43, ready: 0, percent: 0 });
    // The source year is untouched.
    expect(await count('select count(*) n from cards where fiscal_year_id = ?', source.fiscalYear.id)).toBe(21);
    expect((await call('GET', '/api/oit/2567', { cookie: cookie.executive })).json.summary.ready).toBe(1);
  });

  it("writes one chained 'card.created' event per card, and the chain verifies", async () => {
    const kinds = (await env.DB.prepare('select kind, seq, actor_user_id a from card_events where fiscal_year_id = ? order by seq').bind(next.fiscalYear.id).all<{ kind: string; seq: number; a: string }>()).results;
    expect(kinds).toHaveLength(21);
    expect(kinds.every((e, i) => e.kind === 'card.created' && e.seq === i + 1 && e.a === home.userIds['admin@demo.local'])).toBe(true);
    const chain = await call('GET', '/api/admin/chain/2568', { cookie: cookie.admin });
    expect(chain.json).toMatchObject({ ok: true, eventsChecked: 21, problems: [] });
    expect((await call('GET', '/api/admin/chain/2567', { cookie: cookie.admin })).json.ok).toBe(true);
    const dash = await call('GET', '/api/dashboard/2568', { cookie: cookie.executive });
    expect(dash.json.overall).toMatchObject({ total: 21, done: 0 });
  });

  it('refuses a year that already exists (409), for preview and commit alike, changing nothing', async () => {
    const before = await yearCount();
    for (const r of [await preview(2568), await commit(2568)]) {
      expect([r.status, r.json.error.code]).toEqual([409, 'fiscal_year_exists']);
    }
    expect(await yearCount()).toBe(before);
    expect(await count('select count(*) n from cards where org_id = ?', home.orgId)).toBe(42);
  });
});

describe('who may roll over', () => {
  it('only administrators, in their own office', async () => {
    for (const who of ['staff', 'executive', 'directorAdmin'] as const) {
      expect((await preview(2569, who)).status).toBe(403);
      expect((await commit(2569, who)).status).toBe(403);
    }
    expect((await call('POST', '/api/fiscal-years/2567/rollover/commit', { body: { toBeYear: 2569 } })).status).toBe(401);
    // The other office has no FY 2568: ours is not theirs to copy.
    expect((await commit(2569, 'otherAdmin', 2568)).status).toBe(404);
    for (const body of [{ toBeYear: '2569' }, { toBeYear: 2569, extra: 1 }, { toBeYear: 99 }, {}]) {
      const r = await call('POST', '/api/fiscal-years/2567/rollover/commit', { cookie: cookie.admin, body });
      expect(r.status, JSON.stringify(body)).toBe(400);
    }
    expect(await count('select count(*) n from fiscal_years where be_year = 2569')).toBe(0);
  });
});

describe('a year that is not the next one', () => {
  it('needs confirmation: without it nothing is created; with it due dates move by the years between', async () => {
    const refused = await call('POST', '/api/fiscal-years/2567/rollover/commit', { cookie: cookie.admin, body: { toBeYear: 2570 } });
    expect([refused.status, refused.json.error.code]).toEqual([409, 'confirm_non_adjacent']);
    expect(refused.json.error.messageTh).toContain('3 ปี');
    expect(await count('select count(*) n from fiscal_years where org_id = ? and be_year = 2570', home.orgId)).toBe(0);
    // An earlier year is no neighbour either.
    const backwards = await call('POST', '/api/fiscal-years/2567/rollover/commit', { cookie: cookie.admin, body: { toBeYear: 2566 } });
    expect([backwards.status, backwards.json.error.code]).toEqual([409, 'confirm_non_adjacent']);
    const done = await call('POST', '/api/fiscal-years/2567/rollover/commit', { cookie: cookie.admin, body: { toBeYear: 2570, confirmNonAdjacent: true } });
    expect(done.status, done.text).toBe(201);
    const far = await getBoard(cookie.admin!, 2570);
    const key = (b: BoardView, c: BoardView['cards'][number]) => `${b.measures.find((m) => m.id === c.measureId)!.number}.${c.stepNumber}`;
    const sourceDue = new Map(source.cards.map((c) => [key(source, c), c.dueOn]));
    for (const c of far.cards) {
      const was = sourceDue.get(key(far, c))!;
      expect(c.dueOn).toBe(`${Number(was.slice(0, 4)) + 3}${was.slice(4)}`);
      expect(c.dueOn! >= '2026-10-01' && c.dueOn! <= '2027-09-30').toBe(true);
    }
  });
});

describe('dates and titles', () => {
  it('moves a date by one calendar year, 29 February to 28 February', () => {
    expect(shiftOneYear('2024-06-28')).toBe('2025-06-28');
    expect(shiftOneYear('2024-02-29')).toBe('2025-02-28');
  });

  it('moves a date by several years, keeping 29 February when the target year has one', () => {
    expect(shiftYears('2024-06-28', 3)).toBe('2027-06-28');
    expect(shiftYears('2024-02-29', 4)).toBe('2028-02-29');
    expect(shiftYears('2024-02-29', 3)).toBe('2027-02-28');
    expect(shiftYears('2100-02-28', 0)).toBe('2100-02-28');
  });

  it('names the new year in the digits the title used', () => {
    expect(retitle('มาตรการ ประจำปีงบประมาณ พ.ศ. ๒๕๖๗', 2567, 2568)).toBe('มาตรการ ประจำปีงบประมาณ พ.ศ. ๒๕๖๘');
    expect(retitle('Measures 2567', 2567, 2568)).toBe('Measures 2568');
    expect(retitle('มาตรการ', 2567, 2568)).toBe('มาตรการ (ปีงบประมาณ พ.ศ. 2568)');
  });
});
