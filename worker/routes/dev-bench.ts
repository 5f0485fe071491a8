// Local benchmarking only (tests/bench/board.bench.mjs): these routes answer 404 unless DEMO_SEED
// is "1", exactly like routes/dev.ts, and need an administrator's session besides.
//
// How the board request is measured against raw D1 (design):
// - GET /bench/board/:beYear runs the board's own loader (db/board.ts loadBoard, the code behind
//   GET /api/boards/:beYear) and serialises its answer, on a D1 handle that counts
//   meta.rows_read of every statement (db/metered.ts).
// - GET /bench/raw/:beYear runs the same SELECTs as plain D1 statements (no ORM, no mapping, no
//   sorting, no permission checks) and serialises the rows: the floor the loader is compared with.
// Both time themselves inside the worker and report rows read and rows returned. The session
// lookup (the middleware) is outside both timings; the bench script also times the real HTTP
// GET /api/boards/:beYear from outside, where the session lookup is included.
import { Hono } from 'hono';
import type { BatchItem } from 'drizzle-orm/batch';
import { valid } from '../middleware/validate';
import { adminOf } from '../middleware/authorize';
import { actorOf } from '../middleware/session';
import { createDb, type Db } from '../db/client';
import { meteredD1, newMeter } from '../db/metered';
import { loadBoard } from '../db/board';
import { chainEvents, type NewEvent } from '../db/events';
import { DEFAULT_COLUMNS, chunk, rowsPerInsert } from '../db/import';
import { boardColumns, cardEvents, cards, fiscalYears, groups, measures } from '../db/schema';
import { and, eq } from 'drizzle-orm';
import { AppError, forbidden } from '../domain/errors';
import { accessOf, canAdminister, type Actor } from '../domain/policy';
import { fiscalYearBounds } from '../domain/fiscal-year';
import { keysAfter } from '../domain/ordering';
import { GENESIS_HASH } from '../domain/event-chain';
import type { AppEnv } from '../env';
import { beYearParam } from '../domain/params';
import { benchBoardBody } from '../domain/schemas/dev';


function requireAdmin(actor: Actor): Actor {
  if (!canAdminister(actor, actor.orgId)) throw forbidden();
  return actor;
}

/** The plain SELECTs behind the board, as the loader sends them: one batch of five. */
async function rawBoardRead(d1: D1Database, orgId: string, beYear: number) {
  const year = '(select id from fiscal_years where org_id = ?1 and be_year = ?2)';
  const results = await d1.batch<Record<string, unknown>>([
    d1.prepare('select * from fiscal_years where org_id = ?1 and be_year = ?2 limit 1').bind(orgId, beYear),
    d1.prepare(`select * from board_columns where fiscal_year_id = ${year} and org_id = ?1`).bind(orgId, beYear),
    d1.prepare('select * from groups where org_id = ?1').bind(orgId),
    d1.prepare(`select * from measures where fiscal_year_id = ${year} and org_id = ?1 order by section, number`).bind(orgId, beYear),
    d1.prepare(`select * from cards where fiscal_year_id = ${year} and org_id = ?1`).bind(orgId, beYear),
  ]);
  if (results[0]!.results.length === 0) throw new AppError(404, 'not_found', 'ไม่พบปีงบประมาณ', 'Fiscal year not found');
  return results;
}

const STEP_TEXTS = [
  'ศึกษาแนวทางการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ และรายงานผู้บังคับบัญชา',
  'มอบหมายผู้รับผิดชอบตัวชี้วัดแต่ละข้อ และกำกับติดตามการเผยแพร่ข้อมูลบนเว็บไซต์ของหน่วยงาน',
  'สรุปผลการดำเนินงานและวิเคราะห์ผล นำเสนอผู้บังคับบัญชา และแจ้งบุคลากรในสังกัดทราบ',
];

