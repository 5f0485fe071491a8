// Writing an imported announcement as a fiscal year's board: columns, measures and one card per
// step, each card with its 'card.created' event, all in one atomic batch.
import { and, eq } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { Db } from './client';
import { boardColumns, cardEvents, cards, fiscalYears, measures, type ColumnCategory } from './schema';
import { chainEvents, chainHeadQuery, headOf, type NewEvent } from './events';
import { fiscalYearBounds } from '../domain/fiscal-year';
import { keysAfter } from '../domain/ordering';
import { AppError } from '../domain/errors';
import type { ParsedMeasure } from '../domain/announcement';

export const DEFAULT_COLUMNS: { key: string; labelTh: string; labelEn: string; category: ColumnCategory }[] = [
  { key: 'not_started', labelTh: 'ยังไม่เริ่ม', labelEn: 'Not started', category: 'todo' },
  { key: 'in_progress', labelTh: 'กำลังดำเนินการ', labelEn: 'In progress', category: 'doing' },
  { key: 'awaiting_report', labelTh: 'รอรายงานผล', labelEn: 'Awaiting report', category: 'review' },
  { key: 'done', labelTh: 'เสร็จสิ้น', labelEn: 'Done', category: 'done' },
];

/** D1 binds at most 100 parameters per statement: rows per multi-row insert. */
export function rowsPerInsert(columnsPerRow: number): number {
  return Math.max(1, Math.floor(100 / columnsPerRow));
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export interface ImportInput {
  orgId: string;
  beYear: number;
  titleTh: string;
  measures: readonly ParsedMeasure[];
  actorUserId: string | null;
  /** Due date per card, by measure and step number (demo data and tests). */
  dueOn?: (measureNumber: number, stepNumber: number) => string | null;
}

export async function createBoardFromImport(db: Db, input: ImportInput): Promise<{ fiscalYearId: string; cards: number }> {
  const [existing] = await db
    .select({ id: fiscalYears.id })
    .from(fiscalYears)
    .where(and(eq(fiscalYears.orgId, input.orgId), eq(fiscalYears.beYear, input.beYear)));
  if (existing) {
    throw new AppError(
      409,
      'fiscal_year_exists',
      `ปีงบประมาณ ${input.beYear} มีบอร์ดอยู่แล้ว`,
      `Fiscal year ${input.beYear} already has a board`,
    );
  }
  const { orgId } = input;
  const fiscalYearId = crypto.randomUUID();
  const columnRows = DEFAULT_COLUMNS.map((col, position) => ({ id: crypto.randomUUID(), orgId, fiscalYearId, position, wipLimit: null, ...col }));
  const firstColumn = columnRows[0]!;
  const stepCount = input.measures.reduce((n, m) => n + m.steps.length, 0);
  const keys = keysAfter(null, stepCount);
  const measureRows: (typeof measures.$inferInsert)[] = [];
  const cardRows: (typeof cards.$inferInsert & { groupIds: string[] })[] = [];
  const now = Date.now();
  for (const m of input.measures) {
    const measureId = crypto.randomUUID();
    measureRows.push({
      id: measureId,
      orgId,
      fiscalYearId,
      section: 'table',
      number: m.number,
      title: m.title,
      responsibleText: m.responsibleText,
      leadGroupId: m.leadGroupId,
      allGroups: m.allGroups,
      monitoring: m.monitoring,
    });
    for (const step of m.steps) {
      cardRows.push({
        id: crypto.randomUUID(),
        orgId,
        fiscalYearId,
        measureId,
        stepNumber: step.number,
        title: step.text,
        details: '',
        leadGroupId: m.leadGroupId,
        allGroups: m.allGroups,
        groupIds: [],
        checklist: m.monitoring.map((text) => ({ id: crypto.randomUUID(), text, done: false })),
        columnId: firstColumn.id,
        orderKey: keys[cardRows.length]!,
        dueOn: input.dueOn?.(m.number, step.number) ?? null,
        version: 1,
        createdAt: now,
        updatedAt: now,
      });
    }
  }
  const events: NewEvent[] = cardRows.map(({ id, orgId: _o, fiscalYearId: _f, createdAt: _c, updatedAt: _u, ...after }) => ({
    cardId: id,
    kind: 'card.created',
    before: null,
    after,
  }));
  const head = headOf(await chainHeadQuery(db, fiscalYearId));
  const eventRows = await chainEvents(head, { orgId, fiscalYearId, actorUserId: input.actorUserId, at: now }, events);
  const { startsOn, endsOn } = fiscalYearBounds(input.beYear);
  const statements: BatchItem<'sqlite'>[] = [
    db.insert(fiscalYears).values({ id: fiscalYearId, orgId, beYear: input.beYear, startsOn, endsOn, titleTh: input.titleTh }),
    db.insert(boardColumns).values(columnRows),
    ...chunk(measureRows, rowsPerInsert(10)).map((rows) => db.insert(measures).values(rows)),
    ...chunk(cardRows, rowsPerInsert(17)).map((rows) => db.insert(cards).values(rows)),
    ...chunk(eventRows, rowsPerInsert(12)).map((rows) => db.insert(cardEvents).values(rows)),
  ];
  await db.batch(statements as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]]);
  return { fiscalYearId, cards: cardRows.length };
}
