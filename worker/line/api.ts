// The LINE Messaging API as ITA Board uses it: push (with X-Line-Retry-Key), reply, the month's
// quota and consumption, a group's member count. LINE_API_BASE names where it is (api.line.me;
// a double in tests and local runs). Speaks HTTP only; what to send is composed in ./messages.ts.
import { lineFailure } from './messages';

/** LINE answered something other than success; `status` 0 when no answer came (time-out, network). */
export class LineApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export interface LineApi {
  /** 'accepted', or 'already' when LINE answers 409: a retry of a push it had accepted (delivered). */
  push(token: string, body: string, retryKey: string): Promise<'accepted' | 'already'>;
  reply(token: string, replyToken: string, messages: unknown[]): Promise<void>;
  /** The month's limit, null when the plan has none. */
  quota(token: string): Promise<number | null>;
  consumption(token: string): Promise<number>;
  membersCount(token: string, groupId: string): Promise<number>;
}

const TIMEOUT_MS = 10_000;

export function lineApi(base: string | undefined): LineApi {
  const root = (base || 'https://api.line.me').replace(/\/+$/, '');
  async function request(token: string, method: string, path: string, body?: string, headers: Record<string, string> = {}): Promise<Response> {
    let res: Response;
    try {
      res = await fetch(`${root}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
        body,
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (e) {
      throw new LineApiError(0, `${lineFailure('failed.no-answer')}: ${e instanceof Error ? e.message : String(e)}`);
    }
    return res;
  }
  async function fail(res: Response): Promise<never> {
    const text = await res.text().catch(() => '');
    let message = text;
    try {
      message = (JSON.parse(text) as { message?: string }).message ?? text;
    } catch {
      /* not JSON: the text as it came */
    }
    throw new LineApiError(res.status, `LINE ${res.status}: ${message.slice(0, 300)}`);
  }
  async function getJson<T>(token: string, path: string): Promise<T> {
    const res = await request(token, 'GET', path);
    if (!res.ok) return fail(res);
    return (await res.json()) as T;
  }
  return {
    async push(token, body, retryKey) {
      const res = await request(token, 'POST', '/v2/bot/message/push', body, { 'x-line-retry-key': retryKey });
      if (res.status === 409) {
        await res.body?.cancel();
        return 'already';
      }
      if (!res.ok) return fail(res);
      await res.body?.cancel();
      return 'accepted';
    },
    async reply(token, replyToken, messages) {
      const res = await request(token, 'POST', '/v2/bot/message/reply', JSON.stringify({ replyToken, messages }));
      if (!res.ok) return fail(res);
      await res.body?.cancel();
    },
    async quota(token) {
      const q = await getJson<{ type: 'none' | 'limited'; value?: number }>(token, '/v2/bot/message/quota');
      return q.type === 'limited' ? (q.value ?? 0) : null;
    },
    async consumption(token) {
      return (await getJson<{ totalUsage: number }>(token, '/v2/bot/message/quota/consumption')).totalUsage;
    },
    async membersCount(token, groupId) {
      return (await getJson<{ count: number }>(token, `/v2/bot/group/${encodeURIComponent(groupId)}/members/count`)).count;
    },
  };
}
