// Changing a measure after import: its lead group. The measure's cards follow, each with its own
// 'card.edited' event, all in one batch with the measure's update, chained after the fiscal
// year's head. Like a card change (cards.ts), a writer that read the same head loses on the
// unique seq and starts again from fresh reads, so nothing is half-written.
import { and, asc, eq, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { isUniqueViolation, type Db } from './client';
import { cardEvents, cards, fiscalYears, groups, measures, type Card } from './schema';
import { chainEvents, chainHeadQuery, headOf, type NewEvent } from './events';
import { boardBusy, invalidGroup, refused, yearArchived, appError } from '../domain/errors';
import type { Access, Actor } from '../domain/access';

const MAX_ATTEMPTS = 8;

export interface MeasureLeadChange {
  measure: { id: string; fiscalYearId: string; number: number; leadGroupId: string | null };
  /** The cards as they are afterwards, each with the event that changed it (none: it already had that lead). */
  changed: { card: Card; event: { seq: number; hash: string; kind: string } }[];
}

export async function changeMeasureLead(
  db: Db,
  actor: Actor,
  measureId: string,
  leadGroupId: string,
  access: Access,
): Promise<MeasureLeadChange> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const yearOf = sql`(select "fiscal_year_id" from "measures" where "id" = ${measureId})`;
    // The head first, in the same batch as everything read: a change committed after these reads
    // takes our seq, and our batch fails.
    const [headRows, [measure], cardRows, [group], [year]] = await db.batch([
      chainHeadQuery(db, yearOf),
      db
        .select()
        .from(measures)
        .where(and(eq(measures.id, measureId), eq(measures.orgId, actor.orgId))),
      db
        .select()
        .from(cards)
        .where(and(eq(cards.measureId, measureId), eq(cards.orgId, actor.orgId)))
        .orderBy(asc(cards.stepNumber)),
      db
        .select({ id: groups.id })
        .from(groups)
        .where(and(eq(groups.id, leadGroupId), eq(groups.orgId, actor.orgId))),
      db
        .select({ orgId: fiscalYears.orgId, beYear: fiscalYears.beYear, archivedAt: fiscalYears.archivedAt })
        .from(fiscalYears)
        .where(eq(fiscalYears.id, yearOf)),
    ]);
    if (!measure) throw appError(404, 'not_found.measure');
    // Decided on the rows just read (policy.ts, through the route's `access`); a refusal is recorded by the route.
    if (!access.administers(measure.orgId)) throw refused();
    if (year && !access.writesYear(year)) throw yearArchived(year.beYear);
    if (!group) throw invalidGroup();

    const now = Date.now();
    const changes = cardRows
      .filter((card) => card.leadGroupId !== leadGroupId)
      .map((card) => {
        const groupIds = card.groupIds.filter((id) => id !== leadGroupId);
        const event: NewEvent = {
          cardId: card.id,
          kind: 'card.edited',
          before: { leadGroupId: card.leadGroupId, ...(groupIds.length !== card.groupIds.length ? { groupIds: card.groupIds } : {}) },
          after: { leadGroupId, ...(groupIds.length !== card.groupIds.length ? { groupIds } : {}) },
        };
        return { card, groupIds, event };
      });
    const view = { id: measure.id, fiscalYearId: measure.fiscalYearId, number: measure.number, leadGroupId };
    if (changes.length === 0 && measure.leadGroupId === leadGroupId) return { measure: view, changed: [] };

    const eventRows = await chainEvents(
      headOf(headRows),
      { orgId: actor.orgId, fiscalYearId: measure.fiscalYearId, actorUserId: actor.userId, at: now },
      changes.map((c) => c.event),
    );
    const statements: BatchItem<'sqlite'>[] = [
      ...eventRows.map((row) => db.insert(cardEvents).values(row)),
      db.update(measures).set({ leadGroupId }).where(eq(measures.id, measure.id)),
      ...changes.map(({ card, groupIds }) =>
        db
          .update(cards)
          .set({ leadGroupId, groupIds, version: card.version + 1, updatedAt: now })
          .where(and(eq(cards.id, card.id), eq(cards.version, card.version)))
          .returning(),
      ),
    ];
    try {
      const results = await db.batch(statements as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]]);
      const updated = results.slice(eventRows.length + 1) as Card[][];
      const changed = updated.map((rows, i) => {
        // Every card change writes an event, so a lost race fails on the seq above; an empty
        // update would mean a write without an event somewhere else. Refuse loudly.
        const card = rows[0];
        if (!card) throw new Error(`card ${changes[i]!.card.id} changed without an event`);
        return { card, event: { seq: eventRows[i]!.seq, hash: eventRows[i]!.hash, kind: 'card.edited' } };
      });
      return { measure: view, changed };
    } catch (e) {
      if (isUniqueViolation(e)) continue;
      throw e;
    }
  }
  throw boardBusy();
}

/** The board (fiscal year) of the office's measure; null when the office has no such measure. */
export async function measureHome(db: Db, orgId: string, measureId: string): Promise<string | null> {
  const [row] = await db
    .select({ fiscalYearId: measures.fiscalYearId })
    .from(measures)
    .where(and(eq(measures.id, measureId), eq(measures.orgId, orgId)))
    .limit(1);
  return row?.fiscalYearId ?? null;
}
