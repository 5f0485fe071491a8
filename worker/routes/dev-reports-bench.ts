// Local development only: answers 404 unless DEMO_SEED is "1" (`npm start`, the benchmarks), and
// needs an administrator's session besides.
// - /seed and /run: tests/bench/reports.bench.mjs seeds a large synthetic board in an office of its
//   own (with an administrator account, the demo password), signs in as that administrator, then
//   times compiling a report of the signed-in office against a plain scan of the same rows,
//   counting the rows D1 reads. No office id is taken from the request.
import { Hono } from 'hono';
import { and, eq, gte, sql } from 'drizzle-orm';
import { createDb, type Db } from '../db/client';
import { meteredD1, newMeter } from '../db/metered';
import { compileReport } from '../cron/report-job';
import { findBoardYear, findOrganisation } from '../db/reports';
import { boardColumns, cardEvents, cards, fiscalYears, groups, measures, memberships, organisations, users } from '../db/schema';
import { hashPassword } from '../domain/password';
import { DEMO_PASSWORD } from '../seed/demo-password';
import { adminOf } from '../middleware/authorize';
import { AppError } from '../domain/errors';
import { fiscalYearBounds } from '../domain/fiscal-year';
import { parsePeriodKey } from '../domain/report-period';
import { valid } from '../middleware/validate';
import type { AppEnv } from '../env';
import { reportsBenchRunQuery, reportsBenchSeedBody } from '../domain/schemas/dev';

const BENCH_YEAR = 2567;

/** D1 binds every JS number as REAL; in SQLite `i % 50.0` is 7.0, not 7, so ids would not match. */
const int = (n: number) => sql`cast(${n} as integer)`;

/** Drizzle over a D1 handle that counts rows read (db/metered.ts). */
function countingDb(d1: D1Database): { db: Db; rowsRead: () => number } {
  const meter = newMeter();
  return { db: createDb(meteredD1(d1, meter)), rowsRead: () => meter.rowsRead };
}


