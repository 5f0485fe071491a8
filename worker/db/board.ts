// Reading a fiscal year's board: five indexed reads in one round trip.
import { and, asc, eq, sql } from 'drizzle-orm';
import type { BatchResponse } from 'drizzle-orm/batch';
import type { Db } from './client';
import { chainHeadQuery, headOf, type ChainHead } from './events';
import { boardColumns, cards, evidenceLinks, fiscalYears, groups, measures, organisations, type BoardColumn, type Card, type FiscalYear, type Group, type Measure } from './schema';
import type { BoardView, CardFull, CardView, FiscalYearView } from '../domain/contracts';
import { boardCardOf } from '../domain/board-card';
import type { LiveCard } from '../domain/contracts-card';
import type { Access, Actor } from '../domain/access';
import { appError } from '../domain/errors';
import { doneNeedsEvidence } from '../domain/done-rule';

export function toFiscalYearView(fy: FiscalYear): FiscalYearView {
  return { id: fy.id, beYear: fy.beYear, titleTh: fy.titleTh, startsOn: fy.startsOn, endsOn: fy.endsOn, archivedAt: fy.archivedAt };
}

/** The card as everyone on the board may see it (live broadcasts carry this): domain/board-card.ts. */
export function toLiveCard(card: Card): LiveCard {
  return boardCardOf(card);
}

/** The card as its reader sees it on the board: `editable` is policy.ts's decision (Access.editsCard). */
export function toCardView(card: Card, editable: boolean): CardView {
  return { ...boardCardOf(card), editable };
}

