// Counting what D1 bills: a D1 handle that adds up meta.rows_read, meta.rows_written and the
// rows returned of every statement run through it. Used by the local benchmarks only (dev
// routes, and the per-request meter in middleware/session.ts, both behind DEMO_SEED=1).
// The same meter counts the Durable Object calls a request makes (meteredEnv below): every
// method called on a stub (an RPC method or fetch) taken from a Durable Object namespace of the
// request's env.
//
// Drizzle runs single selects through `.raw()`, which carries no meta: see `raw` below.

export interface Meter {
  rowsRead: number;
  rowsWritten: number;
  rowsReturned: number;
  /** Round trips to D1 (a batch is one). */
  queries: number;
  /** Calls on Durable Object stubs (RPC methods and fetch), all namespaces together. */
  objectCalls: number;
  /** The same by `BINDING.method`, e.g. { "BOARD_ROOM.broadcast": 1 }. */
  objectCallsBy: Record<string, number>;
}

export const newMeter = (): Meter => ({ rowsRead: 0, rowsWritten: 0, rowsReturned: 0, queries: 0, objectCalls: 0, objectCallsBy: {} });

/** Whether a binding is a Durable Object namespace (workerd's own class; a plain double quacks like one). */
function isObjectNamespace(value: unknown): value is DurableObjectNamespace {
  if (typeof value !== 'object' || value === null) return false;
  // Service bindings answer any property name with an RPC method: ask the class, not the object.
  if (value.constructor?.name === 'DurableObjectNamespace') return true;
  return Object.getPrototypeOf(value) === Object.prototype && ['get', 'idFromName'].every((k) => typeof (value as Record<string, unknown>)[k] === 'function');
}

function meteredStub(stub: object, binding: string, meter: Meter): object {
  return new Proxy(stub, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target) as unknown;
      if (typeof value !== 'function' || typeof prop !== 'string') return value;
      return (...args: unknown[]) => {
        meter.objectCalls++;
        const key = `${binding}.${prop}`;
        meter.objectCallsBy[key] = (meter.objectCallsBy[key] ?? 0) + 1;
        // Reflect.apply: on an RPC method, `.apply` would itself be a remote property.
        return Reflect.apply(value, target, args) as unknown;
      };
    },
  });
}

function meteredNamespace(ns: DurableObjectNamespace, binding: string, meter: Meter): DurableObjectNamespace {
  return new Proxy(ns, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target) as unknown;
      if (typeof value !== 'function') return value;
      const method = (...args: unknown[]) => Reflect.apply(value, target, args) as unknown;
      // get(id) and getByName(name) hand out stubs; idFromName and the like are not calls to an object.
      if (prop === 'get' || prop === 'getByName') return (...args: unknown[]) => meteredStub(method(...args) as object, binding, meter);
      return method;
    },
  });
}

/** `env` with every Durable Object namespace counting its stubs' calls into `meter`. */
export function meteredEnv<E extends object>(env: E, meter: Meter): E {
  const wrapped = new Map<string, DurableObjectNamespace>();
  return new Proxy(env, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target) as unknown;
      if (typeof prop !== 'string' || !isObjectNamespace(value)) return value;
      if (!wrapped.has(prop)) wrapped.set(prop, meteredNamespace(value, prop, meter));
      return wrapped.get(prop);
    },
  });
}

export function meteredD1(d1: D1Database, meter: Meter): D1Database {
  const real = new WeakMap<object, D1PreparedStatement>();
  const count = <T>(r: D1Result<T>) => {
    meter.rowsRead += r.meta?.rows_read ?? 0;
    meter.rowsWritten += r.meta?.rows_written ?? 0;
    meter.rowsReturned += r.results?.length ?? 0;
    return r;
  };
  const all = async (stmt: D1PreparedStatement) => {
    meter.queries++;
    return count(await stmt.all());
  };
  const wrap = (stmt: D1PreparedStatement, query: string): D1PreparedStatement => {
    const proxy = new Proxy(stmt, {
      get(target, prop) {
        if (prop === 'bind') return (...values: unknown[]) => wrap(target.bind(...values), query);
        if (prop === 'all' || prop === 'run') return () => all(target);
        if (prop === 'first') {
          return async (column?: string) => {
            const row = ((await all(target)).results[0] ?? null) as Record<string, unknown> | null;
            return column ? (row?.[column] ?? null) : row;
          };
        }
        if (prop === 'raw') {
          return async (opts?: { columnNames?: boolean }) => {
            // A read runs twice: .all() for the meta (counted), .raw() for the rows, because a
            // join's rows as objects lose columns that share a name. A write runs once, and its
            // RETURNING rows (one table: names are unique) become arrays.
            if (/^\s*select\b/i.test(query)) {
              await all(target);
              return opts?.columnNames ? target.raw({ columnNames: true }) : target.raw();
            }
            const rows = (await all(target)).results as Record<string, unknown>[];
            const values = rows.map((r) => Object.values(r));
            return opts?.columnNames ? [Object.keys(rows[0] ?? {}), ...values] : values;
          };
        }
        const value = Reflect.get(target, prop, target) as unknown;
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    real.set(proxy, stmt);
    return proxy;
  };
  return {
    prepare: (query: string) => wrap(d1.prepare(query), query),
    batch: async (stmts: D1PreparedStatement[]) => {
      meter.queries++;
      return (await d1.batch(stmts.map((s) => real.get(s) ?? s))).map(count);
    },
    exec: (query: string) => d1.exec(query),
    withSession: () => {
      throw new Error('sessions are not metered');
    },
    dump: () => d1.dump(),
  } as unknown as D1Database;
}