export const devReportsBenchRoutes = new Hono<AppEnv>()
  .use(async (c, next) => {
    if (c.env.DEMO_SEED !== '1') throw new AppError(404, 'not_found', 'ไม่พบหน้าที่ขอ', 'Not found');
    adminOf(c);
    await next();
  })
  .post('/seed', valid('json', reportsBenchSeedBody), async (c) => {
    const { cards: cardCount, events: eventCount, measures: measureCount } = c.req.valid('json');
    const db = c.get('db');
    const p = crypto.randomUUID().slice(0, 8); // id prefix: several benches can share a database
    const orgId = `${p}-org`;
    const fyId = `${p}-fy`;
    const { startsOn, endsOn } = fiscalYearBounds(BENCH_YEAR);
    const yearStart = Date.parse(`${startsOn}T00:00:00+07:00`);
    const step = Math.floor((Date.parse(`${endsOn}T23:59:59+07:00`) - yearStart) / Math.max(1, eventCount));
    const categories = ['todo', 'doing', 'review', 'done'] as const;
    await db.batch([
      db.insert(organisations).values({ id: orgId, slug: `bench-${p}`, nameTh: 'สำนักงานทดสอบสมรรถนะ', nameEn: 'Benchmark office', settings: {} }),
      db.insert(fiscalYears).values({ id: fyId, orgId, beYear: BENCH_YEAR, startsOn, endsOn, titleTh: 'ปีงบประมาณทดสอบ' }),
      db.insert(boardColumns).values(categories.map((category, i) => ({ id: `${p}-col${i}`, orgId, fiscalYearId: fyId, key: category, labelTh: category, labelEn: category, category, position: i }))),
      db.insert(groups).values(Array.from({ length: 8 }, (_, i) => ({ id: `${p}-g${i}`, orgId, nameTh: `กลุ่ม ${i}`, position: i }))),
      db.insert(users).values({ id: `${p}-admin`, email: `admin@${p}.bench.local`, displayName: 'ผู้ดูแลสำนักงานทดสอบ', passwordHash: await hashPassword(DEMO_PASSWORD) }),
      db.insert(memberships).values({ orgId, userId: `${p}-admin`, role: 'admin', groupId: null }),
    ]);
    for (let from = 0; from < measureCount; from += 9) {
      const rows = Array.from({ length: Math.min(9, measureCount - from) }, (_, k) => from + k).map((i) => ({ id: `${p}-m${i}`, orgId, fiscalYearId: fyId, number: i + 1, title: `มาตรการทดสอบ ${i + 1}`, leadGroupId: `${p}-g${i % 8}` }));
      await db.insert(measures).values(rows);
    }
    // Rows generated inside SQLite: 10,000 cards and 100,000 events in two statements.
    await db.run(sql`
      insert into ${cards} (id, org_id, fiscal_year_id, measure_id, step_number, title, details, lead_group_id, all_groups, group_ids, checklist, column_id, order_key, due_on, version, created_at, updated_at)
      with recursive n(i) as (select 0 union all select i + 1 from n where i < ${int(cardCount - 1)})
      select ${p} || '-c' || i, ${orgId}, ${fyId}, ${p} || '-m' || (i % ${int(measureCount)}), cast(i / ${int(measureCount)} as integer) + 1, 'ขั้นตอนทดสอบ ' || i, '',
        ${p} || '-g' || (i % 8), 0, '[]', '[]', ${p} || '-col' || (i % 4), printf('a%08d', i), date(${startsOn}, '+' || (i % 365) || ' days'), 1, ${int(yearStart)}, ${int(yearStart)}
      from n`);
    if (eventCount > 0) {
      await db.run(sql`
        insert into ${cardEvents} (id, org_id, fiscal_year_id, seq, card_id, actor_user_id, kind, before, after, at, prev_hash, hash)
        with recursive n(i) as (select 1 union all select i + 1 from n where i < ${int(eventCount)})
        select ${p} || '-e' || i, ${orgId}, ${fyId}, i, ${p} || '-c' || (i % ${int(cardCount)}), null,
          case when i % 10 < 7 then 'card.moved' when i % 10 < 9 then 'card.edited' else 'evidence.added' end,
          case when i % 10 < 7 then json_object('columnId', ${p} || '-col' || ((i + 3) % 4)) when i % 10 < 9 then json_object('dueOn', '2024-01-15') else null end,
          case when i % 10 < 7 then json_object('columnId', ${p} || '-col' || (i % 4)) when i % 10 < 9 then json_object('dueOn', '2024-02-15')
               else json_object('evidenceId', ${p} || '-ev' || i, 'url', 'https://example.go.th/evidence/' || i, 'note', 'หลักฐานทดสอบ', 'oitCode', 'O1') end,
          ${int(yearStart)} + i * ${int(step)}, printf('%064d', i - 1), printf('%064d', i)
        from n`);
    }
    return c.json({ adminEmail: `admin@${p}.bench.local`, password: DEMO_PASSWORD, cards: cardCount, events: eventCount, measures: measureCount });
  })
  .get('/run', valid('query', reportsBenchRunQuery), async (c) => {
    const q = c.req.valid('query');
    const plain = c.get('db');
    const orgId = adminOf(c).orgId;
    const [org, fy] = await Promise.all([findOrganisation(plain, orgId), findBoardYear(plain, orgId, BENCH_YEAR)]);
    const period = parsePeriodKey(q.kind, q.periodKey);
    if (!org || !fy || !period) throw new AppError(404, 'not_found', 'ไม่พบข้อมูลทดสอบ', 'No such bench office or period');
    const { db, rowsRead } = countingDb(c.env.DB);
    if (q.mode === 'scan') {
      // The same rows the compile reads (the board's cards, the events since the period began),
      // the same columns, and nothing done with them.
      const [cs, es] = await db.batch([
        db.select({ id: cards.id, measureId: cards.measureId, stepNumber: cards.stepNumber, title: cards.title, columnId: cards.columnId, dueOn: cards.dueOn, leadGroupId: cards.leadGroupId, groupIds: cards.groupIds, allGroups: cards.allGroups }).from(cards).where(and(eq(cards.orgId, org.id), eq(cards.fiscalYearId, fy.id))),
        db.select({ seq: cardEvents.seq, cardId: cardEvents.cardId, actorUserId: cardEvents.actorUserId, kind: cardEvents.kind, before: cardEvents.before, after: cardEvents.after, at: cardEvents.at }).from(cardEvents).where(and(eq(cardEvents.fiscalYearId, fy.id), eq(cardEvents.orgId, org.id), gte(cardEvents.at, period.start))),
      ]);
      return c.json({ mode: q.mode, rowsRead: rowsRead(), cards: cs.length, events: es.length });
    }
    const content = await compileReport(db, org, fy, q.kind, period, Date.now());
    return c.json({
      mode: q.mode,
      rowsRead: rowsRead(),
      cards: content.totals.total,
      moves: content.moves.length + content.omitted.moves,
      overdue: content.overdueCount,
      evidence: content.evidence.length + content.omitted.evidence,
      contentBytes: JSON.stringify(content).length,
    });
  });
