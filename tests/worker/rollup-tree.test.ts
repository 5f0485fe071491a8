// The roll-up reads its offices' aggregate rows by their denormalised parent body
// (measure_aggregates.parent_id: one index range per parent body, no walk over every office). Its
// rows must equal what the tree itself says, after a sub-parent body joins (its offices count), an
// office leaves and joins again (the roll-up equals the one before), and after migration 0015's
// backfill; the aggregates statement reads one row per row it returns, plus one per parent body.
import { beforeAll, describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { call, db } from './helpers';
import { createSession } from '../../worker/db/auth';
import { SESSION_COOKIE } from '../../worker/middleware/session';
import { seedParentBody } from '../../worker/seed/parent-body';
import { readRollupRows, ROLLUP_SQL, rollupStatements, type RollupRows } from '../../worker/db/rollup';
import { computeRollup } from '../../worker/domain/rollup';

type Body = Awaited<ReturnType<typeof seedParentBody>>;
const BE = 2570;
const cookie = async (userId: string, orgId: string) => `${SESSION_COOKIE}=${await createSession(db(), userId, orgId)}`;

/** What the tree says, read the slow way: every organisation walked, aggregates joined by office. */
async function reference(parentId: string) {
  const { results } = await env.DB.prepare(
    `with recursive tree(id, kind) as (
       select id, kind from organisations where parent_id = ?1
       union select o.id, o.kind from organisations o join tree on o.parent_id = tree.id where tree.kind = 'parent')
     select tree.id office, a.measure_id, a.todo, a.done, a.due, a.evidence from tree left join measure_aggregates a on a.org_id = tree.id and a.be_year = ?2
     where tree.kind = 'office' order by tree.id, a.measure_id`,
  )
    .bind(parentId, BE)
    .all<{ office: string; measure_id: string | null; todo: number; done: number; due: string; evidence: number }>();
  return {
    offices: [...new Set(results.map((r) => r.office))].sort(),
    rows: results.filter((r) => r.measure_id !== null).map((r) => `${r.office} ${r.todo} ${r.done} ${r.due} ${r.evidence}`).sort(),
  };
}

/** The roll-up's rows as read (offices, aggregate rows), in the reference's shape. */
const shape = (rows: RollupRows) => ({
  offices: rows.offices.map((o) => o.id).sort(),
  rows: rows.rows.map((r) => `${r.orgId} ${r.todo} ${r.done} ${JSON.stringify(r.due)} ${r.evidence}`).sort(),
});

async function expectAsTree(parentId: string): Promise<RollupRows> {
  const rows = await readRollupRows(env.DB, parentId, BE);
  const want = await reference(parentId);
  // The stored due map's JSON is the same text the reader parses.
  expect(shape(rows).offices).toEqual(want.offices);
  expect(shape(rows).rows).toEqual(want.rows.map((r) => r.replace(/ (\{.*\}) /, (_, j: string) => ` ${JSON.stringify(JSON.parse(j))} `)));
  return rows;
}

const view = (rows: RollupRows) => computeRollup({ ...rows, parent: rows.parent!, beYear: BE, today: '2026-11-30' });

let top: Body;
let sub: Body;
beforeAll(async () => {
  top = await seedParentBody(db(), { offices: 3, measures: 3, steps: 6, eventsPerCard: 3, beYear: BE, officeAdmins: 3 });
  sub = await seedParentBody(db(), { offices: 2, measures: 3, steps: 6, eventsPerCard: 3, beYear: BE, officeAdmins: 2 });
});

describe('the roll-up by denormalised parent', () => {
  it("reads exactly the tree's offices and rows, one range per parent body", async () => {
    const rows = await expectAsTree(top.parentId);
    expect(rows.offices).toHaveLength(3);
    expect(rows.rows).toHaveLength(9);
    const results = await env.DB.batch(rollupStatements(env.DB, top.parentId, BE));
    const aggregates = results[3]!;
    expect(aggregates.results).toHaveLength(9);
    // Rows read: the rows returned and a few for the walk over the one parent body, whatever the
    // number of offices (no probe per office, no index entry past each office's rows).
    expect(aggregates.meta.rows_read).toBeLessThanOrEqual(9 + 3);
    expect(results[2]!.meta.rows_read).toBeLessThanOrEqual(3 + 3);
    // And through the indexes, whatever SQLite's statistics: no scan of offices or aggregate rows.
    for (const [q, ...args] of [[ROLLUP_SQL.offices, top.parentId], [ROLLUP_SQL.aggregates, top.parentId, BE]] as const) {
      const plan = await env.DB.prepare(`explain query plan ${q}`).bind(...args).all<{ detail: string }>();
      expect(plan.results.map((r) => r.detail).filter((d) => /^SCAN (organisations|measure_aggregates|o|a)\b/.test(d))).toEqual([]);
    }
  });

  it("counts a sub-parent's offices once it joins, through the invitation its administrator accepts", async () => {
    const slug = (await env.DB.prepare('select slug from organisations where id = ?').bind(sub.parentId).first<{ slug: string }>())!.slug;
    const inv = await call('POST', '/api/parent/invitations', { cookie: await cookie(top.admin.id, top.parentId), body: { slug } });
    expect(inv.status, inv.text).toBe(201);
    const accepted = await call('POST', `/api/office/invitations/${inv.json.invitation.id}/accept`, { cookie: await cookie(sub.admin.id, sub.parentId) });
    expect(accepted.status, accepted.text).toBe(200);
    const rows = await expectAsTree(top.parentId);
    expect(rows.offices.map((o) => o.id).sort()).toEqual([...top.officeIds, ...sub.officeIds].sort());
    // Their aggregate rows still name their own parent body: the sub-parent's range is read.
    expect(rows.rows.filter((r) => sub.officeIds.includes(r.orgId))).toHaveLength(6);
    await expectAsTree(sub.parentId);
    // The roll-up over HTTP shows them too.
    const r = await call('GET', `/api/rollup/${BE}`, { cookie: await cookie(top.oversight.id, top.parentId) });
    expect(r.status).toBe(200);
    expect(r.json.offices.map((o: { id: string }) => o.id).sort()).toEqual([...top.officeIds, ...sub.officeIds].sort());
  });

  it('drops an office that leaves and shows it again when it joins again: the roll-up equals the one before', async () => {
    const before = view(await expectAsTree(top.parentId));
    const office = top.officeAdmins[0]!;
    const officeCookie = await cookie(office.id, office.orgId);
    expect((await call('POST', '/api/office/parent/leave', { cookie: officeCookie })).status).toBe(204);
    const parentOf = () => env.DB.prepare('select distinct parent_id p from measure_aggregates where org_id = ?').bind(office.orgId).all<{ p: string | null }>();
    expect((await parentOf()).results).toEqual([{ p: null }]);
    const without = await expectAsTree(top.parentId);
    expect(without.offices.some((o) => o.id === office.orgId)).toBe(false);
    expect(without.rows.some((r) => r.orgId === office.orgId)).toBe(false);
    const inv = await call('POST', '/api/parent/invitations', { cookie: await cookie(top.admin.id, top.parentId), body: { slug: `office-${top.parentId.slice(0, 8)}-0` } });
    expect(inv.status, inv.text).toBe(201);
    expect((await call('POST', `/api/office/invitations/${inv.json.invitation.id}/accept`, { cookie: officeCookie })).status).toBe(200);
    expect((await parentOf()).results).toEqual([{ p: top.parentId }]);
    const after = view(await expectAsTree(top.parentId));
    // Leaving cleared the parent's attributes on it (tree.ts leaveParent): compare the rest.
    const strip = (v: typeof before) => ({ ...v, attributeKeys: [], offices: v.offices.map((o) => ({ ...o, attributes: {} })) });
    expect(strip(after)).toEqual(strip(before));
  });

  it("drops a sub-parent's office that leaves it from both roll-ups", async () => {
    const office = sub.officeAdmins[1]!;
    expect((await call('POST', '/api/office/parent/leave', { cookie: await cookie(office.id, office.orgId) })).status).toBe(204);
    for (const parentId of [top.parentId, sub.parentId]) {
      const rows = await expectAsTree(parentId);
      expect(rows.offices.some((o) => o.id === office.orgId)).toBe(false);
    }
  });

  it("migration 0015's backfill gives every row its office's parent body", async () => {
    const before = shape(await readRollupRows(env.DB, top.parentId, BE));
    await env.DB.prepare('update measure_aggregates set parent_id = null').run();
    expect(shape(await readRollupRows(env.DB, top.parentId, BE)).rows).toEqual([]);
    const migration = env.TEST_MIGRATIONS.find((m) => m.name.startsWith('0015_'))!;
    const backfill = migration.queries.filter((q) => /^\s*(--[^\n]*\n\s*)*UPDATE/i.test(q));
    expect(backfill).toHaveLength(1);
    await env.DB.prepare(backfill[0]!).run();
    expect(shape(await expectAsTree(top.parentId))).toEqual(before);
  });
});
