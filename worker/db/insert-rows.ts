// Multi-row inserts within D1's limit of 100 bound parameters per statement: the one way rows are
// inserted in bulk. A row can bind a parameter for every column of its table (drizzle binds the
// value of a column's default function too, and a column the rows leave out today may be filled
// tomorrow), so the table's own column count sizes the chunks: never a width counted by hand,
// which went stale once (a column added to `measures` made the rollover's insert bind 110).
import { getTableColumns } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Db } from './client';

/** D1 binds at most this many parameters per statement. */
export const D1_MAX_PARAMETERS = 100;

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Rows of `table` per multi-row insert. */
export function rowsPerInsert(table: SQLiteTable): number {
  return Math.max(1, Math.floor(D1_MAX_PARAMETERS / Object.keys(getTableColumns(table)).length));
}

/** `rows` in chunks that each fit one insert of `table`. */
export function insertChunks<R>(table: SQLiteTable, rows: readonly R[]): R[][] {
  return chunk(rows, rowsPerInsert(table));
}

/** The inserts of `rows` into `table`, as batch items, each within D1's parameter limit. */
export function insertRows<T extends SQLiteTable>(db: Db, table: T, rows: readonly T['$inferInsert'][]): BatchItem<'sqlite'>[] {
  return insertChunks(table, rows).map((part) => db.insert(table).values(part as never));
}
