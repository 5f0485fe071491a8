// A parent body's roll-up (issue 19): who may read it (the parent's oversight and administrators;
// never an office, sibling or child), what it answers (every descendant office × template measure,
// totals, most behind, CSV), overdue counted with time and no write, aggregates equal to the log
// in a generated parent body, and the daily snapshots behind the trend.
import { beforeAll, describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { call, db } from './helpers';
import { createSession } from '../../worker/db/auth';
import { SESSION_COOKIE } from '../../worker/middleware/session';
import { seedParentBody } from '../../worker/seed/parent-body';
import { aggregatesOfLog, readYearAggregates } from '../../worker/db/aggregates';
import { compareAggregates } from '../../worker/domain/aggregates';
import { readRollupRows, takeSnapshots } from '../../worker/db/rollup';
import { computeRollup } from '../../worker/domain/rollup';
import type { RollupView } from '../../worker/domain/contracts-rollup';

type Body = Awaited<ReturnType<typeof seedParentBody>>;
const cookie = async (userId: string, orgId: string) => `${SESSION_COOKIE}=${await createSession(db(), userId, orgId)}`;

let a: Body;
let b: Body;
beforeAll(async () => {
  // 12 steps: steps 11 and 12 carry evidence without an OIT code (the generator's log must say so too).
  a = await seedParentBody(db(), { offices: 6, measures: 3, steps: 12, eventsPerCard: 6, beYear: 2570, officeAdmins: 2 });
  b = await seedParentBody(db(), { offices: 2, measures: 2, steps: 4, eventsPerCard: 3, beYear: 2570 });
});

describe('the roll-up', () => {
  it("answers the parent's oversight users and administrators: every descendant office × every template measure, with totals", async () => {
    for (const user of [a.oversight, a.admin]) {
      const r = await call('GET', '/api/rollup/2570', { cookie: await cookie(user.id, a.parentId) });
      expect(r.status).toBe(200);
      const view = r.json as RollupView;
      expect(view.offices.map((o) => o.id).sort()).toEqual([...a.officeIds].sort());
      expect(view.measures).toHaveLength(3);
      expect(view.attributeKeys).toEqual(['region', 'size']);
      for (const o of view.offices) {
        expect(o.cells).toHaveLength(3);
        expect(o.sum.total).toBe(12);
        expect(o.oit.items).toBe(10);
      }
      expect(view.totals.total).toBe(6 * 12);
      expect(view.totals.done).toBe(view.offices.reduce((n, o) => n + o.sum.done, 0));
      expect(view.totals.evidence).toBe(72);
      // Worst first: most steps due by today and not done.
      const behind = view.mostBehind.map((m) => m.behind);
      expect(behind).toEqual([...behind].sort((x, y) => y - x));
    }
  });

  it('is refused to an office (a sibling or child of the parent\'s offices), and shows another parent nothing of this one', async () => {
    const office = a.officeAdmins[0]!;
    const refused = await call('GET', '/api/rollup/2570', { cookie: await cookie(office.id, office.orgId) });
    expect(refused.status).toBe(403);
    expect(refused.json.error.messageTh).toBeTruthy();
    expect((await call('GET', '/api/rollup/2570/trend', { cookie: await cookie(office.id, office.orgId) })).status).toBe(403);
    expect((await call('GET', '/api/rollup/2570?format=csv', { cookie: await cookie(office.id, office.orgId) })).status).toBe(403);
    const other = (await call('GET', '/api/rollup/2570', { cookie: await cookie(b.oversight.id, b.parentId) })).json as RollupView;
    expect(other.offices.map((o) => o.id).sort()).toEqual([...b.officeIds].sort());
    expect(other.offices.some((o) => a.officeIds.includes(o.id))).toBe(false);
    expect((await call('GET', '/api/rollup/2570')).status).toBe(401);
  });

  it('exports CSV: a row per office and measure and one for all of them, in Thai or English', async () => {
    const c = await cookie(a.oversight.id, a.parentId);
    const th = await call('GET', '/api/rollup/2570?format=csv', { cookie: c });
    expect(th.status).toBe(200);
    expect(th.headers.get('content-type')).toContain('text/csv');
    const lines = th.text.trim().split('\r\n');
    expect(lines[0]).toContain('หน่วยงาน');
    expect(lines).toHaveLength(1 + 6 * (3 + 1));
    const en = await call('GET', '/api/rollup/2570?format=csv&lang=en', { cookie: c });
    expect(en.text).toContain('Office,Office code,region,size,Measure');
    expect((await call('GET', '/api/rollup/2570?format=xml', { cookie: c })).status).toBe(400);
  });

  it('counts overdue with time: the same rows a month later show more overdue steps, with nothing written', async () => {
    const rows = await readRollupRows(env.DB, a.parentId, 2570);
    const at = (today: string) => computeRollup({ ...rows, parent: rows.parent!, beYear: 2570, today }).totals;
    const early = at('2026-10-10');
    const later = at('2026-12-31');
    expect(early.overdue).toBe(0);
    expect(later.overdue).toBeGreaterThan(0);
    expect(later.behind).toBeGreaterThanOrEqual(later.overdue);
    expect(later.done).toBe(early.done);
  });

  it('reads the aggregates that the generated log replays to, for every office', async () => {
    for (const id of a.officeIds) {
      const fy = `${id}-fy`;
      expect(compareAggregates(await readYearAggregates(db(), fy), await aggregatesOfLog(db(), fy))).toEqual([]);
    }
  });

  it('keeps a daily snapshot per office (a second run the same day replaces it) and answers the trend', async () => {
    expect(await takeSnapshots(db(), '2026-11-29')).toBeGreaterThanOrEqual(8);
    await takeSnapshots(db(), '2026-11-30');
    await takeSnapshots(db(), '2026-11-30');
    const r = await call('GET', '/api/rollup/2570/trend', { cookie: await cookie(a.oversight.id, a.parentId) });
    expect(r.status).toBe(200);
    expect(r.json.points.map((p: { day: string }) => p.day)).toEqual(['2026-11-29', '2026-11-30']);
    expect(r.json.points[1].total).toBe(72);
  });
});
