// One Durable Object per board (organisation + fiscal year): the board's only writer. Every change
// that takes the board's event seq reaches it as one RPC call (`change`); it runs changes one at a
// time through an explicit serial queue (a Durable Object does not hold back new requests while it
// awaits D1), checks permission with policy.ts on its in-memory card, commits the D1 batch with the
// event, applies the result to its memory (board-memory.ts) and broadcasts it to the board's open
// WebSockets, in seq order. It answers the board from memory (`board`, `changes`).
//
// D1 stays the source of truth: the memory is loaded from it on first use, after a restart or an
// eviction, and again when a commit finds its seq taken (someone wrote around the room), after
// which the change is decided again on the fresh rows. Writers of a board that are not card
// changes (columns, groups, imports, restores, deleting a year) call `invalidate` once committed.
//
// The object trusts its callers: only the worker reaches it (through the BOARD_ROOM binding), and
// the worker has already checked the session, the origin, the input and the board's office.
import { DurableObject } from 'cloudflare:workers';
import { SIGNED_OUT_CLOSE, type LiveServerMessage, type PersonRef } from '../domain/contracts-card';
import { AppError, plainError, type PlainError } from '../domain/errors';
import { accessOf } from '../domain/policy';
import type { Actor } from '../domain/access';
import type { AddEvidenceRequest, EditCardRequest, EvidencePublicationRequest, MoveCardRequest } from '../domain/schemas/cards';
import { createDb, type Db } from '../db/client';
import { readRoomRows, toLiveCard } from '../db/board';
import { commitPlanned, editCard, moveCard, type CardCommit, type CardSource, type PlannedChange } from '../db/cards';
import { isUniqueViolation } from '../db/client';
import { addComment, addEvidence, removeEvidence, setEvidencePublication, type NewEvidenceFile } from '../db/card-details';
import { changeMeasureLead, type MeasureLeadChange } from '../db/measures';
import { deleteUnusedYear, setArchived } from '../db/fiscal-year-life';
import type { Card, FiscalYear } from '../db/schema';
import { BoardMemory, type Changes } from './board-memory';
import type { Env } from '../env';

/** Header by which the live route tells the room the board's event head when a client connects. */
export const HEAD_SEQ_HEADER = 'x-ita-head-seq';
/** Headers by which it tells who is connecting: the socket is tagged with both, see disconnect(). */
export const USER_HEADER = 'x-ita-user';
export const SESSION_HEADER = 'x-ita-session';

/** Tags of a socket, by which the sockets of one session or one user are found. */
export const userTag = (userId: string) => `user:${userId}`;
export const sessionTag = (sessionId: string) => `session:${sessionId}`;

const PING = JSON.stringify({ type: 'ping' });
const PONG = JSON.stringify({ type: 'pong' } satisfies LiveServerMessage);

export function roomName(orgId: string, fiscalYearId: string): string {
  return `${orgId}:${fiscalYearId}`;
}

/** Which board a call is about (the room's name, in parts). */
export interface BoardKey {
  orgId: string;
  fiscalYearId: string;
}

/** A change to one card, validated by the worker. */
export type CardOp =
  | { kind: 'move'; cardId: string; body: MoveCardRequest }
  | { kind: 'edit'; cardId: string; body: EditCardRequest }
  // With `file`: an uploaded file already in R2, recorded with its evidence link (routes/files.ts).
  | { kind: 'evidence.add'; cardId: string; body: AddEvidenceRequest; by: PersonRef; file?: NewEvidenceFile }
  | { kind: 'evidence.remove'; evidenceId: string }
  | { kind: 'evidence.publication'; evidenceId: string; body: EvidencePublicationRequest }
  | { kind: 'comment.add'; cardId: string; body: string; by: PersonRef };

/** What a call answers: its value, an AppError as data (RPC keeps only an Error's message), or that the board is not there. */
export type RoomResult<T> = { ok: true; value: T } | { ok: false; error: PlainError } | { ok: false; missing: true };

/** Card changes that may share one D1 batch: their planning reads nothing but the memory (and fixed rows). */
const GROUPABLE = new Set<CardOp['kind']>(['move', 'edit', 'comment.add', 'evidence.add']);
/** At most this many changes in one batch. */
const MAX_GROUP = 32;

