// Changing cards. Each change is one db.batch: the card update (guarded by its version) and the
// event that records it, chained after the fiscal year's current head. Two writers that read the
// same head cannot both commit (card_events has a unique (fiscal_year_id, seq)), so the loser's
// whole batch rolls back and is retried from fresh reads: nothing is half-written, and a stale
// `version` from the client always ends in 409 with the card as the server has it now.
import { and, asc, eq, ne, sql } from 'drizzle-orm';
import { isUniqueViolation, type Db } from './client';
import { boardColumns, cardEvents, cards, groups, type Card } from './schema';
import { chainEvents, chainHeadQuery, headOf, type NewEvent } from './events';
import { toCardView } from './board';
import { AppError, forbidden, notFound } from '../domain/errors';
import { canEditCard, type Actor } from '../domain/policy';
import { keyAfterIndex } from '../domain/ordering';
import type { CardView, MoveCardRequest } from '../domain/contracts';

const MAX_ATTEMPTS = 8;

export interface CardEdit {
  version: number;
  title?: string;
  details?: string;
  dueOn?: string | null;
  leadGroupId?: string | null;
  groupIds?: string[];
  allGroups?: boolean;
}

const cardYear = (cardId: string) => sql`(select "fiscal_year_id" from "cards" where "id" = ${cardId})`;

type Plan = { set: Partial<Card>; event: NewEvent } | null;

function conflict(card: Card, actor: Actor, code = 'version_conflict'): AppError {
  return new AppError(
    409,
    code,
    'การ์ดนี้ถูกเปลี่ยนโดยผู้อื่นแล้ว แสดงสถานะล่าสุด',
    'Someone else changed this card first; here is its current state',
    undefined,
    { card: toCardView(card, actor) },
  );
}

/**
 * Reads the card and the chain head, checks permission and version, asks `plan` for the change,
 * and commits change + event atomically, retrying when another writer got there first.
 */
async function changeCard(
  db: Db,
  actor: Actor,
  cardId: string,
  version: number,
  plan: (card: Card) => Promise<Plan>,
  onForbidden: () => Promise<void>,
): Promise<CardView> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    // The head is read before (and in the same batch as) the card: anything committed after
    // these reads takes our seq, so our batch fails and we start again from fresh reads.
    const [headRows, [card]] = await db.batch([
      chainHeadQuery(db, cardYear(cardId)),
      db
        .select()
        .from(cards)
        .where(and(eq(cards.id, cardId), eq(cards.orgId, actor.orgId)))
        .limit(1),
    ]);
    if (!card) throw notFound('Card', 'การ์ด');
    if (!canEditCard(actor, card)) {
      await onForbidden();
      throw forbidden();
    }
    if (card.version !== version) throw conflict(card, actor);
    const change = await plan(card);
    if (!change) return toCardView(card, actor);
    const head = headOf(headRows);
    const now = Date.now();
    const [eventRow] = await chainEvents(
      head,
      { orgId: actor.orgId, fiscalYearId: card.fiscalYearId, actorUserId: actor.userId, at: now },
      [change.event],
    );
    const next = { ...change.set, version: card.version + 1, updatedAt: now };
    try {
      const [updated] = await db.batch([
        db
          .update(cards)
          .set(next)
          .where(and(eq(cards.id, card.id), eq(cards.version, card.version)))
          .returning(),
        db.insert(cardEvents).values(eventRow!),
      ]);
      // The unique seq makes a lost race fail the batch; an empty update here would mean a write
      // without an event somewhere else. Refuse loudly rather than report success.
      if (!updated[0]) throw new Error(`card ${card.id} changed without an event`);
      return toCardView(updated[0], actor);
    } catch (e) {
      if (isUniqueViolation(e)) continue;
      throw e;
    }
  }
  throw new AppError(409, 'busy', 'มีผู้แก้ไขบอร์ดพร้อมกันจำนวนมาก กรุณาลองอีกครั้ง', 'The board is busy; please try again');
}

