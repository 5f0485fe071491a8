// A D1 binding that remembers every statement it was asked to run, with its bound values, and
// otherwise is the real binding: for tests/worker/query-plans.test.ts, which asks SQLite how it
// would run each of them.
export interface RecordedStatement {
  sql: string;
  params: unknown[];
}

export function recordingD1(real: D1Database): { binding: D1Database; statements: RecordedStatement[] } {
  const statements: RecordedStatement[] = [];
  const original = new WeakMap<object, { stmt: D1PreparedStatement; record: () => void }>();
  const wrap = (stmt: D1PreparedStatement, sql: string, params: unknown[]): D1PreparedStatement => {
    let recorded = false;
    const record = () => {
      if (!recorded) statements.push({ sql, params });
      recorded = true;
    };
    const proxy = new Proxy(stmt, {
      get(target, prop) {
        if (prop === 'bind') return (...values: unknown[]) => wrap(target.bind(...values), sql, values);
        const value = Reflect.get(target, prop, target) as unknown;
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          record();
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
    original.set(proxy, { stmt, record });
    return proxy;
  };
  const binding = {
    prepare: (sql: string) => wrap(real.prepare(sql), sql, []),
    exec: (sql: string) => real.exec(sql),
    dump: () => real.dump(),
    withSession: () => binding,
    batch: (stmts: D1PreparedStatement[]) => {
      // A statement that only goes into a batch is recorded here.
      for (const s of stmts) original.get(s)?.record();
      return real.batch(stmts.map((s) => original.get(s)?.stmt ?? s));
    },
  } as unknown as D1Database;
  return { binding, statements };
}
