// Keeping a board in step with the server's event log, as pure logic (no DOM, no signals, no
// requests: tests/static/board-sync.test.ts runs it in Node). live.ts wires it to the socket and
// the API; board.ts holds the board it changes.
//
// Every change to a card takes the board's next event `seq`, and each live `card` message carries
// it. A board applied up to seq S takes a message of seq S+1, ignores one of seq ≤ S (already in
// it), and on seq > S+1 knows it missed something: it asks GET /api/boards/:beYear/changes?since=S
// (one request at a time). Messages arriving meanwhile wait in order and are applied afterwards,
// or dropped when the answer already covers them.

/** What the changes of a board are merged by: enough of a card to place it and tell its age. */
export interface SyncCard {
  id: string;
  version: number;
  columnId: string;
  orderKey: string;
  editable: boolean;
}

/** GET /api/boards/:beYear/changes?since=N: every card changed after N, or "load the board". */
export type ChangesAnswer<C> = { seq: number; cards: C[] } | { reload: true; seq: number };

/**
 * The board with `changes` put in place by id (new ones added), in board order (column position,
 * then order key, then id), at `seq`. A card waiting for the server keeps its optimistic state
 * unless the change is newer; a card on screen newer than the change (a live message that overtook
 * the answer) stays. Unchanged cards keep their objects, so memoised cards are not redrawn.
 */
export function mergeChanges<C extends SyncCard, B extends { cards: C[]; columns: { id: string; position: number }[]; seq: number }>(
  board: B,
  changes: readonly C[],
  seq: number,
  pending: ReadonlySet<string> = new Set(),
): B {
  const byId = new Map(board.cards.map((c) => [c.id, c]));
  let changed = false;
  for (const card of changes) {
    const mine = byId.get(card.id);
    if (mine) {
      if (mine.version > card.version || (pending.has(card.id) && mine.version >= card.version)) continue;
      if (mine.version === card.version && mine.editable === card.editable) continue;
    }
    byId.set(card.id, card);
    changed = true;
  }
  const next = Math.max(board.seq, seq);
  if (!changed) return next === board.seq ? board : { ...board, seq: next };
  const position = new Map(board.columns.map((c) => [c.id, c.position]));
  const at = (c: C) => position.get(c.columnId) ?? Number.MAX_SAFE_INTEGER;
  const cards = [...byId.values()].sort(
    (a, b) => at(a) - at(b) || (a.orderKey < b.orderKey ? -1 : a.orderKey > b.orderKey ? 1 : 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  return { ...board, cards, seq: next };
}

/** What the gap repair is given: the board's applied seq, and the ways to change it. */
export interface GapRepairDeps<M extends { seq: number }, C> {
  /** The seq applied to the board on screen (null: no board). */
  applied(): number | null;
  /**
   * Apply one message of seq applied+1 (the board's seq becomes its seq). `false`: the message
   * alone cannot be applied right (an unknown card, changed groups): the changes since the seq
   * before it are asked for.
   */
  apply(message: M): boolean;
  /** GET …/changes?since=N; null on any failure. */
  changes(since: number): Promise<ChangesAnswer<C> | null>;
  /** Put the changes in place (mergeChanges). */
  merge(cards: readonly C[], seq: number): void;
  /** Load the whole board again (the answer said `reload`, or the request failed). */
  reload(): Promise<void>;
}

/**
 * The live messages of one board in seq order. One instance per open board: `reset()` when the
 * board changes (another year, signed out), so an answer for the old one is ignored.
 */
export class GapRepair<M extends { seq: number }, C> {
  private waiting = new Map<number, M>();
  private busy = false;
  private generation = 0;

  constructor(private readonly deps: GapRepairDeps<M, C>) {}

  /** Whether a repair is under way (messages are waiting for it). */
  get repairing(): boolean {
    return this.busy;
  }

  reset(): void {
    this.generation++;
    this.busy = false;
    this.waiting.clear();
  }

  /** A `card` message from the socket. */
  receive(message: M): void {
    const applied = this.deps.applied();
    if (applied === null) return;
    if (this.busy) {
      if (message.seq > applied) this.waiting.set(message.seq, message);
      return;
    }
    if (message.seq <= applied) return;
    if (message.seq === applied + 1) {
      if (!this.deps.apply(message)) void this.repair(message.seq - 1);
      return;
    }
    this.waiting.set(message.seq, message);
    void this.repair(applied);
  }

  /** The server's head is `seq` (a socket's hello): catch up when it is past what is applied. */
  catchUp(seq: number): void {
    const applied = this.deps.applied();
    if (applied === null || this.busy || seq <= applied) return;
    void this.repair(applied);
  }

  /** Ask for the changes since `since`, put them in place, then the messages that waited. */
  private async repair(since: number): Promise<void> {
    this.busy = true;
    const generation = this.generation;
    const answer = await this.deps.changes(since);
    if (generation !== this.generation) return;
    if (answer && 'cards' in answer) this.deps.merge(answer.cards, answer.seq);
    else {
      await this.deps.reload();
      if (generation !== this.generation) return;
    }
    this.busy = false;
    const applied = this.deps.applied();
    const waiting = [...this.waiting.values()].sort((a, b) => a.seq - b.seq);
    this.waiting.clear();
    // A reload that failed leaves a board with no newer seq: wait for the next message or hello
    // rather than asking again and again.
    if (!answer && applied !== null && waiting.length > 0 && waiting[0]!.seq > applied + 1) return;
    for (const message of waiting) this.receive(message);
  }
}