/** A synthetic board of `n` cards spread over the four default columns, with their events. */
async function createBenchBoard(db: Db, actor: Actor, beYear: number, n: number) {
  const [existing] = await db
    .select({ id: fiscalYears.id })
    .from(fiscalYears)
    .where(and(eq(fiscalYears.orgId, actor.orgId), eq(fiscalYears.beYear, beYear)));
  if (existing) throw new AppError(409, 'fiscal_year_exists', `ปีงบประมาณ ${beYear} มีบอร์ดอยู่แล้ว`, `Fiscal year ${beYear} already has a board`);
  const orgId = actor.orgId;
  const fiscalYearId = crypto.randomUUID();
  const groupIds = (await db.select({ id: groups.id }).from(groups).where(eq(groups.orgId, orgId))).map((g) => g.id);
  const columnRows = DEFAULT_COLUMNS.map((col, position) => ({ id: crypto.randomUUID(), orgId, fiscalYearId, position, wipLimit: null, ...col }));
  const measureRows = Array.from({ length: Math.ceil(n / 10) }, (_, i) => ({
    id: crypto.randomUUID(),
    orgId,
    fiscalYearId,
    section: 'table',
    number: i + 1,
    title: `มาตรการที่ ${i + 1}: ${STEP_TEXTS[i % STEP_TEXTS.length]}`,
    responsibleText: 'กลุ่มอำนวยการ',
    leadGroupId: groupIds[i % groupIds.length] ?? null,
    allGroups: i % 7 === 6,
    monitoring: ['สรุปและวิเคราะห์ผล นำเสนอผู้บังคับบัญชา', 'แจ้งผลให้บุคลากรทราบ'],
  }));
  const perColumn = Math.ceil(n / columnRows.length);
  const keys = keysAfter(null, perColumn);
  const now = Date.now();
  const cardRows = Array.from({ length: n }, (_, i) => {
    const m = measureRows[Math.floor(i / 10)]!;
    return {
      id: crypto.randomUUID(),
      orgId,
      fiscalYearId,
      measureId: m.id,
      stepNumber: (i % 10) + 1,
      title: `${i + 1}. ${STEP_TEXTS[i % STEP_TEXTS.length]}`,
      details: '',
      leadGroupId: m.leadGroupId,
      allGroups: m.allGroups,
      groupIds: i % 5 === 0 && groupIds[1] ? [groupIds[1]] : [],
      checklist: m.monitoring.map((text) => ({ id: crypto.randomUUID(), text, done: i % 3 === 0 })),
      columnId: columnRows[i % columnRows.length]!.id,
      orderKey: keys[Math.floor(i / columnRows.length)]!,
      dueOn: `2024-0${(i % 9) + 1}-15`,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
  });
  const events: NewEvent[] = cardRows.map(({ id, orgId: _o, fiscalYearId: _f, ...after }) => ({ cardId: id, kind: 'card.created', before: null, after }));
  const eventRows = await chainEvents({ seq: 0, hash: GENESIS_HASH }, { orgId, fiscalYearId, actorUserId: actor.userId, at: now }, events);
  const { startsOn, endsOn } = fiscalYearBounds(beYear);
  const statements: BatchItem<'sqlite'>[] = [
    db.insert(fiscalYears).values({ id: fiscalYearId, orgId, beYear, startsOn, endsOn, titleTh: `บอร์ดทดสอบความเร็ว ${n} การ์ด` }),
    db.insert(boardColumns).values(columnRows),
    ...chunk(measureRows, rowsPerInsert(10)).map((rows) => db.insert(measures).values(rows)),
    ...chunk(cardRows, rowsPerInsert(17)).map((rows) => db.insert(cards).values(rows)),
    ...chunk(eventRows, rowsPerInsert(12)).map((rows) => db.insert(cardEvents).values(rows)),
  ];
  await db.batch(statements as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]]);
  return { fiscalYearId, cards: n, measures: measureRows.length };
}

export const devBenchRoutes = new Hono<AppEnv>()
  .use(async (c, next) => {
    if (c.env.DEMO_SEED !== '1') throw new AppError(404, 'not_found', 'ไม่พบหน้าที่ขอ', 'Not found');
    adminOf(c);
    await next();
  })
  .post('/boards', valid('json', benchBoardBody), async (c) => {
    const { beYear, cards: n } = c.req.valid('json');
    return c.json(await createBenchBoard(c.get('db'), requireAdmin(actorOf(c)), beYear, n), 201);
  })
  .get('/board/:beYear', valid('param', beYearParam), async (c) => {
    const actor = requireAdmin(actorOf(c));
    const meter = newMeter();
    const db = createDb(meteredD1(c.env.DB, meter));
    const started = performance.now();
    const view = await loadBoard(db, actor, c.req.valid('param').beYear, accessOf(actor));
    const bytes = JSON.stringify(view).length;
    const serverMs = performance.now() - started;
    return c.json({ serverMs, rowsRead: meter.rowsRead, rowsReturned: meter.rowsReturned, cards: view.cards.length, bytes });
  })
  .get('/raw/:beYear', valid('param', beYearParam), async (c) => {
    const actor = requireAdmin(actorOf(c));
    const started = performance.now();
    const results = await rawBoardRead(c.env.DB, actor.orgId, c.req.valid('param').beYear);
    const bytes = JSON.stringify(results.map((r) => r.results)).length;
    const serverMs = performance.now() - started;
    const rowsRead = results.reduce((n, r) => n + (r.meta.rows_read ?? 0), 0);
    const rowsReturned = results.reduce((n, r) => n + r.results.length, 0);
    return c.json({ serverMs, rowsRead, rowsReturned, cards: results[4]!.results.length, bytes });
  });
