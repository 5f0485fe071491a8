// The roll-up's aggregates follow template adoption and accepted revisions (issue 19): adopting
// onto a new board and into the year's existing board, and accepting an added, a changed (its due
// date) and a removed step, each leave the stored aggregates equal to the SQL rebuild and to the
// event log replayed; the parent's roll-up shows the adopted offices' cells.
import { beforeAll, describe, expect, it } from 'vitest';
import { call, cookieFor, db, getBoard, seedOffice, withEvidence, type Demo } from './helpers';
import { createSession } from '../../worker/db/auth';
import { SESSION_COOKIE } from '../../worker/middleware/session';
import { placeUnder, seedParentBody } from '../../worker/seed/parent';
import { aggregatesOfLog, readYearAggregates, rebuildYearAggregates } from '../../worker/db/aggregates';
import { compareAggregates, totalOf, type AggregateCounts } from '../../worker/domain/aggregates';
import type { RollupView } from '../../worker/domain/contracts-rollup';
import { cards, measures } from '../../worker/db/schema';
import { eq } from 'drizzle-orm';

const HEAD = 'ที่\tมาตรการ\tขั้นตอน\tระยะเวลา\tผู้รับผิดชอบ\tการกำกับติดตาม';
const V1 = [
  HEAD,
  '1\tเปิดเผยข้อมูลสาธารณะ\t1. รวบรวมข้อมูล 2. เผยแพร่บนเว็บไซต์\tภายใน ธันวาคม 2569\tกลุ่มอำนวยการ\t1. รายงานผล',
  '2\tป้องกันผลประโยชน์ทับซ้อน\t1. จัดทำคู่มือ 2. อบรมบุคลากร 3. รายงานผู้บริหาร\tภายใน มีนาคม 2570\tกลุ่มบริหารงานบุคคล\t1. รายงานผล',
].join('\n');
// Measure 1's steps are due later (changed), measure 2 loses its third step (removed), measure 3 is new (added).
const V2 = [
  HEAD,
  '1\tเปิดเผยข้อมูลสาธารณะ\t1. รวบรวมข้อมูล 2. เผยแพร่บนเว็บไซต์\tภายใน มกราคม 2570\tกลุ่มอำนวยการ\t1. รายงานผล',
  '2\tป้องกันผลประโยชน์ทับซ้อน\t1. จัดทำคู่มือ 2. อบรมบุคลากร\tภายใน มีนาคม 2570\tกลุ่มบริหารงานบุคคล\t1. รายงานผล',
  '3\tรับฟังความคิดเห็น\t1. เปิดช่องทางรับฟัง\tภายใน มิถุนายน 2570\tกลุ่มนโยบายและแผน\t1. รายงานผล',
].join('\n');
const OWN = `${HEAD}\n1\tมาตรการของสำนักงานเอง\t1. ขั้นแรก 2. ขั้นสอง\tภายใน ธันวาคม 2569\tกลุ่มอำนวยการ\t1. รายงาน`;

let fresh: Demo;
let existing: Demo;
let parent: { orgId: string; userIds: Record<string, string> };
let templateId: string;
const as = async (email: string) => `${SESSION_COOKIE}=${await createSession(db(), parent.userIds[email]!, parent.orgId)}`;

/** Stored (incremental) == replayed from the log == rebuilt by SQL. */
async function expectConsistent(fiscalYearId: string): Promise<Map<string, AggregateCounts>> {
  const stored = await readYearAggregates(db(), fiscalYearId);
  const fromLog = await aggregatesOfLog(db(), fiscalYearId);
  expect(compareAggregates(stored, fromLog)).toEqual([]);
  await rebuildYearAggregates(db(), fiscalYearId);
  expect(compareAggregates(await readYearAggregates(db(), fiscalYearId), stored)).toEqual([]);
  return stored;
}

async function rollup(): Promise<RollupView> {
  const r = await call('GET', '/api/rollup/2570', { cookie: await as('oversight@agg-parent.test') });
  expect(r.status, r.text).toBe(200);
  return r.json as RollupView;
}

const fyOf = async (cookie: string) => (await call('GET', '/api/office/templates', { cookie })).json;

