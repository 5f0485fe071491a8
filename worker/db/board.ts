// Reading a fiscal year's board: five indexed reads in one round trip.
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from './client';
import { boardColumns, cards, fiscalYears, groups, measures, type Card, type FiscalYear } from './schema';
import type { BoardView, CardView, FiscalYearView } from '../domain/contracts';
import { canEditCard, type Actor } from '../domain/policy';
import { notFound } from '../domain/errors';

export function toFiscalYearView(fy: FiscalYear): FiscalYearView {
  return { id: fy.id, beYear: fy.beYear, titleTh: fy.titleTh, startsOn: fy.startsOn, endsOn: fy.endsOn };
}

export function toCardView(card: Card, actor: Actor): CardView {
  return {
    id: card.id,
    measureId: card.measureId,
    stepNumber: card.stepNumber,
    title: card.title,
    details: card.details,
    leadGroupId: card.leadGroupId,
    groupIds: card.groupIds,
    allGroups: card.allGroups,
    columnId: card.columnId,
    orderKey: card.orderKey,
    dueOn: card.dueOn,
    version: card.version,
    updatedAt: card.updatedAt,
    editable: canEditCard(actor, card),
  };
}

export async function listFiscalYears(db: Db, orgId: string): Promise<FiscalYearView[]> {
  const rows = await db.select().from(fiscalYears).where(eq(fiscalYears.orgId, orgId)).orderBy(asc(fiscalYears.beYear));
  return rows.map(toFiscalYearView);
}

export async function findFiscalYear(db: Db, orgId: string, beYear: number): Promise<FiscalYear> {
  const [fy] = await db
    .select()
    .from(fiscalYears)
    .where(and(eq(fiscalYears.orgId, orgId), eq(fiscalYears.beYear, beYear)))
    .limit(1);
  if (!fy) throw notFound(`Fiscal year ${beYear}`, `ปีงบประมาณ ${beYear}`);
  return fy;
}

export async function loadBoard(db: Db, actor: Actor, beYear: number): Promise<BoardView> {
  const fy = await findFiscalYear(db, actor.orgId, beYear);
  const inYear = <T extends { fiscalYearId: unknown; orgId: unknown }>(t: T) =>
    and(eq(t.fiscalYearId as typeof cards.fiscalYearId, fy.id), eq(t.orgId as typeof cards.orgId, actor.orgId));
  const [cols, grps, ms, cs] = await db.batch([
    db.select().from(boardColumns).where(inYear(boardColumns)).orderBy(asc(boardColumns.position)),
    db.select().from(groups).where(eq(groups.orgId, actor.orgId)).orderBy(asc(groups.position)),
    db.select().from(measures).where(inYear(measures)).orderBy(asc(measures.section), asc(measures.number)),
    db.select().from(cards).where(inYear(cards)).orderBy(asc(cards.orderKey)),
  ]);
  const position = new Map(cols.map((c) => [c.id, c.position]));
  // Cards arrive sorted by key; a stable sort by column position keeps key order within a column.
  const sorted = [...cs].sort((a, b) => (position.get(a.columnId) ?? 0) - (position.get(b.columnId) ?? 0));
  return {
    fiscalYear: toFiscalYearView(fy),
    columns: cols.map(({ orgId: _o, fiscalYearId: _f, ...c }) => c),
    groups: grps.map(({ id, nameTh, nameEn }) => ({ id, nameTh, nameEn })),
    measures: ms.map(({ orgId: _o, fiscalYearId: _f, ...m }) => m),
    cards: sorted.map((c) => toCardView(c, actor)),
  };
}
