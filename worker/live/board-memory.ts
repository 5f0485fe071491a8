// A board as its only writer (live/board-room.ts) holds it in memory: the rows D1 has, each card's
// serialised part, the head of the event log, and which cards changed at which seq since it was
// loaded. Nothing here reads or writes D1: the room loads the rows (db/board.ts readRoomRows),
// commits changes, and tells this memory what committed. It also knows what the done rule
// (domain/done-rule.ts) asks: the office's switch and each card's evidence count, kept by the
// evidence events it is told of, so a move into done reads nothing more.
//
// The board's answer is assembled from the parts, so a change re-serialises one card, not the
// board; the answer of each permission shape is kept until the next change. Its ETag is the
// board's version — the hash at the head of its event log (every card change advances it) and a
// hash of everything else the answer shows (columns, groups, measures, the year) — with the
// reader's permission shape. Both are what D1 holds, so a room loaded again after an eviction
// gives the same tag for the same board, and a reader who has it still gets 304.
import { boardFrame, editableFor, sortCards, toLiveCard, type BoardRows, type RoomRows } from '../db/board';
import type { Card, ColumnCategory, FiscalYear } from '../db/schema';
import type { ChainHead } from '../db/events';
import type { CardReading } from '../db/cards';
import type { Access, Actor } from '../domain/access';
import type { CardView } from '../domain/contracts';
import { cardColumnsText, cardPart } from '../domain/board-card';
import { evidenceDelta, type DoneFacts } from '../domain/done-rule';

/** How many card changes the memory remembers for `changesSince` (older: load the board). */
export const CHANGE_LOG_LIMIT = 2_000;

/** What in the actor decides what they see of a board: the `editable` flags follow from it. */
export const permissionShape = (actor: Actor) => `${actor.role}.${actor.groupId ?? '-'}`;

export type Changes = { seq: number; cards: CardView[] } | { reload: true; seq: number };

export class BoardMemory {
  private rows: BoardRows;
  /** A hash of the frame (everything but the cards and seq). */
  private frameTag: string;
  /** Cards by id, and each one's serialised part (each field of its live view as JSON, without `editable`). */
  private readonly cards = new Map<string, Card>();
  private readonly parts = new Map<string, string[]>();
  /** Card ids in board order; null after a change until an answer needs it again. */
  private order: string[] | null = null;
  private frame: string;
  private readonly answers = new Map<string, string>();
  /** The seq at load: changes since an earlier seq are not known here. */
  private readonly loadedSeq: number;
  /** (seq, card id) of each card change since load, oldest first, at most CHANGE_LOG_LIMIT. */
  private readonly log: { seq: number; cardId: string }[] = [];
  private trimmedTo: number;
  /**
   * While changes are applied ahead of their commit (the room's batch in flight): the board as
   * committed, which readers get meanwhile — the head, how long the log was, each changed card as
   * it was (undefined: it was not there), the order and the answers kept then.
   */
  private ahead: { head: ChainHead; logLength: number; before: Map<string, Card | undefined>; order: string[] | null; answers: Map<string, string> } | null = null;

  /** Evidence links and files per card (absent: none), as committed or applied ahead. */
  private readonly evidence: Map<string, number>;
  /** The office's switch of the done rule. */
  private doneNeedsEvidence: boolean;

  constructor(room: RoomRows) {
    const { evidence, doneNeedsEvidence, ...rows } = room;
    this.evidence = evidence;
    this.doneNeedsEvidence = doneNeedsEvidence;
    for (const card of rows.cards) this.put(card);
    this.order = rows.cards.map((c) => c.id);
    this.rows = { ...rows, cards: [] }; // the cards live in the map from here on
    this.frame = JSON.stringify(boardFrame(rows));
    this.frameTag = textHash(this.frame);
    this.loadedSeq = rows.head.seq;
    this.trimmedTo = rows.head.seq;
  }

