// A client typed as Hono's (hc) for one sub-app of worker/routes/, with a run time of a few lines.
// Kept apart from api.ts (which names the Worker's routes) so the Node checks can run it against a
// Hono app of their own (tests/static/typed-client.test.ts).
import type { Hono } from 'hono';
import type { hc } from 'hono/client';

/**
 * A typed client for one sub-app mounted at `base`: Hono's client type (hc<T>), so the compiler
 * checks each call's path, parameters, body and answer against the route; at run time a proxy of a
 * few lines does what hc's does for the calls we make (path segments, `:param`s, query, a JSON
 * body, extra headers such as If-None-Match) and fetches with the app's own rules: same-origin
 * credentials, never cached (a conditional request's 304 reaches the caller as it is), JSON
 * accepted, and mutations always JSON, even with nothing to send (the server checks it).
 * hono/client's own runtime (2 KB gzipped, cookie handling a browser cannot use included) would
 * have pushed the JavaScript that opens the board over its 50 KB budget.
 */
export type Client<T extends Hono<any, any, any>> = ReturnType<typeof hc<T>>;
interface CallArgs {
  param?: Record<string, string>;
  query?: Record<string, string>;
  json?: unknown;
}
export function typed<T extends Hono<any, any, any>>(base: string): Client<T> {
  const at = (path: string[]): unknown =>
    new Proxy(() => undefined, {
      get: (_, key) => (typeof key === 'string' && key !== 'then' ? at([...path, key]) : undefined),
      apply: (_, __, [args = {}, options]: [CallArgs?, { headers?: Record<string, string> }?]) => {
        const method = path.at(-1)!.slice(1).toUpperCase();
        const url = `${base}/${path.slice(0, -1).join('/')}`.replace(/\/index$/, '').replace(/\/:(\w+)/g, (_m, k: string) => `/${args.param?.[k]}`);
        const query = new URLSearchParams(args.query).toString();
        const get = method === 'GET';
        return fetch(query ? `${url}?${query}` : url, {
          method,
          headers: { ...options?.headers, ...(get ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' }) },
          body: get ? undefined : JSON.stringify(args.json ?? {}),
          credentials: 'same-origin',
          cache: 'no-store',
        });
      },
    });
  return at([]) as Client<T>;
}