interface Pending {
  actor: Actor;
  op: CardOp;
  resolve: (result: RoomResult<unknown>) => void;
  reject: (error: unknown) => void;
}

/** What became of one change: an answer for the worker, or an error to throw there (a 500). */
type Outcome = { result: RoomResult<unknown> } | { thrown: unknown };

/** The batch a change was in failed: `cause` says why. */
class GroupFailed extends Error {
  constructor(override readonly cause: unknown) {
    super('the batch of changes failed');
  }
}

interface Deferred<T> {
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
}

function deferred<T = void>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** The board's answer for a reader: the body, or nothing when their ETag still matches. */
export interface BoardAnswer {
  etag: string;
  body: string | null;
}

export class BoardRoom extends DurableObject<Env> {
  /** D1 through drizzle (a field, so the fault tests can hand the room a failing binding). */
  db: Db;
  private memory: BoardMemory | null = null;
  /** The serial queue: each change starts when the one before has finished. */
  private tail: Promise<unknown> = Promise.resolve();
  /** Card changes waiting for their turn (see change()). */
  private pending: Pending[] = [];
  /** Test hook (dev routes only): card broadcasts to skip, to prove that clients repair gaps. */
  private dropping = 0;
  /**
   * The highest seq this room knows of since it woke: broadcast, in memory, or read from D1 by the
   * live route when a client connected (the hello says the larger, so a client connecting while a
   * change commits refetches instead of missing it).
   */
  private lastSeq = 0;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.db = createDb(env.DB);
    // Answered by the runtime without waking the object.
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair(PING, PONG));
  }

  /** Runs `work` after everything queued before it, alone. */
  private serially<T>(work: () => Promise<T>): Promise<T> {
    const run = this.tail.then(work);
    this.tail = run.catch(() => undefined);
    return run;
  }

  /** The board in memory, loaded from D1 if need be (in the queue: one load at a time). */
  private async loaded(key: BoardKey): Promise<BoardMemory | null> {
    if (this.memory) return this.memory;
    const rows = await readRoomRows(this.db, key.orgId, key.fiscalYearId);
    this.memory = rows ? new BoardMemory(rows) : null;
    if (this.memory) this.lastSeq = Math.max(this.lastSeq, this.memory.head.seq);
    return this.memory;
  }

  private async memoryOf(key: BoardKey): Promise<BoardMemory | null> {
    return this.memory ?? this.serially(() => this.loaded(key));
  }

  /** The board's answer for `actor` from memory; `ifNoneMatch`: the ETag the reader has. */
  async board(key: BoardKey, actor: Actor, ifNoneMatch: string | null): Promise<RoomResult<BoardAnswer>> {
    const memory = await this.memoryOf(key);
    if (!memory) return { ok: false, missing: true };
    const etag = memory.etag(actor);
    if (ifNoneMatch !== null && ifNoneMatch.split(',').some((tag) => tag.trim() === etag)) return { ok: true, value: { etag, body: null } };
    return { ok: true, value: { etag, body: memory.answer(actor, accessOf(actor)) } };
  }

  /** The cards changed after `since`, as `actor` sees them (or: load the board). */
  async changes(key: BoardKey, actor: Actor, since: number): Promise<RoomResult<Changes>> {
    const memory = await this.memoryOf(key);
    if (!memory) return { ok: false, missing: true };
    return { ok: true, value: memory.changesSince(since, accessOf(actor)) };
  }

  /**
   * One change to one card: decided, committed, remembered and broadcast, in turn. Changes that
   * arrive while the room is committing wait, and are then decided one after the other on the
   * memory (each seeing the ones before it) and committed together in one D1 batch: one round trip
   * for all of them, so a busy board is not held to one change per D1 round trip.
   */
  change(key: BoardKey, actor: Actor, op: CardOp): Promise<RoomResult<unknown>> {
    return new Promise((resolve, reject) => {
      this.pending.push({ actor, op, resolve, reject });
      if (this.pending.length === 1) void this.serially(() => this.drain(key));
    });
  }

  /** Takes the waiting changes that can share a batch (or the first one alone) and settles them. */
  private async drain(key: BoardKey): Promise<void> {
    const first = this.pending[0];
    if (!first) return;
    let take = 1;
    if (GROUPABLE.has(first.op.kind)) while (take < MAX_GROUP && take < this.pending.length && GROUPABLE.has(this.pending[take]!.op.kind)) take++;
    const group = this.pending.splice(0, take);
    if (this.pending.length > 0) void this.serially(() => this.drain(key));
    try {
      const memory = await this.loaded(key);
      if (!memory) {
        for (const p of group) p.resolve({ ok: false, missing: true });
        return;
      }
      const outcomes = group.length === 1 ? [await this.settle(() => this.commit(group[0]!.actor, group[0]!.op, this.source(key)))] : await this.together(key, memory, group);
      group.forEach((p, i) => {
        const outcome = outcomes[i]!;
        if ('thrown' in outcome) p.reject(outcome.thrown);
        else p.resolve(outcome.result);
      });
    } catch (e) {
      this.memory = null;
      for (const p of group) p.reject(e);
    }
  }

  /**
   * Decides each change on the memory, applying it there before the next is decided, then commits
   * all in one batch. Readers meanwhile get the board as committed (they must not see what could
   * still fail), without waiting. If the
   * batch fails, the memory is loaded again; on a taken seq each change is decided and committed
   * again on its own, in order.
   */
  private async together(key: BoardKey, memory: BoardMemory, group: Pending[]): Promise<Outcome[]> {
    const batch: { planned: PlannedChange<unknown>; done: Deferred<CardCommit<unknown>> }[] = [];
    let planned: Deferred<void> = deferred();
    const source: CardSource = {
      ...this.source(key),
      commit: <R>(change: PlannedChange<R>) => {
        memory.applyCard(change.after, change.event);
        const done = deferred<CardCommit<R>>();
        batch.push({ planned: change as PlannedChange<unknown>, done: done as Deferred<CardCommit<unknown>> });
        planned.resolve();
        return done.promise;
      },
    };
    const attempts: Promise<Outcome>[] = [];
    // Readers keep getting the board as committed until the batch has (memory: beginAhead).
    memory.beginAhead();
    try {
      for (const p of group) {
        planned = deferred();
        const attempt = this.settle(() => this.commit(p.actor, p.op, source), true);
        attempts.push(attempt);
        await Promise.race([planned.promise, attempt]);
      }
      if (batch.length > 0) {
        try {
          const commits = await commitPlanned(this.db, batch.map((b) => b.planned));
          commits.forEach((commit, i) => batch[i]!.done.resolve(commit));
        } catch (e) {
          this.memory = null;
          for (const b of batch) b.done.reject(new GroupFailed(e));
        }
      }
    } finally {
      memory.endAhead();
    }
    const outcomes: Outcome[] = [];
    for (const [i, attempt] of attempts.entries()) {
      let outcome = await attempt;
      if ('thrown' in outcome && outcome.thrown instanceof GroupFailed) {
        if (!isUniqueViolation(outcome.thrown.cause)) outcome = { thrown: outcome.thrown.cause };
        else outcome = await this.settle(() => this.commit(group[i]!.actor, group[i]!.op, this.source(key)));
      }
      outcomes.push(outcome);
    }
    return outcomes;
  }

  /** Runs one change: remembered and broadcast when it committed, a refusal as data, anything else thrown. */
  private async settle(run: () => Promise<CardCommit<unknown>>, appliedAhead = false): Promise<Outcome> {
    try {
      const commit = await run();
      this.remember(commit, appliedAhead);
      return { result: { ok: true, value: commit.value } };
    } catch (e) {
      const refused = this.refusal(e);
      return refused ? { result: { ok: false, error: refused } } : { thrown: e };
    }
  }

  /** A refusal becomes data for the worker; anything else is thrown again (see `refusal`). */
  private refusedOr(e: unknown): { ok: false; error: PlainError } {
    const refused = this.refusal(e);
    if (refused) return { ok: false, error: refused };
    throw e;
  }

  /**
   * What a failed change tells the worker: a refusal (an AppError) as data. Anything else (D1
   * failed, or its answer was lost after a commit) leaves the memory unsure of what committed: it
   * is loaded again before the next call (a change failed only with its group keeps it: the group
   * is run again one by one).
   */
  private refusal(e: unknown): PlainError | null {
    if (e instanceof AppError) return plainError(e);
    if (!(e instanceof GroupFailed)) this.memory = null;
    return null;
  }

  /** A measure's lead group (administrators): its cards follow, each with its event. */
  changeMeasureLead(key: BoardKey, actor: Actor, measureId: string, leadGroupId: string): Promise<RoomResult<{ measure: MeasureLeadChange['measure']; cards: number }>> {
    return this.serially(async () => {
      if (!(await this.loaded(key))) return { ok: false, missing: true };
      try {
        const result = await changeMeasureLead(this.db, actor, measureId, leadGroupId, accessOf(actor));
        for (const commit of result.changed) this.remember(commit);
        this.memory?.applyMeasureLead(measureId, leadGroupId);
        return { ok: true, value: { measure: result.measure, cards: result.changed.length } };
      } catch (e) {
        return this.refusedOr(e);
      }
    });
  }

  /**
   * Archives or restores the year (the route has decided that the actor may). In the queue: a change
   * already waiting finishes first, and one that comes after finds the year read-only.
   */
  setArchived(key: BoardKey, archived: boolean, by: { userId: string; ip: string | null }) {
    return this.serially(async () => {
      const memory = await this.loaded(key);
      if (!memory) return { ok: false as const, missing: true as const };
      const row = await setArchived(this.db, memory.fy, archived, by, Date.now()).catch((e: unknown) => this.refusedOr(e));
      if ('ok' in row) return row;
      memory.applyYear(row);
      this.send({ type: 'resync', seq: memory.head.seq });
      return { ok: true as const, value: row };
    });
  }

  /**
   * Deletes the year if its log still holds nothing but its import (db/fiscal-year-life.ts checks
   * inside the batch), in the queue: a change already waiting lands first (and keeps the year), one
   * that comes after finds no board. Returns whether it was deleted.
   */
  deleteYear(key: BoardKey, fy: FiscalYear, by: { userId: string; ip: string | null }, cardCount: number): Promise<boolean> {
    return this.serially(async () => {
      this.memory = null;
      const deleted = await deleteUnusedYear(this.db, fy, by, cardCount);
      const memory = await this.loaded(key);
      this.send({ type: 'resync', seq: memory?.head.seq ?? 0 });
      return deleted;
    });
  }

  /**
   * After a change made elsewhere (columns, groups, an import, a restore, a deleted year): the
   * memory is loaded again from D1, and open boards reload.
   */
  invalidate(key: BoardKey): Promise<number> {
    return this.serially(async () => {
      const held = this.memory !== null;
      this.memory = null;
      // A room that holds nothing and has nobody watching loads nothing now (it will on first use).
      if (!held && this.ctx.getWebSockets().length === 0) return 0;
      const memory = await this.loaded(key);
      const seq = memory?.head.seq ?? 0;
      this.send({ type: 'resync', seq });
      return seq;
    });
  }

  /**
   * After an administrator switched the done rule (organisations.settings, committed): the memory
   * follows, in the queue, so a change after this call is decided by the new rule. A room that
   * holds nothing reads the switch when it loads. Nothing to broadcast: the board shows nothing of it.
   */
  applyDoneRule(required: boolean): Promise<void> {
    return this.serially(async () => this.memory?.applyDoneRule(required));
  }

  /** Test hook (dev routes only): skip the next `count` card broadcasts. */
  async dropBroadcasts(count: number): Promise<number> {
    this.dropping = count;
    return count;
  }

  /** Reads from memory; a commit that lost its seq reloads from D1 and reads again. */
  private source(key: BoardKey): CardSource {
    return {
      read: async (cardId) => (await this.loaded(key))?.reading(cardId, key.orgId) ?? null,
      // Asked right after read, so the memory is loaded.
      column: (columnId) => this.memory!.column(columnId),
      groupIds: () => this.memory!.groupIds(),
      category: (columnId) => this.memory?.category(columnId) ?? null,
      doneFacts: (card, columnId) => this.memory!.doneFacts(card, columnId),
      lostRace: async () => {
        this.memory = null;
      },
    };
  }

  private commit(actor: Actor, op: CardOp, source: CardSource): Promise<CardCommit<unknown>> {
    const access = accessOf(actor);
    switch (op.kind) {
      case 'move':
        return moveCard(this.db, actor, op.cardId, op.body, access, source);
      case 'edit':
        return editCard(this.db, actor, op.cardId, op.body, access, source);
      case 'evidence.add':
        return addEvidence(this.db, actor, op.by, op.cardId, op.body, access, source, op.file);
      case 'evidence.remove':
        return removeEvidence(this.db, actor, op.evidenceId, access, source);
      case 'evidence.publication':
        return setEvidencePublication(this.db, actor, op.evidenceId, op.body, access, source);
      case 'comment.add':
        return addComment(this.db, actor, op.by, op.cardId, op.body, access, source);
    }
  }

  /** A committed change into memory (unless applied ahead of its commit) and out to the open boards. */
  private remember(commit: { card: Card; event: { seq: number; hash: string; kind: string } | null }, appliedAhead = false): void {
    const { card, event } = commit;
    if (!event) return;
    if (appliedAhead) this.memory?.confirmCard(card);
    else this.memory?.applyCard(card, event);
    if (this.dropping > 0) {
      this.dropping--;
      this.lastSeq = Math.max(this.lastSeq, event.seq);
      return;
    }
    this.send({ type: 'card', seq: event.seq, kind: event.kind, card: toLiveCard(card) });
  }

  override async fetch(request: Request): Promise<Response> {
    if (request.headers.get('upgrade')?.toLowerCase() !== 'websocket') {
      return new Response('expected a WebSocket upgrade', { status: 426 });
    }
    const head = Number(request.headers.get(HEAD_SEQ_HEADER) ?? 0);
    if (Number.isSafeInteger(head)) this.lastSeq = Math.max(this.lastSeq, head);
    const { 0: client, 1: server } = new WebSocketPair();
    const user = request.headers.get(USER_HEADER);
    const session = request.headers.get(SESSION_HEADER);
    const tags = [user ? userTag(user) : null, session ? sessionTag(session) : null].filter((t) => t !== null);
    this.ctx.acceptWebSocket(server, tags);
    const hello: LiveServerMessage = { type: 'hello', seq: Math.max(this.lastSeq, this.memory?.head.seq ?? 0) };
    server.send(JSON.stringify(hello));
    return new Response(null, { status: 101, webSocket: client });
  }

  /** To every open socket of the board. Messages go out in the order of the queue: seq order. */
  private send(message: LiveServerMessage): number {
    if ('seq' in message) this.lastSeq = Math.max(this.lastSeq, message.seq);
    const text = JSON.stringify(message);
    let sent = 0;
    for (const ws of this.ctx.getWebSockets()) {
      try {
        ws.send(text);
        sent++;
      } catch {
        // A socket closing right now; its close handler tidies up.
      }
    }
    return sent;
  }

  /**
   * Called by the worker (RPC) when a session or every session of a user has ended: their open
   * sockets close at once instead of carrying the board until they next reconnect.
   */
  async disconnect(tag: string): Promise<number> {
    let closed = 0;
    for (const ws of this.ctx.getWebSockets(tag)) {
      try {
        ws.close(SIGNED_OUT_CLOSE, 'signed out');
        closed++;
      } catch {
        // Already closing.
      }
    }
    return closed;
  }

  override async webSocketMessage(ws: WebSocket, data: string | ArrayBuffer): Promise<void> {
    // Pings are normally answered by the auto-response; this catches other spellings of one.
    if (typeof data !== 'string' || data.length > 200) return;
    try {
      if ((JSON.parse(data) as { type?: unknown }).type === 'ping') ws.send(PONG);
    } catch {
      // Not JSON: clients have nothing else to say, so ignore it.
    }
  }

  override async webSocketClose(ws: WebSocket, code: number, reason: string): Promise<void> {
    try {
      // 1005/1006 are reserved (no code received); answer those with a normal close.
      ws.close(code === 1005 || code === 1006 ? 1000 : code, reason);
    } catch {
      // Already closed.
    }
  }

  override async webSocketError(ws: WebSocket): Promise<void> {
    try {
      ws.close(1011, 'error');
    } catch {
      // Already closed.
    }
  }
}