beforeAll(async () => {
  fresh = await seedOffice('agg-tpl-fresh', 'agg-fresh.local');
  existing = await seedOffice('agg-tpl-existing', 'agg-existing.local');
  parent = await seedParentBody(db(), {
    slug: 'agg-parent',
    nameTh: 'ต้นสังกัด (ทดสอบผลรวม)',
    nameEn: 'Parent (aggregates test)',
    accounts: [
      { email: 'admin@agg-parent.test', displayName: 'ผู้ดูแล', role: 'admin' },
      { email: 'oversight@agg-parent.test', displayName: 'ผู้กำกับ', role: 'oversight' },
    ],
  });
  await placeUnder(db(), parent.orgId, [{ orgId: fresh.orgId }, { orgId: existing.orgId }]);
  const imported = await call('POST', '/api/parent/templates/import', { cookie: await as('admin@agg-parent.test'), body: { beYear: 2570, title: 'มาตรการร่วม', text: V1 } });
  expect(imported.status, imported.text).toBe(201);
  templateId = imported.json.id;
  expect((await call('POST', `/api/parent/templates/${templateId}/publish`, { cookie: await as('admin@agg-parent.test') })).status).toBe(201);
});

describe('aggregates after template adoption and revisions', () => {
  it('an adoption onto a new board writes its aggregates: stored == SQL rebuild == log, and the roll-up shows the office', async () => {
    const admin = await cookieFor(fresh, 'admin');
    const adopted = await call('POST', `/api/office/templates/${templateId}/adopt`, { cookie: admin, body: {} });
    expect(adopted.status, adopted.text).toBe(201);
    expect(adopted.json.newBoard).toBe(true);
    const stored = await expectConsistent(adopted.json.fiscalYearId);
    expect([...stored.values()].map(totalOf).sort()).toEqual([2, 3]);
    const office = (await rollup()).offices.find((o) => o.id === fresh.orgId)!;
    expect(office.adopted).toBe(true);
    expect(office.cells.map((c) => c?.total)).toEqual([2, 3]);
    expect(office.sum.total).toBe(5);
  });

  it("an adoption into the year's existing board (with cards already moved) adds the template's measures to its aggregates", async () => {
    const admin = await cookieFor(existing, 'admin');
    const preview = await call('POST', '/api/import/preview', { cookie: admin, body: { beYear: 2570, text: OWN } });
    const own = await call('POST', '/api/import/commit', { cookie: admin, body: { beYear: 2570, text: OWN, choices: {}, token: preview.json.token, confirmYear: true, confirmOffice: true } });
    expect(own.status, own.text).toBe(201);
    // One of the office's own steps is done before the adoption: the counts must keep it.
    const board = await getBoard(admin, 2570);
    const done = board.columns.find((c) => c.category === 'done')!;
    await withEvidence(admin, [board.cards[0]!.id]);
    const moved = await call('POST', `/api/cards/${board.cards[0]!.id}/move`, { cookie: admin, body: { toColumnId: done.id, afterCardId: null, beforeCardId: null, version: board.cards[0]!.version } });
    expect(moved.status, moved.text).toBe(200);
    const adopted = await call('POST', `/api/office/templates/${templateId}/adopt`, { cookie: admin, body: {} });
    expect(adopted.status, adopted.text).toBe(201);
    expect(adopted.json).toMatchObject({ newBoard: false, fiscalYearId: own.json.fiscalYearId });
    const stored = await expectConsistent(own.json.fiscalYearId);
    expect(stored.size).toBe(3);
    expect([...stored.values()].reduce((n, a) => n + a.done, 0)).toBe(1);
    expect([...stored.values()].reduce((n, a) => n + a.evidence, 0)).toBe(1);
    const office = (await rollup()).offices.find((o) => o.id === existing.orgId)!;
    expect(office.adopted).toBe(true);
    expect(office.cells.map((c) => c?.total)).toEqual([2, 3]);
    expect(office.sum.done).toBe(0);
  });

  it('accepting an added, a changed (due later) and a removed step keeps stored == SQL rebuild == log; the roll-up gains the new measure', async () => {
    const parentAdmin = await as('admin@agg-parent.test');
    expect((await call('POST', '/api/parent/templates/import', { cookie: parentAdmin, body: { beYear: 2570, text: V2 } })).status).toBe(201);
    expect((await call('POST', `/api/parent/templates/${templateId}/publish`, { cookie: parentAdmin })).json.version).toBe(2);
    for (const office of [fresh, existing]) {
      const admin = await cookieFor(office, 'admin');
      const detail = await call('GET', `/api/office/templates/${templateId}`, { cookie: admin });
      const changes = detail.json.changes as { itemId: string; change: string }[];
      expect(changes.map((c) => c.change).sort()).toEqual(['added', 'changed', 'changed', 'removed']);
      const fyId = detail.json.adoption.fiscalYearId as string;
      const before = await readYearAggregates(db(), fyId);
      const r = await call('POST', `/api/office/templates/${templateId}/changes`, { cookie: admin, body: { decisions: changes.map((c) => ({ itemId: c.itemId, decision: 'accepted' })) } });
      expect(r.status, r.text).toBe(200);
      expect(r.json).toMatchObject({ added: 1, changed: 2, unlinked: 1, remaining: 0 });
      const after = await expectConsistent(fyId);
      // The changed steps moved their due date: the counts by due date moved with them.
      const dues = (m: Map<string, AggregateCounts>) => [...m.values()].flatMap((a) => Object.keys(a.due)).sort();
      expect(dues(after)).not.toEqual(dues(before));
      expect(dues(after)).toContain('2027-01-31');
      expect(after.size).toBe(before.size + 1);
      // The unlinked card's event replays (its version advanced): the board still equals its log.
      const chain = await call('GET', '/api/admin/chain/2570', { cookie: admin });
      expect(chain.json.board, JSON.stringify(chain.json.board)).toMatchObject({ ok: true, differences: [] });
    }
    const view = await rollup();
    expect(view.measures).toHaveLength(3);
    for (const office of [fresh, existing]) {
      const row = view.offices.find((o) => o.id === office.orgId)!;
      expect(row.cells[2]).toMatchObject({ total: 1, done: 0 });
    }
    expect(view.totals.measures[2]!.total).toBe(2);
    expect(await fyOf(await cookieFor(fresh, 'admin'))).toMatchObject({ templates: [{ adoptedVersion: 2, pending: 0 }] });
  });
});