  get fy(): FiscalYear {
    return this.rows.fy;
  }

  get head(): ChainHead {
    return this.rows.head;
  }

  etag(actor: Actor): string {
    return `"${(this.ahead?.head ?? this.rows.head).hash.slice(0, 16)}-${this.frameTag}-${permissionShape(actor)}"`;
  }

  /** Changes applied from now on are not committed yet: readers keep getting the board as it is. */
  beginAhead(): void {
    this.ahead = { head: this.rows.head, logLength: this.log.length, before: new Map(), order: this.order, answers: new Map(this.answers) };
  }

  /** They committed (or the memory is dropped): readers get the board with them. */
  endAhead(): void {
    this.ahead = null;
    while (this.log.length > CHANGE_LOG_LIMIT) this.trimmedTo = this.log.shift()!.seq;
  }

  /** A card as committed (while changes are ahead of their commit, as it was before them). */
  private committedCard(id: string): Card | undefined {
    return this.ahead?.before.has(id) ? this.ahead.before.get(id) : this.cards.get(id);
  }

  /** The card as a write reads it, when it is this board's. */
  reading(cardId: string, orgId: string): CardReading | null {
    const card = this.cards.get(cardId);
    if (!card || card.orgId !== orgId) return null;
    const { fy } = this.rows;
    return { card, year: { orgId: fy.orgId, beYear: fy.beYear, archivedAt: fy.archivedAt }, head: this.rows.head };
  }

  /** The cards of one of the board's columns, by order key (null: no such column on this board). */
  column(columnId: string): Card[] | null {
    if (!this.rows.columns.some((c) => c.id === columnId)) return null;
    const inColumn: Card[] = [];
    for (const card of this.cards.values()) if (card.columnId === columnId) inColumn.push(card);
    return inColumn.sort((a, b) => (a.orderKey < b.orderKey ? -1 : a.orderKey > b.orderKey ? 1 : 0));
  }

  /** A column's category (null: not a column of this board). */
  category(columnId: string): ColumnCategory | null {
    return this.rows.columns.find((c) => c.id === columnId)?.category ?? null;
  }

  /** The office's groups. */
  groupIds(): string[] {
    return this.rows.groups.map((g) => g.id);
  }

  /** What the done rule asks of `card` and the column `columnId` (where it goes, or where it is). */
  doneFacts(card: Card, columnId: string): DoneFacts {
    const columnOf = (id: string) => this.rows.columns.find((c) => c.id === id);
    const column = columnOf(columnId);
    return {
      required: this.doneNeedsEvidence,
      from: columnOf(card.columnId)?.category ?? null,
      column: column ? { category: column.category, labelTh: column.labelTh, labelEn: column.labelEn } : null,
      evidence: this.evidence.get(card.id) ?? 0,
    };
  }

  /** After an administrator switched the done rule (organisations.settings). */
  applyDoneRule(required: boolean): void {
    this.doneNeedsEvidence = required;
  }

  /**
   * After a committed change to one card, with its event (or one applied ahead of its commit: if
   * the batch fails, the memory is dropped and loaded again, evidence counts with it).
   */
  applyCard(card: Card, event: { seq: number; hash: string; kind: string }): void {
    const before = this.cards.get(card.id);
    const delta = evidenceDelta(event.kind);
    if (delta !== 0) this.evidence.set(card.id, Math.max(0, (this.evidence.get(card.id) ?? 0) + delta));
    this.put(card);
    if (!before || before.columnId !== card.columnId || before.orderKey !== card.orderKey) this.order = null;
    this.rows.head = { seq: event.seq, hash: event.hash };
    this.log.push({ seq: event.seq, cardId: card.id });
    if (!this.ahead && this.log.length > CHANGE_LOG_LIMIT) this.trimmedTo = this.log.shift()!.seq;
    this.changed();
  }

