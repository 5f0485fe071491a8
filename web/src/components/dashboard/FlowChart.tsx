// Cumulative flow: how many cards stood in each column over time, stacked (complete at the
// bottom), so a widening band shows where work piles up. SVG image plus a table.
import type { ColumnInfo, SeriesPoint } from '../../../../worker/domain/progress';
import { pickText } from '../../i18n';
import { lang } from '../../state/ui';
import { FRAME, axisLabels, countTicks, plotWidth, stackedAreas, xPositions, yOf } from './geometry';
import { shortDate } from './format';
import { DataTable } from './DataTable';
import { tDashboard } from '../../messages/dashboard';

export function FlowChart({ series, columns }: { series: SeriesPoint[]; columns: ColumnInfo[] }) {
  const title = tDashboard('flowChart.cumulativeFlowPerColumn');
  if (series.length === 0 || columns.length === 0) {
    return (
      <section class="dash-panel" aria-labelledby="dash-flow" data-testid="flow-chart">
        <h2 id="dash-flow">{title}</h2>
        <p class="muted">{tDashboard('flowChart.noChangesRecordedYet')}</p>
      </section>
    );
  }
  // Bottom band first: the last column (complete) at the bottom, the first on top.
  const order = columns.map((_, i) => i).reverse();
  // A single moment is drawn across the whole width (the board as it stands).
  const points = series.length === 1 ? [series[0]!, series[0]!] : series;
  const xs = series.length === 1 ? [FRAME.left, FRAME.left + plotWidth(FRAME)] : xPositions(points.map((p) => p.at));
  const { max, ticks } = countTicks(Math.max(...points.map((p) => p.perColumn.reduce((a, b) => a + b, 0))));
  const areas = stackedAreas(xs, order.map((i) => points.map((p) => p.perColumn[i] ?? 0)), max);
  const last = series[series.length - 1]!;
  const summary = tDashboard('flowChart.summary', {
    date: shortDate(last.date),
    columns: columns.map((c, i) => `${lang.value === 'en' ? c.labelEn : c.labelTh} ${last.perColumn[i] ?? 0}`).join(', '),
  });
  return (
    <section class="dash-panel" aria-labelledby="dash-flow" data-testid="flow-chart">
      <h2 id="dash-flow">{title}</h2>
      <svg class="chart" viewBox={`0 0 ${FRAME.width} ${FRAME.height}`} role="img" aria-label={summary}>
        {ticks.map((t) => (
          <g key={t}>
            <line class="grid" x1={FRAME.left} x2={FRAME.width - FRAME.right} y1={yOf(t, max)} y2={yOf(t, max)} />
            <text class="axis-label" x={FRAME.left - 8} y={yOf(t, max) + 4} text-anchor="end">
              {t}
            </text>
          </g>
        ))}
        {axisLabels(series).map(({ i, anchor }) => (
          <text key={i} class="axis-label" x={series.length === 1 ? FRAME.left + plotWidth(FRAME) / 2 : xs[i]} y={FRAME.height - FRAME.bottom + 22} text-anchor={series.length === 1 ? 'middle' : anchor}>
            {shortDate(series[i]!.date)}
          </text>
        ))}
        {areas.map((d, k) => (
          <path key={columns[order[k]!]!.id} class={`flow-area cat-fill-${columns[order[k]!]!.category}`} d={d} data-testid="flow-area" />
        ))}
      </svg>
      <ul class="chart-legend" aria-hidden="true">
        {columns.map((c) => (
          <li key={c.id}>
            <span class={`swatch cat-bg-${c.category}`} />
            {pickText(c.labelTh, c.labelEn)}
          </li>
        ))}
      </ul>
      <DataTable
        title={title}
        corner={tDashboard('flowChart.date')}
        headers={columns.map((c) => pickText(c.labelTh, c.labelEn))}
        rows={series.map((p) => ({ key: p.at, label: shortDate(p.date), cells: columns.map((_, i) => p.perColumn[i] ?? 0) }))}
      />
    </section>
  );
}