// Like with like (issue 19): in a measure adopted from a template, the aggregates count only the
// cards linked to a template step. An office that accepted a step's removal no longer has the step
// in the template's sense (its card stays on its board, unlinked, and counts nowhere in the
// roll-up); an office that declined still has it linked and counted.
describe('the roll-up compares like with like after a removed step', () => {
  let officeA: Demo;
  let officeB: Demo;
  let other: { orgId: string; userIds: Record<string, string> };
  let otherTemplate: string;
  const asOther = async (email: string) => `${SESSION_COOKIE}=${await createSession(db(), other.userIds[email]!, other.orgId)}`;
  const otherRollup = async (): Promise<RollupView> => {
    const r = await call('GET', '/api/rollup/2570', { cookie: await asOther('oversight@like-parent.test') });
    expect(r.status, r.text).toBe(200);
    return r.json as RollupView;
  };
  /** The office's card of measure 2's third step (the one V2 removes). */
  const thirdStep = async (admin: string) => (await getBoard(admin, 2570)).cards.find((c) => c.stepNumber === 3)!;
  const fyIds: Record<string, string> = {};

  beforeAll(async () => {
    officeA = await seedOffice('like-a', 'like-a.local');
    officeB = await seedOffice('like-b', 'like-b.local');
    other = await seedParentBody(db(), {
      slug: 'like-parent',
      nameTh: 'ต้นสังกัด (ทดสอบเทียบเท่ากัน)',
      nameEn: 'Parent (like with like test)',
      accounts: [
        { email: 'admin@like-parent.test', displayName: 'ผู้ดูแล', role: 'admin' },
        { email: 'oversight@like-parent.test', displayName: 'ผู้กำกับ', role: 'oversight' },
      ],
    });
    await placeUnder(db(), other.orgId, [{ orgId: officeA.orgId }, { orgId: officeB.orgId }]);
    const parentAdmin = await asOther('admin@like-parent.test');
    const imported = await call('POST', '/api/parent/templates/import', { cookie: parentAdmin, body: { beYear: 2570, title: 'มาตรการร่วม', text: V1 } });
    expect(imported.status, imported.text).toBe(201);
    otherTemplate = imported.json.id;
    expect((await call('POST', `/api/parent/templates/${otherTemplate}/publish`, { cookie: parentAdmin })).status).toBe(201);
    for (const [name, office] of [['A', officeA], ['B', officeB]] as const) {
      const admin = await cookieFor(office, 'admin');
      const adopted = await call('POST', `/api/office/templates/${otherTemplate}/adopt`, { cookie: admin, body: {} });
      expect(adopted.status, adopted.text).toBe(201);
      fyIds[name] = adopted.json.fiscalYearId;
      // The step V2 removes carries evidence in both offices.
      await withEvidence(admin, [(await thirdStep(admin)).id]);
    }
    expect((await call('POST', '/api/parent/templates/import', { cookie: parentAdmin, body: { beYear: 2570, text: V2 } })).status).toBe(201);
    expect((await call('POST', `/api/parent/templates/${otherTemplate}/publish`, { cookie: parentAdmin })).json.version).toBe(2);
    // A accepts every difference; B declines the removal and accepts the rest.
    for (const [office, declineRemoval] of [[officeA, false], [officeB, true]] as const) {
      const admin = await cookieFor(office, 'admin');
      const changes = (await call('GET', `/api/office/templates/${otherTemplate}`, { cookie: admin })).json.changes as { itemId: string; change: string }[];
      const decisions = changes.map((c) => ({ itemId: c.itemId, decision: declineRemoval && c.change === 'removed' ? 'declined' : 'accepted' }));
      const r = await call('POST', `/api/office/templates/${otherTemplate}/changes`, { cookie: admin, body: { decisions } });
      expect(r.status, r.text).toBe(200);
      expect(r.json).toMatchObject({ added: 1, changed: 2, unlinked: declineRemoval ? 0 : 1, remaining: 0 });
    }
  });

  it("A (accepted the removal) counts the template's new steps, B (declined) the old ones; evidence follows the same cards", async () => {
    const a = await expectConsistent(fyIds.A!);
    const b = await expectConsistent(fyIds.B!);
    const total = (m: Map<string, AggregateCounts>) => [...m.values()].reduce((n, x) => n + totalOf(x), 0);
    expect(total(a)).toBe(total(b) - 1);
    const evidence = (m: Map<string, AggregateCounts>) => [...m.values()].reduce((n, x) => n + x.evidence, 0);
    expect([evidence(a), evidence(b)]).toEqual([0, 1]);
    const view = await otherRollup();
    const row = (office: Demo) => view.offices.find((o) => o.id === office.orgId)!;
    expect(row(officeA).cells.map((c) => c?.total)).toEqual([2, 2, 1]);
    expect(row(officeB).cells.map((c) => c?.total)).toEqual([2, 3, 1]);
    expect(row(officeA).cells.map((c) => c?.evidence)).toEqual([0, 0, 0]);
    expect(row(officeB).cells.map((c) => c?.evidence)).toEqual([0, 1, 0]);
    expect(view.totals.measures[1]!.total).toBe(5);
    // The unlinked card stays on A's board, with its evidence: nothing is lost.
    const card = await thirdStep(await cookieFor(officeA, 'admin'));
    expect(card).toBeDefined();
  });

  it("moving A's unlinked card or changing its evidence leaves A's aggregates as they were; B's linked card still counts", async () => {
    const adminA = await cookieFor(officeA, 'admin');
    const before = await readYearAggregates(db(), fyIds.A!);
    const board = await getBoard(adminA, 2570);
    const done = board.columns.find((c) => c.category === 'done')!;
    const card = board.cards.find((c) => c.stepNumber === 3)!;
    const moved = await call('POST', `/api/cards/${card.id}/move`, { cookie: adminA, body: { toColumnId: done.id, afterCardId: null, beforeCardId: null, version: card.version } });
    expect(moved.status, moved.text).toBe(200);
    await withEvidence(adminA, [card.id]);
    expect(compareAggregates(await readYearAggregates(db(), fyIds.A!), before)).toEqual([]);
    expect(compareAggregates(await expectConsistent(fyIds.A!), before)).toEqual([]);

    const adminB = await cookieFor(officeB, 'admin');
    const boardB = await getBoard(adminB, 2570);
    const cardB = boardB.cards.find((c) => c.stepNumber === 3)!;
    const doneB = boardB.columns.find((c) => c.category === 'done')!;
    const movedB = await call('POST', `/api/cards/${cardB.id}/move`, { cookie: adminB, body: { toColumnId: doneB.id, afterCardId: null, beforeCardId: null, version: cardB.version } });
    expect(movedB.status, movedB.text).toBe(200);
    const b = await expectConsistent(fyIds.B!);
    expect([...b.values()].reduce((n, x) => n + x.done, 0)).toBe(1);
    const view = await otherRollup();
    expect(view.offices.find((o) => o.id === officeA.orgId)!.cells[1]).toMatchObject({ total: 2, done: 0, evidence: 0 });
    expect(view.offices.find((o) => o.id === officeB.orgId)!.cells[1]).toMatchObject({ total: 3, done: 1, evidence: 1 });
  });

  it("a rollover of A's adopted board makes the next year's measures the office's own: every card counts there", async () => {
    const adminA = await cookieFor(officeA, 'admin');
    const r = await call('POST', '/api/fiscal-years/2570/rollover/commit', { cookie: adminA, body: { toBeYear: 2571 } });
    expect(r.status, r.text).toBe(201);
    const next = await expectConsistent(r.json.fiscalYearId);
    const cardsNext = await db().select({ id: cards.id }).from(cards).where(eq(cards.fiscalYearId, r.json.fiscalYearId));
    // Every copied card, the unlinked one included, counts: no template was adopted for 2571.
    expect([...next.values()].reduce((n, x) => n + totalOf(x), 0)).toBe(cardsNext.length);
    expect(cardsNext.length).toBe(6);
    const ms = await db().select({ t: measures.templateMeasureId }).from(measures).where(eq(measures.fiscalYearId, r.json.fiscalYearId));
    expect(ms.map((m) => m.t)).toEqual([null, null, null]);
  });
});
