// Writing to the card event log. Every change to a board builds its event with `chainEvents`
// and puts the insert in the same db.batch as the change itself.
import { desc, eq, type SQL } from 'drizzle-orm';
import type { Db } from './client';
import { cardEvents } from './schema';
import { GENESIS_HASH, eventHash } from '../domain/event-chain';

export interface ChainHead {
  seq: number;
  hash: string;
}

export interface NewEvent {
  cardId: string | null;
  kind: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** The fiscal year's last event; `fiscalYear` is an id or a subquery selecting one. */
export function chainHeadQuery(db: Db, fiscalYear: string | SQL) {
  return db
    .select({ seq: cardEvents.seq, hash: cardEvents.hash })
    .from(cardEvents)
    .where(eq(cardEvents.fiscalYearId, fiscalYear))
    .orderBy(desc(cardEvents.seq))
    .limit(1);
}

export function headOf(rows: ChainHead[]): ChainHead {
  return rows[0] ?? { seq: 0, hash: GENESIS_HASH };
}

/** Rows for the events, linked after `head`, in order. */
export async function chainEvents(
  head: ChainHead,
  ctx: { orgId: string; fiscalYearId: string; actorUserId: string | null; at: number },
  events: readonly NewEvent[],
): Promise<(typeof cardEvents.$inferInsert)[]> {
  const rows: (typeof cardEvents.$inferInsert)[] = [];
  let prev = head;
  for (const e of events) {
    const content = {
      id: crypto.randomUUID(),
      orgId: ctx.orgId,
      fiscalYearId: ctx.fiscalYearId,
      seq: prev.seq + 1,
      cardId: e.cardId,
      actorUserId: ctx.actorUserId,
      kind: e.kind,
      before: e.before,
      after: e.after,
      at: ctx.at,
    };
    const hash = await eventHash(prev.hash, content);
    rows.push({ ...content, prevHash: prev.hash, hash });
    prev = { seq: content.seq, hash };
  }
  return rows;
}
