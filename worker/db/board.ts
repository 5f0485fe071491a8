// Reading a fiscal year's board: five indexed reads in one round trip.
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from './client';
import { chainHeadQuery, headOf } from './events';
import { boardColumns, cards, fiscalYears, groups, measures, type Card, type FiscalYear } from './schema';
import type { BoardView, CardView, FiscalYearView } from '../domain/contracts';
import type { LiveCard } from '../domain/contracts-card';
import type { Access, Actor } from '../domain/access';
import { appError } from '../domain/errors';

export function toFiscalYearView(fy: FiscalYear): FiscalYearView {
  return { id: fy.id, beYear: fy.beYear, titleTh: fy.titleTh, startsOn: fy.startsOn, endsOn: fy.endsOn, archivedAt: fy.archivedAt };
}

/** The card as everyone on the board may see it (live broadcasts carry this). */
export function toLiveCard(card: Card): LiveCard {
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
    checklist: card.checklist,
    version: card.version,
    updatedAt: card.updatedAt,
  };
}

/** The card as its reader sees it: `editable` is policy.ts's decision (Access.editsCard). */
export function toCardView(card: Card, editable: boolean): CardView {
  return { ...toLiveCard(card), editable };
}

/** The ids of the office's boards (one per fiscal year). */
export async function fiscalYearIds(db: Db, orgId: string): Promise<string[]> {
  const rows = await db.select({ id: fiscalYears.id }).from(fiscalYears).where(eq(fiscalYears.orgId, orgId));
  return rows.map((r) => r.id);
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
  if (!fy) throw appError(404, 'not_found.year', { year: beYear });
  return fy;
}

/** The id of the office's fiscal year `beYear`, as a subquery (so the board reads in one batch). */
const yearId = (orgId: string, beYear: number) =>
  sql`(select "id" from "fiscal_years" where "org_id" = ${orgId} and "be_year" = ${beYear})`;

/**
 * The board in one round trip: six indexed reads in one batch. The batch is one transaction, so
 * `seq` (the head of the year's event log) is exactly the state the cards show: the live
 * connection compares it with its hello and refetches only when something committed since. Only the measures are ordered by
 * SQL (their index is in that order); everything else is sorted here, because an ORDER BY that no
 * index serves makes SQLite sort through a temporary b-tree and D1 counts every sorted row as read
 * a second time (2,000 cards: 4,001 rows read instead of 2,001). tests/bench measures this.
 */
export async function loadBoard(db: Db, actor: Actor, beYear: number, access: Access): Promise<BoardView> {
  const fyId = yearId(actor.orgId, beYear);
  const inYear = <T extends { fiscalYearId: unknown; orgId: unknown }>(t: T) =>
    and(eq(t.fiscalYearId as typeof cards.fiscalYearId, fyId), eq(t.orgId as typeof cards.orgId, actor.orgId));
  const [[fy], cols, grps, ms, cs, head] = await db.batch([
    db
      .select()
      .from(fiscalYears)
      .where(and(eq(fiscalYears.orgId, actor.orgId), eq(fiscalYears.beYear, beYear)))
      .limit(1),
    db.select().from(boardColumns).where(inYear(boardColumns)),
    db.select().from(groups).where(eq(groups.orgId, actor.orgId)),
    db.select().from(measures).where(inYear(measures)).orderBy(asc(measures.section), asc(measures.number)),
    db.select().from(cards).where(inYear(cards)),
    chainHeadQuery(db, fyId),
  ]);
  if (!fy) throw appError(404, 'not_found.year', { year: beYear });
  cols.sort((a, b) => a.position - b.position);
  grps.sort((a, b) => a.position - b.position);
  const position = new Map(cols.map((c) => [c.id, c.position]));
  // By column position, then order key. Keys are ASCII, so < compares them as SQLite's BINARY does.
  cs.sort((a, b) => (position.get(a.columnId) ?? 0) - (position.get(b.columnId) ?? 0) || (a.orderKey < b.orderKey ? -1 : a.orderKey > b.orderKey ? 1 : 0));
  return {
    fiscalYear: toFiscalYearView(fy),
    columns: cols.map(({ orgId: _o, fiscalYearId: _f, ...c }) => c),
    groups: grps.map(({ id, nameTh, nameEn }) => ({ id, nameTh, nameEn })),
    measures: ms.map(({ orgId: _o, fiscalYearId: _f, ...m }) => m),
    // An archived year is read-only for everyone: no card is offered for editing.
    cards: cs.map((c) => toCardView(c, access.writesYear(fy) && access.editsCard(c))),
    seq: headOf(head).seq,
  };
}