export function moveCard(db: Db, actor: Actor, cardId: string, req: MoveCardRequest, onForbidden: () => Promise<void>) {
  return changeCard(
    db,
    actor,
    cardId,
    req.version,
    async (card) => {
      const [[target], siblings] = await db.batch([
        db
          .select({ id: boardColumns.id })
          .from(boardColumns)
          .where(
            and(
              eq(boardColumns.id, req.toColumnId),
              eq(boardColumns.orgId, actor.orgId),
              eq(boardColumns.fiscalYearId, card.fiscalYearId),
            ),
          ),
        db
          .select({ id: cards.id, orderKey: cards.orderKey })
          .from(cards)
          .where(and(eq(cards.columnId, req.toColumnId), eq(cards.orgId, actor.orgId), ne(cards.id, card.id)))
          .orderBy(asc(cards.orderKey)),
      ]);
      if (!target) {
        throw new AppError(422, 'invalid_column', 'ไม่พบคอลัมน์ปลายทางในบอร์ดนี้', 'The target column is not on this board');
      }
      const afterIndex = neighbourIndex(siblings, req);
      if (afterIndex === null) throw conflict(card, actor, 'neighbours_changed');
      const keys = siblings.map((s) => s.orderKey);
      const orderKey = keyAfterIndex(keys, afterIndex);
      return {
        set: { columnId: req.toColumnId, orderKey },
        event: {
          cardId: card.id,
          kind: 'card.moved',
          before: { columnId: card.columnId, orderKey: card.orderKey, version: card.version },
          after: { columnId: req.toColumnId, orderKey, version: card.version + 1 },
        },
      };
    },
    onForbidden,
  );
}

/** Index of the card the moving card will follow (-1: first); null when a named neighbour is gone. */
function neighbourIndex(siblings: { id: string }[], req: MoveCardRequest): number | null {
  if (req.afterCardId) {
    const i = siblings.findIndex((s) => s.id === req.afterCardId);
    return i < 0 ? null : i;
  }
  if (req.beforeCardId) {
    const i = siblings.findIndex((s) => s.id === req.beforeCardId);
    return i < 0 ? null : i - 1;
  }
  return -1;
}

const EDITABLE = ['title', 'details', 'dueOn', 'leadGroupId', 'groupIds', 'allGroups'] as const;

export function editCard(db: Db, actor: Actor, cardId: string, edit: CardEdit, onForbidden: () => Promise<void>) {
  return changeCard(
    db,
    actor,
    cardId,
    edit.version,
    async (card) => {
      const before: Record<string, unknown> = {};
      const after: Record<string, unknown> = {};
      for (const field of EDITABLE) {
        const value = edit[field];
        if (value === undefined) continue;
        if (JSON.stringify(value) === JSON.stringify(card[field])) continue;
        before[field] = card[field];
        after[field] = value;
      }
      if (Object.keys(after).length === 0) return null;
      const named = [...new Set([...(edit.groupIds ?? []), ...(edit.leadGroupId ? [edit.leadGroupId] : [])])];
      if (named.length > 0) {
        const found = await db
          .select({ id: groups.id })
          .from(groups)
          .where(eq(groups.orgId, actor.orgId));
        const known = new Set(found.map((g) => g.id));
        if (named.some((id) => !known.has(id))) {
          throw new AppError(422, 'invalid_group', 'ไม่พบกลุ่มงานที่ระบุในสำนักงานนี้', 'A named group is not part of this office');
        }
      }
      // A director may not hand a card away from their own group: they would lose it mid-edit.
      if (actor.role === 'director' && !canEditCard(actor, { ...card, ...after } as Card)) {
        throw new AppError(
          422,
          'would_lose_access',
          'การแก้ไขนี้จะทำให้กลุ่มของคุณไม่ได้รับผิดชอบการ์ดนี้ กรุณาติดต่อผู้ดูแลระบบ',
          'This edit would take the card away from your group; ask an administrator',
        );
      }
      return { set: after as Partial<Card>, event: { cardId: card.id, kind: 'card.edited', before, after } };
    },
    onForbidden,
  );
}