/** The whole card, as its drawer shows it (GET /api/cards/:id): the board's card, its details and checklist. */
export function toCardFull(card: Card, editable: boolean): CardFull {
  return { ...boardCardOf(card), details: card.details, checklist: card.checklist, editable };
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

/** A board's rows as D1 has them, sorted as the board shows them, and the head of its event log. */
export interface BoardRows {
  fy: FiscalYear;
  columns: BoardColumn[];
  groups: Group[];
  measures: Measure[];
  cards: Card[];
  head: ChainHead;
}

/**
 * The board in one round trip: six indexed reads in one batch. The batch is one transaction, so
 * `head` (of the year's event log) is exactly the state the cards show. `year`: the fiscal year's
 * id, or its Buddhist Era year. Only the measures are ordered by SQL (their index is in that
 * order); everything else is sorted here, because an ORDER BY that no index serves makes SQLite
 * sort through a temporary b-tree and D1 counts every sorted row as read a second time (2,000
 * cards: 4,001 rows read instead of 2,001). tests/bench measures this.
 */
export async function readBoardRows(db: Db, orgId: string, year: { id: string } | { beYear: number }): Promise<BoardRows | null> {
  return boardRowsOf(await db.batch(boardQueries(db, orgId, year)));
}

/** The reads of readBoardRows, for one batch. */
function boardQueries(db: Db, orgId: string, year: { id: string } | { beYear: number }) {
  const fyId = 'id' in year ? year.id : yearId(orgId, year.beYear);
  const inYear = <T extends { fiscalYearId: unknown; orgId: unknown }>(t: T) =>
    and(eq(t.fiscalYearId as typeof cards.fiscalYearId, fyId), eq(t.orgId as typeof cards.orgId, orgId));
  return [
    db
      .select()
      .from(fiscalYears)
      .where(and(eq(fiscalYears.orgId, orgId), 'id' in year ? eq(fiscalYears.id, year.id) : eq(fiscalYears.beYear, year.beYear)))
      .limit(1),
    db.select().from(boardColumns).where(inYear(boardColumns)),
    db.select().from(groups).where(eq(groups.orgId, orgId)),
    db.select().from(measures).where(inYear(measures)).orderBy(asc(measures.section), asc(measures.number)),
    db.select().from(cards).where(inYear(cards)),
    chainHeadQuery(db, fyId),
  ] as const;
}

type BoardResults = BatchResponse<ReturnType<typeof boardQueries>>;

function boardRowsOf([[fy], cols, grps, ms, cs, head]: BoardResults): BoardRows | null {
  if (!fy) return null;
  cols.sort((a, b) => a.position - b.position);
  grps.sort((a, b) => a.position - b.position);
  sortCards(cs, cols);
  return { fy, columns: cols, groups: grps, measures: ms, cards: cs, head: headOf(head) };
}

/** What the board's room keeps besides the board: the office's rules and each card's evidence count. */
export interface RoomRows extends BoardRows {
  /** organisations.settings.doneNeedsEvidence (domain/done-rule.ts), on when absent. */
  doneNeedsEvidence: boolean;
  /** Evidence links and files per card id (cards without any are absent). */
  evidence: Map<string, number>;
}

/**
 * The board as its room (live/board-room.ts) loads it: readBoardRows's reads, the office's
 * settings and the card of each evidence link of the year, in the same batch (one transaction,
 * so the counts are exactly those of the cards and head read).
 */
export async function readRoomRows(db: Db, orgId: string, fiscalYearId: string): Promise<RoomRows | null> {
  const [fy, cols, grps, ms, cs, head, [org], links] = await db.batch([
    ...boardQueries(db, orgId, { id: fiscalYearId }),
    db.select({ settings: organisations.settings }).from(organisations).where(eq(organisations.id, orgId)).limit(1),
    db
      .select({ cardId: evidenceLinks.cardId })
      .from(evidenceLinks)
      .innerJoin(cards, eq(cards.id, evidenceLinks.cardId))
      .where(and(eq(cards.fiscalYearId, fiscalYearId), eq(cards.orgId, orgId), eq(evidenceLinks.orgId, orgId))),
  ]);
  const rows = boardRowsOf([fy, cols, grps, ms, cs, head]);
  if (!rows) return null;
  const evidence = new Map<string, number>();
  for (const { cardId } of links) evidence.set(cardId, (evidence.get(cardId) ?? 0) + 1);
  return { ...rows, doneNeedsEvidence: doneNeedsEvidence(org?.settings), evidence };
}

/** By column position, then order key. Keys are ASCII, so < compares them as SQLite's BINARY does. */
export function sortCards(cs: Card[], columns: readonly BoardColumn[]): void {
  const position = new Map(columns.map((c) => [c.id, c.position]));
  cs.sort((a, b) => (position.get(a.columnId) ?? 0) - (position.get(b.columnId) ?? 0) || (a.orderKey < b.orderKey ? -1 : a.orderKey > b.orderKey ? 1 : 0));
}

/** Everything of the board's answer but its cards and seq: the same for every reader. */
export function boardFrame(rows: BoardRows): Omit<BoardView, 'cards' | 'seq'> {
  return {
    fiscalYear: toFiscalYearView(rows.fy),
    columns: rows.columns.map(({ orgId: _o, fiscalYearId: _f, ...c }) => c),
    groups: rows.groups.map(({ id, nameTh, nameEn }) => ({ id, nameTh, nameEn })),
    measures: rows.measures.map(({ orgId: _o, fiscalYearId: _f, ...m }) => m),
  };
}

/** Whether the reader may edit the card: never in an archived year (policy.ts decides both). */
export const editableFor = (access: Access, fy: FiscalYear, card: Card) => access.writesYear(fy) && access.editsCard(card);

/**
 * The board read from D1 (the board's room serves it from memory: live/board-room.ts; the
 * benchmarks compare the two).
 */
export async function loadBoard(db: Db, actor: Actor, beYear: number, access: Access): Promise<BoardView> {
  const rows = await readBoardRows(db, actor.orgId, { beYear });
  if (!rows) throw appError(404, 'not_found.year', { year: beYear });
  return {
    ...boardFrame(rows),
    // An archived year is read-only for everyone: no card is offered for editing.
    cards: rows.cards.map((c) => toCardView(c, editableFor(access, rows.fy, c))),
    seq: rows.head.seq,
  };
}
