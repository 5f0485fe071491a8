// Writing an imported announcement as a fiscal year's board: the groups the administrator chose
// to create, columns, measures, one card per step (each with its 'card.created' event) and the
// fiscal year's report schedule, all in one atomic batch.
import { rebuildAggregates } from './aggregates';
import { insertRows } from './insert-rows';
import { and, eq, max } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { isUniqueViolation, type Db } from './client';
import { boardColumns, cardEvents, cards, fiscalYears, groups, measures, organisations, type ColumnCategory } from './schema';
import { chainEvents, chainHeadQuery, headOf, type NewEvent } from './events';
import { reportScheduleStatements } from './report-schedule';
import { fiscalYearBounds } from '../domain/fiscal-year';
import { keysAfter } from '../domain/ordering';
import { appError } from '../domain/errors';
import { NEW_GROUP, type ParsedMeasure } from '../domain/announcement';
import type { ReportSchedule } from '../domain/report-cadence';

export const DEFAULT_COLUMNS: { key: string; labelTh: string; labelEn: string; category: ColumnCategory }[] = [
  { key: 'not_started', labelTh: 'ยังไม่เริ่ม', labelEn: 'Not started', category: 'todo' },
  { key: 'in_progress', labelTh: 'กำลังดำเนินการ', labelEn: 'In progress', category: 'doing' },
  { key: 'awaiting_report', labelTh: 'รอรายงานผล', labelEn: 'Awaiting report', category: 'review' },
  { key: 'done', labelTh: 'เสร็จสิ้น', labelEn: 'Done', category: 'done' },
];

/** A measure to create: as parsed, or as planned (groups may be `new:<name>`, see domain/announcement/plan.ts). */
export type ImportMeasure = Pick<ParsedMeasure, 'number' | 'title' | 'responsibleText' | 'leadGroupId' | 'allGroups' | 'monitoring'> & {
  /** A step adopted from a parent body's template carries its template step and its own due date (issue 19). */
  steps: readonly (ParsedMeasure['steps'][number] & { templateStepId?: string; dueOn?: string | null })[];
  groupIds?: readonly string[];
  dueOn?: string | null;
  /** The parent body's template measure it is adopted from (issue 19). */
  templateMeasureId?: string;
};

export interface ImportInput {
  orgId: string;
  beYear: number;
  titleTh: string;
  measures: readonly ImportMeasure[];
  actorUserId: string | null;
  /** Due date per card, by measure and step number (demo data and tests); else the measure's own. */
  dueOn?: (measureNumber: number, stepNumber: number) => string | null;
  /** Groups to create in the same batch (names); measures refer to them as `new:<name>`. */
  newGroups?: readonly string[];
  /** The fiscal year's report schedule, stored in the same batch (absent: DEFAULT_SCHEDULE applies). */
  schedule?: ReportSchedule;
  /** More writes that must commit with the board or not at all (a template's adoption row). */
  extra?: (fiscalYearId: string) => BatchItem<'sqlite'>[];
}

const yearExists = (beYear: number) =>
  appError(409, 'fiscal_year_exists', { year: beYear });

export async function createBoardFromImport(
  db: Db,
  input: ImportInput,
): Promise<{ fiscalYearId: string; cards: number; groupsCreated: { id: string; nameTh: string }[] }> {
  const [existing] = await db
    .select({ id: fiscalYears.id })
    .from(fiscalYears)
    .where(and(eq(fiscalYears.orgId, input.orgId), eq(fiscalYears.beYear, input.beYear)));
  if (existing) throw yearExists(input.beYear);
  const { orgId } = input;
  // Groups the administrator chose to create, placed after the office's others.
  const [{ last } = { last: null }] = await db.select({ last: max(groups.position) }).from(groups).where(eq(groups.orgId, orgId));
  const groupRows = (input.newGroups ?? []).map((nameTh, i) => ({ id: crypto.randomUUID(), orgId, nameTh, nameEn: '', position: (last ?? -1) + 1 + i }));
  const newIds = new Map(groupRows.map((g) => [`${NEW_GROUP}${g.nameTh}`, g.id]));
  const groupId = (id: string | null | undefined): string | null => {
    if (!id) return null;
    if (!id.startsWith(NEW_GROUP)) return id;
    const created = newIds.get(id);
    if (!created) throw new Error(`import: ${id} is not among the groups to create`);
    return created;
  };
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
    const leadGroupId = groupId(m.leadGroupId);
    const groupIds = (m.groupIds ?? []).map((id) => groupId(id)!).filter((id) => id !== leadGroupId);
    measureRows.push({
      id: measureId,
      orgId,
      fiscalYearId,
      section: 'table',
      number: m.number,
      title: m.title,
      responsibleText: m.responsibleText,
      leadGroupId,
      allGroups: m.allGroups,
      monitoring: m.monitoring,
      templateMeasureId: m.templateMeasureId ?? null,
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
        leadGroupId,
        allGroups: m.allGroups,
        groupIds: [...new Set(groupIds)],
        checklist: m.monitoring.map((text) => ({ id: crypto.randomUUID(), text, done: false })),
        columnId: firstColumn.id,
        orderKey: keys[cardRows.length]!,
        dueOn: input.dueOn ? input.dueOn(m.number, step.number) : step.dueOn !== undefined ? step.dueOn : (m.dueOn ?? null),
        version: 1,
        createdAt: now,
        updatedAt: now,
        templateStepId: step.templateStepId ?? null,
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
    ...insertRows(db, groups, groupRows),
    db.insert(fiscalYears).values({ id: fiscalYearId, orgId, beYear: input.beYear, startsOn, endsOn, titleTh: input.titleTh }),
    ...(input.schedule ? reportScheduleStatements(db, fiscalYearId, input.schedule, { createdBy: input.actorUserId }) : []),
    db.insert(boardColumns).values(columnRows),
    ...insertRows(db, measures, measureRows),
    ...insertRows(db, cards, cardRows),
    ...insertRows(db, cardEvents, eventRows),
    // The roll-up's aggregates of the new board, from the rows above.
    ...rebuildAggregates(db, fiscalYearId),
    ...(input.extra?.(fiscalYearId) ?? []),
  ];
  try {
    await db.batch(statements as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]]);
  } catch (e) {
    // Another import of the same year (or of a group with the same name) committed first.
    if (!isUniqueViolation(e)) throw e;
    const [now] = await db
      .select({ id: fiscalYears.id })
      .from(fiscalYears)
      .where(and(eq(fiscalYears.orgId, orgId), eq(fiscalYears.beYear, input.beYear)));
    if (now) throw yearExists(input.beYear);
    throw appError(409, 'group_exists.import');
  }
  return { fiscalYearId, cards: cardRows.length, groupsCreated: groupRows.map((g) => ({ id: g.id, nameTh: g.nameTh })) };
}

/** What an import is planned against, in one round trip: the office's groups and its name. */
export async function readImportContext(db: Db, orgId: string) {
  const [known, [office]] = await db.batch([
    db.select({ id: groups.id, nameTh: groups.nameTh }).from(groups).where(eq(groups.orgId, orgId)),
    db.select({ nameTh: organisations.nameTh }).from(organisations).where(eq(organisations.id, orgId)),
  ]);
  return { known, office };
}

/** Whether the office has a board for the fiscal year already. */
export async function yearHasBoard(db: Db, orgId: string, beYear: number): Promise<boolean> {
  const [existing] = await db
    .select({ id: fiscalYears.id })
    .from(fiscalYears)
    .where(and(eq(fiscalYears.orgId, orgId), eq(fiscalYears.beYear, beYear)));
  return existing !== undefined;
}
