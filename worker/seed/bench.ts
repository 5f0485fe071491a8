// Fixtures and plain reads of the local benchmarks and load runs (routes/dev-bench.ts,
// dev-load.ts, dev-reports-bench.ts; DEMO_SEED="1" only): synthetic boards, director accounts, a
// reports bench office, and the raw reads the real code paths are compared with.
import { rebuildAggregates, rebuildYearAggregates } from '../db/aggregates';
import { and, asc, eq, gte, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { Db } from '../db/client';
import { chainEvents, type NewEvent } from '../db/events';
import { DEFAULT_COLUMNS } from '../db/import';
import { insertRows } from '../db/insert-rows';
import { boardColumns, cardEvents, cards, evidenceLinks, fiscalYears, groups, measures, memberships, organisations, users } from '../db/schema';
import { appError } from '../domain/errors';
import type { Actor } from '../domain/access';
import { fiscalYearBounds } from '../domain/fiscal-year';
import { keysAfter } from '../domain/ordering';
import { GENESIS_HASH } from '../domain/event-chain';
import { hashPassword } from '../domain/password';
import { DEMO_PASSWORD } from './demo-password';

export const BENCH_YEAR = 2567;

/** D1 binds every JS number as REAL; in SQLite `i % 50.0` is 7.0, not 7, so ids would not match. */
const int = (n: number) => sql`cast(${n} as integer)`;

/** The plain SELECTs behind the board, as the loader sends them: one batch of five. */
export async function rawBoardRead(d1: D1Database, orgId: string, beYear: number) {
  const year = '(select id from fiscal_years where org_id = ?1 and be_year = ?2)';
  const results = await d1.batch<Record<string, unknown>>([
    d1.prepare('select * from fiscal_years where org_id = ?1 and be_year = ?2 limit 1').bind(orgId, beYear),
    d1.prepare(`select * from board_columns where fiscal_year_id = ${year} and org_id = ?1`).bind(orgId, beYear),
    d1.prepare('select * from groups where org_id = ?1').bind(orgId),
    d1.prepare(`select * from measures where fiscal_year_id = ${year} and org_id = ?1 order by section, number`).bind(orgId, beYear),
    d1.prepare(`select * from cards where fiscal_year_id = ${year} and org_id = ?1`).bind(orgId, beYear),
  ]);
  if (results[0]!.results.length === 0) throw appError(404, 'not_found.fiscal_year');
  return results;
}

const STEP_TEXTS = [
  'ศึกษาแนวทางการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ และรายงานผู้บังคับบัญชา',
  'มอบหมายผู้รับผิดชอบตัวชี้วัดแต่ละข้อ และกำกับติดตามการเผยแพร่ข้อมูลบนเว็บไซต์ของหน่วยงาน',
  'สรุปผลการดำเนินงานและวิเคราะห์ผล นำเสนอผู้บังคับบัญชา และแจ้งบุคลากรในสังกัดทราบ',
];

/** Words of the titles that must all differ: an office's everyday steps, drawn at random. */
const TITLE_WORDS = [
  'จัดทำ', 'ทบทวน', 'เผยแพร่', 'รายงาน', 'ประชุม', 'ชี้แจง', 'ตรวจสอบ', 'ติดตาม', 'สรุปผล', 'วิเคราะห์', 'ปรับปรุง', 'อบรม',
  'แผนปฏิบัติการ', 'คู่มือ', 'ประกาศ', 'คำสั่ง', 'ข้อมูลข่าวสาร', 'งบประมาณ', 'จัดซื้อจัดจ้าง', 'บุคลากร', 'เว็บไซต์', 'หน่วยงาน',
  'ผู้บังคับบัญชา', 'ประชาชน', 'ผู้มีส่วนได้ส่วนเสีย', 'การร้องเรียน', 'ผลประโยชน์ทับซ้อน', 'ความเสี่ยง', 'การทุจริต', 'จริยธรรม',
  'ไตรมาส', 'ประจำปี', 'รอบ', 'หกเดือน', 'ระดับจังหวัด', 'ระดับอำเภอ', 'ออนไลน์', 'ภายใน', 'เร่งด่วน', 'ต่อเนื่อง',
];

/** A title no other card of the board has: its number and six to nine words at random. */
function distinctTitle(i: number): string {
  const words = Array.from({ length: 6 + Math.floor(Math.random() * 4) }, () => TITLE_WORDS[Math.floor(Math.random() * TITLE_WORDS.length)]!);
  return `${i + 1}. ${words.join(' ')}`;
}

/**
 * A synthetic board of `n` cards spread over the four default columns, each with an evidence link,
 * with their events. Titles
 * repeat three texts (numbered) unless `titles` is "distinct".
 */
export async function createBenchBoard(db: Db, actor: Actor, beYear: number, n: number, titles: 'repeated' | 'distinct' = 'repeated') {
  const [existing] = await db
    .select({ id: fiscalYears.id })
    .from(fiscalYears)
    .where(and(eq(fiscalYears.orgId, actor.orgId), eq(fiscalYears.beYear, beYear)));
  if (existing) throw appError(409, 'fiscal_year_exists', { year: beYear });
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
      title: titles === 'distinct' ? distinctTitle(i) : `${i + 1}. ${STEP_TEXTS[i % STEP_TEXTS.length]}`,
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
  // Every card carries an evidence link, added after it was created, so a move into done is legal
  // wherever the benchmarks and the Chromium tests take a card (domain/done-rule.ts).
  const evidenceRows = cardRows.map((card, i) => ({ id: crypto.randomUUID(), orgId, cardId: card.id, url: `https://example.go.th/bench/${i + 1}`, note: '', oitCode: null, addedBy: actor.userId, createdAt: now }));
  const events: NewEvent[] = [
    ...cardRows.map(({ id, orgId: _o, fiscalYearId: _f, ...after }): NewEvent => ({ cardId: id, kind: 'card.created', before: null, after })),
    ...evidenceRows.map(({ id, cardId, url, note, oitCode }): NewEvent => ({ cardId, kind: 'evidence.added', before: null, after: { evidenceId: id, url, note, oitCode } })),
  ];
  const eventRows = await chainEvents({ seq: 0, hash: GENESIS_HASH }, { orgId, fiscalYearId, actorUserId: actor.userId, at: now }, events);
  const { startsOn, endsOn } = fiscalYearBounds(beYear);
  const statements: BatchItem<'sqlite'>[] = [
    db.insert(fiscalYears).values({ id: fiscalYearId, orgId, beYear, startsOn, endsOn, titleTh: `บอร์ดทดสอบความเร็ว ${n} การ์ด` }),
    db.insert(boardColumns).values(columnRows),
    ...insertRows(db, measures, measureRows),
    ...insertRows(db, cards, cardRows),
    // Ten columns a row with the two publication flags' defaults.
    ...insertRows(db, evidenceLinks, evidenceRows),
    ...insertRows(db, cardEvents, eventRows),
    ...rebuildAggregates(db, fiscalYearId),
  ];
  await db.batch(statements as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]]);
  return { fiscalYearId, cards: n, measures: measureRows.length };
}

