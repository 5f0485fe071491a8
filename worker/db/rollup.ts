// What a parent body's roll-up reads (issue 19): the parent, its template's measures for the year,
// every descendant office, and their aggregate rows of the year — one D1 batch of four statements,
// one row read per office and per aggregate row and a few for the parent bodies (BODIES below).
// Also the trend (daily snapshots) and the daily snapshot itself, one statement for every office.
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from './client';
import type { RollupAggregateRow, RollupOfficeRow } from '../domain/rollup';
import type { RollupMeasure, RollupTrendPoint } from '../domain/contracts-rollup';
import { boardColumns, cards, fiscalYears, memberships, organisations, rollupReports, users, type OrgKind } from './schema';
import { percentOf } from '../domain/progress';

/**
 * The parent bodies at or below ?1 (the parent itself first): `bodies`. The walk reads parent
 * bodies only (organisations_parent is (parent_id, kind)), never the offices: a parent's offices
 * are then one index range per parent body, and so are their aggregate rows (measure_aggregates
 * carries its office's parent, measure_aggregates_parent_year).
 */
const BODIES = `with recursive bodies(id) as (
    select ?1
    union
    select o.id from organisations o join bodies on o.parent_id = bodies.id where o.kind = 'parent'
  )`;

/**
 * The descendant offices of ?1, through the parent bodies below it: `tree`. (CROSS JOIN keeps the
 * parent bodies the outer loop: one index range of offices, or of aggregate rows, per body.)
 */
const TREE = `${BODIES}, tree as (
    select o.id, o.slug, o.name_th, o.name_en, o.attributes from bodies cross join organisations o on o.parent_id = bodies.id and o.kind = 'office'
  )`;

/** The SQL of the roll-up's rows (also what the bench's raw read runs). */
export const ROLLUP_SQL = {
  parent: 'select id, name_th, name_en, kind from organisations where id = ?1',
  measures: `select tm.id, tm.section, tm.number, tm.title from template_measures tm join templates t on t.id = tm.template_id
    where t.org_id = ?1 and t.be_year = ?2 and tm.removed_in_version is null order by tm.section, tm.number`,
  offices: `${TREE} select id, slug, name_th, name_en, attributes from tree`,
  aggregates: `${BODIES}
    select org_id, template_measure_id, todo, doing, review, done, due, evidence, oit, oit_items
    from bodies cross join measure_aggregates a on a.parent_id = bodies.id and a.be_year = ?2`,
} as const;

export interface RollupRows {
  parent: { id: string; nameTh: string; nameEn: string; kind: OrgKind } | null;
  measures: RollupMeasure[];
  offices: RollupOfficeRow[];
  rows: RollupAggregateRow[];
}

type Raw = Record<string, unknown>;
const json = <T,>(v: unknown, fallback: T): T => {
  if (typeof v !== 'string') return fallback;
  try {
    return JSON.parse(v) as T;
  } catch {
    return fallback;
  }
};

/** The raw statements, bound: the roll-up's one batch. */
export function rollupStatements(d1: D1Database | D1DatabaseSession, parentId: string, beYear: number) {
  return [
    d1.prepare(ROLLUP_SQL.parent).bind(parentId),
    d1.prepare(ROLLUP_SQL.measures).bind(parentId, beYear),
    d1.prepare(ROLLUP_SQL.offices).bind(parentId),
    d1.prepare(ROLLUP_SQL.aggregates).bind(parentId, beYear),
  ];
}

/**
 * The roll-up's rows in one batch. `d1`: the binding, or a read-replication session of it
 * (`withSession`), which may answer from a replica near the reader.
 */
export async function readRollupRows(d1: D1Database | D1DatabaseSession, parentId: string, beYear: number): Promise<RollupRows> {
  const [p, m, o, a] = await d1.batch<Raw>(rollupStatements(d1, parentId, beYear));
  const parentRow = p!.results[0];
  const offices: RollupOfficeRow[] = o!.results.map((r) => ({ id: String(r.id), slug: String(r.slug), nameTh: String(r.name_th), nameEn: String(r.name_en ?? ''), attributes: json(r.attributes, {}) }));
  const rows: RollupAggregateRow[] = a!.results.map((r) => ({
    orgId: String(r.org_id),
    templateMeasureId: (r.template_measure_id as string | null) ?? null,
    todo: Number(r.todo),
    doing: Number(r.doing),
    review: Number(r.review),
    done: Number(r.done),
    due: json(r.due, {}),
    evidence: Number(r.evidence),
    oit: json(r.oit, {}),
    oitItems: Number(r.oit_items),
  }));
  return {
    parent: parentRow ? { id: String(parentRow.id), nameTh: String(parentRow.name_th), nameEn: String(parentRow.name_en ?? ''), kind: parentRow.kind as OrgKind } : null,
    measures: m!.results.map((x) => ({ id: String(x.id), section: String(x.section), number: Number(x.number), title: String(x.title) })),
    offices: offices.sort((x, y) => x.nameTh.localeCompare(y.nameTh, 'th')),
    rows,
  };
}

/** The organisation's kind (the policy's question before the trend is read). */
export async function readParent(d1: D1Database | D1DatabaseSession, orgId: string): Promise<{ id: string; kind: OrgKind } | null> {
  const row = await d1.prepare('select id, kind from organisations where id = ?1').bind(orgId).first<{ id: string; kind: OrgKind }>();
  return row ?? null;
}

