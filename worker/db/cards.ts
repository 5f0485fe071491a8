// Changing cards and what hangs off them. Each change is one db.batch: the writes (a card update
// guarded by its version, an evidence link, a comment) and the event that records them, chained
// after the fiscal year's current head. Two writers that read the same head cannot both commit
// (card_events has a unique (fiscal_year_id, seq)), so the loser's whole batch rolls back and is
// retried from fresh reads: nothing is half-written, and a stale `version` from the client always
// ends in 409 with the card as the server has it now. Routes get the committed seq back, to
// announce the change to the board's open tabs (live/notify.ts) once it has committed.
import { and, asc, count, desc, eq, gt, inArray, lt, ne, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { isUniqueViolation, type Db } from './client';
import { boardColumns, cardEvents, cards, evidenceLinks, fiscalYears, groups, organisations, type Card, type ChecklistItem, type ColumnCategory } from './schema';
import { chainEvents, chainHeadQuery, headOf, type ChainHead, type NewEvent } from './events';
import { clockNow } from './clock';
import { cardAggregateWrites } from './aggregates';
import { toCardView } from './board';
import { AppError, boardBusy, invalidGroup, refused, wouldLoseAccess, yearArchived, appError } from '../domain/errors';
import type { Access, Actor, CardAction } from '../domain/access';
import { keyBetween } from '../domain/ordering';
import { doneNeedsEvidence, moveRefusal, type DoneFacts } from '../domain/done-rule';
import type { CardView } from '../domain/contracts';
import type { EditCardRequest, MoveCardRequest } from '../domain/schemas/cards';

const MAX_ATTEMPTS = 8;

export type CardEdit = EditCardRequest;

const cardYear = (cardId: string) => sql`(select "fiscal_year_id" from "cards" where "id" = ${cardId})`;

/**
 * A change to a card or to what hangs off it (evidence, comments): the statements to commit with
 * its event, and how to read the result from theirs. `card` is the card as it is afterwards.
 */
export type CardChange<R> =
  | {
      event: NewEvent;
      writes: BatchItem<'sqlite'>[];
      read: (results: unknown[]) => { value: R; card: Card };
      /** The card as the writes leave it (default: as it was: evidence, comments). */
      after?: Card;
    }
  | { unchanged: R };

/** A change decided on a reading and ready to commit: its statements (the event first) and what it leaves. */
export interface PlannedChange<R> {
  statements: [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]];
  event: { seq: number; hash: string; kind: string };
  /** The card as it will be once committed (a writer that knows the board applies it before the next plan). */
  after: Card;
  /** The value and card from the results of `statements` (all of them, the event's first). */
  read: (results: unknown[]) => { value: R; card: Card };
}

/** What a committed change returns: its value, the card afterwards, and the event (null: nothing changed). */
export interface CardCommit<R> {
  value: R;
  card: Card;
  event: { seq: number; hash: string; kind: string } | null;
}

/** A card as a write loop reads it: with its year (archived or not) and the year's chain head. */
export interface CardReading {
  card: Card;
  year: { orgId: string; beYear: number; archivedAt: number | null };
  head: ChainHead;
}

/**
 * Where a write loop reads the card it changes: D1 (`d1Cards`, one batch), or the memory of the
 * board's only writer (live/board-room.ts), which knows every card and the head because every
 * change goes through it. Either way the unique seq catches a reading that was stale.
 */
export interface CardSource {
  read(cardId: string): Promise<CardReading | null>;
  /**
   * When the source knows the whole board: the cards of one of its columns in order (null: no
   * such column on the board), so placing a card reads nothing more. D1 does not implement it.
   */
  column?(columnId: string): readonly Card[] | null;
  /** When the source knows the office's groups: their ids. */
  groupIds?(): readonly string[];
  /** When the source knows the board's columns: a column's category (the aggregates' writes). */
  category?(columnId: string): ColumnCategory | null;
  /**
   * What the done rule (domain/done-rule.ts) asks of `card` and the column `columnId` (where it
   * goes, or where it is): the board's room answers from memory; D1 reads it.
   */
  doneFacts(card: Card, columnId: string): DoneFacts | Promise<DoneFacts>;
  /**
   * When the source commits changes itself (the board's room, several in one batch): takes the
   * planned change and answers once it has committed. Without it, the change commits alone.
   */
  commit?<R>(planned: PlannedChange<R>): Promise<CardCommit<R>>;
  /** The commit lost the seq: someone wrote around the reader. Called before reading again. */
  lostRace(): Promise<void>;
}

