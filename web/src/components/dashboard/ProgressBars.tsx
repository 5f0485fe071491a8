// Horizontal bars, one per measure or group: the share of its steps in each progress category,
// complete first. Each bar is an SVG image with a spoken label; the same figures are in a table.
import type { ColumnCategory } from '../../../../worker/domain/contracts';
import type { Tally } from '../../../../worker/domain/progress';
import { STACK_ORDER, categoryLabel, percentText } from './format';
import { DataTable } from './DataTable';
import { tDashboard } from '../../messages/dashboard';

export interface BarRow extends Tally {
  key: string;
  label: string;
  /** Shown under the label (e.g. "leads 4 of 14"). */
  note?: string;
}

function spoken(row: BarRow): string {
  const parts = STACK_ORDER.map((c) => `${categoryLabel(c)} ${row.byCategory[c]}`).join(', ');
  return tDashboard('progressBars.labelDoneOfTotal', { label: row.label, done: row.done, total: row.total, percentText: percentText(row.percent), parts });
}

function Bar({ row }: { row: BarRow }) {
  let x = 0;
  const segments: { category: ColumnCategory; x: number; width: number }[] = [];
  for (const category of STACK_ORDER) {
    const width = row.total === 0 ? 0 : (row.byCategory[category] / row.total) * 100;
    if (width > 0) segments.push({ category, x, width });
    x += width;
  }
  return (
    <svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" role="img" aria-label={spoken(row)} data-testid="progress-bar">
      <rect class="bar-track" x="0" y="0" width="100" height="10" />
      {segments.map((s) => (
        <rect key={s.category} class={`cat-fill-${s.category}`} x={s.x} y="0" width={s.width} height="10" />
      ))}
    </svg>
  );
}

export function ProgressBars({ id, title, rows, testId }: { id: string; title: string; rows: BarRow[]; testId: string }) {
  return (
    <section class="dash-panel" aria-labelledby={id} data-testid={testId}>
      <h2 id={id}>{title}</h2>
      <ul class="bar-list">
        {rows.map((row) => (
          <li key={row.key} class="bar-row">
            <div class="bar-label">
              <span>{row.label}</span>
              {row.note && <span class="bar-note">{row.note}</span>}
            </div>
            <Bar row={row} />
            <span class="bar-value" aria-hidden="true">
              {percentText(row.percent)}
              <span class="bar-count">
                {row.done}/{row.total}
              </span>
            </span>
          </li>
        ))}
      </ul>
      <Legend />
      <DataTable
        title={title}
        corner={tDashboard('progressBars.item')}
        headers={[...STACK_ORDER.map((c) => categoryLabel(c)), tDashboard('progressBars.total'), tDashboard('progressBars.percentDone')]}
        rows={rows.map((row) => ({ key: row.key, label: row.label, cells: [...STACK_ORDER.map((c) => row.byCategory[c]), row.total, percentText(row.percent)] }))}
      />
    </section>
  );
}

export function Legend({ categories = STACK_ORDER }: { categories?: readonly ColumnCategory[] }) {
  return (
    <ul class="chart-legend" aria-hidden="true">
      {categories.map((c) => (
        <li key={c}>
          <span class={`swatch cat-bg-${c}`} />
          {categoryLabel(c)}
        </li>
      ))}
    </ul>
  );
}