/** The trend: every descendant office's snapshots of the year, summed per day. */
export async function readRollupTrend(d1: D1Database | D1DatabaseSession, parentId: string, beYear: number): Promise<RollupTrendPoint[]> {
  const { results } = await d1
    .prepare(
      `${TREE}
      select s.day, sum(s.total) total, sum(s.done) done, sum(s.overdue) overdue, sum(s.behind) behind
      from tree join aggregate_snapshots s on s.org_id = tree.id and s.be_year = ?2
      group by s.day order by s.day`,
    )
    .bind(parentId, beYear)
    .all<{ day: string; total: number; done: number; overdue: number; behind: number }>();
  return results.map((r) => ({ day: r.day, total: r.total, done: r.done, percent: percentOf(r.done, r.total), overdue: r.overdue, behind: r.behind }));
}

/**
 * Today's snapshot of every office's template steps, per fiscal year running today (Bangkok day
 * `day`): one statement for all offices, repeated runs the same day replace their row.
 */
export async function takeSnapshots(db: Db, day: string): Promise<number> {
  const r = await db.run(sql`
    insert into aggregate_snapshots (org_id, be_year, day, total, done, overdue, behind, evidence)
    select a.org_id, a.be_year, ${day}, sum(a.todo + a.doing + a.review + a.done), sum(a.done),
      sum((select coalesce(sum(j.value), 0) from json_each(a.due) j where j.key < ${day})),
      sum((select coalesce(sum(j.value), 0) from json_each(a.due) j where j.key <= ${day})),
      sum(a.evidence)
    from measure_aggregates a join fiscal_years fy on fy.id = a.fiscal_year_id
    where a.template_measure_id is not null and fy.archived_at is null and fy.starts_on <= ${day} and fy.ends_on >= ${day}
    group by a.org_id, a.be_year
    on conflict (org_id, be_year, day) do update set total = excluded.total, done = excluded.done, overdue = excluded.overdue, behind = excluded.behind, evidence = excluded.evidence`);
  return r.meta.changes ?? 0;
}

/** The id of an office's fiscal year (null: no board that year). */
export async function findFiscalYearId(db: Db, orgId: string, beYear: number): Promise<string | null> {
  const [row] = await db.select({ id: fiscalYears.id }).from(fiscalYears).where(and(eq(fiscalYears.orgId, orgId), eq(fiscalYears.beYear, beYear)));
  return row?.id ?? null;
}

/** A fiscal year's first card (by id) and the column after its own (the bench's metered move). */
export async function firstCardAndNextColumn(db: Db, fiscalYearId: string): Promise<{ card: { id: string; version: number }; toColumnId: string }> {
  const [[card], columns] = await db.batch([
    db.select({ id: cards.id, version: cards.version, columnId: cards.columnId }).from(cards).where(eq(cards.fiscalYearId, fiscalYearId)).orderBy(asc(cards.id)).limit(1),
    db.select({ id: boardColumns.id }).from(boardColumns).where(eq(boardColumns.fiscalYearId, fiscalYearId)).orderBy(asc(boardColumns.position)),
  ]);
  if (!card) throw new Error('no card');
  const at = columns.findIndex((c) => c.id === card.columnId);
  return { card, toColumnId: columns[(at + 1) % columns.length]!.id };
}

/** Every parent body (the monthly roll-up report's list). */
export function listParents(db: Db) {
  return db.select({ id: organisations.id, nameTh: organisations.nameTh }).from(organisations).where(eq(organisations.kind, 'parent'));
}

/** The parent's active oversight users (the monthly roll-up report's recipients). */
export async function oversightRecipients(db: Db, parentId: string): Promise<{ email: string; name: string }[]> {
  return db
    .select({ email: users.email, name: users.displayName })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.orgId, parentId), eq(memberships.role, 'oversight'), isNull(memberships.disabledAt), isNull(memberships.removedAt)));
}

/** Keeps the month's roll-up report (one per parent and month): the one kept first wins. */
export async function keepRollupReport(db: Db, row: { parentOrgId: string; beYear: number; periodKey: string; content: Record<string, unknown>; createdAt: number }) {
  const [created] = await db.insert(rollupReports).values({ id: crypto.randomUUID(), ...row }).onConflictDoNothing().returning();
  if (created) return { report: created, created: true };
  const [kept] = await db.select().from(rollupReports).where(and(eq(rollupReports.parentOrgId, row.parentOrgId), eq(rollupReports.periodKey, row.periodKey)));
  return { report: kept!, created: false };
}

/** Reports of one kind and period kept for the parent's descendant offices: how many, and for how many offices. */
export async function countPeriodReports(db: Db, parentId: string, kind: string, periodKey: string): Promise<{ reports: number; offices: number }> {
  const row = await db.$client
    .prepare(`${TREE} select count(*) reports, count(distinct r.org_id) offices from tree join reports r on r.org_id = tree.id where r.kind = ?2 and r.period_key = ?3`)
    .bind(parentId, kind, periodKey)
    .first<{ reports: number; offices: number }>();
  return row ?? { reports: 0, offices: 0 };
}