/** Reads the card, its year and the head in one D1 batch. */
export function d1Cards(db: Db, orgId: string): CardSource {
  return {
    async read(cardId) {
      // The head is read before (and in the same batch as) the card: anything committed after
      // these reads takes our seq, so our batch fails and we start again from fresh reads.
      // (No column of the year whose name a card column has: a batch maps its rows by name.)
      const [headRows, [row]] = await db.batch([
        chainHeadQuery(db, cardYear(cardId)),
        db
          .select({ card: cards, beYear: fiscalYears.beYear, archivedAt: fiscalYears.archivedAt })
          .from(cards)
          .innerJoin(fiscalYears, eq(fiscalYears.id, cards.fiscalYearId))
          .where(and(eq(cards.id, cardId), eq(cards.orgId, orgId)))
          .limit(1),
      ]);
      if (!row) return null;
      return { card: row.card, year: { orgId: row.card.orgId, beYear: row.beYear, archivedAt: row.archivedAt }, head: headOf(headRows) };
    },
    doneFacts: (card, columnId) => d1DoneFacts(db, orgId, card, columnId),
    lostRace: async () => undefined,
  };
}

/**
 * The done rule's facts read from D1, in one batch: the office's switch, the categories of the
 * card's column and of `columnId`, the card's evidence. (The board's room knows them in memory.)
 */
async function d1DoneFacts(db: Db, orgId: string, card: Card, columnId: string): Promise<DoneFacts> {
  const [[org], columns, [evidence]] = await db.batch([
    db.select({ settings: organisations.settings }).from(organisations).where(eq(organisations.id, orgId)).limit(1),
    db
      .select({ id: boardColumns.id, category: boardColumns.category, labelTh: boardColumns.labelTh, labelEn: boardColumns.labelEn })
      .from(boardColumns)
      .where(and(inArray(boardColumns.id, [card.columnId, columnId]), eq(boardColumns.orgId, orgId), eq(boardColumns.fiscalYearId, card.fiscalYearId))),
    db.select({ n: count() }).from(evidenceLinks).where(and(eq(evidenceLinks.cardId, card.id), eq(evidenceLinks.orgId, orgId))),
  ]);
  const column = columns.find((c) => c.id === columnId);
  return {
    required: doneNeedsEvidence(org?.settings),
    from: columns.find((c) => c.id === card.columnId)?.category ?? null,
    column: column ? { category: column.category, labelTh: column.labelTh, labelEn: column.labelEn } : null,
    evidence: evidence?.n ?? 0,
  };
}

export interface CardChangeRules<R> {
  /** Whether the actor may make this change to the card as read: a decision of `access` (policy.ts). */
  allowed: (card: Card) => boolean;
  /** Runs after the permission check, with fresh reads; may throw an AppError (nothing is written). */
  plan: (card: Card, now: number) => Promise<CardChange<R>>;
}

function conflict(card: Card, access: Access, code = 'version_conflict'): AppError {
  return appError(409, 'version_conflict', undefined, { code, extra: { card: toCardView(card, access.editsCard(card)) } });
}

/**
 * Reads the card and the chain head, asks `access` (policy.ts's decisions) whether the change is
 * allowed on the card as read, asks `plan` for the change, and commits its writes + event
 * atomically, retrying when another writer got there first. Every change to a board writes an
 * event, so anything `plan` read after the head (the permission's inputs included) is still true
 * when our batch commits, or the batch fails on the taken seq and we start again from fresh reads,
 * deciding again. A refusal throws `refused()`, which the route records.
 */
export async function commitCardChange<R>(
  db: Db,
  actor: Actor,
  access: Access,
  cardId: string,
  rules: CardChangeRules<R>,
  source: CardSource = d1Cards(db, actor.orgId),
): Promise<CardCommit<R>> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const planned = await planCardChange(db, actor, access, cardId, rules, await source.read(cardId));
    if ('unchanged' in planned) return planned.unchanged;
    if (source.commit) return source.commit(planned);
    try {
      const [committed] = await commitPlanned(db, [planned]);
      return committed!;
    } catch (e) {
      if (!isUniqueViolation(e)) throw e;
      await source.lostRace();
    }
  }
  throw boardBusy();
}

/**
 * Decides a change on a reading of the card (404 when there is none): the permission, the year,
 * then `plan`, and chains its event after the reading's head. Writes nothing.
 */