/**
 * `count` director accounts spread round-robin over the office's groups, all with the demo
 * password (hashed once, not once per account); null when the office has no groups.
 */
export async function seedDirectors(db: Db, orgId: string, count: number) {
  const officeGroups = await db.select({ id: groups.id, nameTh: groups.nameTh }).from(groups).where(eq(groups.orgId, orgId)).orderBy(asc(groups.position));
  if (officeGroups.length === 0) return null;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  // A tag per call keeps the emails of repeated runs apart.
  const tag = crypto.randomUUID().slice(0, 8);
  const accounts = Array.from({ length: count }, (_, i) => {
    const group = officeGroups[i % officeGroups.length]!;
    return { id: crypto.randomUUID(), email: `load-${tag}-${i + 1}@load.local`, displayName: `ผอ.ทดสอบภาระงาน ${i + 1}`, groupId: group.id, groupNameTh: group.nameTh };
  });
  const statements: BatchItem<'sqlite'>[] = [
    ...insertRows(db, users, accounts.map(({ id, email, displayName }) => ({ id, email, displayName, passwordHash }))),
    ...insertRows(db, memberships, accounts.map(({ id, groupId }) => ({ orgId, userId: id, role: 'director' as const, groupId }))),
  ];
  await db.batch(statements as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]]);
  return accounts.map(({ email, groupId, groupNameTh }) => ({ email, groupId, groupNameTh }));
}

/**
 * A large synthetic board in an office of its own (with an administrator account, the demo
 * password), for tests/bench/reports.bench.mjs: the rows are generated inside SQLite.
 */
export async function seedReportsBench(db: Db, counts: { cards: number; events: number; measures: number }) {
  const { cards: cardCount, events: eventCount, measures: measureCount } = counts;
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
  await rebuildYearAggregates(db, fyId);
  return { adminEmail: `admin@${p}.bench.local`, password: DEMO_PASSWORD, cards: cardCount, events: eventCount, measures: measureCount };
}

/** The rows a report's compile reads (the board's cards, the events since `since`), the same columns, nothing done with them. */
export async function scanReportRows(db: Db, orgId: string, fiscalYearId: string, since: number) {
  const [cs, es] = await db.batch([
    db.select({ id: cards.id, measureId: cards.measureId, stepNumber: cards.stepNumber, title: cards.title, columnId: cards.columnId, dueOn: cards.dueOn, leadGroupId: cards.leadGroupId, groupIds: cards.groupIds, allGroups: cards.allGroups }).from(cards).where(and(eq(cards.orgId, orgId), eq(cards.fiscalYearId, fiscalYearId))),
    db.select({ seq: cardEvents.seq, cardId: cardEvents.cardId, actorUserId: cardEvents.actorUserId, kind: cardEvents.kind, before: cardEvents.before, after: cardEvents.after, at: cardEvents.at }).from(cardEvents).where(and(eq(cardEvents.fiscalYearId, fiscalYearId), eq(cardEvents.orgId, orgId), gte(cardEvents.at, since))),
  ]);
  return { cards: cs.length, events: es.length };
}