  /** A card applied ahead of its commit (applyCard), as the commit returned it. */
  confirmCard(card: Card): void {
    const applied = this.cards.get(card.id);
    this.put(card);
    // The order was settled when the card was applied ahead; only a different place sorts again.
    if (!applied || applied.columnId !== card.columnId || applied.orderKey !== card.orderKey) this.order = null;
    this.changed();
  }

  /** After a measure's lead group changed (its cards are applied one by one, with their events). */
  applyMeasureLead(measureId: string, leadGroupId: string): void {
    this.rows.measures = this.rows.measures.map((m) => (m.id === measureId ? { ...m, leadGroupId } : m));
    this.refreshFrame();
  }

  /** After a change to the year itself (archived, restored). */
  applyYear(fy: FiscalYear): void {
    this.rows.fy = fy;
    this.refreshFrame();
  }

  private refreshFrame(): void {
    this.frame = JSON.stringify(boardFrame(this.rows));
    this.frameTag = textHash(this.frame);
    this.changed();
  }

  /** The board's answer (BoardWire as JSON: the cards as columns) for `actor`, decided by `access`. */
  answer(actor: Actor, access: Access): string {
    const shape = permissionShape(actor);
    const answers = this.ahead?.answers ?? this.answers;
    const kept = answers.get(shape);
    if (kept) return kept;
    const { fy } = this.rows;
    const order = this.ahead ? this.committedOrder() : this.ordered();
    const changed = this.ahead?.before;
    const parts = order.map((id) => (changed?.has(id) ? cardPart(toLiveCard(this.committedCard(id)!)) : this.parts.get(id)!));
    const editable = order.map((id) => editableFor(access, fy, this.committedCard(id)!));
    const seq = (this.ahead?.head ?? this.rows.head).seq;
    const text = `${this.frame.slice(0, -1)},"cards":${cardColumnsText(parts, editable)},"seq":${seq}}`;
    answers.set(shape, text);
    return text;
  }

  /** The cards changed after `since`, as `access` sees them; or reload, when that is not known here. */
  changesSince(since: number, access: Access): Changes {
    const seq = (this.ahead?.head ?? this.rows.head).seq;
    if (since > seq || since < this.loadedSeq || since < this.trimmedTo) return { reload: true, seq };
    const ids = new Set<string>();
    const end = this.ahead?.logLength ?? this.log.length;
    for (let i = end - 1; i >= 0 && this.log[i]!.seq > since; i--) ids.add(this.log[i]!.cardId);
    const { fy } = this.rows;
    const cards = [...ids].map((id) => {
      const card = this.committedCard(id)!;
      return { ...toLiveCard(card), editable: editableFor(access, fy, card) };
    });
    return { seq, cards };
  }

  /** Card ids in board order as committed (while changes are ahead of their commit). */
  private committedOrder(): string[] {
    if (this.ahead?.order) return this.ahead.order;
    const all: Card[] = [];
    for (const id of this.cards.keys()) {
      const card = this.committedCard(id);
      if (card) all.push(card);
    }
    sortCards(all, this.rows.columns);
    const order = all.map((c) => c.id);
    if (this.ahead) this.ahead.order = order;
    return order;
  }

  private put(card: Card): void {
    if (this.ahead && !this.ahead.before.has(card.id)) this.ahead.before.set(card.id, this.cards.get(card.id));
    this.cards.set(card.id, card);
    this.parts.set(card.id, cardPart(toLiveCard(card)));
  }

  private ordered(): string[] {
    if (!this.order) {
      const all = [...this.cards.values()];
      sortCards(all, this.rows.columns);
      this.order = all.map((c) => c.id);
    }
    return this.order;
  }

  private changed(): void {
    this.answers.clear();
  }
}

/**
 * A 53-bit hash of a text (cyrb53, public domain), in base 36: which frame an ETag was given
 * with. Not a security measure: the tag is the reader's own, and the answer checks nothing by it.
 */
function textHash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}
