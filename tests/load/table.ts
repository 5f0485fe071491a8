// Figures as a plain-text table, for test output and the bench script (console.table does not
// print inside workerd, and its index column gets in the way).

export type Cell = string | number;

export function formatTable(rows: readonly Record<string, Cell>[], title?: string): string {
  if (rows.length === 0) return title ? `${title}\n(none)` : '(none)';
  const headers = Object.keys(rows[0]!);
  const text = (v: Cell | undefined) => (typeof v === 'number' ? formatNumber(v) : (v ?? ''));
  const widths = headers.map((h) => Math.max(h.length, ...rows.map((r) => text(r[h]).length)));
  const line = (cells: string[]) => cells.map((c, i) => (/^[\d.,-]+( ms)?$/.test(c) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(' | ');
  const out = [line(headers), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.map((r) => line(headers.map((h) => text(r[h]))))];
  return title ? `${title}\n${out.join('\n')}` : out.join('\n');
}

function formatNumber(n: number): string {
  if (Number.isInteger(n)) return String(n);
  return n.toFixed(Math.abs(n) >= 100 ? 0 : Math.abs(n) >= 10 ? 1 : 2);
}

/** The q-quantile (0..1) of sorted values, by nearest rank. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil(q * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}