export async function planCardChange<R>(
  db: Db,
  actor: Actor,
  access: Access,
  cardId: string,
  rules: CardChangeRules<R>,
  reading: CardReading | null,
): Promise<{ unchanged: CardCommit<R> } | PlannedChange<R>> {
  if (!reading || reading.card.id !== cardId) throw appError(404, 'not_found.card');
  const { card, year, head } = reading;
  if (!rules.allowed(card)) throw refused();
  // An archived year is read-only for everyone (archiving goes through the board's writer too).
  if (!access.writesYear(year)) throw yearArchived(year.beYear);
  const now = clockNow();
  const change = await rules.plan(card, now);
  if ('unchanged' in change) return { unchanged: { value: change.unchanged, card, event: null } };
  const [eventRow] = await chainEvents(head, { orgId: actor.orgId, fiscalYearId: card.fiscalYearId, actorUserId: actor.userId, at: now }, [change.event]);
  return {
    statements: [db.insert(cardEvents).values(eventRow!), ...change.writes],
    event: { seq: eventRow!.seq, hash: eventRow!.hash, kind: change.event.kind },
    after: change.after ?? card,
    read: (results) => change.read(results.slice(1)),
  };
}

/**
 * Commits planned changes in one D1 batch, in order: all or none (a batch is one transaction).
 * The unique seq makes the batch fail when any of their seqs was taken meanwhile.
 */
export async function commitPlanned<R>(db: Db, planned: readonly PlannedChange<R>[]): Promise<CardCommit<R>[]> {
  const statements = planned.flatMap((p) => p.statements);
  const results = await db.batch(statements as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]]);
  let at = 0;
  return planned.map((p) => {
    const mine = results.slice(at, at + p.statements.length);
    at += p.statements.length;
    const { value, card } = p.read(mine);
    return { value, card, event: p.event };
  });
}

/** A change to the card row itself, guarded by the client's `version`; only card editors may. */
function changeCard(
  db: Db,
  actor: Actor,
  access: Access,
  action: CardAction,
  cardId: string,
  version: number,
  plan: (card: Card) => Promise<{ set: Partial<Card>; event: NewEvent } | null>,
  source?: CardSource,
): Promise<CardCommit<CardView>> {
  return commitCardChange<CardView>(db, actor, access, cardId, {
    allowed: (card) => access.mayChangeCard(action, card),
    plan: async (card, now) => {
      if (card.version !== version) throw conflict(card, access);
      const change = await plan(card);
      if (!change) return { unchanged: toCardView(card, access.editsCard(card)) };
      const after = { ...card, ...change.set, version: card.version + 1, updatedAt: now };
      return {
        event: change.event,
        after,
        writes: [
          db
            .update(cards)
            .set({ ...change.set, version: card.version + 1, updatedAt: now })
            .where(and(eq(cards.id, card.id), eq(cards.version, card.version)))
            .returning(),
          // The measure's aggregates (roll-up), from the card before and after, in the same batch.
          ...cardAggregateWrites(db, card, after, source?.category?.bind(source)),
        ],
        read: ([rows]) => {
          // The unique seq makes a lost race fail the batch; an empty update here would mean a
          // write without an event somewhere else. Refuse loudly rather than report success.
          const updated = (rows as Card[])[0];
          if (!updated) throw new Error(`card ${card.id} changed without an event`);
          return { value: toCardView(updated, access.editsCard(updated)), card: updated };
        },
      };
    },
  }, source);
}

