// Bulk inserts stay within D1's 100 bound parameters whatever the rows fill: every table of the
// schema, rows that fill every column (a hand-counted width went stale once: a column added to
// `measures` made the rollover bind 110 and answer 500), and a real batch in D1 crossing chunks.
import { describe, expect, it } from 'vitest';
import { eq, getTableColumns, inArray, is } from 'drizzle-orm';
import { SQLiteTable } from 'drizzle-orm/sqlite-core';
import * as schema from '../../worker/db/schema';
import { D1_MAX_PARAMETERS, insertRows } from '../../worker/db/insert-rows';
import { db, seedOffice } from './helpers';

const tables = (Object.entries(schema) as [string, unknown][]).filter((e): e is [string, SQLiteTable] => is(e[1], SQLiteTable));

/** A row that sets every column of `table` (the values' kinds only matter to the binding). */
function fullRow(table: SQLiteTable, i: number): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(getTableColumns(table))) {
    row[key] = column.dataType === 'number' ? i : column.dataType === 'boolean' ? true : column.dataType === 'json' ? {} : `v${i}`;
  }
  return row;
}

describe('insertRows', () => {
  it('binds at most 100 parameters per statement for every table, rows filling every column, and keeps every row', () => {
    expect(tables.length).toBeGreaterThan(30);
    for (const [name, table] of tables) {
      const rows = Array.from({ length: 257 }, (_, i) => fullRow(table, i));
      const statements = insertRows(db(), table, rows as never);
      const params = statements.map((s) => (s as unknown as { toSQL(): { params: unknown[] } }).toSQL().params.length);
      expect({ name, over: params.filter((n) => n > D1_MAX_PARAMETERS) }).toEqual({ name, over: [] });
      expect({ name, rows: params.reduce((a, b) => a + b, 0) }).toEqual({ name, rows: 257 * Object.keys(getTableColumns(table)).length });
    }
  });

  it('inserts cards filling every column across several chunks in one D1 batch', async () => {
    const demo = await seedOffice('insert-rows-peo');
    const d = db();
    const [card] = await d.select().from(schema.cards).where(eq(schema.cards.orgId, demo.orgId)).limit(1);
    const rows = Array.from({ length: 40 }, (_, i) => ({ ...card!, id: crypto.randomUUID(), title: `แถว ${i}`, orderKey: `${card!.orderKey}~${String(i).padStart(3, "0")}` }));
    const statements = insertRows(d, schema.cards, rows);
    expect(statements.length).toBe(Math.ceil(40 / Math.floor(D1_MAX_PARAMETERS / Object.keys(getTableColumns(schema.cards)).length)));
    await d.batch(statements as never);
    const stored = await d.select({ id: schema.cards.id }).from(schema.cards).where(inArray(schema.cards.id, rows.map((r) => r.id)));
    expect(stored.length).toBe(40);
  });
});
