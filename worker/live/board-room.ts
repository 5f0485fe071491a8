// One Durable Object per board (organisation + fiscal year): it holds the open WebSockets of that
// board and forwards each committed change to them. It uses the hibernation API, so an idle board
// with open tabs costs nothing: the runtime keeps the sockets while the object sleeps.
//
// The object trusts its callers: only the worker reaches it (through the BOARD_ROOM binding), and
// the worker's live route has already checked the session, the origin and the board's office.
import { DurableObject } from 'cloudflare:workers';
import { SIGNED_OUT_CLOSE, type LiveServerMessage } from '../domain/contracts-card';
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

export class BoardRoom extends DurableObject<Env> {
  /**
   * The highest seq this room knows of since it woke: broadcast to it, or read from D1 by the live
   * route when a client connected. The route reads the head before the socket is accepted; a
   * change that commits and is broadcast in between would be missing from that head and would not
   * reach the new socket. Saying max(head, lastSeq) in the hello makes such a client refetch
   * instead. Memory is enough: the window is while this object is awake (it is receiving the
   * broadcast), and after a restart the route's fresh head covers it.
   */
  private lastSeq = 0;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    // Answered by the runtime without waking the object.
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair(PING, PONG));
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
    const hello: LiveServerMessage = { type: 'hello', seq: this.lastSeq };
    server.send(JSON.stringify(hello));
    return new Response(null, { status: 101, webSocket: client });
  }

  /** Called by the worker (RPC) after a change has committed. */
  async broadcast(message: LiveServerMessage): Promise<number> {
    let outgoing = message;
    if ('seq' in message) {
      // Broadcasts travel separately (one waitUntil per request) and may arrive out of order. A
      // late one must not be applied over newer state: tell clients to reload the board instead.
      if (message.type === 'card' && message.seq <= this.lastSeq) outgoing = { type: 'resync', seq: this.lastSeq };
      this.lastSeq = Math.max(this.lastSeq, message.seq);
    }
    const text = JSON.stringify(outgoing);
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
