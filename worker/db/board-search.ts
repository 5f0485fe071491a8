// What the board's search reads: the texts of one fiscal year's cards (GET /api/boards/:beYear/search).
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from './client';
import { cards, fiscalYears } from './schema';
import { appError } from '../domain/errors';
import type { SearchableCard } from '../domain/search-text';

/**
 * The searchable texts (title, details, checklist) of every card of the office's year `beYear`,
 * in one round trip: the year, then its cards through the board's index on cards (fiscal year,
 * office), like the board itself. 404 when the office has no such year.
 */
export async function searchableCards(db: Db, orgId: string, beYear: number): Promise<(SearchableCard & { id: string })[]> {
  const yearId = sql`(select "id" from "fiscal_years" where "org_id" = ${orgId} and "be_year" = ${beYear})`;
  const [[fy], rows] = await db.batch([
    db
      .select({ id: fiscalYears.id })
      .from(fiscalYears)
      .where(and(eq(fiscalYears.orgId, orgId), eq(fiscalYears.beYear, beYear)))
      .limit(1),
    db
      .select({ id: cards.id, title: cards.title, details: cards.details, checklist: cards.checklist })
      .from(cards)
      .where(and(eq(cards.fiscalYearId, yearId), eq(cards.orgId, orgId))),
  ]);
  if (!fy) throw appError(404, 'not_found.year', { year: beYear });
  return rows;
}
