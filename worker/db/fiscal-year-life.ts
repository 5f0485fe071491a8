// A fiscal year's life cycle (administrators): archive it (read-only, off the default menus,
// kept with its reports and log), restore it, or delete it while its log holds nothing but its
// import. Records are never destroyed otherwise: offices keep them at least ten years.
import { measureAggregates } from './schema';
import { and, count, eq, ne, sql } from 'drizzle-orm';
import type { Db } from './client';
import { advancePublication } from './public';
import { audit } from './auth';
import { auditLog, boardColumns, cardEvents, cards, comments, evidenceLinks, fiscalYears, measures, oitItems, oitSubmissions, reportSchedules, reports, type FiscalYear } from './schema';
import { yearArchived, appError } from '../domain/errors';
import type { Access, Actor } from '../domain/access';
import { findFiscalYear } from './board';

export interface YearActivity {
  /** Events other than the import's 'card.created': moves, edits, evidence, comments. */
  events: number;
  /** Kept reports. */
  reports: number;
  /** Cards of the year (not activity: what a deletion would remove). */
  cards: number;
}

/** What happened in a year besides its import. */
export async function yearActivity(db: Db, orgId: string, fiscalYearId: string): Promise<YearActivity> {
  const [[events], [kept], [cardCount]] = await db.batch([
    db
      .select({ n: count() })
      .from(cardEvents)
      .where(and(eq(cardEvents.orgId, orgId), eq(cardEvents.fiscalYearId, fiscalYearId), ne(cardEvents.kind, 'card.created'))),
    db
      .select({ n: count() })
      .from(reports)
      .where(and(eq(reports.orgId, orgId), eq(reports.fiscalYearId, fiscalYearId))),
    db
      .select({ n: count() })
      .from(cards)
      .where(and(eq(cards.orgId, orgId), eq(cards.fiscalYearId, fiscalYearId))),
  ]);
  return { events: events?.n ?? 0, reports: kept?.n ?? 0, cards: cardCount?.n ?? 0 };
}

/** Sets or clears archived_at; the audit entry is written in the same batch. */
export async function setArchived(db: Db, fy: FiscalYear, archived: boolean, actor: { userId: string; ip: string | null }, now: number): Promise<FiscalYear> {
  const [[row]] = await db.batch([
    db
      .update(fiscalYears)
      .set({ archivedAt: archived ? now : null })
      .where(and(eq(fiscalYears.id, fy.id), eq(fiscalYears.orgId, fy.orgId)))
      .returning(),
    audit(db, {
      orgId: fy.orgId,
      userId: actor.userId,
      action: archived ? 'fiscal_year.archived' : 'fiscal_year.restored',
      detail: { beYear: fy.beYear, fiscalYearId: fy.id },
      ip: actor.ip,
    }),
  ]);
  if (!row) throw appError(404, 'not_found.year', { year: fy.beYear });
  return row;
}

export const yearHasActivity = (beYear: number, activity: YearActivity) =>
  appError(409, 'fiscal_year_in_use', { year: beYear, events: activity.events, reports: activity.reports }, { details: { events: activity.events, reports: activity.reports } });

/**
 * Deletes a year whose log holds nothing but its import, with its audit entry, in one batch.
 * Every statement carries the same guard — no event but 'card.created' and no report — checked
 * inside the batch (one transaction), so a change that lands between the caller's check and the
 * batch leaves the year whole. Returns false when the guard held the year back.
 */
export async function deleteUnusedYear(db: Db, fy: FiscalYear, actor: { userId: string; ip: string | null }, cardCount: number): Promise<boolean> {
  const unused = sql`not exists (select 1 from ${cardEvents} where ${cardEvents.fiscalYearId} = ${fy.id} and ${cardEvents.kind} <> 'card.created')
    and not exists (select 1 from ${reports} where ${reports.fiscalYearId} = ${fy.id})`;
  const yearCards = sql`(select ${cards.id} from ${cards} where ${cards.fiscalYearId} = ${fy.id})`;
  const inYear = <T extends typeof cards | typeof measures | typeof boardColumns | typeof oitItems | typeof oitSubmissions | typeof reportSchedules | typeof cardEvents>(t: T) =>
    and(eq(t.orgId, fy.orgId), eq(t.fiscalYearId, fy.id), unused);
  const statements = [
    db.delete(evidenceLinks).where(and(sql`${evidenceLinks.cardId} in ${yearCards}`, unused)),
    db.delete(comments).where(and(sql`${comments.cardId} in ${yearCards}`, unused)),
    db.delete(cards).where(inYear(cards)),
    db.delete(measures).where(inYear(measures)),
    db.delete(boardColumns).where(inYear(boardColumns)),
    db.delete(oitItems).where(inYear(oitItems)),
    db.delete(oitSubmissions).where(inYear(oitSubmissions)),
    db.delete(reportSchedules).where(inYear(reportSchedules)),
    db.delete(cardEvents).where(inYear(cardEvents)),
    db.delete(measureAggregates).where(and(eq(measureAggregates.fiscalYearId, fy.id), unused)),
    db.delete(fiscalYears).where(and(eq(fiscalYears.id, fy.id), eq(fiscalYears.orgId, fy.orgId), unused)),
    // A deleted year that was published leaves the public page at once (db/public.ts).
    advancePublication(db, fy.orgId),
    // Recorded only when the year is gone (an INSERT … SELECT lists every column, in order).
    db.insert(auditLog).select(
      sql`SELECT NULL, ${fy.orgId}, ${actor.userId}, 'fiscal_year.deleted', ${JSON.stringify({ beYear: fy.beYear, fiscalYearId: fy.id, cards: cardCount })},
            ${actor.ip}, ${Date.now()}
          WHERE NOT EXISTS (SELECT 1 FROM ${fiscalYears} WHERE ${fiscalYears.id} = ${fy.id})`,
    ),
    db.select({ id: fiscalYears.id }).from(fiscalYears).where(eq(fiscalYears.id, fy.id)),
  ] as const;
  const results = await db.batch(statements);
  const left = results[results.length - 1] as { id: string }[];
  return left.length === 0;
}

/** The office's fiscal year `beYear` for a change: 404 when missing, 409 when archived (policy.canWriteYear, through `access`). */
export async function findWritableYear(db: Db, actor: Actor, beYear: number, access: Access): Promise<FiscalYear> {
  const fy = await findFiscalYear(db, actor.orgId, beYear);
  if (!access.writesYear(fy)) throw yearArchived(fy.beYear);
  return fy;
}

/** The same check for a year known by id (a card's, a column's). */
export async function assertWritableYearId(db: Db, actor: Actor, fiscalYearId: string, access: Access): Promise<void> {
  const [fy] = await db
    .select()
    .from(fiscalYears)
    .where(and(eq(fiscalYears.id, fiscalYearId), eq(fiscalYears.orgId, actor.orgId)))
    .limit(1);
  if (fy && !access.writesYear(fy)) throw yearArchived(fy.beYear);
}