export function moveCard(db: Db, actor: Actor, cardId: string, req: MoveCardRequest, access: Access, source?: CardSource) {
  return changeCard(
    db,
    actor,
    access,
    'card.move',
    cardId,
    req.version,
    async (card) => {
      const orderKey = source?.column ? placeAmong(source.column(req.toColumnId), access, card, req) : await placeIn(db, actor, access, card, req);
      // Into done only with evidence (asked after the place: a column not on the board is 422).
      if (card.columnId !== req.toColumnId) {
        const refusal = moveRefusal(await (source ?? d1Cards(db, actor.orgId)).doneFacts(card, req.toColumnId), card.title);
        if (refusal) throw refusal;
      }
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
    source,
  );
}

/**
 * The key for `card` in the target column, next to the neighbour the client named. Reads only
 * what it needs through the (column_id, order_key) index: the target column, the named
 * neighbour, and the one card on its other side — a few rows, however long the column is.
 */
async function placeIn(db: Db, actor: Actor, access: Access, card: Card, req: MoveCardRequest): Promise<string> {
  const neighbourId = req.afterCardId ?? req.beforeCardId;
  const inTarget = and(eq(cards.columnId, req.toColumnId), eq(cards.orgId, actor.orgId), ne(cards.id, card.id));
  const keyOf = (id: string) => sql`(select "order_key" from "cards" where "id" = ${id})`;
  const adjacent = req.afterCardId
    ? db.select({ orderKey: cards.orderKey }).from(cards).where(and(inTarget, gt(cards.orderKey, keyOf(req.afterCardId)))).orderBy(asc(cards.orderKey)).limit(1)
    : req.beforeCardId
      ? db.select({ orderKey: cards.orderKey }).from(cards).where(and(inTarget, lt(cards.orderKey, keyOf(req.beforeCardId)))).orderBy(desc(cards.orderKey)).limit(1)
      : db.select({ orderKey: cards.orderKey }).from(cards).where(inTarget).orderBy(asc(cards.orderKey)).limit(1);
  const [[target], [neighbour], [other]] = await db.batch([
    db
      .select({ id: boardColumns.id })
      .from(boardColumns)
      .where(and(eq(boardColumns.id, req.toColumnId), eq(boardColumns.orgId, actor.orgId), eq(boardColumns.fiscalYearId, card.fiscalYearId))),
    db
      .select({ orderKey: cards.orderKey })
      .from(cards)
      .where(and(inTarget, eq(cards.id, neighbourId ?? ''))),
    adjacent,
  ]);
  if (!target) {
    throw appError(422, 'invalid_column');
  }
  // A named neighbour that has left the column (or is the moving card itself): the client's
  // picture is stale.
  if (neighbourId && !neighbour) throw conflict(card, access, 'neighbours_changed');
  const otherKey = other?.orderKey ?? null;
  if (req.afterCardId) return keyBetween(neighbour!.orderKey, otherKey);
  if (req.beforeCardId) return keyBetween(otherKey, neighbour!.orderKey);
  return keyBetween(null, otherKey);
}

/** The same decision as placeIn, on the column's cards in order as the board's writer knows them. */
function placeAmong(column: readonly Card[] | null, access: Access, card: Card, req: MoveCardRequest): string {
  if (!column) throw appError(422, 'invalid_column');
  const others = column.filter((c) => c.id !== card.id);
  const neighbourId = req.afterCardId ?? req.beforeCardId;
  if (!neighbourId) return keyBetween(null, others[0]?.orderKey ?? null);
  const at = others.findIndex((c) => c.id === neighbourId);
  if (at < 0) throw conflict(card, access, 'neighbours_changed');
  const neighbour = others[at]!.orderKey;
  if (req.afterCardId) return keyBetween(neighbour, others[at + 1]?.orderKey ?? null);
  return keyBetween(others[at - 1]?.orderKey ?? null, neighbour);
}

const GROUP_FIELDS = ['leadGroupId', 'groupIds', 'allGroups'] as const;
const EDITABLE = ['title', 'details', 'dueOn', 'leadGroupId', 'groupIds', 'allGroups', 'checklist'] as const;

export function editCard(db: Db, actor: Actor, cardId: string, edit: CardEdit, access: Access, source?: CardSource) {
  return changeCard(
    db,
    actor,
    access,
    'card.edit',
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
      // Who is responsible for the card is the lead group's (or an administrator's) decision.
      if (GROUP_FIELDS.some((f) => f in after) && !access.changesCardGroups(card)) throw refused();
      const named = [...new Set([...(edit.groupIds ?? []), ...(edit.leadGroupId ? [edit.leadGroupId] : [])])];
      if (named.length > 0) {
        const found = source?.groupIds ? source.groupIds() : (await db.select({ id: groups.id }).from(groups).where(eq(groups.orgId, actor.orgId))).map((g) => g.id);
        const known = new Set(found);
        if (named.some((id) => !known.has(id))) {
          throw invalidGroup();
        }
      }
      // A director may not hand a card away from their own group (policy.keepsCardAfterEdit).
      if (!access.keepsCard({ ...card, ...after } as Card)) throw wouldLoseAccess();
      return { set: after as Partial<Card>, event: { cardId: card.id, kind: 'card.edited', before, after } };
    },
    source,
  );
}

/** The board (fiscal year) of the office's card `cardId`; null when the office has no such card. */
export async function cardHome(db: Db, orgId: string, cardId: string): Promise<string | null> {
  const [row] = await db
    .select({ fiscalYearId: cards.fiscalYearId })
    .from(cards)
    .where(and(eq(cards.id, cardId), eq(cards.orgId, orgId)))
    .limit(1);
  return row?.fiscalYearId ?? null;
}
