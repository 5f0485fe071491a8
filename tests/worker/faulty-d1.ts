// A D1 binding that fails on purpose, for tests/worker/faults.test.ts: the real binding, except
// that the first batch that writes suffers one fault. Statements are wrapped only to know their
// SQL; the real database executes everything, so a rollback is the database's own.
export type Fault =
  /** The batch never reaches the database (a dropped connection before commit). */
  | 'reject'
  /** A statement fails after the first write of the batch has run (the database rolls back). */
  | 'poison-middle'
  /** A statement fails after every write of the batch has run. */
  | 'poison-end'
  /** The batch commits, then the answer is lost on its way back. */
  | 'lose-ack';

/** The real binding, except that the first batch that writes suffers `fault`. */
export function faultyD1(real: D1Database, fault: Fault): { binding: D1Database; injected: () => boolean } {
  const sqlOf = new WeakMap<object, { stmt: D1PreparedStatement; sql: string }>();
  const wrap = (stmt: D1PreparedStatement, sql: string): D1PreparedStatement => {
    const proxy = new Proxy(stmt, {
      get(target, prop) {
        if (prop === 'bind') return (...values: unknown[]) => wrap(target.bind(...values), sql);
        const value = Reflect.get(target, prop, target) as unknown;
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    sqlOf.set(proxy, { stmt, sql });
    return proxy;
  };
  // Fails inside the database: card_events.id and org_id are NOT NULL.
  const poison = () => real.prepare('insert into card_events (id, org_id) values (null, null)');
  let done = false;
  const binding = {
    prepare: (sql: string) => wrap(real.prepare(sql), sql),
    exec: (sql: string) => real.exec(sql),
    dump: () => real.dump(),
    withSession: () => binding,
    batch: async (stmts: D1PreparedStatement[]) => {
      const parts = stmts.map((s) => sqlOf.get(s) ?? { stmt: s, sql: '' });
      const plain = parts.map((p) => p.stmt);
      const firstWrite = parts.findIndex((p) => /^\s*(insert|update|delete)/i.test(p.sql));
      if (done || firstWrite < 0) return real.batch(plain);
      done = true;
      switch (fault) {
        case 'reject':
          throw new Error('D1_ERROR: Network connection lost.');
        case 'poison-middle':
          return real.batch([...plain.slice(0, firstWrite + 1), poison(), ...plain.slice(firstWrite + 1)]);
        case 'poison-end':
          return real.batch([...plain, poison()]);
        case 'lose-ack':
          await real.batch(plain);
          throw new Error('D1_ERROR: Network connection lost.');
      }
    },
  } as unknown as D1Database;
  return { binding, injected: () => done };
}
