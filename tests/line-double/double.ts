// A LINE Messaging API double: a real HTTP server in Node that answers the endpoints ITA Board
// uses as LINE documents them (developers.line.biz/en/reference/messaging-api/), and records every
// request (method, path, headers, body) for the tests to check. The worker reaches it through
// LINE_API_BASE, over the network, exactly as it reaches api.line.me.
//
// Each channel access token is its own account (its quota, groups, accepted retry keys, requests),
// so test files running side by side never see each other's traffic. A test steers its account
// through /__double/<token>/… (not part of LINE's API):
//   PUT  /__double/<token>/account  { quota?, totalUsage?, members?: { [groupId]: n }, push?: Behaviour[] }
//   GET  /__double/<token>/requests → the recorded requests, oldest first
// `push` is a queue of behaviours for the next push requests: 'ok' (default when empty), 'lost'
// (accepted, then the connection is cut before the answer: what a time-out looks like to the
// sender), 'slow' (accepted, answered after 3 s), 429, 500 or 400.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';

export type PushBehaviour = 'ok' | 'lost' | 'slow' | 429 | 500 | 400;

export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: unknown;
}

interface Account {
  /** null: no limit ({ type: 'none' }). */
  quota: number | null;
  totalUsage: number;
  members: Record<string, number>;
  push: PushBehaviour[];
  acceptedRetryKeys: Map<string, string>;
  requests: RecordedRequest[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function startLineDouble(port = 0): Promise<{ server: Server; url: string }> {
  const accounts = new Map<string, Account>();
  const account = (token: string): Account => {
    let a = accounts.get(token);
    if (!a) {
      a = { quota: 300, totalUsage: 0, members: {}, push: [], acceptedRetryKeys: new Map(), requests: [] };
      accounts.set(token, a);
    }
    return a;
  };
  const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', 'x-line-request-id': randomUUID(), ...headers });
    res.end(JSON.stringify(body));
  };

  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    let body: unknown = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      body = text;
    }
    const path = new URL(req.url ?? '/', 'http://double').pathname;
    const method = req.method ?? 'GET';

    const control = /^\/__double\/([^/]+)\/(account|requests)$/.exec(path);
    if (control) {
      const a = account(decodeURIComponent(control[1]!));
      if (control[2] === 'requests') return json(res, 200, a.requests);
      const b = body as Partial<Pick<Account, 'quota' | 'totalUsage' | 'members' | 'push'>>;
      if (b.quota !== undefined) a.quota = b.quota;
      if (b.totalUsage !== undefined) a.totalUsage = b.totalUsage;
      if (b.members) Object.assign(a.members, b.members);
      if (b.push) a.push.push(...b.push);
      return json(res, 200, {});
    }

    const auth = /^Bearer (.+)$/.exec(req.headers.authorization ?? '');
    if (!auth) return json(res, 401, { message: 'Authentication failed due to the following reason: no token' });
    const a = account(auth[1]!);
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k] = v;
    a.requests.push({ method, path, headers, body });

    if (method === 'POST' && path === '/v2/bot/message/push') {
      const retryKey = req.headers['x-line-retry-key'];
      if (retryKey !== undefined && (typeof retryKey !== 'string' || !UUID.test(retryKey))) {
        return json(res, 400, { message: 'The value for the X-Line-Retry-Key header is invalid' });
      }
      const p = body as { to?: unknown; messages?: unknown[] } | null;
      if (!p || typeof p.to !== 'string' || !Array.isArray(p.messages) || p.messages.length < 1 || p.messages.length > 5) {
        return json(res, 400, { message: 'The request body has 1 error(s)', details: [{ message: 'May not be empty or have more than 5 messages', property: 'messages' }] });
      }
      if (retryKey && a.acceptedRetryKeys.has(retryKey)) {
        // LINE: a retry of an accepted request is refused with 409 and the first request's id.
        return json(res, 409, { message: 'The retry key is already accepted', sentMessages: [] }, { 'x-line-accepted-request-id': a.acceptedRetryKeys.get(retryKey)! });
      }
      const behaviour = a.push.shift() ?? 'ok';
      if (typeof behaviour === 'number') {
        const message = behaviour === 429 ? "You've reached the monthly limit for this account." : behaviour === 400 ? 'The property, \'to\', in the request body is invalid' : 'Internal server error';
        return json(res, behaviour, { message });
      }
      const members = a.members[p.to] ?? 1;
      if (a.quota !== null && a.totalUsage + members > a.quota) return json(res, 429, { message: "You've reached the monthly limit for this account." });
      const requestId = randomUUID();
      if (retryKey) a.acceptedRetryKeys.set(retryKey, requestId);
      a.totalUsage += members;
      const answer = { sentMessages: p.messages.map(() => ({ id: String(Date.now()), quoteToken: randomUUID() })) };
      if (behaviour === 'lost') return void res.socket?.destroy();
      if (behaviour === 'slow') return void setTimeout(() => json(res, 200, answer, { 'x-line-request-id': requestId }), 3000);
      return json(res, 200, answer, { 'x-line-request-id': requestId });
    }
    if (method === 'POST' && path === '/v2/bot/message/reply') {
      const p = body as { replyToken?: unknown; messages?: unknown[] } | null;
      if (!p || typeof p.replyToken !== 'string' || !Array.isArray(p.messages) || p.messages.length < 1 || p.messages.length > 5) {
        return json(res, 400, { message: 'The request body has 1 error(s)' });
      }
      return json(res, 200, { sentMessages: p.messages.map(() => ({ id: String(Date.now()), quoteToken: randomUUID() })) });
    }
    if (method === 'GET' && path === '/v2/bot/message/quota') {
      return json(res, 200, a.quota === null ? { type: 'none' } : { type: 'limited', value: a.quota });
    }
    if (method === 'GET' && path === '/v2/bot/message/quota/consumption') return json(res, 200, { totalUsage: a.totalUsage });
    const count = /^\/v2\/bot\/group\/([^/]+)\/members\/count$/.exec(path);
    if (method === 'GET' && count) {
      // A group it was not told about has one member, as a push to it counts (the bot is in
      // every group the app was told it joined: scripts/line-link.mjs sends the join first).
      return json(res, 200, { count: a.members[decodeURIComponent(count[1]!)] ?? 1 });
    }
    return json(res, 404, { message: 'Not found' });
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => {
    const address = server.address();
    resolve({ server, url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}` });
  }));
}
