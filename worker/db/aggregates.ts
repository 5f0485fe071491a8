// The per-measure aggregates (schema.ts measureAggregates, domain/aggregates.ts) as D1 keeps
// them. A card change adds UPDATEs computed from the card before and after to its own batch (no
// read: the column's category comes from the board's memory, or from board_columns inside the
// statement when the writer has no memory); evidence added or removed adds one. Imports,
// rollovers, adoptions and restores put `rebuildAggregates` in their batch, after their inserts.
// Like with like: in a measure adopted from a template (template_measure_id set) only the cards
// linked to a template step count (an office that accepted a step's removal keeps the card,
// unlinked, and no longer counts it); an office's own measures count all their cards. Every write
// below, the rebuild and the replay (domain/aggregates.ts) apply the same rule.
import { and, asc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { Db } from './client';
import { boardColumns, cardEvents, measureAggregates, measures, type Card, type ColumnCategory } from './schema';
import { aggregatesFromLog, type AggregateCounts } from '../domain/aggregates';

type Statement = BatchItem<'sqlite'>;

/** A JSON path naming one key of an object (dates and OIT codes hold no quote). */
const keyPath = (key: string) => `$."${key.replace(/"/g, '')}"`;

/** `column` (a JSON object of counts) with `delta` added to `key`; the key dropped at zero. */
function bump(column: SQL, key: string, delta: number): SQL {
  const path = keyPath(key);
  const next = sql`coalesce(json_extract(${column}, ${path}), 0) + ${delta}`;
  return sql`case when ${next} <= 0 then json_remove(${column}, ${path}) else json_set(${column}, ${path}, ${next}) end`;
}

const DUE = sql`"due"`;
const OIT = sql`"oit"`;

/**
 * The row a card (or its evidence) counts in: its measure's, unless the measure is a template's
 * and the card is linked to no template step (then the statement matches no row).
 */
function rowOf(measureId: string, linked: boolean): SQL | undefined {
  const row = eq(measureAggregates.measureId, measureId);
  return linked ? row : and(row, isNull(measureAggregates.templateMeasureId));
}

/**
 * The statement that takes one card out of (delta -1) or puts it into (+1) its measure's row, at
 * `category` (a literal, or a subquery when the writer does not know the column).
 */
function cardTerm(db: Db, card: Pick<Card, 'measureId' | 'dueOn' | 'templateStepId'>, category: ColumnCategory | SQL, delta: 1 | -1): Statement {
  const dueOn = card.dueOn;
  const cat = typeof category === 'string' ? sql`${category}` : category;
  const count = (c: ColumnCategory) => sql`${sql.identifier(c)} + (case when ${cat} = ${c} then ${delta} else 0 end)`;
  return db
    .update(measureAggregates)
    .set({
      todo: count('todo'),
      doing: count('doing'),
      review: count('review'),
      done: count('done'),
      ...(dueOn ? { due: sql`case when ${cat} <> 'done' then ${bump(DUE, dueOn, delta)} else ${DUE} end` } : {}),
    })
    .where(rowOf(card.measureId, card.templateStepId != null));
}

/**
 * The aggregate writes of a card change, from the card before and after: none when neither its
 * column's category nor its due date nor its measure changed. `categoryOf` answers from the
 * board's memory; without it (or when it does not know the column) the statement reads the column.
 */
export function cardAggregateWrites(db: Db, before: Card, after: Card, categoryOf?: (columnId: string) => ColumnCategory | null): Statement[] {
  const unmoved = before.measureId === after.measureId && before.templateStepId === after.templateStepId;
  if (before.columnId === after.columnId && before.dueOn === after.dueOn && unmoved) return [];
  const category = (columnId: string): ColumnCategory | SQL => categoryOf?.(columnId) ?? sql`(select "category" from "board_columns" where "id" = ${columnId})`;
  const from = category(before.columnId);
  const to = category(after.columnId);
  const same = typeof from === 'string' && from === to && before.dueOn === after.dueOn && unmoved;
  if (same) return [];
  return [cardTerm(db, before, from, -1), cardTerm(db, after, to, 1)];
}

/** The aggregate write of an evidence link added (+1) to or removed (-1) from a card. */
export function evidenceAggregateWrite(db: Db, card: Pick<Card, 'measureId' | 'templateStepId'>, oitCode: string | null, delta: 1 | -1): Statement {
  return db
    .update(measureAggregates)
    .set({ evidence: sql`"evidence" + ${delta}`, ...(oitCode ? { oit: bump(OIT, oitCode, delta) } : {}) })
    .where(rowOf(card.measureId, card.templateStepId != null));
}

/** After the year's OIT catalogue changed: its size on every row of the year. */
export function oitCatalogueWrite(db: Db, fiscalYearId: string): Statement {
  return db
    .update(measureAggregates)
    .set({ oitItems: sql`(select count(*) from "oit_items" where "fiscal_year_id" = ${fiscalYearId})` })
    .where(eq(measureAggregates.fiscalYearId, fiscalYearId));
}

/**
 * The year's aggregates computed again from its cards, columns, evidence and catalogue: two
 * statements (delete, insert … select) to put in a batch after whatever changed the board
 * wholesale. One pass over the year's cards (the cards_year index), grouped in SQLite.
 */
export function rebuildAggregates(db: Db, fiscalYearId: string): [Statement, Statement] {
  return [
    db.delete(measureAggregates).where(eq(measureAggregates.fiscalYearId, fiscalYearId)),
    // (An INSERT … SELECT lists every column, in the table's order.)
    db.insert(measureAggregates).select(sql`
      with cs as (
        select c."id", c."measure_id", b."category", c."due_on" from "cards" c join "board_columns" b on b."id" = c."column_id"
        join "measures" cm on cm."id" = c."measure_id"
        where c."fiscal_year_id" = ${fiscalYearId} and (cm."template_measure_id" is null or c."template_step_id" is not null)
      ),
      counts as (
        select "measure_id", sum("category" = 'todo') todo, sum("category" = 'doing') doing, sum("category" = 'review') review, sum("category" = 'done') done
        from cs group by "measure_id"
      ),
      dues as (
        select "measure_id", json_group_object("due_on", n) due from (
          select "measure_id", "due_on", count(*) n from cs where "category" <> 'done' and "due_on" is not null group by "measure_id", "due_on"
        ) group by "measure_id"
      ),
      ev as (
        select cs."measure_id", e."oit_code" from "evidence_links" e join cs on cs."id" = e."card_id"
      ),
      evidence as (select "measure_id", count(*) n from ev group by "measure_id"),
      oits as (
        select "measure_id", json_group_object("oit_code", n) oit from (
          select "measure_id", "oit_code", count(*) n from ev where "oit_code" is not null group by "measure_id", "oit_code"
        ) group by "measure_id"
      )
      select m."id", m."org_id", m."fiscal_year_id", fy."be_year", ${templateMeasureOf},
        coalesce(counts.todo, 0), coalesce(counts.doing, 0), coalesce(counts.review, 0), coalesce(counts.done, 0),
        coalesce(dues.due, '{}'), coalesce(evidence.n, 0), coalesce(oits.oit, '{}'),
        (select count(*) from "oit_items" where "fiscal_year_id" = ${fiscalYearId}),
        (select o."parent_id" from "organisations" o where o."id" = m."org_id")
      from "measures" m
      join "fiscal_years" fy on fy."id" = m."fiscal_year_id"
      left join counts on counts."measure_id" = m."id"
      left join dues on dues."measure_id" = m."id"
      left join evidence on evidence."measure_id" = m."id"
      left join oits on oits."measure_id" = m."id"
      where m."fiscal_year_id" = ${fiscalYearId}`),
  ];
}

/** Where a measure's template measure is read from (measures.template_measure_id, once it exists). */
const templateMeasureOf = sql`m."template_measure_id"`;

/**
 * After an organisation's parent changed (joined, left): its aggregate rows take its parent body
 * as the organisations row now has it. In the same batch, after the tree change (which may have
 * changed nothing: the statement copies what is there).
 */
export function aggregatesParentWrite(db: Db, orgId: string): Statement {
  return db
    .update(measureAggregates)
    .set({ parentId: sql`(select "parent_id" from "organisations" where "id" = ${orgId})` })
    .where(eq(measureAggregates.orgId, orgId));
}

/** Rebuilds one year's aggregates now (its own batch). */
export async function rebuildYearAggregates(db: Db, fiscalYearId: string): Promise<void> {
  await db.batch(rebuildAggregates(db, fiscalYearId));
}

/** The year's aggregate rows by measure id. */
export async function readYearAggregates(db: Db, fiscalYearId: string): Promise<Map<string, AggregateCounts & { oitItems: number }>> {
  const rows = await db.select().from(measureAggregates).where(eq(measureAggregates.fiscalYearId, fiscalYearId));
  return new Map(rows.map((r) => [r.measureId, { todo: r.todo, doing: r.doing, review: r.review, done: r.done, due: r.due, evidence: r.evidence, oit: r.oit, oitItems: r.oitItems }]));
}

/** The year's aggregates rebuilt from its event log (and its columns and measures), without writing. */
export async function aggregatesOfLog(db: Db, fiscalYearId: string): Promise<Map<string, AggregateCounts>> {
  const [events, columns, ms] = await db.batch([
    db.select({ seq: cardEvents.seq, cardId: cardEvents.cardId, kind: cardEvents.kind, before: cardEvents.before, after: cardEvents.after }).from(cardEvents).where(eq(cardEvents.fiscalYearId, fiscalYearId)).orderBy(asc(cardEvents.seq)),
    db.select({ id: boardColumns.id, category: boardColumns.category }).from(boardColumns).where(eq(boardColumns.fiscalYearId, fiscalYearId)),
    db.select({ id: measures.id, templateMeasureId: measures.templateMeasureId }).from(measures).where(eq(measures.fiscalYearId, fiscalYearId)),
  ]);
  const fromTemplate = new Set(ms.filter((m) => m.templateMeasureId !== null).map((m) => m.id));
  return aggregatesFromLog(events, ms.map((m) => m.id), new Map(columns.map((c) => [c.id, c.category])), fromTemplate);
}
